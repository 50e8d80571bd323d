// The entity setup the product uses everywhere (reader, panel, jingdu): the trained tagger in the
// news convention (every person, organisation and place), its organisation lexicon for Latin
// names, and Traditional text tagged through its Simplified shadow.

import { traditionalToSimplifiedChars } from '../script/convert';
import type { EntityOptions } from './entities';
import { isKnownOrganization, isKnownPlace, tagEntities } from './ner';
import { isProductName, knownOrganizationSpans } from './ner/organizations';

let options: EntityOptions | null = null;

export function entityOptions(): EntityOptions {
  options ??= { model: (text) => tagEntities(text), toSimplified: traditionalToSimplifiedChars(), isOrganization: isKnownOrganization, isPlace: isKnownPlace, knownOrganizations: knownOrganizationSpans, isProduct: isProductName };
  return options;
}
