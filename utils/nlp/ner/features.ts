// Character features for the NER tagger, shared by the runtime (tagger.ts) and the trainer
// (scripts/train-ner/train.ts) so both see exactly the same hashed feature ids.
// Pure: no DOM, no Node APIs. Word-boundary features come from forward maximum matching over the
// model's word list (words Intl.Segmenter found in the training text), so tagging does not depend
// on the ICU version of the browser; without a word list, Intl.Segmenter is used directly.

import { DIGIT, HAN, HAN_NUM, LATIN, PAD, PUNCT, charClass, normChar } from './chars';
import { MAX_LEN, PREFIX, SEED, WORD, finish, mixStep, type Gazetteer } from './gazetteer';

/** Codes for positions before the start / after the end of a sentence. */
const BOS = 0x110001;
const EOS = 0x110002;

// --- hashing -------------------------------------------------------------------------------
// A feature id is fmix32 of a linear combination of its parts and its template number.

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const P0 = 0x7feb352d;
const P1 = 0x9e3779b1;
const P2 = 0x846ca68b;
const P3 = 0xcb9f2f5b;

function h1(t: number, a: number): number {
  return fmix((Math.imul(t + 1, P0) + Math.imul(a, P1)) | 0);
}
function h2(t: number, a: number, b: number): number {
  return fmix((Math.imul(t + 1, P0) + Math.imul(a, P1) + Math.imul(b, P2)) | 0);
}
function h3(t: number, a: number, b: number, c: number): number {
  return fmix((Math.imul(t + 1, P0) + Math.imul(a, P1) + Math.imul(b, P2) + Math.imul(c, P3)) | 0);
}

// --- layout --------------------------------------------------------------------------------

/** Word-position tags. */
const WB = 1;
const WM = 2;
const WE = 3;
const WS = 4;

/** Hashed features per character without the lexicon (fixed, so the layout is a flat array). */
export const BASE_FEATURES = 21;
/** Features per character with a lexicon of `gazTypes` types: one per type plus one combined. */
export function lexiconFeatures(gazTypes: number): number {
  return gazTypes > 0 ? gazTypes + 1 : 0;
}
/**
 * Convention features (a model trained on several annotation conventions): the static features
 * and the lexicon codes, then four dynamic ones (the char, its word, the bigrams around it), each
 * joined with the convention asked for; the plain copies are shared by every convention.
 */
export function conventionFeatures(gazTypes: number): number {
  return 4 + lexiconFeatures(gazTypes) + CONV_DYNAMIC;
}
const CONV_DYNAMIC = 4;
/** Hashed features per character. */
export function featureCount(gazTypes: number, conventions = false): number {
  return BASE_FEATURES + lexiconFeatures(gazTypes) + (conventions ? conventionFeatures(gazTypes) : 0);
}

/**
 * Groups of feature slots whose values come from small domains (bias, class pattern, word shape,
 * boundary pattern; the lexicon codes): the tagger caches the summed weights of each group's
 * combinations.
 */
export function staticGroups(gazTypes: number, conventions = false): number[][] {
  const group = [0, 12, 15, 19];
  for (let k = BASE_FEATURES; k < featureCount(gazTypes); k++) group.push(k);
  if (conventions) {
    const c = featureCount(gazTypes);
    for (let k = c; k < c + 4 + lexiconFeatures(gazTypes); k++) group.push(k);
  }
  return [group];
}

/** A sentence prepared for feature extraction. */
export interface Prepared {
  norm: Uint32Array; // normalized char codes
  cls: Uint8Array;
  /** For each char: start and end (exclusive) of the word holding it, and the word's hash. */
  wStart: Int32Array;
  wEnd: Int32Array;
  wHash: Int32Array;
  /** Lexicon matches: per type t, per char i, at [t * n + i]: code of the longest match covering i. */
  gaz: Uint8Array;
  gazTypes: number;
}

let segmenter: Intl.Segmenter | undefined;

/** Reusable buffers for prepare(…, reuse = true). */
let pool = { cap: 0, norm: new Uint32Array(0), cls: new Uint8Array(0), wStart: new Int32Array(0), wEnd: new Int32Array(0), wHash: new Int32Array(0), gaz: new Uint8Array(0), covLen: new Uint8Array(0), covStart: new Int32Array(0) };

function buffers(n: number, gazTypes: number, reuse: boolean) {
  const g = gazTypes * n;
  if (!reuse) {
    return { norm: new Uint32Array(n), cls: new Uint8Array(n), wStart: new Int32Array(n), wEnd: new Int32Array(n), wHash: new Int32Array(n), gaz: new Uint8Array(g), covLen: new Uint8Array(g), covStart: new Int32Array(g) };
  }
  if (pool.cap < n * Math.max(1, gazTypes)) {
    const c = Math.max(256, n * 2) * Math.max(1, gazTypes);
    pool = { cap: c, norm: new Uint32Array(c), cls: new Uint8Array(c), wStart: new Int32Array(c), wEnd: new Int32Array(c), wHash: new Int32Array(c), gaz: new Uint8Array(c), covLen: new Uint8Array(c), covStart: new Int32Array(c) };
  }
  pool.gaz.fill(0, 0, g);
  pool.covLen.fill(0, 0, g);
  return {
    norm: pool.norm.subarray(0, n),
    cls: pool.cls.subarray(0, n),
    wStart: pool.wStart.subarray(0, n),
    wEnd: pool.wEnd.subarray(0, n),
    wHash: pool.wHash.subarray(0, n),
    gaz: pool.gaz.subarray(0, g),
    covLen: pool.covLen.subarray(0, g),
    covStart: pool.covStart.subarray(0, g),
  };
}

/** Training only (lexicon dropout): should the match of `type` at [start, start + len) be ignored? */
export type LexiconDrop = (start: number, len: number, type: number) => boolean;

/**
 * Prepares one sentence or short piece (Intl.Segmenter, the fallback, is very slow on long
 * strings). With reuse, the result lives in shared buffers and is only valid until the next call.
 */
export function prepare(text: string, lexicon?: Gazetteer, gazTypes = 0, reuse = false, drop?: LexiconDrop): Prepared {
  const n = text.length;
  const { norm, cls, wStart, wEnd, wHash, gaz, covLen, covStart } = buffers(n, gazTypes, reuse);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    norm[i] = normChar(c);
    cls[i] = charClass(c);
  }
  const setWord = (a: number, b: number) => {
    let h = b - a;
    for (let i = a; i < b; i++) h = Math.imul(h, P1) + norm[i];
    h = fmix(h | 0) | 0;
    for (let i = a; i < b; i++) {
      wStart[i] = a;
      wEnd[i] = b;
      wHash[i] = h;
    }
  };
  if (lexicon && lexicon.hasWords) {
    // Forward maximum matching over the word list; runs of Latin letters or digits are words.
    let i = 0;
    while (i < n) {
      const c = cls[i];
      let end = i + 1;
      if (c === LATIN || c === DIGIT) {
        while (end < n && cls[end] === c) end++;
      } else if (c === HAN || c === HAN_NUM) {
        let h = mixStep(SEED, norm[i]);
        const maxLen = Math.min(MAX_LEN, n - i);
        for (let len = 2; len <= maxLen; len++) {
          h = mixStep(h, norm[i + len - 1]);
          const m = lexicon.get(finish(h, len));
          if (m === 0) break;
          if (m & WORD) end = i + len;
        }
      }
      setWord(i, end);
      i = end;
    }
  } else {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const seg of segmenter.segment(text)) setWord(seg.index, seg.index + seg.segment.length);
  }
  if (lexicon && gazTypes > 0) {
    // For each type keep the longest match covering each char: its length and start.
    for (let j = 0; j < n - 1; j++) {
      if (cls[j] === PUNCT) continue;
      let h = mixStep(SEED, norm[j]);
      const maxLen = Math.min(MAX_LEN, n - j);
      for (let len = 2; len <= maxLen; len++) {
        h = mixStep(h, norm[j + len - 1]);
        const m = lexicon.get(finish(h, len));
        if (m === 0) break;
        if ((m & ~(PREFIX | WORD)) === 0) continue;
        for (let t = 0; t < gazTypes; t++) {
          if (!(m & (1 << t))) continue;
          if (drop && drop(j, len, t)) continue;
          for (let k = j; k < j + len; k++) {
            const at = t * n + k;
            if (len > covLen[at]) {
              covLen[at] = len;
              covStart[at] = j;
            }
          }
        }
      }
    }
    for (let at = 0; at < gazTypes * n; at++) {
      const len = covLen[at];
      if (len === 0) continue;
      const k = at % n;
      const off = k - covStart[at];
      const part = off === 0 ? 1 : off === len - 1 ? 3 : 2; // B / M / E
      gaz[at] = part * 8 + (len > 7 ? 7 : len);
    }
  }
  return { norm, cls, wStart, wEnd, wHash, gaz, gazTypes };
}

function at(norm: Uint32Array, n: number, i: number): number {
  return i < 0 ? BOS : i >= n ? EOS : norm[i];
}

function clsAt(cls: Uint8Array, n: number, i: number): number {
  return i < 0 || i >= n ? PAD : cls[i];
}

/** 1 when a word starts at j (or j is outside the sentence). */
function boundary(wStart: Int32Array, n: number, j: number): number {
  return j <= 0 || j >= n ? 1 : wStart[j] === j ? 1 : 0;
}

/**
 * Fills `out` (length n * featureCount(p.gazTypes)) with the hashed feature ids of every char,
 * unmasked (32-bit); the caller reduces them to its table size.
 */
export function extract(p: Prepared, out: Uint32Array, convention = -1): void {
  const { norm, cls, wStart, wEnd, wHash, gaz, gazTypes } = p;
  const cv = convention + 1; // 0: a model without conventions
  const n = norm.length;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const cm3 = at(norm, n, i - 3), cm2 = at(norm, n, i - 2), cm1 = at(norm, n, i - 1), c0 = norm[i];
    const cp1 = at(norm, n, i + 1), cp2 = at(norm, n, i + 2), cp3 = at(norm, n, i + 3);
    out[o++] = h1(0, 0); // 0: bias
    out[o++] = h1(1, cm3); // 1-6: unigrams at -3, -1, 0, +1, +2, +3
    out[o++] = h1(3, cm1);
    out[o++] = h1(4, c0);
    out[o++] = h1(5, cp1);
    out[o++] = h1(6, cp2);
    out[o++] = h1(7, cp3);
    out[o++] = h2(9, cm2, cm1); // 7-10: bigrams
    out[o++] = h2(10, cm1, c0);
    out[o++] = h2(11, c0, cp1);
    out[o++] = h2(12, cp1, cp2);
    out[o++] = h3(15, cm1, c0, cp1); // 11: trigram
    // 12: character classes from -2 to +2
    const k = clsAt(cls, n, i - 2) | (clsAt(cls, n, i - 1) << 3) | (cls[i] << 6) | (clsAt(cls, n, i + 1) << 9) | (clsAt(cls, n, i + 2) << 12);
    out[o++] = h1(18, k);
    // 13-16: the word holding the char, the char's place in it
    const a = wStart[i], b = wEnd[i], len = b - a;
    const pos = len === 1 ? WS : i === a ? WB : i === b - 1 ? WE : WM;
    const lenCap = len > 6 ? 6 : len;
    const wh = wHash[i];
    out[o++] = h1(19, wh);
    out[o++] = h2(20, wh, pos * 8 + (i - a > 7 ? 7 : i - a));
    out[o++] = h2(21, pos, lenCap);
    out[o++] = h3(22, pos, lenCap, c0);
    // 17-18: previous and next words
    out[o++] = a > 0 ? h2(23, wHash[a - 1], pos) : h1(23, BOS);
    out[o++] = b < n ? h2(24, wHash[b], pos) : h1(24, EOS);
    // 19: word-boundary pattern around the char (a boundary before i-1, i, i+1, i+2?)
    const bd = boundary(wStart, n, i - 1) | (boundary(wStart, n, i) << 1) | (boundary(wStart, n, i + 1) << 2) | (boundary(wStart, n, i + 2) << 3);
    out[o++] = h2(25, bd, cls[i]);
    out[o++] = h2(26, pos, cm1); // 20
    // 21…: lexicon matches, one per type, and all types together
    let all = 0;
    if (gazTypes > 0) {
      for (let t = 0; t < gazTypes; t++) {
        const g = gaz[t * n + i];
        out[o++] = h2(40 + t, g, 0);
        all = all * 4 + (g === 0 ? 0 : g >> 3);
      }
      out[o++] = h1(39, all);
    }
    if (cv > 0) {
      // the same features joined with the convention (templates 64…): static ones first
      out[o++] = h1(64, cv);
      out[o++] = h2(65, k, cv);
      out[o++] = h3(66, pos, lenCap, cv);
      out[o++] = h3(67, bd, cls[i], cv);
      if (gazTypes > 0) {
        for (let t = 0; t < gazTypes; t++) out[o++] = h2(80 + t, gaz[t * n + i], cv);
        out[o++] = h2(79, all, cv);
      }
      out[o++] = h2(68, c0, cv);
      out[o++] = h2(69, wh, cv);
      out[o++] = h3(70, cm1, c0, cv);
      out[o++] = h3(71, c0, cp1, cv);
    }
  }
}
