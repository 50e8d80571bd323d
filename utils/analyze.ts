// The whole pipeline over one parsed page, as the `jingdu analyze` contract describes it:
// detect → extract (Readability + DOMPurify) → repair pinyin leaks → convert the script → outline,
// summary and entities.

import { findEntities, type EntityOptions } from './nlp/entities';
import { blockText } from './nlp/highlight';
import { outline } from './nlp/outline';
import type { EntityType, Span } from './nlp/rules';
import { summarizeEntities } from './nlp/salience';
import { summarize } from './nlp/summary';
import { detectArticle } from './page/detect';
import { extractArticle, inferLang } from './page/extract';
import { cleanTitle, normalizeSpace, type MetadataSources } from './page/metadata';
import { paragraphsOf } from './page/plain-text';
import type { Sanitizer } from './page/sanitize';
import { detectScript, type Script } from './script/detect';
import { looksAnnotated, MIN_HITS } from './script/repair';
import { LANG_OF, type Target } from './script/targets';
import { transformTree, type TextOp, type Transformer } from './script/transform';


export interface Analysis {
  isArticle: boolean;
  detection: { score: number; reasons: string[] };
  title: string;
  /** the writers as one display string */
  byline: string | null;
  /** the writers' names */
  authors: string[];
  siteName: string | null;
  published: string | null;
  /** the rule that found each of title, byline, published and siteName (null: not found) */
  metadataSources: MetadataSources;
  lang: string | null;
  script: { detected: Script; target: Target | null };
  repairs: { pinyinAnnotations: number };
  text: string;
  html: string;
  /** `block`: index in readingBlocks() of the article HTML, for scrolling there */
  outline: Array<{ level: number; text: string; block: number }>;
  summary: string[];
  /** key entities first (`key`: what the reader marks by default), then the rest by count */
  entities: Array<{ text: string; type: EntityType; count: number; key: boolean }>;
}

export interface AnalyzeOptions {
  url: string;
  sanitizer: Sanitizer;
  /** show the text in this script (null or absent: as the page has it) */
  to?: Target | null;
  /** remove 發(fā)布-style pinyin leaks (when the page has several) */
  repair?: boolean;
  /** where repair and conversion run; required when `to` or `repair` is set */
  transform?: Transformer;
  /** the entity tagger and gazetteer (rules alone when absent) */
  entities?: EntityOptions;
  /** read outline, summary and entities now (false: leave them empty, for readArticle later) */
  read?: boolean;
}

/** Outline, summary and entities of an article, in whatever script its text is now. */
/** `root`: the sanitized article as nodes; `text`: its paragraphs. */
/** `title`: the headline (an entity it names weighs more). */
export function readArticle(root: ParentNode, text: string, entities: EntityOptions = {}, title = ''): Pick<Analysis, 'outline' | 'summary' | 'entities'> {
  // Entities over the text of the reading blocks: the same text the reader marks them in.
  const blocks = blockText(root).text;
  return { ...readStructure(root, text), entities: entityList(blocks, findEntities(blocks, entities), title) };
}

/** The analysis's entity list from spans over the reading blocks' text. */
export function entityList(blocks: string, spans: Span[], title: string): Analysis['entities'] {
  return summarizeEntities(blocks, spans, title).map(({ text, type, count, key }) => ({ text, type, count, key }));
}

/** Outline and summary alone (extension pages tag entities in a worker). */
export function readStructure(root: ParentNode, text: string): Pick<Analysis, 'outline' | 'summary'> {
  return { outline: outline(root), summary: summarize(text).map((x) => x.text) };
}

/** A page's `lang` when it declares none: zh-Hans / zh-Hant from the characters. */
function langFor(declared: string | null, text: string, script: Script): string | null {
  if (declared && declared.toLowerCase() !== 'zh') return declared;
  const inferred = inferLang(text);
  if (inferred !== 'zh') return inferred;
  return script === 'simplified' ? 'zh-Hans' : script === 'traditional' ? 'zh-Hant' : 'zh';
}

/** Runs the pipeline. `doc` is consumed (Readability rewrites it). */
export async function analyzeDocument(doc: Document, options: AnalyzeOptions): Promise<Analysis> {
  const { url, sanitizer, to = null, repair = false, transform, entities, read = true } = options;
  const verdict = detectArticle(doc, url);
  const fallbackTitle = normalizeSpace(cleanTitle(doc.title ?? '', doc));
  const article = doc.body ? extractArticle(doc, { url, sanitizer }) : null;
  const text = article?.text ?? '';
  const script = detectScript(`${article?.title ?? fallbackTitle}\n${text}`);
  const base: Analysis = {
    isArticle: verdict.isArticle,
    detection: { score: verdict.score, reasons: verdict.reasons },
    title: article?.title ?? fallbackTitle,
    byline: article?.byline ?? null,
    authors: article?.authors ?? [],
    siteName: article?.siteName ?? null,
    published: article?.published ?? null,
    metadataSources: article?.metadataSources ?? { title: fallbackTitle ? 'title-tag' : null, byline: null, published: null, siteName: null },
    lang: langFor(article?.lang ?? null, text, script),
    script: { detected: script, target: null },
    repairs: { pinyinAnnotations: 0 },
    text,
    html: article?.html ?? '',
    outline: [],
    summary: [],
    entities: [],
  };
  // The repair needs several annotation-shaped spans to act at all; without them, skip the pass.
  const repairs = repair && looksAnnotated(text) >= MIN_HITS;
  const ops: TextOp[] = [...(repairs ? [{ kind: 'repair' as const }] : []), ...(to ? [{ kind: 'convert' as const, to }] : [])];
  if (ops.length && transform && article) return transformAnalysis(base, ops, sanitizer, transform, read ? entities : null);
  return article && read ? { ...base, ...readArticle(article.root, text, entities, base.title) } : base;
}

/**
 * The pipeline on a first screen (utils/page/first-screen.ts: the page's head, headline and first
 * paragraphs), for the reader to show while it reads the whole page. Null when the headline chosen
 * is not the one the page prints (the site's name read into it, say: the whole page may decide
 * otherwise). Byline, date and site name are left out: what decides them is not in a first screen.
 */
export async function analyzeFirstScreen(doc: Document, options: Omit<AnalyzeOptions, 'read' | 'entities'>): Promise<Analysis | null> {
  const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
  const printed = squash(doc.body?.textContent ?? '');
  const a = await analyzeDocument(doc, { ...options, read: false });
  if (!a.text || !a.title || !printed.includes(squash(a.title))) return null;
  return { ...a, byline: null, authors: [], published: null, siteName: null };
}

/**
 * Repairs and/or converts an analysis: the article's text nodes, its text, and the headline,
 * byline, writers and site name. The reader view calls it again for each script the reader picks.
 */
export async function transformAnalysis(
  a: Analysis,
  ops: TextOp[],
  sanitizer: Sanitizer,
  transform: Transformer,
  /** null: leave outline, summary and entities as they are (read them later) */
  entities: EntityOptions | null = {},
): Promise<Analysis> {
  const withContext = ops.map((op) => (op.kind === 'convert' ? { ...op, context: a.script.detected, declared: a.lang } : op));
  const fragment = sanitizer.fragment(a.html);
  const repaired = await transformTree(fragment, withContext, transform);
  const text = paragraphsOf(fragment).join('\n\n');
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  // The headline carries the same leaks as the body: repair it whenever the body needed it.
  const headOps = withContext.map((op) => (op.kind === 'repair' ? { ...op, minHits: repaired ? 1 : Infinity } : op));
  const head = await transform({ texts: [a.title, a.byline ?? '', a.siteName ?? '', ...a.authors], ops: headOps });
  const to = withContext.find((op) => op.kind === 'convert')?.to ?? null;
  const html = holder.innerHTML;
  return {
    ...a,
    ...(entities ? readArticle(holder, text, entities, head.texts[0]) : {}),
    title: head.texts[0],
    byline: a.byline && head.texts[1],
    authors: head.texts.slice(3),
    siteName: a.siteName && head.texts[2],
    lang: to ? LANG_OF[to] : a.lang,
    script: { detected: a.script.detected, target: to ?? a.script.target },
    repairs: { pinyinAnnotations: a.repairs.pinyinAnnotations + repaired },
    text,
    html,
  };
}
