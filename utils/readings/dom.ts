// Readings over a rendered article as <ruby class="jd-ruby">字<rt>zì</rt></ruby>, one character at
// a time, put in and taken out in slices so a long article never holds the thread. Only text nodes
// are replaced (inside entity and quote marks too), so marks, links and blocks stay as they were;
// page-text.ts and highlight.ts skip <rt>, so quotes, entities and outline read the characters only.

import type { BlockText } from '../nlp/highlight';

/**
 * Work per slice before yielding to the browser (a frame is ~16 ms), and rubies per slice: the
 * browser lays out what a slice put in before the next one runs, and that is work too.
 */
const SLICE_MS = 4;
const SLICE_RUBIES = 120;

export interface Cancel {
  cancelled: boolean;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Replaces each piece's text node by ruby for its read characters; resolves to the number made. */
export async function applyReadings(bt: BlockText, readings: ReadonlyArray<string | null>, cancel: Cancel): Promise<number> {
  let made = 0;
  let since = performance.now();
  let inSlice = 0;
  for (const { node, start } of bt.pieces) {
    if (cancel.cancelled) return made;
    if (!node.parentNode || node.parentElement?.closest('pre, code')) continue; // code stays as it is
    const data = node.data;
    let has = false;
    for (let i = 0; i < data.length && !has; i++) has = !!readings[start + i];
    if (!has) continue;
    const doc = node.ownerDocument;
    const out = doc.createDocumentFragment();
    let plain = '';
    for (let i = 0; i < data.length; ) {
      const cp = data.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const r = readings[start + i];
      if (r) {
        if (plain) out.append(plain);
        plain = '';
        const ruby = doc.createElement('ruby');
        ruby.className = 'jd-ruby';
        const rt = doc.createElement('rt');
        rt.textContent = r;
        ruby.append(ch, rt);
        out.append(ruby);
        made++;
        inSlice++;
      } else plain += ch;
      i += ch.length;
    }
    if (plain) out.append(plain);
    node.replaceWith(out);
    if (performance.now() - since > SLICE_MS || inSlice >= SLICE_RUBIES) {
      await tick();
      since = performance.now();
      inSlice = 0;
    }
  }
  return made;
}

/** Takes every reading out again: the text is as it was before (adjacent text nodes joined). */
export function removeReadings(root: Element): void {
  const rubies = root.querySelectorAll('ruby.jd-ruby');
  const parents = new Set<Node>();
  for (const ruby of rubies) {
    const base = ruby.firstChild;
    if (ruby.parentNode) parents.add(ruby.parentNode);
    ruby.replaceWith(base && base.nodeType === 3 ? base : '');
  }
  for (const p of parents) p.normalize();
}

/** An element's text without its readings (textContent would include every <rt>). */
export function textWithoutReadings(el: Node): string {
  if (el.nodeType === 3) return (el as Text).data;
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && ((c as Element).tagName === 'RT' || (c as Element).tagName === 'RP')) continue;
    out += textWithoutReadings(c);
  }
  return out;
}
