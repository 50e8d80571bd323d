// Cleaning Readability's output: what it keeps of a Chinese portal that is not the story. Each kind
// of clutter is a module of its own (credits, notices, promos, pagers, datelines, forum chrome,
// teasers, the headline's copy, comment threads, related lists, layout tables, the link home); this
// file only runs them in order. Every rule judges a whole line (a paragraph of the article text) and
// removes it whole, but for the link home glued to the story's last line (back-link.ts); rules that
// are only sure at the edges of the text never touch a line between two paragraphs of prose.

import { cutAtBackLink } from './back-link';
import { markCaptions } from './captions';
import { commentThread } from './comments';
import { creditRules } from './credits';
import { datelineRules } from './datelines';
import { forumRules, threadChrome } from './forum';
import { headlineRules } from './headline';
import { readLines, removeLine, type Line } from './lines';
import { noticeRules } from './notices';
import { pagerRules } from './pagers';
import { promoRules } from './promos';
import { datedLists, linkRuns, relatedLists } from './related';
import { unwrapLayoutTables } from './tables';
import { teaserRules } from './teasers';
import { applies, zonesOf, type LineRule } from './zones';

export interface Removed {
  kind: string;
  text: string;
}

const RULES: LineRule[] = [...teaserRules, ...headlineRules, ...creditRules, ...noticeRules, ...promoRules, ...pagerRules, ...forumRules, ...datelineRules];

export interface CleanOptions {
  /** the headline as the reader shows it */
  title: string;
}

/** Removes clutter from `root` (Readability's content) in place; says what went. */
export function cleanArticle(root: Element, { title }: CleanOptions): Removed[] {
  const removed: Removed[] = [];
  if (unwrapLayoutTables(root)) removed.push({ kind: 'layout table', text: '' });
  for (const text of cutAtBackLink(root)) removed.push({ kind: 'back link', text });
  // One read of the lines; each stage judges the lines the stages before it left.
  let lines = readLines(root);
  const gone = new Set<Line>();
  const drop = (hits: Iterable<Line>, kind: string | ((l: Line) => string)) => {
    for (const l of hits) {
      if (gone.has(l)) continue;
      gone.add(l);
      removed.push({ kind: typeof kind === 'string' ? kind : kind(l), text: l.text });
    }
    lines = lines.filter((l) => !gone.has(l));
  };
  drop(commentThread(lines), 'comments');
  drop(threadChrome(lines), 'thread');
  drop(relatedLists(lines), 'related list');
  drop(datedLists(lines), 'dated list');
  // Sure shapes first, anywhere: a disclaimer that reads like a sentence must not count as the
  // last paragraph of prose when the edges are worked out.
  for (const pass of ['anywhere', 'edges'] as const) {
    const zones = zonesOf(lines);
    const kinds = new Map<Line, string>();
    lines.forEach((line, i) => {
      const ctx = { lines, i, zone: zones[i], title };
      const rule = RULES.find((r) => (pass === 'anywhere' ? r.where === 'anywhere' : r.where !== 'anywhere' && applies(r, zones[i])) && r.test(line, ctx));
      if (rule) kinds.set(line, rule.kind);
    });
    if (pass === 'edges') for (const l of linkRuns(lines, zones)) if (!kinds.has(l)) kinds.set(l, 'link list');
    drop(kinds.keys(), (l) => kinds.get(l)!);
  }
  for (const l of gone) removeLine(l, root);
  if (markCaptions(root)) removed.push({ kind: 'captions marked', text: '' });
  return removed;
}
