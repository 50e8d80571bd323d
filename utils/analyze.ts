// The whole pipeline over one parsed page, as the `jingdu analyze` contract describes it.
// Stages owned by later work report neutral values until they exist.

import { detectArticle, type Verdict } from './page/detect';
import { extractArticle, inferLang } from './page/extract';
import { cleanTitle, normalizeSpace } from './page/metadata';
import type { Sanitizer } from './page/sanitize';

export type EntityType = 'person' | 'organization' | 'place' | 'date' | 'number' | 'work';

export interface Analysis {
  isArticle: boolean;
  detection: { score: number; reasons: string[] };
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  script: { detected: 'simplified' | 'traditional' | 'mixed' | 'none'; target: string | null };
  repairs: { pinyinAnnotations: number };
  text: string;
  html: string;
  outline: Array<{ level: number; text: string }>;
  summary: string[];
  entities: Array<{ text: string; type: EntityType; count: number }>;
}

export interface AnalyzeOptions {
  url: string;
  sanitizer: Sanitizer;
}

/** Runs detection then extraction. `doc` is consumed (Readability rewrites it). */
export function analyzeDocument(doc: Document, { url, sanitizer }: AnalyzeOptions): Analysis {
  const verdict: Verdict = detectArticle(doc, url);
  const fallbackTitle = cleanTitle(doc.title ?? '', doc);
  const article = doc.body ? extractArticle(doc, { url, sanitizer }) : null;
  const text = article?.text ?? '';
  return {
    isArticle: verdict.isArticle,
    detection: { score: verdict.score, reasons: verdict.reasons },
    title: article?.title ?? normalizeSpace(fallbackTitle),
    byline: article?.byline ?? null,
    siteName: article?.siteName ?? null,
    published: article?.published ?? null,
    lang: article?.lang ?? inferLang(text),
    script: { detected: 'none', target: null },
    repairs: { pinyinAnnotations: 0 },
    text,
    html: article?.html ?? '',
    outline: [],
    summary: [],
    entities: [],
  };
}
