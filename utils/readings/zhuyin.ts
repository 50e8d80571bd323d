// Pinyin with tone marks → zhuyin (bopomofo), through pinyin-zhuyin. Taiwan's convention writes
// the neutral-tone dot before the syllable (˙ㄉㄜ), the library after it: moved here.

import { pinyinToZhuyin } from 'pinyin-zhuyin';

const BOPOMOFO = /^[\u3105-\u312f\u31a0-\u31bf]+[ˊˇˋ˙]?$/;

/** One syllable; null when it is not a syllable zhuyin can write (an interjection like hm, ng). */
export function zhuyinOf(syllable: string): string | null {
  const z = pinyinToZhuyin(syllable.normalize('NFC').toLowerCase()).trim();
  if (!BOPOMOFO.test(z)) return null;
  return z.endsWith('˙') ? `˙${z.slice(0, -1)}` : z;
}
