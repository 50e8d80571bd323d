// The entity setup the product uses everywhere (reader, panel, jingdu): the trained tagger in the
// news convention (every person, organisation and place), its organisation lexicon for Latin
// names, and Traditional text tagged through its Simplified shadow.

import { traditionalToSimplifiedChars } from '../script/convert';
import type { EntityOptions } from './entities';
import { isKnownOrganization, isKnownPlace, tagEntities } from './ner';
import { isProductName, knownOrganizationSpans } from './ner/organizations';

/** The annotation conventions the model knows: `news` (what the reader marks) and CLUENER2020's. */
export const CONVENTIONS = ['news', 'cluener'] as const;
export type Convention = (typeof CONVENTIONS)[number];

const options = new Map<Convention, EntityOptions>();

/** `cluener` is for measuring against CLUENER-style data (`jingdu entities --convention cluener`). */
export function entityOptions(convention: Convention = 'news'): EntityOptions {
  let o = options.get(convention);
  if (!o) {
    o = { convention, model: (text) => tagEntities(text, convention), toSimplified: traditionalToSimplifiedChars(), isOrganization: isKnownOrganization, isPlace: isKnownPlace, knownOrganizations: knownOrganizationSpans, isProduct: isProductName };
    options.set(convention, o);
  }
  return o;
}
