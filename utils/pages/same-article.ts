// Does a page that a pager led to continue the article, or is it another one (a "next" link to
// the next story, a login wall, a list)? Decided on what the reader shows: the headline without
// its page marker, and the date when both pages print one.

export interface ArticleHead {
  title: string;
  published: string | null;
}

/** The headline without page markers (（2）, 第2页, - Page 2) and without spaces or punctuation. */
export function bareTitle(title: string): string {
  return title
    .replace(/(?:第\s*\d{1,3}\s*[页頁]|page\s*\d{1,3}(?:\s*of\s*\d{1,3})?|\d{1,3}\s*[/／]\s*\d{1,3})/gi, '')
    .replace(/[(（[【]\s*\d{1,3}\s*[)）\]】]\s*$/, '')
    .replace(/[_-]\d{1,3}$/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice similarity of two strings' character bigrams (1: the same). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

const DAY = 86_400_000;

export function sameArticle(first: ArticleHead, page: ArticleHead): boolean {
  const a = bareTitle(first.title);
  const b = bareTitle(page.title);
  if (!a || !b) return false;
  const short = a.length < b.length ? a : b;
  const long = a.length < b.length ? b : a;
  const titled = a === b || (short.length >= 4 && long.includes(short)) || similarity(a, b) >= 0.8;
  if (!titled) return false;
  if (first.published && page.published) {
    const d = Math.abs(Date.parse(first.published) - Date.parse(page.published));
    if (Number.isFinite(d) && d > 2 * DAY) return false;
  }
  return true;
}
