// Tagging with an unpacked model: sentence splitting, features, Int8 emissions, constrained Viterbi,
// and each span's probability under the model (its CRF marginal, by forward-backward).

import { unpack, type Model, type ModelData } from './codec';
import { fixedTransitions, tagCount, tagsToSpans, transitions, viterbiFixed, type FixedTransitions, type Transitions } from './decode';
import { extract, featureCount, prepare, staticGroups } from './features';
import { blockedChars } from './blocked';
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
const CACHE = 8192;

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

const NEG = -0x100000;

export class Tagger {
  readonly m: Model;
  /** The convention asked for (index into the model's conventions; -1: a model without them). */
  readonly convention: number;
  /** Tags in use: O and the BIOES tags of the convention's types. */
  readonly T: number;
  private readonly ft: FixedTransitions;
  private readonly tr: Transitions;
  private readonly F: number;
  private readonly caches: RowCache[];
  private readonly dynamicSlots: Int32Array;
  /** exp of the transition, start and end scores (forward-backward). */
  private readonly eTrans: Float64Array;
  private readonly eStart: Float64Array;
  private readonly eEnd: Float64Array;
  private feats = new Uint32Array(0);
  private em = new Int32Array(0);
  private tags = new Int32Array(0);
  private score = new Int32Array(0);
  private back = new Int32Array(0);
  private psi = new Float64Array(0);
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private norm = new Float64Array(0);

  constructor(data: ModelData, convention = 'news') {
    this.m = unpack(data);
    const conventions = data.conventions ?? [];
    this.convention = conventions.length ? conventions.indexOf(convention) : -1;
    if (conventions.length && this.convention < 0) throw new Error(`ner model: no convention ${convention}`);
    const K = this.convention >= 0 ? data.typesPerConvention![this.convention] : data.types.length;
    const T = (this.T = tagCount(K));
    const full = this.m.T;
    // Keep only the tags this convention uses (its types come first): smaller rows, faster decoding.
    const { offsets, tags, values } = this.m.w;
    if (T < full) {
      let k = 0;
      const o2 = new Uint32Array(offsets.length);
      for (let b = 0; b + 1 < offsets.length; b++) {
        o2[b] = k;
        for (let e = offsets[b]; e < offsets[b + 1]; e++) {
          if (tags[e] >= T) continue;
          tags[k] = tags[e];
          values[k++] = values[e];
        }
      }
      o2[offsets.length - 1] = k;
      this.m.w = { offsets: o2, tags: tags.slice(0, k), values: values.slice(0, k) };
      const sub = (a: Int32Array, rows: number) => Int32Array.from({ length: rows * T }, (_, i) => a[Math.floor(i / T) * full + (i % T)]);
      this.m.trans = sub(this.m.trans, T);
      this.m.start = this.m.start.slice(0, T);
      this.m.end = this.m.end.slice(0, T);
    }
    this.ft = fixedTransitions(T, this.m.trans, this.m.start, this.m.end);
    this.tr = transitions(T);
    const conv = this.convention >= 0;
    this.F = featureCount(this.m.lexiconTypes, conv);
    if (this.F !== data.features) throw new Error('ner model: feature count mismatch');
    const groups = staticGroups(this.m.lexiconTypes, conv);
    this.caches = groups.map((g) => new RowCache(Int32Array.from(g), T));
    const isStatic = new Set(groups.flat());
    this.dynamicSlots = Int32Array.from({ length: this.F }, (_, k) => k).filter((k) => !isStatic.has(k));
    const sc = data.scale;
    this.eTrans = Float64Array.from(this.m.trans, (x) => Math.exp(x * sc));
    this.eStart = Float64Array.from(this.m.start, (x) => Math.exp(x * sc));
    this.eEnd = Float64Array.from(this.m.end, (x) => Math.exp(x * sc));
  }

  /** Bytes held in typed arrays once loaded (weights, lexicon, caches, buffers). */
  bytes(): number {
    const { w, lexicon, trans, start, end } = this.m;
    let b = w.offsets.byteLength + w.tags.byteLength + w.values.byteLength + lexicon.bytes + trans.byteLength + start.byteLength + end.byteLength;
    for (const c of this.caches) b += c.sig.byteLength + c.vec.byteLength + c.used.byteLength;
    b += this.feats.byteLength + this.em.byteLength + this.tags.byteLength + this.score.byteLength + this.back.byteLength + this.ft.closedTrans.byteLength + this.ft.trans.byteLength;
    b += this.psi.byteLength + this.alpha.byteLength + this.beta.byteLength + this.norm.byteLength;
    return b + 0x10000; // + the character class table
  }

  /** Adds the cached sum of a static group's rows for char i (computing it on a miss). */
  private addStatic(c: RowCache, fb: number, eb: number): void {
    const { mask } = this.m;
    const T = this.T;
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

  /** Emission scores of one piece into this.em (n * T). */
  private emissions(text: string): void {
    const n = text.length;
    const { mask } = this.m;
    const T = this.T;
    const { offsets, tags, values } = this.m.w;
    const F = this.F;
    if (this.feats.length < n * F) {
      const cap = Math.max(n, 64) * 2;
      this.feats = new Uint32Array(cap * F);
      this.em = new Int32Array(cap * T);
      this.tags = new Int32Array(cap);
      this.score = new Int32Array(cap * T);
      this.back = new Int32Array(cap * T);
      this.psi = new Float64Array(cap * T);
      this.alpha = new Float64Array(cap * T);
      this.beta = new Float64Array(cap * T);
      this.norm = new Float64Array(cap);
    }
    const feats = this.feats;
    extract(prepare(text, this.m.lexicon, this.m.lexiconTypes, true), feats, this.convention);
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
    // Brackets and pinyin annotations are never inside a name.
    const blocked = blockedChars(text);
    if (blocked) {
      for (let i = 0; i < n; i++) if (blocked[i]) for (let t = 1; t < T; t++) em[i * T + t] = NEG;
    }
  }

  /** Tags one short piece; spans carry internal type ids and their probability. */
  tagPiece(text: string): Array<[number, number, number, number]> {
    const n = text.length;
    if (n === 0) return [];
    this.emissions(text);
    viterbiFixed(this.em, n, this.ft, this.tags, this.score, this.back);
    const spans = tagsToSpans(this.tags, n);
    if (!spans.length) return [];
    this.forwardBackward(n);
    return spans.map(([s, e, k]) => [s, e, k, this.spanProbability(s, e, k)]);
  }

  /** Scaled forward-backward over the piece in this.em (alpha, beta, per-position norms). */
  private forwardBackward(n: number): void {
    const T = this.T;
    const { predStart, predList, canStart, canEnd } = this.tr;
    const { em, psi, alpha, beta, norm, eTrans, eStart, eEnd } = this;
    const sc = this.m.data.scale;
    for (let i = 0; i < n; i++) {
      const b = i * T;
      let mx = NEG;
      for (let t = 0; t < T; t++) if (em[b + t] > mx) mx = em[b + t];
      for (let t = 0; t < T; t++) psi[b + t] = em[b + t] <= NEG ? 0 : Math.exp((em[b + t] - mx) * sc);
    }
    let z = 0;
    for (let t = 0; t < T; t++) z += alpha[t] = canStart[t] ? eStart[t] * psi[t] : 0;
    norm[0] = z;
    for (let t = 0; t < T; t++) alpha[t] /= z;
    for (let i = 1; i < n; i++) {
      const b = i * T, p = b - T;
      z = 0;
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let k = predStart[t], e = predStart[t + 1]; k < e; k++) s += alpha[p + predList[k]] * eTrans[predList[k] * T + t];
        z += alpha[b + t] = s * psi[b + t];
      }
      norm[i] = z;
      for (let t = 0; t < T; t++) alpha[b + t] /= z;
    }
    const last = (n - 1) * T;
    z = 0;
    for (let t = 0; t < T; t++) z += beta[last + t] = canEnd[t] ? eEnd[t] : 0;
    for (let t = 0; t < T; t++) beta[last + t] /= z;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * T, nx = b + T;
      z = 0;
      for (let t = 0; t < T; t++) beta[b + t] = 0;
      for (let t = 0; t < T; t++) {
        const x = psi[nx + t] * beta[nx + t];
        if (x === 0) continue;
        for (let k = predStart[t], e = predStart[t + 1]; k < e; k++) beta[b + predList[k]] += eTrans[predList[k] * T + t] * x;
      }
      for (let t = 0; t < T; t++) z += beta[b + t];
      for (let t = 0; t < T; t++) beta[b + t] /= z;
    }
  }

  /**
   * P(the piece has exactly this span: B I… E, or S, of type k at [s, e)) under the model. With
   * alpha scaled by the per-position norms c_i: P = (Σ_u α̂(s-1,u) M(u,B)) · Π ψ/c · β̂(e-1,E) / z,
   * where z = Σ_t α̂(e-1,t) β̂(e-1,t).
   */
  private spanProbability(s: number, e: number, k: number): number {
    const T = this.T;
    const { psi, alpha, beta, norm, eTrans, eStart } = this;
    const first = e - s === 1 ? 4 + 4 * k : 1 + 4 * k;
    let v = 0;
    if (s === 0) v = eStart[first];
    else {
      // only the tags an entity may follow (O, E-*, S-*): the others' transition scores mean nothing
      const { predStart, predList } = this.tr;
      for (let k2 = predStart[first], e2 = predStart[first + 1]; k2 < e2; k2++) v += alpha[(s - 1) * T + predList[k2]] * eTrans[predList[k2] * T + first];
    }
    v *= psi[s * T + first] / norm[s];
    let prev = first;
    for (let i = s + 1; i < e; i++) {
      const cur = i === e - 1 ? 3 + 4 * k : 2 + 4 * k;
      v *= (eTrans[prev * T + cur] * psi[i * T + cur]) / norm[i];
      prev = cur;
    }
    const b = (e - 1) * T;
    let zz = 0;
    for (let t = 0; t < T; t++) zz += alpha[b + t] * beta[b + t];
    const p = (v * beta[b + prev]) / zz;
    return p > 1 ? 1 : p < 0 ? 0 : p;
  }

  /** Tags any text: split into pieces, spans in the text's UTF-16 offsets, API types only. */
  tag(text: string): NerSpan[] {
    const out: NerSpan[] = [];
    const outTypes = this.m.data.output;
    for (const [a, b] of chunks(text)) {
      for (const [s, e, k, p] of this.tagPiece(text.slice(a, b))) {
        const type = outTypes[k];
        if (type) out.push({ start: a + s, end: a + e, type: type as NerType, score: Math.round(p * 1000) / 1000 });
      }
    }
    return out;
  }
}
