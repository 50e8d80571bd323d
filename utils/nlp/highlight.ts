// Entities on a rendered article: the text of its reading blocks as one string (so a name found
// anywhere is marked everywhere, and offsets are stable), spans found on it, then each span
// wrapped in <mark> pieces over the text nodes it covers. Page text stays data: marks get their
// labels through dataset and textContent, never through HTML strings.

import { readingBlocks } from './outline';
import type { Span } from './rules';

export interface BlockText {
  /** the blocks' text joined by blank lines */
  text: string;
  /** each text node and where it starts in `text` */
  pieces: Array<{ node: Text; start: number }>;
}

// RT and RP: readings over the text (ruby) are not the text.
const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'PRE', 'RT', 'RP']);

export function blockText(root: ParentNode): BlockText {
  let text = '';
  const pieces: BlockText['pieces'] = [];
  for (const block of readingBlocks(root)) {
    if (text) text += '\n\n';
    const walk = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          pieces.push({ node: c as Text, start: text.length });
          text += (c as Text).data;
        } else if (c.nodeType === 1 && !SKIP.has((c as Element).tagName.toUpperCase())) walk(c);
      }
    };
    walk(block);
  }
  return { text, pieces };
}

/**
 * Wraps every span in <mark class="jd-ent jd-ent-TYPE"> pieces (plus `jd-ent-key` where `isKey`
 * says the span belongs to a key entity); returns the marks made.
 */
export function markSpans(bt: BlockText, spans: Span[], isKey: (span: Span) => boolean = () => false): HTMLElement[] {
  return wrapSpans(bt, spans, (span, doc) => {
    const mark = doc.createElement('mark');
    mark.className = `jd-ent jd-ent-${span.type}${isKey(span) ? ' jd-ent-key' : ''}`;
    mark.dataset.type = span.type;
    mark.dataset.entity = bt.text.slice(span.start, span.end);
    return mark;
  });
}

/** Wraps [start, end) ranges of `bt.text` in elements made by `make`, one per text node covered. */
export function wrapSpans<S extends { start: number; end: number }>(bt: BlockText, spans: S[], make: (span: S, doc: Document) => HTMLElement): HTMLElement[] {
  const marks: HTMLElement[] = [];
  // Per text node, the pieces of spans it holds, right to left so offsets stay valid while splitting.
  const perNode = new Map<Text, Array<{ from: number; to: number; span: S }>>();
  let p = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    while (p < bt.pieces.length && bt.pieces[p].start + bt.pieces[p].node.data.length <= span.start) p++;
    for (let k = p; k < bt.pieces.length && bt.pieces[k].start < span.end; k++) {
      const { node, start } = bt.pieces[k];
      const from = Math.max(0, span.start - start);
      const to = Math.min(node.data.length, span.end - start);
      if (to > from) {
        let list = perNode.get(node);
        if (!list) perNode.set(node, (list = []));
        list.push({ from, to, span });
      }
    }
  }
  for (const [node, list] of perNode) {
    const doc = node.ownerDocument;
    for (const { from, to, span } of list.sort((a, b) => b.from - a.from)) {
      const middle = node.splitText(from);
      middle.splitText(to - from);
      const mark = make(span, doc);
      middle.replaceWith(mark);
      mark.append(middle);
      marks.push(mark);
    }
  }
  return marks;
}
