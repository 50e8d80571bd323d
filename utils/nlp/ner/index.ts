// Named-entity tagger for Simplified Chinese news text: person, organization and place spans.
// A linear-chain model over hashed character features, trained on CLUENER2020 by
// scripts/train-ner/train.ts (see scripts/train-ner/README.md). Pure TypeScript; the weights are
// bundled (model.generated.ts) and unpacked on first use. Traditional text should be converted to
// Simplified character by character first (offsets stay the same).

import { MODEL } from './model.generated';
import { Tagger } from './tagger';
import type { NerSpan } from './types';

export type { NerSpan, NerType } from './types';

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

/** Is `name` in the model's place lexicon (countries, China's divisions, the hand-written list)? */
export function isKnownPlace(name: string): boolean {
  const names = MODEL.lexiconNames ?? [];
  const k = names.indexOf('places');
  return k >= 0 && (get('news').m.lexicon.typesOf(name) & (1 << k)) !== 0;
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
