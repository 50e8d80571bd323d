// Bytes → text for saved pages in any charset Chinese sites use. The bytes win over a declaration
// they contradict: a page saved as UTF-8 often keeps its old `charset=gb2312` meta.

export class UnreadableInput extends Error {}

export interface Decoded {
  text: string;
  /** the encoding actually used (WHATWG label) */
  charset: string;
  /** what the page declared, if anything */
  declared: string | null;
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (WebP, WAV or AVI)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The charset a page declares in its first bytes: <meta charset>, http-equiv, or the XML prolog. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function canDecode(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function strictDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// The most frequent characters of Simplified and of Traditional news text; a right guess of
// GB18030 vs Big5 produces many of them, a wrong one produces rare characters.
const COMMON = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政美相见被利什二等产或新己制身果加月话合回特代内信表化老给世位次度门任常先海通教原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指' +
    '這個們來為國說時會對過發後裡經麼現當動還進從關點兩間問長開實無與將門機東聲頭產內書體學樣變電數種總條結區報費',
);

function commonScore(text: string): number {
  let hits = 0;
  let bad = 0;
  for (const ch of text.slice(0, 20_000)) {
    if (ch === '\ufffd') bad++;
    else if (COMMON.has(ch)) hits++;
  }
  return hits - bad * 5;
}

/**
 * Decodes an HTML file. Throws UnreadableInput with a reason for files that are not text
 * (images, archives, executables).
 */
export function decodeHtml(bytes: Uint8Array): Decoded {
  for (const [sig, what] of MAGIC) if (startsWith(bytes, sig)) throw new UnreadableInput(`this is ${what}, not an HTML page`);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', declared: declaredCharset(bytes) };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', declared: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', declared: null };

  const head = bytes.subarray(0, 4096);
  const nul = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nul > 0) {
    // UTF-16 without a BOM puts a zero byte next to every ASCII character.
    if (nul > head.length / 4) {
      const le = head[1] === 0;
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes), charset: le ? 'utf-16le' : 'utf-16be', declared: null };
    }
    throw new UnreadableInput('this is a binary file, not an HTML page');
  }

  const declared = declaredCharset(bytes);
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', declared };

  // Not UTF-8. gb2312 and gbk declarations are decoded as GB18030, their superset.
  let label = declared && canDecode(declared) ? new TextDecoder(declared).encoding : null;
  if (label === 'gbk') label = 'gb18030';
  if (label && label !== 'utf-8' && label !== 'windows-1252') {
    return { text: new TextDecoder(label).decode(bytes), charset: label, declared };
  }
  // Undeclared, or declared as UTF-8 / Latin-1 by mistake: pick the CJK charset the bytes fit.
  const candidates = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'].map((l) => {
    const text = new TextDecoder(l).decode(bytes);
    return { l, text, score: l === 'windows-1252' ? 0 : commonScore(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  return { text: candidates[0].text, charset: candidates[0].l, declared };
}
