// Where a line sits in the article: before its first paragraph of prose (head), after its last
// (tail), or among them (body). Credits, datelines, pagers and promos live at the edges; a rule that
// is only sure of itself there asks for the zone, so a line of the same shape inside the story stays.

import { linkShare, type Line } from './lines';

export type Zone = 'head' | 'body' | 'tail';

export interface LineContext {
  lines: Line[];
  i: number;
  zone: Zone;
  /** the headline as the reader shows it */
  title: string;
}

export interface LineRule {
  kind: string;
  /** anywhere: the shape alone is sure; edges: head or tail only; head: before the first paragraph only */
  where: 'anywhere' | 'edges' | 'head';
  test(line: Line, ctx: LineContext): boolean;
}

const SENTENCE_END = /[。！？!?]|[，,；;].*[，,；;]/;

/** A paragraph of the story: long enough, with sentence punctuation, and not a link. */
export function isProse(l: Line): boolean {
  return l.text.length >= 24 && SENTENCE_END.test(l.text) && linkShare(l) < 0.5;
}

export function zonesOf(lines: Line[]): Zone[] {
  let first = lines.findIndex(isProse);
  if (first < 0) first = lines.length;
  let last = first;
  for (let i = lines.length - 1; i >= first; i--)
    if (isProse(lines[i])) {
      last = i;
      break;
    }
  return lines.map((_, i) => (i < first ? 'head' : i > last ? 'tail' : 'body'));
}

export function applies(rule: LineRule, zone: Zone): boolean {
  return rule.where === 'anywhere' || (rule.where === 'edges' ? zone !== 'body' : zone === 'head');
}
