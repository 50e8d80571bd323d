// The entity setup the product uses everywhere (reader, panel, jingdu): the trained tagger, the
// place gazetteer, and Traditional text tagged through its Simplified shadow.

import { traditionalToSimplifiedChars } from '../script/convert';
import type { EntityOptions } from './entities';

let options: EntityOptions | null = null;

export function entityOptions(): EntityOptions {
  options ??= { toSimplified: traditionalToSimplifiedChars() };
  return options;
}
