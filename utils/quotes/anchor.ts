// Quote anchoring, after W3C Web Annotation selectors (TextQuoteSelector: exact + prefix + suffix;
// TextPositionSelector: start/end) and Hypothesis's fuzzy re-anchoring. A quote is found again:
// 1. at its recorded position, if the text there is still the quote;
// 2. else at the exact occurrence whose surrounding text best matches prefix/suffix (nearest the
//    old position on ties);
// 3. else approximately: 4-character shingles of the quote vote for a start, the best window is
//    refined by edit distance, and accepted when it is at least 75% similar.
// All comparisons run on a normalized shadow of the texts (Traditional characters folded to
// Simplified, full-width Latin to ASCII, case folded), so a quote saved while reading in
// Traditional is found when the page shows Simplified, and the reverse. The shadow also leaves out
// pinyin a converter leaked into the text (發(fā)布, F(xiàn)在), with a map back to the text's own
// offsets: a quote saved in the reader, which repairs those leaks, is found whole on the page that
// still shows them, and the reverse.

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PositionSelector {
  start: number;
  end: number;
}

export interface Selector {
  quote: QuoteSelector;
  position: PositionSelector;
}

export interface Anchor {
  start: number;
  end: number;
  /** 1 for an exact match of the quote, lower for fuzzy ones */
  score: number;
}

const CONTEXT = 32;
const MIN_SIMILARITY = 0.75;

/** Describes text[start, end) with its context, as stored with a quote. */
export function describe(text: string, start: number, end: number): Selector {
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    position: { start, end },
  };
}

export type Fold = Map<string, string>;

/** A same-length normal form: folded script, half-width Latin and digits, lower case. */
export function normalize(text: string, fold?: Fold): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    ch = fold?.get(ch) ?? ch;
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) ch = String.fromCharCode(c - 0xfee0);
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch; // never change the length
  }
  return out;
}

// A tone-marked syllable in brackets right after a Han character or a Latin letter. Real brackets,
// (AI), (2023), (微博), hold no tone mark and stay.
const LEAK = /(?<=[\u3400-\u9fff\uf900-\ufaffA-Za-z])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7})[)）]/g;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

/** A text as anchoring compares it: its normalized shadow without leaked pinyin. */
export interface Haystack {
  text: string;
  /** for each character of `text`, its offset in the original (null: the same offsets) */
  at: Int32Array | null;
  /** length of the original text */
  length: number;
}

export function comparable(text: string, fold?: Fold): Haystack {
  const norm = normalize(text, fold);
  const cuts: Array<[number, number]> = [];
  for (const m of text.matchAll(LEAK)) if (TONED.test(m[1])) cuts.push([m.index!, m.index! + m[0].length]);
  if (!cuts.length) return { text: norm, at: null, length: text.length };
  const at = new Int32Array(text.length - cuts.reduce((n, [a, b]) => n + b - a, 0));
  let out = '';
  let from = 0;
  let k = 0;
  for (const [a, b] of [...cuts, [text.length, text.length] as [number, number]]) {
    out += norm.slice(from, a);
    for (let i = from; i < a; i++) at[k++] = i;
    from = b;
  }
  return { text: out, at, length: text.length };
}

/** The haystack offset of an original offset (the first character at or after it). */
function toHay(h: Haystack, pos: number): number {
  if (!h.at) return pos;
  let lo = 0;
  let hi = h.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.at[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original offset of a haystack offset; an end takes in a leak that follows its last character. */
function fromHay(h: Haystack, i: number): number {
  if (!h.at) return i;
  return i < h.at.length ? h.at[i] : h.length;
}

/** Similarity of two strings, 0..1, from their edit distance. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (!n || !m) return 0;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[m] / Math.max(n, m);
}

/** How well the text around [start, end) matches the saved prefix and suffix, 0..1. */
function contextScore(text: string, start: number, end: number, q: QuoteSelector): number {
  const before = text.slice(Math.max(0, start - q.prefix.length), start);
  const after = text.slice(end, end + q.suffix.length);
  const p = q.prefix ? similarity(before, q.prefix) : 1;
  const s = q.suffix ? similarity(after, q.suffix) : 1;
  return (p + s) / 2;
}

export interface AnchorOptions {
  /** Traditional → Simplified per character, for script-insensitive matching */
  fold?: Fold;
  /** comparable(text, fold), when anchoring many quotes in one text */
  prepared?: Haystack;
}

/** Where the quote is in `text` (offsets of `text`), or null. */
export function anchor(text: string, selector: Selector, options: AnchorOptions = {}): Anchor | null {
  const h = options.prepared ?? comparable(text, options.fold);
  const found = anchorIn(h.text, selector, toHay(h, selector.position.start), options.fold);
  return found && { start: fromHay(h, found.start), end: fromHay(h, found.end), score: found.score };
}

function anchorIn(hay: string, selector: Selector, pos: number, fold?: Fold): Anchor | null {
  const q: QuoteSelector = {
    exact: comparable(selector.quote.exact, fold).text,
    prefix: comparable(selector.quote.prefix, fold).text,
    suffix: comparable(selector.quote.suffix, fold).text,
  };
  const len = q.exact.length;
  if (!len) return null;

  // 1. Where it was.
  if (hay.slice(pos, pos + len) === q.exact && contextScore(hay, pos, pos + len, q) > 0.5) return { start: pos, end: pos + len, score: 1 };

  // 2. Exact occurrences, best context first, then nearest. A short quote can occur thousands of
  // times: rank them all by how many context characters agree next to them (cheap), then score the
  // best few properly.
  const cheap: Array<{ start: number; rank: number }> = [];
  for (let i = hay.indexOf(q.exact); i >= 0; i = hay.indexOf(q.exact, i + 1)) {
    let agree = 0;
    for (let k = 1; k <= q.prefix.length && hay[i - k] === q.prefix[q.prefix.length - k]; k++) agree++;
    for (let k = 0; k < q.suffix.length && hay[i + len + k] === q.suffix[k]; k++) agree++;
    cheap.push({ start: i, rank: agree - Math.abs(i - pos) / Math.max(1, hay.length) });
  }
  let best: { start: number; rank: number } | null = null;
  for (const c of cheap.sort((a, b) => b.rank - a.rank).slice(0, 8)) {
    const rank = contextScore(hay, c.start, c.start + len, q) - Math.min(1, Math.abs(c.start - pos) / Math.max(1, hay.length)) * 0.1;
    if (!best || rank > best.rank) best = { start: c.start, rank };
  }
  if (best) return { start: best.start, end: best.start + len, score: 1 };

  // 3. Approximate: shingles vote for where the quote starts.
  const k = len >= 12 ? 4 : len >= 6 ? 2 : 1;
  const votes = new Map<number, number>();
  for (let o = 0; o + k <= len; o += k === 1 ? 1 : Math.max(1, Math.floor(k / 2))) {
    const shingle = q.exact.slice(o, o + k);
    let seen = 0;
    for (let i = hay.indexOf(shingle); i >= 0 && seen < 50; i = hay.indexOf(shingle, i + 1), seen++) {
      const s = i - o;
      votes.set(s, (votes.get(s) ?? 0) + 1);
    }
  }
  const candidates = [...votes].sort((a, b) => b[1] - a[1] || Math.abs(a[0] - pos) - Math.abs(b[0] - pos)).slice(0, 6);
  const rate = (start: number, end: number): Anchor => {
    const sim = similarity(hay.slice(start, end), q.exact);
    return { start, end, score: sim < MIN_SIMILARITY ? -1 : sim * 0.85 + contextScore(hay, start, end, q) * 0.15 };
  };
  let fuzzy: Anchor | null = null;
  for (const [s] of candidates) {
    const start = Math.max(0, s);
    const a = rate(start, Math.min(hay.length, start + len));
    if (a.score >= 0 && (!fuzzy || a.score > fuzzy.score)) fuzzy = a;
  }
  if (!fuzzy) return null;
  // Refine both ends one character at a time.
  for (let improved = true; improved; ) {
    improved = false;
    for (const [ds, de] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
      const start = fuzzy.start + ds;
      const end = fuzzy.end + de;
      if (start < 0 || end > hay.length || end <= start) continue;
      const a = rate(start, end);
      if (a.score > fuzzy.score + 1e-9) {
        fuzzy = a;
        improved = true;
      }
    }
  }
  return { ...fuzzy, score: Math.min(0.99, fuzzy.score) };
}
