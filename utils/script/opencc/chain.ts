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

/** What a compiled chunk module exports. */
export interface CompiledChunk {
  blob: string;
  values: string;
  /** byte offset of the replacements' lengths (one byte each) in the blob */
  valueLengths: number;
  valueCount: number;
  tries: TrieLayout[];
  specs: Record<string, ChainSpec>;
}

export type Convert = (s: string) => string;

function decodeBase64(b64: string): ArrayBuffer {
  const B = (globalThis as { Buffer?: { from(s: string, e: string): Uint8Array } }).Buffer;
  const bytes = B ? B.from(b64, 'base64') : (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64?.(b64) ?? fromAtob(b64);
  // A fresh, aligned buffer the typed arrays can view.
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out.buffer;
}

function fromAtob(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A chunk's tries, made on first use and shared by every conversion of the chunk. */
export class LoadedChunk {
  private readonly buffer: ArrayBuffer;
  private readonly values: ValueTable;
  private readonly tries: Array<Trie | undefined>;
  private readonly made = new Map<string, Convert>();

  constructor(private readonly chunk: CompiledChunk) {
    this.buffer = decodeBase64(chunk.blob);
    this.values = new ValueTable(chunk.values, new Uint8Array(this.buffer, chunk.valueLengths, chunk.valueCount));
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
