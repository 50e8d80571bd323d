// OpenCC's dictionaries as compiled tries: flat typed arrays made at build time
// (scripts/compile-opencc.ts), so a converter is ready after one prefix sum over the bytes instead
// of building ~50,000 Map nodes (opencc-js: 110–160 ms, ~40 MB).
//
// The trie is over UTF-16 code units. opencc-js matches code points; both give the same matches
// because every key is well-formed and matching only ever starts at a code-point boundary.
//
// Layout of one trie in the blob (node 0 is the root; nodes are numbered breadth-first, so the
// children of a node are consecutive and sorted by code unit):
//   Uint8  flags[n]      1: a key ends here (it has a replacement); 2: a key of the segmentation
//                        dictionaries ends here
//   Uint16 code[n]       the code unit on the edge into node n
//   Uint16 children[n]   how many children node n has (the root's count is in the header)
// Replacements are numbered in the order of the terminal nodes, trie after trie, so a node's is
// found by counting (done once at load); the chunk stores one length byte a replacement.

export interface TrieLayout {
  nodes: number;
  rootChildren: number;
  /** the index of this trie's first replacement in the chunk's table */
  firstValue: number;
  /** byte offsets into the blob */
  flags: number;
  code: number;
  children: number;
  /** whether segmentation marks are set */
  marked: boolean;
}

/** The replacement strings of one compiled chunk: one string and the offsets into it. */
export class ValueTable {
  private readonly cache: Array<string | undefined>;
  private readonly offsets: Uint32Array;
  constructor(
    private readonly text: string,
    lengths: Uint8Array,
  ) {
    this.offsets = new Uint32Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) this.offsets[i + 1] = this.offsets[i] + lengths[i];
    this.cache = new Array(lengths.length);
  }
  get(v: number): string {
    return (this.cache[v] ??= this.text.slice(this.offsets[v], this.offsets[v + 1]));
  }
}

const LINEAR = 8;

export class Trie {
  private readonly first: Uint32Array;
  private readonly code: Uint16Array;
  private readonly value: Int32Array;
  private readonly mark: Uint8Array | null;
  /** root child of each BMP code unit (0: none) */
  private readonly root: Int32Array;

  constructor(
    blob: ArrayBuffer,
    l: TrieLayout,
    private readonly values: ValueTable,
  ) {
    const flags = new Uint8Array(blob, l.flags, l.nodes);
    this.code = new Uint16Array(blob, l.code, l.nodes);
    const counts = new Uint16Array(blob, l.children, l.nodes);
    this.value = new Int32Array(l.nodes);
    for (let n = 0, v = l.firstValue; n < l.nodes; n++) this.value[n] = flags[n] & 1 ? v++ : -1;
    this.mark = l.marked ? new Uint8Array(l.nodes) : null;
    if (this.mark) for (let n = 0; n < l.nodes; n++) this.mark[n] = flags[n] >> 1;
    const first = new Uint32Array(l.nodes + 1);
    let next = 1;
    for (let n = 0; n < l.nodes; n++) {
      first[n] = next;
      next += n === 0 ? l.rootChildren : counts[n];
    }
    first[l.nodes] = next;
    this.first = first;
    this.root = new Int32Array(0x10000);
    for (let c = first[0]; c < first[1]; c++) this.root[this.code[c]] = c;
  }

  /** Memory the trie holds, in bytes. */
  get bytes(): number {
    return this.first.byteLength + this.code.byteLength + this.value.byteLength + (this.mark?.byteLength ?? 0) + this.root.byteLength;
  }

  private child(n: number, c: number): number {
    let lo = this.first[n];
    let hi = this.first[n + 1];
    const code = this.code;
    if (hi - lo <= LINEAR) {
      for (; lo < hi; lo++) if (code[lo] === c) return lo;
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = code[mid];
      if (m === c) return mid;
      if (m < c) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** Does any key start with this code unit? */
  startsAt(c: number): boolean {
    return this.root[c] !== 0;
  }

  /**
   * The longest key at `i` (not past `end`): its end, or -1. `marked`: only keys of the
   * segmentation dictionaries. The node of the match is left in `this.hit`.
   */
  hit = 0;
  match(s: string, i: number, end: number, marked: boolean): number {
    let n = this.root[s.charCodeAt(i)];
    if (!n) return -1;
    const term = marked ? this.mark! : null;
    const value = this.value;
    let k = -1;
    for (let j = i + 1; ; j++) {
      if (term ? term[n] : value[n] >= 0) {
        k = j;
        this.hit = n;
      }
      if (j >= end || this.first[n] === this.first[n + 1]) break;
      n = this.child(n, s.charCodeAt(j));
      if (!n) break;
    }
    return k;
  }

  /** The replacement of the node `match` left in `hit`. */
  valueOfHit(): string {
    return this.values.get(this.value[this.hit]);
  }

  /** opencc-js's Trie.convert over s[start, end): longest match left to right. */
  convert(s: string, start = 0, end = s.length): string {
    const root = this.root;
    const value = this.value;
    const first = this.first;
    let out = '';
    let raw = start;
    for (let i = start; i < end; ) {
      const c = s.charCodeAt(i);
      let n = root[c];
      // Nothing starts here (a low surrogate never starts a key): step on. Ideographic
      // description characters take the slow path, which skips their whole sequence.
      if (n === 0) {
        if (c < 0x2ff0 || c > 0x2fff) i++;
        else i += unmatchedLength(s, i, end);
        continue;
      }
      let k = -1;
      let hit = 0;
      for (let j = i + 1; ; j++) {
        if (value[n] >= 0) {
          k = j;
          hit = n;
        }
        if (j >= end || first[n] === first[n + 1]) break;
        n = this.child(n, s.charCodeAt(j));
        if (n === 0) break;
      }
      if (k < 0) {
        i += unmatchedLength(s, i, end);
        continue;
      }
      if (raw < i) out += s.slice(raw, i);
      out += this.values.get(value[hit]);
      i = raw = k;
    }
    if (raw === start) return start === 0 && end === s.length ? s : s.slice(start, end);
    return raw < end ? out + s.slice(raw, end) : out;
  }
}

// opencc-js leaves an ideographic description sequence (⿰氵青) whole when nothing matches at it.
function idsArity(c: number): number {
  if (c >= 0x2ff0 && c <= 0x2ff1) return 2;
  if (c >= 0x2ff2 && c <= 0x2ff3) return 3;
  if (c >= 0x2ff4 && c <= 0x2fff) return 2;
  return 0;
}

function codePointLength(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function idsEnd(s: string, i: number, end: number): number {
  const arity = idsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let e = i + 1;
  for (let n = 0; n < arity; n++) {
    if (e >= end) return 0;
    const child = idsEnd(s, e, end);
    e = child || e + codePointLength(s, e, end);
  }
  return e;
}

/** How far to step past text nothing matched at. */
export function unmatchedLength(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const e = idsEnd(s, i, end);
    if (e > i) return e - i;
  }
  return codePointLength(s, i, end);
}
