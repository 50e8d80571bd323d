// CC-CEDICT writes pinyin with tone numbers (zhong1 guo2, lu:4); readers want marks (zhōng guó, lǜ).

const MARKS: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

function syllable(s: string): string {
  const m = /^([A-Za-zü:]+)([1-5])$/.exec(s.replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü'));
  if (!m) return s.replace(/u:/g, 'ü');
  const [, letters, toneDigit] = m;
  const tone = Number(toneDigit);
  if (tone === 5) return letters;
  const lower = letters.toLowerCase();
  // The mark goes on a or e; on the o of ou; else on the last vowel.
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i])) { at = i; break; }
  }
  if (at < 0) return letters; // m2, ng2, r5: no vowel to mark
  const v = lower[at];
  const marked = MARKS[v][tone - 1];
  const ch = letters[at] === v ? marked : marked.toUpperCase();
  return letters.slice(0, at) + ch + letters.slice(at + 1);
}

/** `zhong1 guo2` → `zhōng guó` (syllables stay space-separated, as CC-CEDICT has them). */
export function markTones(numbered: string): string {
  return numbered.split(' ').map(syllable).join(' ').normalize('NFC');
}
