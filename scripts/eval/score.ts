// Accuracy on real pages: every page of the shared corpus's news-pages/ (hand-checked gold) and the
// Chinese Readability test pages, through the same pipeline as `jingdu analyze`. Used by
// `npm run eval` (a table people read) and by the unit test that holds the floors reached.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/dom';
import { analyzeDocument, type Analysis } from '../../utils/analyze';
import { normalizeSpace } from '../../utils/page/metadata';
import { plainText } from '../../utils/page/plain-text';
import { CORPUS } from '../../test/helpers/corpus';
import { charF1 } from '../../test/helpers/f1';

export const NEWS = join(CORPUS, 'news-pages');
export const READABILITY_ZH = ['gmw', 'qq', 'youth', 'pixnet'];

export interface Gold {
  file: string;
  isArticle: boolean;
  title: string | null;
  /** YYYY-MM-DD[ HH:MM[:SS]], as precise as the page shows it */
  published: string | null;
  author: string[];
  siteName: string | null;
  bodySelector: string | null;
  mustNotContain: string[];
}

export type DateVerdict = 'right' | 'wrong' | 'missing' | 'none' | 'invented';

export interface PageScore {
  name: string;
  isArticle: { gold: boolean; got: boolean };
  /** null where the page has no gold headline */
  titleExact: boolean | null;
  title: string;
  goldTitle: string | null;
  /** right / wrong / missing where the page shows a date; none / invented where it shows none */
  date: DateVerdict | null;
  published: string | null;
  goldPublished: string | null;
  /** every gold writer found and no other name */
  authorsRight: boolean | null;
  /** names shown that are not writers of the article */
  authorsWrong: string[];
  authors: string[];
  goldAuthors: string[];
  siteName: string | null;
  goldSiteName: string | null;
  /** null where there is no gold body */
  bodyF1: number | null;
  /** boilerplate strings of the page found in the body */
  clutter: string[];
  /** summary sentences of kinds no reader wants (teasers, datelines, credits, the headline) */
  junkSummary: string[];
}

export function readGold(): Gold[] {
  return readFileSync(join(NEWS, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
}

/** The page's own address where it names one (canonical link, og:url), as the browser would know it. */
export function pageUrl(html: string, fallback: string): string {
  const link = /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i.exec(html)?.[0] ?? /<meta\b[^>]*\bproperty=["']og:url["'][^>]*>/i.exec(html)?.[0];
  const href = link && /\b(?:href|content)=["']?(https?:\/\/[^"'\s>]+)/i.exec(link)?.[1];
  return href && URL.canParse(href.replace(/&amp;/g, '&')) ? href.replace(/&amp;/g, '&') : fallback;
}

export async function analyzePage(html: string, url: string): Promise<Analysis> {
  const page = parseHtml(html, url);
  try {
    return await analyzeDocument(page.doc, { url, sanitizer: page.sanitizer });
  } finally {
    page.close();
  }
}

/** A date as the gold writes it ("2019-09-07 13:43:45") from ISO 8601 ("2019-09-07T13:43:45+08:00"). */
export function goldForm(iso: string): string {
  return iso.replace('T', ' ').replace(/(?:Z|[+-]\d{2}:\d{2})$/, '');
}

/** Right when the day agrees and the time agrees as far as both give one. */
export function judgeDate(got: string | null, gold: string | null): DateVerdict {
  if (!gold) return got ? 'invented' : 'none';
  if (!got) return 'missing';
  const a = goldForm(got);
  if (a.slice(0, 10) !== gold.slice(0, 10)) return 'wrong';
  const n = Math.min(a.length, gold.length);
  if (n <= 10) return 'right';
  // A time given as HH:MM:00 matches a gold HH:MM.
  return a.slice(0, n) === gold.slice(0, n) || (n === 16 && a.slice(11, 16) === gold.slice(11, 16)) ? 'right' : 'wrong';
}

/** Names of the analysis: `authors` where the pipeline gives them, else the byline split at 、/,/spaces. */
export function authorsOf(a: Analysis): string[] {
  const given = (a as Analysis & { authors?: string[] }).authors;
  if (Array.isArray(given)) return given;
  return a.byline ? a.byline.split(/[、,，;；\s]+/).filter(Boolean) : [];
}

const JUNK_SUMMARY = [
  /(?:\.\.\.|…)$/, // a teaser cut short
  /^(?:导读|導讀|摘要|来源|來源|编辑|編輯|责编|責編|责任编辑|責任編輯)/,
  /(?:\/|／)\s*(?:摄|攝)|(?:摄|攝)\s*$/, // photo credits
  /^(?:\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?)\s*\d{1,2}[:：]\d{2}/, // a dateline
];

export function junkSummary(a: Analysis): string[] {
  const title = normalizeSpace(a.title);
  return a.summary.filter((s) => JUNK_SUMMARY.some((re) => re.test(s.trim())) || (title.length > 4 && normalizeSpace(s).replace(/[。！？!?]$/, '') === title));
}

export async function scoreNewsPage(g: Gold): Promise<PageScore> {
  const html = readFileSync(join(NEWS, 'pages', g.file), 'utf8');
  const a = await analyzePage(html, pageUrl(html, `https://news-pages.invalid/${g.file}`));
  const stem = g.file.replace(/\.html$/, '');
  const bodyFile = join(NEWS, 'body', `${stem}.txt`);
  const gold = existsSync(bodyFile) ? readFileSync(bodyFile, 'utf8') : null;
  const authors = authorsOf(a);
  const goldAuthors = g.author ?? [];
  const wrong = authors.filter((x) => !goldAuthors.includes(x));
  const article = g.isArticle;
  return {
    name: stem,
    isArticle: { gold: g.isArticle, got: a.isArticle },
    titleExact: article && g.title ? normalizeSpace(a.title) === normalizeSpace(g.title) : null,
    title: a.title,
    goldTitle: g.title,
    date: article ? judgeDate(a.published, g.published) : null,
    published: a.published,
    goldPublished: g.published,
    authorsRight: article && goldAuthors.length ? wrong.length === 0 && goldAuthors.every((x) => authors.includes(x)) : null,
    authorsWrong: article ? wrong : [],
    authors,
    goldAuthors,
    siteName: a.siteName,
    goldSiteName: g.siteName,
    bodyF1: article && gold ? charF1(a.text, gold) : null,
    clutter: article ? (g.mustNotContain ?? []).filter((s) => a.text.includes(s)) : [],
    junkSummary: article ? junkSummary(a) : [],
  };
}

/** A Chinese Readability test page: body against Readability's expected output, all are articles. */
export async function scoreReadabilityPage(name: string): Promise<PageScore> {
  const dir = join(CORPUS, 'readability', name);
  const a = await analyzePage(readFileSync(join(dir, 'source.html'), 'utf8'), 'http://fakehost/test/page.html');
  const expected = parseHtml(readFileSync(join(dir, 'expected.html'), 'utf8'), 'http://fakehost/test/page.html');
  const gold = plainText(expected.doc.body);
  expected.close();
  return {
    name: `readability/${name}`,
    isArticle: { gold: true, got: a.isArticle },
    titleExact: null,
    title: a.title,
    goldTitle: null,
    date: null,
    published: a.published,
    goldPublished: null,
    authorsRight: null,
    authorsWrong: [],
    authors: authorsOf(a),
    goldAuthors: [],
    siteName: a.siteName,
    goldSiteName: null,
    bodyF1: charF1(a.text, gold),
    clutter: [],
    junkSummary: junkSummary(a),
  };
}

export interface Totals {
  articles: number;
  detected: number;
  negatives: number;
  negativesRight: number;
  titles: number;
  titleExact: number;
  datesShown: number;
  dateRight: number;
  dateWrong: number;
  dateMissing: number;
  dateInvented: number;
  withAuthors: number;
  authorsRight: number;
  /** pages on which a name is shown that is not a writer */
  authorsWrongPages: number;
  siteNames: number;
  siteNameRight: number;
  bodies: number;
  bodyF1: number;
  clutterPages: number;
  junkSummary: number;
}

export function totals(scores: PageScore[]): Totals {
  const news = scores.filter((s) => !s.name.startsWith('readability/'));
  const arts = news.filter((s) => s.isArticle.gold);
  const negs = news.filter((s) => !s.isArticle.gold);
  const bodies = news.filter((s) => s.bodyF1 !== null);
  const dated = arts.filter((s) => s.goldPublished);
  const credited = arts.filter((s) => s.goldAuthors.length);
  const named = arts.filter((s) => s.goldSiteName);
  return {
    articles: arts.length,
    detected: arts.filter((s) => s.isArticle.got).length,
    negatives: negs.length,
    negativesRight: negs.filter((s) => !s.isArticle.got).length,
    titles: arts.filter((s) => s.titleExact !== null).length,
    titleExact: arts.filter((s) => s.titleExact).length,
    datesShown: dated.length,
    dateRight: dated.filter((s) => s.date === 'right').length,
    dateWrong: dated.filter((s) => s.date === 'wrong').length,
    dateMissing: dated.filter((s) => s.date === 'missing').length,
    dateInvented: arts.filter((s) => s.date === 'invented').length,
    withAuthors: credited.length,
    authorsRight: credited.filter((s) => s.authorsRight).length,
    authorsWrongPages: arts.filter((s) => s.authorsWrong.length).length,
    siteNames: named.length,
    siteNameRight: named.filter((s) => s.siteName === s.goldSiteName).length,
    bodies: bodies.length,
    bodyF1: bodies.reduce((t, s) => t + s.bodyF1!, 0) / Math.max(1, bodies.length),
    clutterPages: arts.filter((s) => s.clutter.length).length,
    junkSummary: scores.reduce((t, s) => t + s.junkSummary.length, 0),
  };
}

export async function scoreAll(): Promise<PageScore[]> {
  const out: PageScore[] = [];
  for (const g of readGold()) out.push(await scoreNewsPage(g));
  for (const name of READABILITY_ZH) out.push(await scoreReadabilityPage(name));
  return out;
}
