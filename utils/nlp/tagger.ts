// The entity setup the product uses everywhere (reader, panel, jingdu): the trained tagger with
// its place gazetteer (countries and cities CLUENER leaves unlabelled), and Traditional text
// tagged through its Simplified shadow.

import { traditionalToSimplifiedChars } from '../script/convert';
import type { EntityOptions } from './entities';
import { isKnownOrganization, tagEntitiesWithPlaces } from './ner';

let options: EntityOptions | null = null;

export function entityOptions(): EntityOptions {
  options ??= { model: (text) => tagEntitiesWithPlaces(text), toSimplified: traditionalToSimplifiedChars(), isOrganization: isKnownOrganization };
  return options;
}
