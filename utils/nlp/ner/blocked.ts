// Characters that are never inside a name: brackets (a gloss in parentheses, 基础设施即服务, is not
// part of the name before it; 县（市 is not a place), and pinyin annotations that machine-converted
// pages leak into the text (發(fā)展, F(xiàn)acebook) together with the Latin letters glued to them.

const BRACKET = /[()（）[\]【】〔〕]/g;
// A parenthesised syllable or two of pinyin with at least one tone mark: (fā), (xiàn), (zhōng guó).
const PINYIN = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]*[)）]/gi;
const LATIN = /[A-Za-z]/;

/** 1 for each char that may not be part of an entity; null when there is none. */
export function blockedChars(text: string): Uint8Array | null {
  BRACKET.lastIndex = 0;
  if (!BRACKET.test(text)) return null;
  const out = new Uint8Array(text.length);
  BRACKET.lastIndex = 0;
  for (let m; (m = BRACKET.exec(text)); ) out[m.index] = 1;
  PINYIN.lastIndex = 0;
  for (let m; (m = PINYIN.exec(text)); ) {
    let a = m.index;
    let b = m.index + m[0].length;
    while (a > 0 && LATIN.test(text[a - 1])) a--;
    while (b < text.length && LATIN.test(text[b])) b++;
    out.fill(1, a, b);
  }
  return out;
}
