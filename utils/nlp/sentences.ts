// Sentence splitting for Chinese news text with Latin mixed in. A sentence ends at 。！？；, at
// Latin . ! ? ; before a space, and at an ellipsis (…… or ...) that closes a clause. Closing quotes
// and brackets right after the mark stay with the sentence, and quoted speech is not split inside:
// 他说：“我们会继续努力。”然后离开。 → [他说：“我们会继续努力。”] [然后离开。]
// Decimal points (3.5), initials (U.S.) and dots in URLs do not end sentences; a line break does.

export interface Sentence {
  text: string;
  /** UTF-16 offsets in the input, end exclusive */
  start: number;
  end: number;
}

const CJK_END = new Set(['。', '！', '？', '；', '!', '?']);
const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '（': '）', '(': ')', '《': '》', '【': '】' };
const CLOSERS = new Set([...Object.values(PAIRS), '"', "'", '’']);
/** A quote left open this long is a typo, not a quotation: stop waiting for it. */
const MAX_QUOTE = 400;

function endsHere(text: string, i: number): number {
  const ch = text[i];
  if (CJK_END.has(ch)) return i + 1;
  if (ch === '…' || (ch === '.' && text.startsWith('...', i))) {
    // An ellipsis ends the sentence only where a new one visibly starts: 还没完…… 第二天
    let j = i;
    while (text[j] === ch) j++;
    return j >= text.length || /[\s"”」』’)）]/.test(text[j]) ? j : -1;
  }
  if (ch === '.' || ch === ';' || ch === '!' || ch === '?') {
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\n' && !CLOSERS.has(next)) return -1; // 3.5, x.com
    if (ch === '.' && /(?:^|[^A-Za-z])[A-Z]$/.test(text.slice(Math.max(0, i - 2), i))) return -1; // U.S.
    return i + 1;
  }
  return -1;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let open: string[] = []; // expected closers of the quotes we are in
  let openedAt = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s) out.push({ text: s, start: start + lead, end: start + lead + s.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i + 1);
      open = [];
      continue;
    }
    if (PAIRS[ch]) {
      if (!open.length) openedAt = i;
      open.push(PAIRS[ch]);
      continue;
    }
    if (open.length && ch === open[open.length - 1]) {
      open.pop();
      continue;
    }
    if (open.length && i - openedAt > MAX_QUOTE) open = [];
    let j = endsHere(text, i);
    if (j < 0) continue;
    // Closers and further marks right after the end belong to this sentence: 。”  ？！  …」
    for (; j < text.length; j++) {
      const c = text[j];
      if (open.length && c === open[open.length - 1]) open.pop();
      else if (!(CLOSERS.has(c) || CJK_END.has(c))) break;
    }
    if (open.length) {
      i = j - 1;
      continue; // inside quoted speech: the sentence goes on
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}
