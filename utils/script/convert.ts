// Text conversion as the product needs it: detect first (never run a conversion over text that is
// already in the target script: s2twp turns 台灣 into 臺灣), apply the phrase table, then OpenCC.

import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import type { ConverterFunction } from 'opencc-js/core';
import { SIMPLIFIED_ONLY_ALL, TRADITIONAL_ONLY_ALL } from './chars.generated';
import { converterFor, tsCharactersExt, type Pair } from './engine';
import { parseCharDict, phraseTable, type CharMap, type UserPhrase } from './phrases';
import type { Script } from './detect';
import { autoPair, pairFor, type Target } from './targets';

export type Source = Target | 'auto';

export interface ConversionOptions {
  to: Target;
  /** the script the text is in; `auto` decides per text from its characters */
  from?: Source;
  phrases?: UserPhrase[];
  /** also apply OpenCC's TSCharactersExt on the way to Simplified (opt-in: may show tofu) */
  tsCharactersExt?: boolean;
}

export interface TextConverter {
  /** the OpenCC pair in use, or null when nothing needs converting */
  readonly pair: Pair | null;
  /** `context`: the script of the page or input the text belongs to (auto mode only) */
  convert(text: string, context?: Script): string;
}

const S_ALL = new Set(SIMPLIFIED_ONLY_ALL);
const T_ALL = new Set(TRADITIONAL_ONLY_ALL);

/**
 * Should auto mode convert `text` toward `target`? Yes when it has characters of the other script;
 * no when it has only the target script's own; and when it has neither (only shared characters,
 * where regional phrases still apply: 康涅狄格 → 康乃狄克) it follows `context`, the script of the
 * page or input it comes from.
 */
export function needsConversion(text: string, target: Target, context: Script = 'none'): boolean {
  const toSimplified = target === 'simplified';
  let same = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (toSimplified ? T_ALL.has(ch) : S_ALL.has(ch)) return true;
    if (!same && (toSimplified ? S_ALL.has(ch) : T_ALL.has(ch))) same = true;
  }
  if (same) return false;
  return context === 'mixed' || context === (toSimplified ? 'traditional' : 'simplified');
}

let charMap: CharMap | null = null;
/** Traditional→Simplified per character (length-preserving), for phrase keys and entity tagging. */
export function traditionalToSimplifiedChars(): CharMap {
  charMap ??= parseCharDict(TS_CHARACTERS as unknown as string);
  return charMap;
}

/** Loads what a conversion needs (dictionaries on first use), then converts synchronously. */
export async function prepareConverter(options: ConversionOptions): Promise<TextConverter> {
  const { to, from = 'auto' } = options;
  const pair = from === 'auto' ? autoPair(to) : pairFor(from, to);
  if (!pair) return { pair: null, convert: (t) => t };
  const opencc: ConverterFunction = await converterFor(pair);
  const ext = options.tsCharactersExt && pair.to === 'cn' ? await tsCharactersExt() : null;
  const base = ext ? (t: string) => ext(opencc(t)) : opencc;
  const table = phraseTable(to, traditionalToSimplifiedChars(), options.phrases);
  return {
    pair,
    convert: (text, context) => (from === 'auto' && !needsConversion(text, to, context) ? text : table.apply(text, base)),
  };
}
