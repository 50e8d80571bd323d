// What the look-up card shows for a word: each reading with its definitions and measure words, in
// the reading system the reader chose (pinyin always alongside zhuyin, as dictionaries print it).

import { zhuyinOf } from '../readings/zhuyin';
import type { ReadingSystem } from '../readings/systems';
import type { Dictionary, Entry } from './dictionary';
import { markTones } from './pinyin-marks';

export interface CardEntry {
  traditional: string;
  simplified: string;
  /** with tone marks */
  pinyin: string;
  /** zhuyin of the same syllables, when that is the reader's system */
  zhuyin: string | null;
  definitions: string[];
  /** measure words as `个 (個) gè` */
  classifiers: Array<{ simplified: string; traditional: string; pinyin: string }>;
}

export interface Card {
  word: string;
  start: number;
  end: number;
  /** the word's Cantonese reading, when that is the reader's system (filled by the caller) */
  jyutping: string | null;
  entries: CardEntry[];
}

const MAX_ENTRIES = 6;
const MAX_DEFINITIONS = 8;

function toCardEntry(e: Entry, system: ReadingSystem): CardEntry {
  const pinyin = markTones(e.pinyin);
  const zhuyin = system === 'zhuyin' ? pinyin.split(' ').map((s) => zhuyinOf(s) ?? s).join(' ') : null;
  return {
    traditional: e.traditional,
    simplified: e.simplified,
    pinyin,
    zhuyin,
    definitions: e.definitions.slice(0, MAX_DEFINITIONS),
    classifiers: e.classifiers.map((c) => ({ simplified: c.simplified, traditional: c.traditional, pinyin: markTones(c.pinyin) })),
  };
}

/** The card for the word at `offset` of `text`, or null where there is no word there. */
export function cardAt(dict: Dictionary, text: string, offset: number, system: ReadingSystem): Card | null {
  const at = dict.wordAt(text, offset);
  if (!at) return null;
  const entries = dict.lookup(at.word).slice(0, MAX_ENTRIES).map((e) => toCardEntry(e, system));
  return { ...at, jyutping: null, entries };
}
