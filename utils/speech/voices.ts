// Which voice reads the text shown: a mainland voice for Simplified, a Taiwan voice for 台灣, a
// Hong Kong (Cantonese) voice for 香港, with a fallback to the nearest Chinese voice. Voices name
// their language in several ways (zh-CN, cmn-Hans-CN, zh_TW, yue, zh-yue): all are understood.
// Only voices on this machine unless the reader allows network voices (those send the text away).

import type { ReadingScript } from '../readings/systems';

export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default?: boolean;
}

type Region = 'mainland' | 'taiwan' | 'hongkong';

/** The region a voice speaks for, or null when it is not a Chinese voice. */
export function regionOf(lang: string): Region | null {
  const l = lang.toLowerCase().replace(/_/g, '-');
  if (/^(yue|zh-yue)\b/.test(l) || /^zh(-hant)?-(hk|mo)\b/.test(l)) return 'hongkong';
  if (/^(zh|cmn)(-hant)?-tw\b/.test(l)) return 'taiwan';
  if (/^(zh|cmn)\b/.test(l)) return 'mainland';
  return null;
}

const ORDER: Record<ReadingScript, Region[]> = {
  simplified: ['mainland', 'taiwan', 'hongkong'],
  traditional: ['taiwan', 'mainland', 'hongkong'],
  taiwan: ['taiwan', 'mainland', 'hongkong'],
  hongkong: ['hongkong', 'taiwan', 'mainland'],
};

/** The language tag an utterance of this script carries. */
export const SPEECH_LANG: Record<ReadingScript, string> = { simplified: 'zh-CN', traditional: 'zh-TW', taiwan: 'zh-TW', hongkong: 'zh-HK' };

export interface VoiceChoice {
  voice: VoiceLike | null;
  /** the voice is not the script's own region (a mainland voice reading 香港 text) */
  fallback: boolean;
  /** why there is no voice: none Chinese at all, or only network ones while they are not allowed */
  missing: 'none' | 'network-only' | null;
}

/** Chinese voices the reader may use, best first for `script`. */
export function usableVoices<V extends VoiceLike>(voices: readonly V[], script: ReadingScript, network: boolean): V[] {
  const order = ORDER[script];
  const rank = (v: V) => order.indexOf(regionOf(v.lang)!) * 4 + (v.localService ? 0 : 2) + (v.default ? 0 : 1);
  return voices.filter((v) => regionOf(v.lang) && (network || v.localService)).sort((a, b) => rank(a) - rank(b));
}

export function chooseVoice<V extends VoiceLike>(voices: readonly V[], script: ReadingScript, options: { preferred: string | null; network: boolean }): VoiceChoice & { voice: V | null } {
  const usable = usableVoices(voices, script, options.network);
  const voice = usable.find((v) => v.voiceURI === options.preferred) ?? usable[0] ?? null;
  if (!voice) return { voice: null, fallback: false, missing: voices.some((v) => regionOf(v.lang)) ? 'network-only' : 'none' };
  return { voice, fallback: regionOf(voice.lang) !== ORDER[script][0], missing: null };
}
