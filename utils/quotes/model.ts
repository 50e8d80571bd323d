// A saved quote: what was selected, where, and how to find it again (W3C Web Annotation
// selectors), with the article's citation data and the reader's own note, tags and colour.

import type { ScriptChoice } from '../settings/schema';
import type { Selector } from './anchor';

export const QUOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type QuoteColor = (typeof QUOTE_COLORS)[number];

export interface Quote {
  id: string;
  /** the text exactly as shown when saved */
  text: string;
  /** the same text in the page's own script */
  originalText: string;
  /** the script the text was shown in */
  script: ScriptChoice;
  /** TextQuoteSelector + TextPositionSelector over the text it was saved from */
  selector: Selector;
  /** saved in the reader view or on the original page */
  where: 'reader' | 'page';
  url: string;
  canonicalUrl: string | null;
  /** the page's identity: URL without fragment, tracking parameters or trailing slash */
  urlKey: string;
  title: string;
  site: string | null;
  byline: string | null;
  /** the article's writers, when the page named them (citations fall back to the byline) */
  authors: string[];
  /** a joined article's first page, for a quote saved on a later page (null: its own page is the article) */
  articleUrl: string | null;
  published: string | null;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  note: string;
  color: QuoteColor;
}

const TRACKING = /^(?:utm_\w+|spm|from|share_token|fbclid|gclid|scene|wfr|ref|source)$/i;

/** A page's identity for quotes: the same article opened from a feed or a share link matches. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '').replace(/^m\./, '');
    return u.href.replace(/\/$/, '').replace(/^https:/, 'http:');
  } catch {
    return url;
  }
}

export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A stored or imported value → a valid quote, or null (never throws, never trusts the input). */
export function normalizeQuote(raw: unknown): Quote | null {
  const r = obj(raw);
  const text = str(r.text, 20_000);
  const url = str(r.url, 4096);
  const sel = obj(r.selector);
  const q = obj(sel.quote);
  const p = obj(sel.position);
  if (!text || !url || typeof q.exact !== 'string') return null;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const createdAt = num(r.createdAt, Date.now());
  return {
    id: str(r.id, 100) || newId(),
    text,
    originalText: str(r.originalText, 20_000) ?? text,
    script: (['original', 'simplified', 'traditional', 'taiwan', 'hongkong'] as const).find((s) => s === r.script) ?? 'original',
    selector: {
      quote: { exact: q.exact.slice(0, 20_000), prefix: str(q.prefix, 200) ?? '', suffix: str(q.suffix, 200) ?? '' },
      position: { start: Math.max(0, num(p.start, 0)), end: Math.max(0, num(p.end, 0)) },
    },
    where: r.where === 'page' ? 'page' : 'reader',
    url,
    canonicalUrl: str(r.canonicalUrl, 4096),
    urlKey: urlKey(url),
    title: str(r.title, 1000) ?? '',
    site: str(r.site, 200),
    byline: str(r.byline, 200),
    authors: Array.isArray(r.authors) ? r.authors.filter((a): a is string => typeof a === 'string' && a.trim() !== '' && a.length <= 100).slice(0, 20) : [],
    articleUrl: str(r.articleUrl, 4096),
    published: str(r.published, 40),
    createdAt,
    updatedAt: num(r.updatedAt, createdAt),
    tags: Array.isArray(r.tags) ? [...new Set(r.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '' && t.length <= 50).map((t) => t.trim()))].slice(0, 30) : [],
    note: str(r.note, 10_000) ?? '',
    color: QUOTE_COLORS.find((c) => c === r.color) ?? 'yellow',
  };
}

/** `— 作者，《标题》，站点，日期，URL`: the citation line a quote is copied with. */
export function citation(q: Pick<Quote, 'byline' | 'title' | 'site' | 'published' | 'canonicalUrl' | 'url'> & { articleUrl?: string | null }): string {
  const date = q.published ? q.published.slice(0, 10) : null;
  const parts = [q.byline, q.title ? `《${q.title}》` : null, q.site, date, q.articleUrl ?? q.canonicalUrl ?? q.url].filter(Boolean);
  return `— ${parts.join('，')}`;
}
