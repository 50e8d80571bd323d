// Tagging with an unpacked model: sentence splitting, features, Int8 emissions, constrained Viterbi.

import { unpack, type Model, type ModelData } from './codec';
import { fixedTransitions, tagsToSpans, viterbiFixed, type FixedTransitions } from './decode';
import { extract, featureCount, prepare, staticGroups } from './features';
import type { NerSpan, NerType } from './types';

/** Longest piece handed to the segmenter and the decoder at once. */
export const MAX_CHUNK = 200;

// Break classes of the characters that matter for splitting (everything else: 0).
const HARD = 1;
const SOFT = 2;
const CLOSE = 4;
const SPACE = 8;
const BREAKS = new Map<number, number>();
const mark = (chars: string, bit: number) => {
  for (const c of chars) BREAKS.set(c.charCodeAt(0), (BREAKS.get(c.charCodeAt(0)) ?? 0) | bit);
};
mark('。！？；!?;\n\r', HARD);
mark('，、,：: \t\u3000）)」』”', SOFT);
mark('”’」』）)"\'', CLOSE);
mark(' \t\n\r\u3000\u00a0\f\v', SPACE);
const breakClass = (c: number) => (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || c >= 0xff00 || (c >= 0x2010 && c <= 0x2027) || c === 0xa0 ? (BREAKS.get(c) ?? 0) : 0);
const isSpace = (c: number) => (breakClass(c) & SPACE) !== 0;

/** Splits text into [start, end) pieces at sentence ends, then soft breaks, never over MAX_CHUNK. */
export function chunks(text: string, max = MAX_CHUNK): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const push = (a: number, b: number) => {
    // trim surrounding blanks
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
  };
  const n = text.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const end = i === n;
    if (!end && !(breakClass(text.charCodeAt(i)) & HARD)) continue;
    // closing quotes right after a sentence end belong to it
    let j = end ? i : i + 1;
    while (j < n && breakClass(text.charCodeAt(j)) & CLOSE) j++;
    let a = start;
    while (j - a > max) {
      // cut after the last soft break in the second half of the window, else hard at max
      let cut = -1;
      for (let k = a + max - 1; k > a + max / 2; k--) {
        if (breakClass(text.charCodeAt(k)) & SOFT) {
          cut = k + 1;
          break;
        }
      }
      if (cut < 0) {
        cut = a + max;
        // do not split a surrogate pair
        const c = text.charCodeAt(cut - 1);
        if (c >= 0xd800 && c <= 0xdbff) cut--;
      }
      push(a, cut);
      a = cut;
    }
    push(a, j);
    if (end) break;
    start = j;
    i = j - 1;
  }
  return out;
}

/** Slots per cache of summed static-feature rows (direct-mapped, one cache per group). */
const CACHE = 16384;

/** A cache of the summed rows of one group of small-domain feature slots. */
class RowCache {
  readonly sig: Int32Array;
  readonly vec: Int16Array;
  readonly used: Uint8Array;
  constructor(
    readonly slots: Int32Array,
    T: number,
  ) {
    this.sig = new Int32Array(CACHE * slots.length);
    this.vec = new Int16Array(CACHE * T);
    this.used = new Uint8Array(CACHE);
  }
}

export class Tagger {
  readonly m: Model;
  private readonly ft: FixedTransitions;
  private readonly F: number;
  private readonly caches: RowCache[];
  private readonly dynamicSlots: Int32Array;
  private feats = new Uint32Array(0);
  private em = new Int32Array(0);
  private tags = new Int32Array(0);
  private score = new Int32Array(0);
  private back = new Int32Array(0);

  constructor(data: ModelData) {
    this.m = unpack(data);
    this.ft = fixedTransitions(this.m.T, this.m.trans, this.m.start, this.m.end);
    this.F = featureCount(this.m.lexiconTypes);
    if (this.F !== data.features) throw new Error('ner model: feature count mismatch');
    const groups = staticGroups(this.m.lexiconTypes);
    this.caches = groups.map((g) => new RowCache(Int32Array.from(g), this.m.T));
    const isStatic = new Set(groups.flat());
    this.dynamicSlots = Int32Array.from({ length: this.F }, (_, k) => k).filter((k) => !isStatic.has(k));
  }

  /** Bytes held in typed arrays once loaded (weights, lexicon, caches, buffers). */
  bytes(): number {
    const { w, lexicon, trans, start, end } = this.m;
    let b = w.offsets.byteLength + w.tags.byteLength + w.values.byteLength + lexicon.bytes + trans.byteLength + start.byteLength + end.byteLength;
    for (const c of this.caches) b += c.sig.byteLength + c.vec.byteLength + c.used.byteLength;
    b += this.feats.byteLength + this.em.byteLength + this.tags.byteLength + this.score.byteLength + this.back.byteLength + this.ft.closedTrans.byteLength + this.ft.trans.byteLength;
    return b + 0x10000; // + the character class table
  }

  /** Adds the cached sum of a static group's rows for char i (computing it on a miss). */
  private addStatic(c: RowCache, fb: number, eb: number): void {
    const { T, mask } = this.m;
    const { offsets, tags, values } = this.m.w;
    const feats = this.feats, em = this.em;
    const { slots, sig, vec, used } = c;
    const S = slots.length;
    let key = 0;
    for (let s = 0; s < S; s++) key = (Math.imul(key, 0x9e3779b1) + (feats[fb + slots[s]] & mask)) | 0;
    key = (key ^ (key >>> 13)) & (CACHE - 1);
    let hit = used[key] === 1;
    if (hit) {
      for (let s = 0; s < S; s++) {
        if (sig[key * S + s] !== (feats[fb + slots[s]] & mask)) {
          hit = false;
          break;
        }
      }
    }
    const vb = key * T;
    if (!hit) {
      vec.fill(0, vb, vb + T);
      for (let s = 0; s < S; s++) {
        const b = feats[fb + slots[s]] & mask;
        sig[key * S + s] = b;
        for (let k = offsets[b], e = offsets[b + 1]; k < e; k++) vec[vb + tags[k]] += values[k];
      }
      used[key] = 1;
    }
    for (let t = 0; t < T; t++) em[eb + t] += vec[vb + t];
  }

  /** Tags one short piece; spans carry internal type ids. */
  tagPiece(text: string): Array<[number, number, number]> {
    const n = text.length;
    if (n === 0) return [];
    const { T, mask } = this.m;
    const { offsets, tags, values } = this.m.w;
    const F = this.F;
    if (this.feats.length < n * F) {
      const cap = Math.max(n, 64) * 2;
      this.feats = new Uint32Array(cap * F);
      this.em = new Int32Array(cap * T);
      this.tags = new Int32Array(cap);
      this.score = new Int32Array(cap * T);
      this.back = new Int32Array(cap * T);
    }
    const feats = this.feats;
    extract(prepare(text, this.m.lexicon, this.m.lexiconTypes, true), feats);
    const em = this.em;
    em.fill(0, 0, n * T);
    const ds = this.dynamicSlots;
    const D = ds.length;
    const caches = this.caches;
    for (let i = 0; i < n; i++) {
      const eb = i * T;
      const fb = i * F;
      for (let c = 0; c < caches.length; c++) this.addStatic(caches[c], fb, eb);
      for (let d = 0; d < D; d++) {
        const b = feats[fb + ds[d]] & mask;
        for (let k = offsets[b], e = offsets[b + 1]; k < e; k++) em[eb + tags[k]] += values[k];
      }
    }
    viterbiFixed(em, n, this.ft, this.tags, this.score, this.back);
    return tagsToSpans(this.tags, n);
  }

  /** Tags any text: split into pieces, spans in the text's UTF-16 offsets, API types only. */
  tag(text: string): NerSpan[] {
    const out: NerSpan[] = [];
    const outTypes = this.m.data.output;
    for (const [a, b] of chunks(text)) {
      for (const [s, e, k] of this.tagPiece(text.slice(a, b))) {
        const type = outTypes[k];
        if (type) out.push({ start: a + s, end: a + e, type: type as NerType });
      }
    }
    return out;
  }
}
