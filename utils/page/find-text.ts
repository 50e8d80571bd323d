// Finding text on a live page without changing it: the n-th occurrence of a string across text
// nodes, as a Range (for scrolling there and for CSS Custom Highlights, which leave the DOM alone).

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'JINGDU-READER']);

/** Collapses whitespace so a sentence from the reader matches however the page wraps it. */
const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

export function findTextRange(doc: Document, needle: string, occurrence = 0): Range | null {
  const want = squash(needle);
  if (!want || !doc.body) return null;
  // One pass over the text nodes: the squashed text and, per character, where it came from.
  const nodes: Text[] = [];
  const map: Array<[number, number]> = []; // [node index, offset in node]
  let flat = '';
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (SKIP.has(n.parentElement?.tagName ?? '')) continue;
    const i = nodes.push(n) - 1;
    const data = n.data;
    for (let k = 0; k < data.length; k++) {
      if (/[\s\u3000\u00a0]/.test(data[k])) continue;
      flat += data[k];
      map.push([i, k]);
    }
  }
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = flat.indexOf(want, at + 1);
    if (at < 0) return null;
  }
  const [startNode, startOffset] = map[at];
  const [endNode, endOffset] = map[at + want.length - 1];
  const range = doc.createRange();
  range.setStart(nodes[startNode], startOffset);
  range.setEnd(nodes[endNode], endOffset + 1);
  return range;
}

/** Counts occurrences of `needle` in the page's text (for cycling through them). */
export function countText(doc: Document, needle: string): number {
  const flat = squash(doc.body?.textContent ?? '');
  const want = squash(needle);
  if (!want) return 0;
  let n = 0;
  for (let i = flat.indexOf(want); i >= 0; i = flat.indexOf(want, i + want.length)) n++;
  return n;
}
