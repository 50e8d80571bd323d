// Text conversion as the product needs it: decide from the script of the text and of the view it
// belongs to how to convert, apply the phrase table, then OpenCC.
//
// One view must not disagree with itself. Traditional or mixed text shown in a Traditional target
// goes through Simplified (t2s, then s2twp / s2hk / s2t): a machine-converted page's 雜志 and 周刊
// become 雜誌 and 週刊 in every paragraph, not only in those that happened to hold a Simplified
// character. Text already in the target script is left alone only where it really is that variant:
// the page declares it (lang zh-TW for Taiwan, zh-HK or zh-MO for Hong Kong, either for standard
// Traditional), because s2twp would turn a Taiwan page's 台灣 into 臺灣; there only stray Simplified
// characters (and the words they sit in) are converted.

import TS_CHARACTERS from './opencc/compiled/ts-characters';
import { SIMPLIFIED_ONLY_ALL, TRADITIONAL_ONLY_ALL } from './chars.generated';
import { chunkFor, configName, converterFor, tsCharactersExt, type ConverterFunction, type Pair } from './engine';
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
  /** the script of all the text to come, when known: Simplified text needs no way back (not loaded) */
  script?: Script;
}

export interface TextConverter {
  /** the OpenCC pair in use, or null when nothing needs converting */
  readonly pair: Pair | null;
  /**
   * `context`: the script of the page or input the text belongs to; `declared`: the page's lang
   * tag, as the page declares it (auto mode only).
   */
  convert(text: string, context?: Script, declared?: string | null): string;
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

/** The Traditional variant a lang tag declares: zh-TW is Taiwan's, zh-HK and zh-MO Hong Kong's. */
export function declaredVariant(lang: string | null | undefined): 'taiwan' | 'hongkong' | null {
  const tag = lang?.toLowerCase() ?? '';
  if (!/^zh\b/.test(tag)) return null;
  if (/-(?:tw)\b/.test(tag)) return 'taiwan';
  if (/-(?:hk|mo)\b/.test(tag)) return 'hongkong';
  return null;
}

/** Is a page that declares `lang` already in `target`'s variant (so its Traditional text stays)? */
export function isSameVariant(target: Target, lang: string | null | undefined): boolean {
  const v = declaredVariant(lang);
  return target === 'traditional' ? v !== null : v === target;
}

const hasSimplified = (text: string) => {
  for (let i = 0; i < text.length; i++) if (S_ALL.has(text[i])) return true;
  return false;
};

/**
 * `text` with only its stray Simplified characters converted: each Simplified-only character and
 * its neighbours (the rest of a two-character word: 这里 → 這裡) are taken from `converted`, the
 * rest of the text stays as the page has it (when both keep length; else `converted`).
 */
function strayCharacters(text: string, converted: string): string {
  if (converted.length !== text.length) return converted;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const near = S_ALL.has(text[i]) || (i > 0 && S_ALL.has(text[i - 1])) || (i + 1 < text.length && S_ALL.has(text[i + 1]));
    out += near ? converted[i] : text[i];
  }
  return out;
}

let charMap: CharMap | null = null;
/** Traditional→Simplified per character (length-preserving), for phrase keys and entity tagging. */
export function traditionalToSimplifiedChars(): CharMap {
  charMap ??= parseCharDict(TS_CHARACTERS);
  return charMap;
}

/** The way to Simplified from a page's declared variant (its phrases too), else OpenCC's t2s. */
const backPair = (lang: string | null | undefined): Pair => {
  const v = declaredVariant(lang);
  return v === 'taiwan' ? { from: 'twp', to: 'cn' } : v === 'hongkong' ? { from: 'hk', to: 'cn' } : { from: 't', to: 'cn' };
};

/** Loads what a conversion needs (dictionaries on first use), then converts synchronously. */
export async function prepareConverter(options: ConversionOptions): Promise<TextConverter> {
  const { to, from = 'auto' } = options;
  const pair = from === 'auto' ? autoPair(to) : pairFor(from, to);
  if (!pair) return { pair: null, convert: (t) => t };
  const opencc: ConverterFunction = await converterFor(pair);
  const ext = options.tsCharactersExt && pair.to === 'cn' ? await tsCharactersExt() : null;
  const base = ext ? (t: string) => ext(opencc(t)) : opencc;
  const table = phraseTable(to, traditionalToSimplifiedChars(), options.phrases);
  if (from !== 'auto' || to === 'simplified') {
    return { pair, convert: (text, context) => (from === 'auto' && !needsConversion(text, to, context) ? text : table.apply(text, base)) };
  }
  // Traditional targets in auto mode: the way back to Simplified (loaded unless the caller knows
  // all its text is Simplified), and the same target without regional phrases (length-keeping) for
  // stray characters on a page already in the variant.
  const script = options.script;
  const back = script === 'simplified' || script === 'none' ? null : await chunkFor({ from: 't', to: 'cn' });
  const here = await chunkFor(pair);
  const plain = () => here.converter(configName({ from: 'cn', to: pair.to === 'twp' ? 'tw' : pair.to === 'hkp' ? 'hk' : pair.to }));
  return {
    pair,
    convert: (text, context = 'none', declared) => {
      if (context === 'traditional' || context === 'mixed') {
        if (isSameVariant(to, declared)) return hasSimplified(text) ? table.apply(text, (t) => strayCharacters(t, plain()(t))) : text;
        if (back) {
          const t2s = back.converter(configName(backPair(declared)));
          return table.apply(text, (t) => opencc(t2s(t)));
        }
      }
      return needsConversion(text, to, context) ? table.apply(text, base) : text;
    },
  };
}
