// A page's text as one string with a map back to its text nodes: selections become offsets (to
// describe a quote) and offsets become Ranges (to highlight it), without touching the DOM.

// RT and RP: readings over the text (ruby) are not the text.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'JINGDU-READER', 'JINGDU-TOAST', 'JINGDU-QUOTE', 'RT', 'RP']);

export interface PageText {
  text: string;
  nodes: Text[];
  /** where each node starts in `text` */
  starts: number[];
}

export function pageText(root: Node): PageText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    let skip = false;
    for (let p = n.parentElement; p && !skip; p = p.parentElement) if (SKIP.has(p.tagName.toUpperCase())) skip = true;
    if (skip) continue;
    nodes.push(n);
    starts.push(text.length);
    text += n.data;
  }
  return { text, nodes, starts };
}

function indexOfNode(pt: PageText, node: Node, offset: number): number | null {
  if (node.nodeType === 3) {
    const i = pt.nodes.indexOf(node as Text);
    return i < 0 ? null : pt.starts[i] + offset;
  }
  // An element boundary: the text position of its offset-th child.
  const child = node.childNodes[offset] ?? null;
  for (let i = 0; i < pt.nodes.length; i++) {
    const n = pt.nodes[i];
    if (child ? child === n || child.contains(n) || !!(child.compareDocumentPosition(n) & 4) : node.contains(n) ? false : !!(node.compareDocumentPosition(n) & 4)) return pt.starts[i];
  }
  return pt.text.length;
}

/** A selection range as offsets in the page text (null when it holds no page text). */
export function offsetsOf(pt: PageText, range: Range): { start: number; end: number } | null {
  const start = indexOfNode(pt, range.startContainer, range.startOffset);
  const end = indexOfNode(pt, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Offsets in the page text as a Range over its text nodes. */
export function rangeOf(pt: PageText, start: number, end: number): Range | null {
  const find = (pos: number, isEnd: boolean) => {
    let lo = 0;
    let hi = pt.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pt.starts[mid] < pos || (!isEnd && pt.starts[mid] === pos)) lo = mid;
      else hi = mid - 1;
    }
    return { node: pt.nodes[lo], offset: Math.min(pt.nodes[lo]?.data.length ?? 0, pos - pt.starts[lo]) };
  };
  if (!pt.nodes.length || end <= start) return null;
  const a = find(start, false);
  const b = find(end, true);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
