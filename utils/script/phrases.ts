// Phrases that override OpenCC: the reader's own (a name that must stay as written, a preferred
// term) and a small table of OpenCC's known segmentation errors. Keys match in either script: keys
// and text are compared through a character-level Traditional→Simplified shadow, which keeps
// length, so a match in the shadow is a match at the same place in the text.

import { detectScript } from './detect';
import type { Target } from './targets';

export interface UserPhrase {
  /** what to look for, in either script */
  from: string;
  /** what to show instead */
  to: string;
  /** where it applies; by default the targets of `to`'s script (all targets if it has no telling characters) */
  targets?: Target[];
}

/**
 * OpenCC issue #1497 (open upstream): segmentation picks the wrong word across a boundary.
 * 改变量子比特 → 改變數子位元 (变量 "variable"), 少数组织 → 少陣列織 (数组 "array"), 被发明 → 被髮明 (被发
 * "hair"), 展示了如何 → 展示瞭如何 (了如 of 了如指掌), 去干涉 → 去幹涉. The keys carry just enough
 * context: a bare 发明 key would break 头发明显 (頭髮明顯), which OpenCC gets right.
 */
export const CORRECTIONS: UserPhrase[] = [
  { from: '改变量子', to: '改變量子', targets: ['traditional', 'taiwan', 'hongkong'] },
  { from: '少数组织', to: '少數組織', targets: ['traditional', 'taiwan', 'hongkong'] },
  { from: '被发明', to: '被發明', targets: ['traditional', 'taiwan', 'hongkong'] },
  { from: '展示了如何', to: '展示了如何', targets: ['traditional', 'taiwan', 'hongkong'] },
  { from: '去干涉', to: '去干涉', targets: ['traditional', 'taiwan', 'hongkong'] },
];

export function phraseTargets(p: UserPhrase): Target[] {
  if (p.targets?.length) return p.targets;
  const s = detectScript(p.to.repeat(3)); // three telling characters make a verdict; one is enough here
  if (s === 'simplified') return ['simplified'];
  if (s === 'traditional') return ['traditional', 'taiwan', 'hongkong'];
  return ['simplified', 'traditional', 'taiwan', 'hongkong'];
}

/** Character-level Traditional→Simplified map (TSCharacters' first candidates): length-preserving. */
export type CharMap = Map<string, string>;

export function parseCharDict(dict: string): CharMap {
  const map: CharMap = new Map();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from.length === to.length) map.set(from, to);
  }
  return map;
}

function shadow(text: string, map: CharMap): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += map.get(text[i]) ?? text[i];
  return out;
}

interface Node {
  next: Map<string, Node>;
  value?: string;
}

/** A longest-match table of phrase keys (in shadow form). */
export class PhraseTable {
  private root: Node = { next: new Map() };
  size = 0;

  constructor(private readonly map: CharMap) {}

  add(from: string, to: string): void {
    const key = shadow(from, this.map);
    if (!key) return;
    let n = this.root;
    for (const ch of key) {
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = { next: new Map() }));
      n = m;
    }
    if (n.value === undefined) this.size++;
    n.value = to;
  }

  /**
   * Converts `text` with `convert`, except where a phrase matches: those spans become the phrase's
   * replacement and the text between them is converted piece by piece.
   */
  apply(text: string, convert: (s: string) => string): string {
    if (this.size === 0) return convert(text);
    const s = shadow(text, this.map);
    let out = '';
    let start = 0;
    for (let i = 0; i < s.length; ) {
      let n: Node | undefined = this.root;
      let end = -1;
      let value = '';
      for (let j = i; j < s.length && (n = n.next.get(s[j])); j++) {
        if (n.value !== undefined) {
          end = j + 1;
          value = n.value;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      if (start < i) out += convert(text.slice(start, i));
      out += value;
      i = start = end;
    }
    return start === 0 ? convert(text) : out + (start < text.length ? convert(text.slice(start)) : '');
  }
}

/** The table for one target: the built-in corrections and the reader's phrases that apply to it. */
export function phraseTable(target: Target, map: CharMap, user: UserPhrase[] = [], corrections = CORRECTIONS): PhraseTable {
  const table = new PhraseTable(map);
  for (const p of [...corrections, ...user]) if (p.from && phraseTargets(p).includes(target)) table.add(p.from, p.to);
  return table;
}
