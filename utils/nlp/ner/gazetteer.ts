// A typed-array string set for the tagger's lexicon features: normalized strings (2..MAX_LEN
// chars) hashed to 32 bits, each with a bit mask of the entity types it was seen as, plus the
// PREFIX bit on every proper prefix (≥ 2 chars) so a scan can stop early.
// Open addressing in a Uint32Array/Uint16Array pair; no string storage once built.

import { normChar } from './chars';

export const MAX_LEN = 12;
/** Mask bit: the string is a proper prefix of some entry. Type bits are 1 << type (type < 15). */
export const PREFIX = 1 << 15;
/** Mask bit: the string is a word of the word list (pseudo type 14). */
export const WORD_TYPE = 14;
export const WORD = 1 << WORD_TYPE;

export function mixStep(h: number, x: number): number {
  h = Math.imul(h ^ x, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ (h >>> 13);
}

export function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) || 1; // 0 marks an empty slot
}

export const SEED = 0x2f1d6e3b;

export class Gazetteer {
  private readonly keys: Uint32Array;
  private readonly masks: Uint16Array;
  private readonly mask: number;
  readonly size: number;
  /** Does the set hold words (WORD entries) for segmentation? */
  readonly hasWords: boolean;

  /**
   * `groups`: lists of strings, each with the type its strings were seen as. Built straight into
   * the table, two passes and no per-string allocation: the tagger's first use waits on this.
   */
  constructor(groups: ReadonlyArray<readonly [strings: readonly string[], type: number]>) {
    let count = 0;
    for (const [strings] of groups) for (const s of strings) if (s.length >= 2 && s.length <= MAX_LEN) count += s.length - 1;
    let cap = 16;
    while (cap < count * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.masks = new Uint16Array(cap);
    this.mask = cap - 1;
    let size = 0;
    let hasWords = false;
    for (const [strings, type] of groups) {
      for (const s of strings) {
        if (s.length < 2 || s.length > MAX_LEN) continue;
        hasWords ||= type === WORD_TYPE;
        let h = SEED;
        for (let i = 0; i < s.length; i++) {
          h = mixStep(h, normChar(s.charCodeAt(i)));
          if (i === 0) continue;
          const key = finish(h, i + 1);
          let at = key & this.mask;
          while (this.keys[at] !== 0 && this.keys[at] !== key) at = (at + 1) & this.mask;
          if (this.keys[at] === 0) size++;
          this.keys[at] = key;
          this.masks[at] |= i === s.length - 1 ? 1 << type : PREFIX;
        }
      }
    }
    this.size = size;
    this.hasWords = hasWords;
  }

  /** Type mask of a hashed string (0 when absent). */
  get(h: number): number {
    let i = h & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === h) return this.masks[i];
      if (k === 0) return 0;
      i = (i + 1) & this.mask;
    }
  }

  /** Type mask of a string (0 when absent; PREFIX / WORD bits included). */
  typesOf(s: string): number {
    if (s.length < 2 || s.length > MAX_LEN) return 0;
    let h = SEED;
    for (let i = 0; i < s.length; i++) h = mixStep(h, normChar(s.charCodeAt(i)));
    return this.get(finish(h, s.length));
  }

  /** Memory held by the tables, in bytes. */
  get bytes(): number {
    return this.keys.byteLength + this.masks.byteLength;
  }
}
