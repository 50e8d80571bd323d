// Entities in an article: the trained tagger (people, organizations, places) over a Simplified
// shadow of the text, a place gazetteer for the countries and cities CLUENER leaves unlabelled,
// patterns for dates, numbers, 《works》 and Latin names, then one clean set of spans: overlaps
// resolved by priority, adjacent organizations merged, and every other occurrence of a known name
// marked too.

import { ruleSpans, type EntityType, type Span } from './rules';

export type { EntityType, Span };

export interface EntityOptions {
  /** the trained tagger over Simplified text (person / organization / place) */
  model?: (simplified: string) => Span[];
  /** place gazetteer over Simplified text */
  places?: (simplified: string) => Span[];
  /** Traditional → Simplified per character (length-preserving); Traditional text is tagged through it */
  toSimplified?: Map<string, string>;
}

export interface EntityCount {
  text: string;
  type: EntityType;
  count: number;
}

const PRIORITY: Record<string, number> = { work: 6, date: 5, number: 4, model: 3, gazetteer: 2, latin: 1 };

function shadow(text: string, map?: Map<string, string>): string {
  if (!map) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += map.get(text[i]) ?? text[i];
  return out;
}

type Ranked = Span & { rank: number };

/** All entity spans, sorted, never overlapping. Offsets are UTF-16 offsets in `text`. */
export function findEntities(text: string, options: EntityOptions = {}): Span[] {
  if (!text) return [];
  const simplified = shadow(text, options.toSimplified);
  const ranked: Ranked[] = [];
  for (const s of ruleSpans(text)) {
    const latin = /^[A-Za-z]/.test(text.slice(s.start, s.end)) && (s.type === 'organization' || s.type === 'work') && text[s.start] !== '《';
    ranked.push({ ...s, rank: latin ? PRIORITY.latin : PRIORITY[s.type] });
  }
  for (const s of options.model?.(simplified) ?? []) ranked.push({ ...s, rank: PRIORITY.model });
  for (const s of options.places?.(simplified) ?? []) ranked.push({ ...s, rank: PRIORITY.gazetteer });

  // Highest priority first, then longest: the winner keeps its place.
  ranked.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  let spans: Span[] = [];
  for (const s of ranked) {
    let free = s.end > s.start;
    for (let i = s.start; i < s.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    spans.push({ start: s.start, end: s.end, type: s.type });
  }
  spans.sort((a, b) => a.start - b.start);

  // 国务院 + 新闻办公室 tagged apart are one organization.
  spans = spans.reduce<Span[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (last && last.type === 'organization' && s.type === 'organization' && last.end === s.start) last.end = s.end;
    else acc.push({ ...s });
    return acc;
  }, []);

  // A name found once is the same name everywhere in the article.
  const known = new Map<string, EntityType>();
  for (const s of spans) {
    const t = text.slice(s.start, s.end);
    if ((s.type === 'person' || s.type === 'organization' || s.type === 'place' || s.type === 'work') && t.length >= 2) known.set(t, s.type);
  }
  const occupied = new Uint8Array(text.length);
  for (const s of spans) occupied.fill(1, s.start, s.end);
  const extra: Span[] = [];
  for (const [t, type] of [...known].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length)) {
      let free = true;
      for (let k = i; k < i + t.length && free; k++) if (occupied[k]) free = false;
      if (!free) continue;
      occupied.fill(1, i, i + t.length);
      extra.push({ start: i, end: i + t.length, type });
    }
  }
  return [...spans, ...extra].sort((a, b) => a.start - b.start);
}

/** Entities grouped by text and type with counts, most frequent first (the panel's list). */
export function countEntities(text: string, spans: Span[]): EntityCount[] {
  const counts = new Map<string, EntityCount & { first: number }>();
  for (const s of spans) {
    const t = text.slice(s.start, s.end);
    const key = `${s.type}\u0000${t}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { text: t, type: s.type, count: 1, first: s.start });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ text: t, type, count }) => ({ text: t, type, count }));
}
