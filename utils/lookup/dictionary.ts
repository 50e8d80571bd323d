// The compact CC-CEDICT text (compile.ts) as a look-up: every headword, Simplified and Traditional,
// to its entries; and the word at a point of a text by longest-match segmentation of its clause,
// so a click on 智 in 人工智能 finds 人工智能, not 智.

export interface Form {
  traditional: string;
  simplified: string;
  /** tone numbers, as CC-CEDICT writes them */
  pinyin: string;
}

export interface Entry extends Form {
  definitions: string[];
  /** measure words */
  classifiers: Form[];
}

/** Headwords longer than this are not looked for (CC-CEDICT's longest idioms are about this long). */
const MAX_WORD = 16;
/** Where a clause ends: the segmentation at a point starts after the last of these before it. */
const BREAK = /[\s\p{P}\p{S}\p{N}A-Za-z]/u;

export class Dictionary {
  private readonly keys: string[];
  private readonly postings: string[];
  private readonly lines: string[];

  /** `compact` as compile.ts writes it. */
  constructor(compact: string) {
    const [keys, postings, lines] = compact.split('\u001e');
    this.keys = keys.split('\n');
    this.postings = postings.split('\n');
    this.lines = lines.split('\n');
  }

  /** The headword's place among the sorted keys, or -1. */
  private find(word: string): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid];
      if (k === word) return mid;
      if (k < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  has(word: string): boolean {
    return this.find(word) >= 0;
  }

  /** Headwords, Simplified and Traditional. */
  get size(): number {
    return this.keys.length;
  }

  /** Entries with this headword (either script), lower-case readings before proper names. */
  lookup(word: string): Entry[] {
    const i = this.find(word);
    const entries = i < 0 ? [] : this.postings[i].split(',').map((n) => this.entryAt(Number(n)));
    return entries.sort((a, b) => Number(/^[A-Z]/.test(a.pinyin)) - Number(/^[A-Z]/.test(b.pinyin)));
  }

  private entryAt(line: number): Entry {
    const [traditional, simplified, pinyin, defs, cls] = this.lines[line].split('\t');
    const classifiers = (cls ? cls.split(',') : []).flatMap((c) => {
      const m = /^([^|]+)\|([^[]+)\[([^\]]*)\]$/.exec(c);
      return m ? [{ traditional: m[1], simplified: m[2], pinyin: m[3] }] : [];
    });
    return { traditional, simplified, pinyin, definitions: defs.split('/'), classifiers };
  }

  /** The longest headword starting at `from` (at least one character, a known word or not). */
  private longestFrom(text: string, from: number, end: number): number {
    for (let len = Math.min(MAX_WORD, end - from); len > 1; len--) if (this.has(text.slice(from, from + len))) return len;
    return text.codePointAt(from)! > 0xffff ? 2 : 1;
  }

  /** The longest headword ending at `to`. */
  private longestTo(text: string, to: number, start: number): number {
    for (let len = Math.min(MAX_WORD, to - start); len > 1; len--) if (this.has(text.slice(to - len, to))) return len;
    return to >= 2 && /[\udc00-\udfff]/.test(text[to - 1]) ? 2 : 1;
  }

  /**
   * The word covering `offset` in `text`, by longest-match segmentation of its clause (the text
   * between breaks around the point), forward and backward. Where the two disagree (一名醫生:
   * forward 名醫|生, backward 名|醫生) the word that starts at the point wins, as a reader
   * pointing at 醫 means 醫生; else the longer. Null off Han text.
   */
  wordAt(text: string, offset: number): { start: number; end: number; word: string } | null {
    if (offset < 0 || offset >= text.length || BREAK.test(text[offset])) return null;
    if (/[\udc00-\udfff]/.test(text[offset]) && offset > 0) offset--;
    let start = offset;
    let end = offset + 1;
    // The clause, but not so far that one click segments a whole paragraph.
    while (start > 0 && offset - start < 64 && !BREAK.test(text[start - 1])) start--;
    while (end < text.length && end - offset < 64 && !BREAK.test(text[end])) end++;
    let forward = { start, end: start };
    for (let at = start; at < end; at += forward.end - forward.start) {
      forward = { start: at, end: at + this.longestFrom(text, at, end) };
      if (offset < forward.end) break;
    }
    let backward = { start: end, end };
    for (let at = end; at > start; at -= backward.end - backward.start) {
      backward = { start: at - this.longestTo(text, at, start), end: at };
      if (offset >= backward.start) break;
    }
    const agree = forward.start === backward.start && forward.end === backward.end;
    const pick = agree || forward.start === offset ? forward : backward.start === offset ? backward : forward.end - forward.start >= backward.end - backward.start ? forward : backward;
    return { ...pick, word: text.slice(pick.start, pick.end) };
  }
}
