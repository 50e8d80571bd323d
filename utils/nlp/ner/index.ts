// Named-entity tagger for Simplified Chinese news text: person, organization and place spans.
// A linear-chain model over hashed character features, trained on CLUENER2020 by
// scripts/train-ner/train.ts (see scripts/train-ner/README.md). Pure TypeScript; the weights are
// bundled (model.generated.ts) and unpacked on first use. Traditional text should be converted to
// Simplified character by character first (offsets stay the same).

import { MODEL } from './model.generated';
import { isPlaceName, placeSpans } from './places';
import { Tagger } from './tagger';
import type { NerSpan } from './types';

export type { NerSpan, NerType } from './types';
export { placeSpans } from './places';

const taggers = new Map<string, Tagger>();

function get(convention: string): Tagger {
  let t = taggers.get(convention);
  if (!t) taggers.set(convention, (t = new Tagger(MODEL, convention)));
  return t;
}

/**
 * Entity spans (UTF-16 offsets, end exclusive), in text order, each with the model's probability.
 * `convention`: `news` (every person, organisation and place: what the reader marks) or `cluener`
 * (CLUENER2020's: a place only as an address). Loads the model once, lazily.
 */
export function tagEntities(text: string, convention = 'news'): NerSpan[] {
  if (!text) return [];
  return get(convention).tag(text);
}

/**
 * Is `name` in the model's organisation lexicon (the reviewed external list, or an organisation of
 * the training data that was never also a work)? Case-blind for Latin (OpenAI, META).
 */
export function isKnownOrganization(name: string): boolean {
  const t = get('news');
  const names = MODEL.lexiconNames ?? [];
  const mask = t.m.lexicon.typesOf(name);
  const bit = (n: string) => (names.indexOf(n) >= 0 ? 1 << names.indexOf(n) : 0);
  if (mask & bit('organizations')) return true;
  return (mask & bit('organization')) !== 0 && (mask & (bit('work') | bit('person') | bit('place'))) === 0;
}

/**
 * People's-Daily-style output: every country, province and city is a place. Model spans, adapted
 * with the gazetteer (places.ts): an organization span that is exactly a place name (a country
 * acting as a party, 巴西希望…) becomes a place; an address chain made of place names
 * (北京朝阳区, 南非约翰内斯堡) is split into them; gazetteer names are added where the model found
 * nothing overlapping.
 */
export function tagEntitiesWithPlaces(text: string): NerSpan[] {
  const out: NerSpan[] = [];
  for (const s of tagEntities(text)) {
    const str = text.slice(s.start, s.end);
    if (s.type === 'organization' && isPlaceName(str)) out.push({ ...s, type: 'place' });
    else if (s.type === 'place') out.push(...splitPlaces(str, s.start, s.score) ?? [s]);
    else out.push(s);
  }
  const extra = placeSpansOutside(text, out);
  return extra.length ? [...out, ...extra].sort((a, b) => a.start - b.start) : out;
}

/** Last characters that make a remainder a place name of its own (海淀区, 海河, 喀拉拉邦). */
const TOPONYM_END = new Set([...'省市县区州盟旗镇乡村岛湖河江山邦']);

/** Splits a place span into gazetteer names (and a final toponym), or null when it is not such a chain. */
function splitPlaces(str: string, offset: number, score: number): NerSpan[] | null {
  const pieces = placeSpans(str);
  if (pieces.length === 0 || pieces[0].start !== 0) return null;
  for (let i = 1; i < pieces.length; i++) if (pieces[i].start !== pieces[i - 1].end) return null;
  const end = pieces[pieces.length - 1].end;
  if (end < str.length) {
    if (str.length - end < 2 || !TOPONYM_END.has(str[str.length - 1])) return null;
    pieces.push({ start: end, end: str.length, type: 'place', score });
  }
  if (pieces.length < 2) return null;
  return pieces.map((p) => ({ start: p.start + offset, end: p.end + offset, type: 'place', score }));
}

function placeSpansOutside(text: string, spans: NerSpan[]): NerSpan[] {
  const covered = new Uint8Array(text.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  return placeSpans(text).filter((p) => {
    for (let i = p.start; i < p.end; i++) if (covered[i]) return false;
    return true;
  });
}
