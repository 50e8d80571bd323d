// The article body as lines: what a reader sees as one line of text, whether the page made it a <p>,
// a <div> or a run of text between two <br>s (portals that lay paragraphs out with <br> are common).
// The same split as plain-text.ts makes into paragraphs, so a line removed here is a paragraph gone
// from the article text. The cleaning rules judge lines; this module finds and removes them.

import { BLOCK_TAGS } from '../plain-text';

export interface Line {
  /** the nodes that make the line, in order; inline elements are whole */
  nodes: Node[];
  /** the text, whitespace collapsed */
  text: string;
  /** characters of the text inside links */
  linkChars: number;
  /** the <br> that ends the line, if one does */
  br: Element | null;
  /** the nearest block element around the line */
  block: Element;
  /** an image (or other media) sits in the line or in the block just before it */
  afterMedia: boolean;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MEDIA = 'img, picture, video, audio, iframe, object, embed, svg, canvas';
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS']);

const tagOf = (n: Node) => (n as Element).tagName.toUpperCase();
const isBlock = (n: Node) => n.nodeType === 1 && (BLOCK_TAGS.has(tagOf(n)) || tagOf(n) === 'BR');

export const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** Has an element inside it that breaks lines (then the walk goes into it rather than keep it whole). */
function breaksInside(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c) || breaksInside(c)) return true;
  return false;
}

function hasMedia(n: Node): boolean {
  return n.nodeType === 1 && (MEDIA_TAGS.has(tagOf(n)) || !!(n as Element).querySelector(MEDIA));
}

export function readLines(root: Element): Line[] {
  const out: Line[] = [];
  let nodes: Node[] = [];
  let block: Element = root;
  let media = false;
  const flush = (br: Element | null) => {
    let text = '';
    let link = 0;
    for (const n of nodes) {
      const t = n.textContent ?? '';
      text += t;
      if (n.nodeType === 1) {
        const el = n as Element;
        if (tagOf(el) === 'A') link += squash(t).length;
        else for (const a of el.querySelectorAll('a')) link += squash(a.textContent ?? '').length;
      }
    }
    const squashed = squash(text);
    if (squashed) {
      out.push({ nodes, text: squashed, linkChars: Math.min(link, squashed.length), br, block, afterMedia: media || nodes.some(hasMedia) });
      media = false;
    } else if (nodes.some(hasMedia)) media = true;
    nodes = [];
  };
  const walk = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) nodes.push(c);
      else if (c.nodeType === 1) {
        const tag = tagOf(c);
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') flush(c as Element);
        else if (BLOCK_TAGS.has(tag)) {
          flush(null);
          const outer = block;
          block = c as Element;
          walk(c as Element);
          flush(null);
          block = outer;
        } else if (breaksInside(c as Element)) walk(c as Element);
        else nodes.push(c);
      }
    }
  };
  walk(root);
  flush(null);
  return out;
}

/** Share of the line's text that is link text. */
export const linkShare = (l: Line) => (l.text.length ? l.linkChars / l.text.length : 0);

function meaningful(el: Element): boolean {
  return squash(el.textContent ?? '') !== '' || MEDIA_TAGS.has(tagOf(el)) || !!el.querySelector(MEDIA);
}

/** Removes an element and then every ancestor (below `root`) it leaves without text or media. */
export function removeUp(el: Node, root: Element): void {
  let parent: Element | null = el.parentElement;
  el.parentNode?.removeChild(el);
  while (parent && parent !== root && root.contains(parent) && !meaningful(parent)) {
    const up: Element | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

/** Removes a line: its nodes, the <br> that ends it, and the blocks it leaves empty. */
export function removeLine(line: Line, root: Element): void {
  const parents = new Set<Element>();
  for (const n of line.nodes) {
    if (n.parentElement) parents.add(n.parentElement);
    n.parentNode?.removeChild(n);
  }
  // Without its own <br>, the line may sit after one that now ends nothing: <br>line</p>.
  const br = line.br ?? previousBreak(line);
  if (br?.parentElement) parents.add(br.parentElement);
  br?.remove();
  for (const p of parents) if (p.isConnected || root.contains(p)) pruneUp(p, root);
}

function previousBreak(line: Line): Element | null {
  const first = line.nodes[0];
  let p = first?.previousSibling ?? null;
  while (p && p.nodeType === 3 && !squash(p.nodeValue ?? '')) p = p.previousSibling;
  return p && p.nodeType === 1 && tagOf(p) === 'BR' ? (p as Element) : null;
}

function pruneUp(el: Element, root: Element): void {
  let cur: Element | null = el;
  while (cur && cur !== root && root.contains(cur) && !meaningful(cur)) {
    const up: Element | null = cur.parentElement;
    cur.remove();
    cur = up;
  }
}

/** Removes every line in `lines` (found by one readLines call). */
export function removeLines(lines: Iterable<Line>, root: Element): number {
  let n = 0;
  for (const l of lines) {
    removeLine(l, root);
    n++;
  }
  return n;
}
