// The headline printed again as the body's first line (plain, or as 原创<headline>, or with a
// different tail than the <title>): the reader shows the headline in its header already.

import type { LineRule } from './zones';

const norm = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');

function bigrams(s: string): Set<string> {
  const g = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) g.add(s.slice(i, i + 2));
  return g;
}

/** Shares most of its character pairs with the headline, and is about as long. */
export function isHeadlineCopy(text: string, title: string): boolean {
  const a = norm(text);
  const b = norm(title);
  if (b.length < 4 || !a || a.length > b.length * 1.6 + 4) return false;
  if (a.includes(b)) return true; // 原创<headline>, <headline>_site
  // A subhead that quotes half the headline is not its copy.
  if (a.length < b.length * 0.7) return false;
  if (b.includes(a)) return true;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const x of ga) if (gb.has(x)) common++;
  return (2 * common) / (ga.size + gb.size) >= 0.6;
}

export const headlineRules: LineRule[] = [
  // A headline has no full stop; the lead sentence that happens to repeat it does.
  { kind: 'headline copy', where: 'head', test: (l, ctx) => !/[。]$/.test(l.text) && isHeadlineCopy(l.text, ctx.title) },
];
