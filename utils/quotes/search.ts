// Searching saved quotes: script-insensitive (发展 finds 發展) and punctuation-insensitive, with
// filters by site, tag and date, and a sort. The index is the quotes' normalized text, built once.

import type { Quote } from './model';

export interface QuoteIndex {
  entries: Array<{ quote: Quote; hay: string }>;
  fold: Map<string, string>;
}

export type QuoteSort = 'newest' | 'oldest' | 'site' | 'title';

export interface QuoteFilter {
  query?: string;
  site?: string | null;
  tag?: string | null;
  /** epoch ms, inclusive */
  from?: number | null;
  to?: number | null;
  sort?: QuoteSort;
}

/** Folded to Simplified, lower-cased, without punctuation, spaces or symbols. */
export function searchForm(text: string, fold: Map<string, string>): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (/[\p{P}\p{S}\s]/u.test(ch)) continue;
    out += fold.get(ch) ?? ch;
  }
  return out;
}

export function buildIndex(quotes: Quote[], fold: Map<string, string>): QuoteIndex {
  return {
    fold,
    entries: quotes.map((quote) => ({
      quote,
      hay: searchForm([quote.text, quote.originalText, quote.note, quote.title, quote.site ?? '', quote.byline ?? '', quote.tags.join(' ')].join('\u0001'), fold),
    })),
  };
}

export function searchQuotes(index: QuoteIndex, filter: QuoteFilter = {}): Quote[] {
  const words = (filter.query ?? '').split(/\s+/).map((w) => searchForm(w, index.fold)).filter(Boolean);
  const out: Quote[] = [];
  for (const { quote, hay } of index.entries) {
    if (filter.site && quote.site !== filter.site) continue;
    if (filter.tag && !quote.tags.includes(filter.tag)) continue;
    if (filter.from != null && quote.createdAt < filter.from) continue;
    if (filter.to != null && quote.createdAt > filter.to) continue;
    if (words.length && !words.every((w) => hay.includes(w))) continue;
    out.push(quote);
  }
  const sort = filter.sort ?? 'newest';
  const byText = (a: string, b: string) => a.localeCompare(b, 'zh');
  return out.sort((a, b) =>
    sort === 'oldest'
      ? a.createdAt - b.createdAt
      : sort === 'site'
        ? byText(a.site ?? '', b.site ?? '') || b.createdAt - a.createdAt
        : sort === 'title'
          ? byText(a.title, b.title) || a.selector.position.start - b.selector.position.start
          : b.createdAt - a.createdAt,
  );
}

/** Sites and tags present, for the filter menus. */
export function facets(quotes: Quote[]): { sites: string[]; tags: string[] } {
  const sites = new Set<string>();
  const tags = new Set<string>();
  for (const q of quotes) {
    if (q.site) sites.add(q.site);
    for (const t of q.tags) tags.add(t);
  }
  return { sites: [...sites].sort(), tags: [...tags].sort() };
}
