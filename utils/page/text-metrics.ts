// Measures of "how much reading" a string holds, fair to Chinese and to Latin scripts alike.
// Readability counts ASCII commas and characters; a Chinese sentence has no ASCII commas and
// says in 20 characters what English says in 100. One CJK character counts as one unit, three
// other non-space characters count as one unit (roughly a syllable of English or French).

export interface TextMetrics {
  /** reading units: CJK characters + other visible characters / 3 */
  units: number;
  /** sentence punctuation: ，。！？；： and Latin , . ! ? ; followed by a space or the end */
  punct: number;
  /** CJK ideographs, kana and hangul */
  cjk: number;
}

export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xd840 && c <= 0xd87f) // high surrogate of extensions B–G (counted once per pair)
  );
}

const CJK_PUNCT = new Set([0x3001, 0x3002, 0xff0c, 0xff01, 0xff1f, 0xff1b, 0xff1a, 0x300d, 0x201d]);
// ，。！？；：、」” : 、 (0x3001) and closing quotes end clauses in Chinese prose.
const LATIN_PUNCT = new Set([0x2c, 0x2e, 0x21, 0x3f, 0x3b]);

export function measureText(s: string, into?: TextMetrics): TextMetrics {
  const m = into ?? { units: 0, punct: 0, cjk: 0 };
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) continue;
    if (isCjkCode(c)) {
      m.cjk++;
      m.units++;
    } else if (CJK_PUNCT.has(c)) {
      m.punct++;
    } else if (LATIN_PUNCT.has(c)) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0x20;
      if (next <= 0x20 || next === 0xa0) m.punct++;
      other++;
    } else if (c !== 0xa0 && c !== 0x3000) {
      other++;
    }
  }
  m.units += other / 3;
  return m;
}

/** Share of CJK among the letters of a text, 0..1. */
export function cjkRatio(s: string): number {
  const m = measureText(s);
  return m.units === 0 ? 0 : m.cjk / m.units;
}
