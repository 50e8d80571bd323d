// Character readings from pinyin-pro's dictionary (Simplified and Traditional characters alike).

import { pinyin } from 'pinyin-pro';
import type { Readings } from './repair';

const cache = new Map<string, string[]>();

export const pinyinReadings: Readings = (char) => {
  let r = cache.get(char);
  if (!r) cache.set(char, (r = pinyin(char, { multiple: true, type: 'array' }).map((s) => s.normalize('NFC'))));
  return r;
};
