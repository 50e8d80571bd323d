// Character normalization and classes for the NER tagger (shared by runtime and trainer).

/** Character classes (also the padding class outside a sentence). */
export const HAN = 0;
export const LATIN = 1;
export const DIGIT = 2;
export const HAN_NUM = 3;
export const PUNCT = 4;
export const OTHER = 5;
export const PAD = 6;

/** Full-width ASCII to half-width, Latin to lower case, ASCII digits to '0'. Keeps UTF-16 length. */
export function normChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  else if (c === 0x2022 || c === 0x30fb || c === 0x2027 || c === 0xff65 || c === 0x2219) return 0xb7; // name dots → ·
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0x30 && c <= 0x39) return 0x30;
  return c;
}

function classOf(raw: number): number {
  const c = normChar(raw);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
    return '零〇一二三四五六七八九十百千万亿两'.indexOf(String.fromCharCode(c)) >= 0 ? HAN_NUM : HAN;
  }
  if (c >= 0x61 && c <= 0x7a) return LATIN;
  if (c === 0x30) return DIGIT;
  if (c >= 0xd800 && c <= 0xdfff) return OTHER;
  if (c < 0x80 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) return PUNCT;
  return OTHER;
}

let table: Uint8Array | undefined;

/** Class of a UTF-16 code unit (table lookup; 64 KB built on first use). */
export function charClass(c: number): number {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (let i = 0; i < 0x10000; i++) table[i] = classOf(i);
  }
  return table[c];
}
