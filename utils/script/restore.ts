// Some converters put a Latin letter and a reading where a character was: F(xiàn)在 for 現在. The
// character is put back only when exactly one common character with that reading makes a word
// with its neighbours (the word list of Intl.Segmenter, which Node and the browsers ship), in the
// script of the text around it; otherwise the text is left as it is.

import { SIMPLIFIED_ONLY_ALL, TRADITIONAL_ONLY_ALL } from './chars.generated';
import { READINGS_INDEX } from './readings-index.generated';

let index: Map<string, string> | null = null;
const SIMPLIFIED = new Set(SIMPLIFIED_ONLY_ALL);
const TRADITIONAL = new Set(TRADITIONAL_ONLY_ALL);
let segmenter: Intl.Segmenter | null = null;

/** Common characters read `syllable` (tone marks, NFC), most frequent first. */
export function charactersReading(syllable: string): string {
  index ??= new Map(READINGS_INDEX.split('|').map((e) => e.split(':') as [string, string]));
  return index.get(syllable.normalize('NFC')) ?? '';
}

/**
 * How well `text` reads with `text[at]` in it: the characters that fall in words of two or more,
 * or 0 when `text[at]` itself is not in one (陷 in 實陷落地 makes 陷落 but breaks 實現).
 */
function fit(text: string, at: number): number {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let covered = 0;
  let inWord = false;
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || s.segment.length < 2) continue;
    covered += s.segment.length;
    if (at >= s.index && at < s.index + s.segment.length) inWord = true;
  }
  return inWord ? covered : 0;
}

/**
 * The character that stood where a letter and `syllable` are, between `before` and `after`, in
 * `script`; null when no single character is clear.
 */
export function restoreCharacter(syllable: string, before: string, after: string, script: 'simplified' | 'traditional' | null): string | null {
  const left = before.slice(-3);
  const right = after.slice(0, 3);
  let best = 0;
  let winners: string[] = [];
  for (const c of charactersReading(syllable)) {
    if ((script === 'traditional' && SIMPLIFIED.has(c)) || (script === 'simplified' && TRADITIONAL.has(c))) continue;
    const score = fit(`${left}${c}${right}`, left.length);
    if (score > best) [best, winners] = [score, [c]];
    else if (score === best && score > 0) winners.push(c);
  }
  return winners.length === 1 ? winners[0] : null;
}
