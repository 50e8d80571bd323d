// The tagger's model: how the generated file stores it and how it is unpacked into typed arrays.
// Weights are Int8-quantized (weight = q * scale) in a bucket × tag table; the file holds only
// the non-zero entries as (gap, value) byte streams in base64, unpacked into sparse rows.

import { tagCount } from './decode';
import { Gazetteer, WORD_TYPE } from './gazetteer';

/** What the generated file exports (plain JSON-compatible data). */
export interface ModelData {
  version: number;
  /** Internal entity types, in tag order. */
  types: string[];
  /** For each internal type, the API type it is reported as, or null (not reported). */
  output: Array<string | null>;
  bucketBits: number;
  /** Hashed features per character. */
  features: number;
  /** Number of lexicon types (the lexicon feature slots); lexicon[k] lists type k's strings ('|'-separated). */
  lexicon: string[];
  /** The word list for segmentation ('|'-separated); empty: Intl.Segmenter is used instead. */
  words: string;
  /** weight = q * scale. */
  scale: number;
  /** Quantized transition scores (T * T, from * T + to), then start (T), then end (T). */
  transitions: number[];
  /** Non-zero weights: see encodeWeights. */
  weights: string;
  /** Count of non-zero weights (a check on decoding). */
  nonZero: number;
  /** Annotation conventions the model was trained on (absent: one, no convention features). */
  conventions?: string[];
  /** Per convention, how many of `types` (the first ones) it uses. */
  typesPerConvention?: number[];
  /** What each lexicon list holds (`organizations`: the external organisation lexicon). */
  lexiconNames?: string[];
}

/** An unpacked model, ready for tagging. */
export interface Model {
  data: ModelData;
  T: number;
  mask: number; // bucket mask
  w: SparseWeights;
  trans: Int32Array;
  start: Int32Array;
  end: Int32Array;
  lexicon: Gazetteer;
  lexiconTypes: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding), written out so the runtime needs no atob/Buffer. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    s += B64[(n >>> 18) & 63] + B64[(n >>> 12) & 63] + (b === undefined ? '=' : B64[(n >>> 6) & 63]) + (c === undefined ? '=' : B64[n & 63]);
    if (s.length >= 8192) {
      parts.push(s);
      s = '';
    }
  }
  parts.push(s);
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) lookup[B64.charCodeAt(i)] = i;
  let len = text.length;
  while (len > 0 && text[len - 1] === '=') len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? lookup[c] : -1;
    if (v < 0) throw new Error('ner model: bad base64');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Encodes a dense Int8 table (index = bucket * T + tag): for each non-zero entry in index order,
 * the gap since the previous one (unsigned LEB128 varint) in one stream and its value in another.
 * Layout: 4-byte little-endian count, gaps, values; then base64.
 */
export function encodeWeights(w: Int8Array): { text: string; nonZero: number } {
  let nz = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) nz++;
  const gaps: number[] = [];
  const vals = new Uint8Array(nz);
  let prev = -1;
  let k = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    let g = i - prev - 1;
    prev = i;
    while (g >= 0x80) {
      gaps.push((g & 0x7f) | 0x80);
      g >>>= 7;
    }
    gaps.push(g);
    vals[k++] = w[i] & 0xff;
  }
  const out = new Uint8Array(4 + gaps.length + nz);
  out[0] = nz & 0xff;
  out[1] = (nz >>> 8) & 0xff;
  out[2] = (nz >>> 16) & 0xff;
  out[3] = (nz >>> 24) & 0xff;
  out.set(gaps, 4);
  out.set(vals, 4 + gaps.length);
  return { text: toBase64(out), nonZero: nz };
}

/** Sparse rows: bucket b's entries are offsets[b] .. offsets[b + 1] - 1 of tags/values. */
export interface SparseWeights {
  offsets: Uint32Array;
  tags: Uint8Array;
  values: Int8Array;
}

export function decodeWeights(text: string, buckets: number, T: number): SparseWeights {
  const bytes = fromBase64(text);
  const nz = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
  const offsets = new Uint32Array(buckets + 1);
  const tags = new Uint8Array(nz);
  const values = new Int8Array(nz);
  let p = 4;
  let at = -1;
  let bucket = 0;
  for (let k = 0; k < nz; k++) {
    let g = 0;
    let shift = 0;
    for (;;) {
      const c = bytes[p++];
      g += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) break;
      shift += 7;
    }
    at += g + 1;
    const b = Math.floor(at / T);
    if (b >= buckets) throw new Error('ner model: corrupt weights');
    while (bucket < b) offsets[++bucket] = k;
    tags[k] = at - b * T;
  }
  while (bucket < buckets) offsets[++bucket] = nz;
  for (let k = 0; k < nz; k++) values[k] = bytes[p++] << 24 >> 24;
  if (p !== bytes.length) throw new Error('ner model: corrupt weights');
  return { offsets, tags, values };
}

export function unpack(data: ModelData): Model {
  const T = tagCount(data.types.length);
  const buckets = 1 << data.bucketBits;
  const w = decodeWeights(data.weights, buckets, T);
  const tr = data.transitions;
  if (tr.length !== T * T + 2 * T) throw new Error('ner model: bad transitions');
  const groups = data.lexicon.map((list, k) => [list ? list.split('|') : [], k] as const);
  if (data.words) groups.push([data.words.split('|'), WORD_TYPE]);
  return {
    data,
    T,
    mask: buckets - 1,
    w,
    trans: Int32Array.from(tr.slice(0, T * T)),
    start: Int32Array.from(tr.slice(T * T, T * T + T)),
    end: Int32Array.from(tr.slice(T * T + T)),
    lexicon: new Gazetteer(groups),
    lexiconTypes: data.lexicon.length,
  };
}
