// Saved quotes as references (CSL-JSON items, the data Zotero, citeproc and citation-js share): one
// item per article, its quotes in the note. Chinese names stay whole ({literal}: 王小明 is never
// split into family and given name, nor turned round with a comma); the site is the container.
// Pure data, no library: citation-js loads only when something is exported (./cite.ts).

import type { Quote } from '../quotes/model';

export interface CslName {
  literal: string;
}

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  note?: string;
}

// Role words around names in a byline: 记者 王明, 文/李华, 作者：张三, 本报记者 赵四 通讯员 钱五.
const ROLE = /(?:本报|新华社|特约|实习)?(?:记者|作者|撰稿|撰文|执笔|采写|通讯员|文|报道)[:：/／\s]*/g;
const OUTLET = /(?:社|网|網|报|報|台|频道|頻道|新闻|新聞|中心|日报|晚报|杂志|雜誌)$/;
const NAME = /^(?:[\u4e00-\u9fff·]{2,5}|[A-Z][\p{L}'’.-]*(?:\s[A-Z][\p{L}'’.-]*){0,3})$/u;

/**
 * The writers a quote names: the article's `authors` when it was saved with them, else the names
 * in its byline when every part of it is a name (an editor's line, an outlet or a sentence is
 * left out rather than cited as an author).
 */
export function authorsOf(q: Pick<Quote, 'byline'> & { authors?: string[] }): string[] {
  if (q.authors?.length) return q.authors;
  const byline = q.byline?.trim();
  if (!byline || /编辑|編輯|责编|責編|校对|校對|来源|來源|摄|攝|图|圖/.test(byline)) return [];
  // Chinese names are separated by spaces too (记者 王明 李华); Latin names are not split at a space.
  const names = byline
    .replace(ROLE, ' ')
    .split(/[,，、;；/／&]|和|与|與|\band\b/)
    .flatMap((s) => (/[\u4e00-\u9fff]/.test(s) ? s.split(/\s+/) : [s]))
    .map((s) => s.trim())
    .filter(Boolean);
  // An outlet in the byline (新华社, 示例日报) is the site's credit, not a writer.
  return names.length && names.every((n) => NAME.test(n) && !OUTLET.test(n)) ? [...new Set(names)] : [];
}

const dateParts = (iso: string | null): number[] | null => {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
  return m ? [Number(m[1]), Number(m[2]), ...(m[3] ? [Number(m[3])] : [])] : null;
};

/** The reader's local calendar day of a timestamp: the day the page was read. */
export function localDay(ms: number): number[] {
  const d = new Date(ms);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/** The article a quote belongs to: the first page of a joined article, else the page itself. */
export function articleUrlOf(q: Pick<Quote, 'url' | 'canonicalUrl'> & { articleUrl?: string | null }): string {
  return q.articleUrl ?? q.canonicalUrl ?? q.url;
}

/** A short, stable, BibTeX-safe key from the article's address (FNV-1a). */
function keyOf(url: string, year: number | undefined): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return `jingdu${year ?? ''}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** One quote's article as a reference. */
export function itemOf(quotes: Array<Quote & { authors?: string[]; articleUrl?: string | null }>): CslItem {
  const first = quotes[0];
  const url = articleUrlOf(first);
  const issued = dateParts(first.published);
  const authors = authorsOf(first);
  const note = quotes.map((q) => q.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return {
    id: keyOf(url, issued?.[0]),
    type: 'webpage',
    title: first.title || url,
    ...(authors.length ? { author: authors.map((literal) => ({ literal })) } : {}),
    ...(first.site ? { 'container-title': first.site } : {}),
    ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
    accessed: { 'date-parts': [localDay(Math.min(...quotes.map((q) => q.createdAt)))] },
    URL: url,
    ...(note.length ? { note: note.map((n) => `“${n}”`).join('\n') } : {}),
  };
}

/** Quotes → one reference per article, in the order the articles first appear. */
export function itemsOf(quotes: Quote[]): CslItem[] {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) {
    const k = articleUrlOf(q);
    groups.set(k, [...(groups.get(k) ?? []), q]);
  }
  return [...groups.values()].map(itemOf);
}
