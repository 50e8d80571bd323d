// One OpenCC conversion over compiled tries, step for step as opencc-js runs it: normalize the
// whole text, cut it into the segmentation dictionary's longest words (and the runs between them),
// then pass each segment through every trie of the chain; a match never crosses a segment's edge.

import { Trie, TrieLayout, ValueTable, unmatchedLength } from './trie';

/** A conversion as trie indexes into its chunk (see scripts/compile-opencc.ts). */
export interface ChainSpec {
  normalize: number | null;
  /** the trie (one of the chain's) whose marked keys segment the text */
  segment: number | null;
  chain: number[];
}

/** What a compiled chunk module exports: the layout of its bytes (the .bin beside it). */
export interface CompiledChunk {
  /** byte offset of the replacements' lengths (one byte each) */
  valueLengths: number;
  valueCount: number;
  /** byte offset and length (in code units) of the replacements' text, UTF-16LE */
  valuesAt: number;
  valuesLength: number;
  tries: TrieLayout[];
  specs: Record<string, ChainSpec>;
}

export type Convert = (s: string) => string;

/** A chunk's tries, made on first use and shared by every conversion of the chunk. */
export class LoadedChunk {
  private readonly values: ValueTable;
  private readonly tries: Array<Trie | undefined>;
  private readonly made = new Map<string, Convert>();

  constructor(
    private readonly chunk: CompiledChunk,
    /** the chunk's bytes (an aligned buffer of their own: the tries are typed-array views of it) */
    private readonly buffer: ArrayBuffer,
  ) {
    const text = new TextDecoder('utf-16le').decode(new Uint8Array(buffer, chunk.valuesAt, chunk.valuesLength * 2));
    this.values = new ValueTable(text, new Uint8Array(buffer, chunk.valueLengths, chunk.valueCount));
    this.tries = new Array(chunk.tries.length);
  }

  has(name: string): boolean {
    return name in this.chunk.specs;
  }

  private trie(i: number): Trie {
    return (this.tries[i] ??= new Trie(this.buffer, this.chunk.tries[i], this.values));
  }

  /** Bytes held: the blob and the tries made so far. */
  get bytes(): number {
    return this.buffer.byteLength + this.tries.reduce((n, t) => n + (t ? t.bytes : 0), 0);
  }

  /** The conversion `name` (an OpenCC config name: s2twp, t2s…), made once. */
  converter(name: string): Convert {
    let c = this.made.get(name);
    if (!c) this.made.set(name, (c = this.make(name)));
    return c;
  }

  private make(name: string): Convert {
    const spec = this.chunk.specs[name];
    if (!spec) throw new Error(`no compiled OpenCC conversion ${name}`);
    const normalize = spec.normalize === null ? null : this.trie(spec.normalize);
    const chain = spec.chain.map((i) => this.trie(i));
    const seg = spec.segment === null ? null : this.trie(spec.segment);
    if (!seg) {
      return (s) => {
        let x = normalize ? normalize.convert(s) : s;
        for (const t of chain) x = t.convert(x);
        return x;
      };
    }
    const [head, ...rest] = chain;
    const same = head === seg;
    const through = (x: string) => {
      for (const t of rest) x = t.convert(x);
      return x;
    };
    return (input) => {
      const s = normalize ? normalize.convert(input) : input;
      const n = s.length;
      let out = '';
      let raw = -1;
      for (let i = 0; i < n; ) {
        const k = seg.startsAt(s.charCodeAt(i)) ? seg.match(s, i, n, true) : -1;
        if (k < 0) {
          if (raw < 0) raw = i;
          i += unmatchedLength(s, i, n);
          continue;
        }
        // A segment is one whole key of the head trie: its replacement is the conversion.
        const word = same ? seg.valueOfHit() : null;
        if (raw >= 0) {
          out += through(head.convert(s, raw, i));
          raw = -1;
        }
        out += through(word ?? head.convert(s, i, k));
        i = k;
      }
      if (raw >= 0) out += through(head.convert(s, raw, n));
      return out;
    };
  }
}
