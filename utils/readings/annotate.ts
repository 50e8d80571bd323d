// Readings for a text, character by character, with polyphones read in their word's context:
// pinyin-pro for Mandarin (its word table is Simplified, so Traditional text is read through a
// character-by-character Simplified shadow of the same length), to-jyutping for Cantonese, and
// zhuyin from the pinyin. Pure: runs in the reader's worker and in the `jingdu annotate` command.

import { pinyin } from 'pinyin-pro';
import { getJyutpingList } from 'to-jyutping';
import type { ReadingSystem } from './systems';
import { zhuyinOf } from './zhuyin';

const HAN = /^\p{Script=Han}$/u;

/** Traditional → Simplified per UTF-16 unit (length-preserving), or nothing. */
export type CharFold = ReadonlyMap<string, string>;

function shadow(text: string, fold?: CharFold): string {
  if (!fold) return text;
  let out = '';
  for (const ch of text) {
    const s = fold.get(ch);
    out += s && s.length === ch.length ? s : ch;
  }
  return out;
}

/**
 * One entry per UTF-16 unit of `text`: the reading of the character that starts there, or null
 * (not a Han character, no known reading, or the second half of a surrogate pair).
 */
export function readingsOf(text: string, system: ReadingSystem, fold?: CharFold): Array<string | null> {
  const out: Array<string | null> = new Array(text.length).fill(null);
  if (!text) return out;
  const chars = Array.from(text);
  let spoken: Array<string | null>;
  if (system === 'jyutping') {
    // One item per code point, except that it drops whitespace: line the two up by character.
    const list = getJyutpingList(text);
    spoken = [];
    let k = 0;
    for (const ch of chars) {
      if (list[k]?.[0] === ch) spoken.push(list[k++][1]);
      else spoken.push(null);
    }
  } else {
    const marks = pinyin(shadow(text, fold), { type: 'array', toneType: 'symbol' });
    const shadowChars = Array.from(shadow(text, fold));
    spoken = chars.map((_, i) => (marks[i] && marks[i] !== shadowChars[i] ? marks[i].normalize('NFC') : null));
    if (system === 'zhuyin') spoken = spoken.map((p) => (p ? zhuyinOf(p) : null));
  }
  let at = 0;
  chars.forEach((ch, i) => {
    // Only Han characters get a reading (a Latin letter "read" as itself is not one).
    if (HAN.test(ch) && spoken[i]) out[at] = spoken[i]!.split(' ')[0];
    at += ch.length;
  });
  return out;
}
