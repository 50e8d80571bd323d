// Readings over a rendered article as <ruby class="jd-ruby">字<rt>zì</rt></ruby>, one character at
// a time, put in and taken out in slices so a long article never holds the thread. Only text nodes
// are replaced (inside entity and quote marks too), so marks, links and blocks stay as they were;
// page-text.ts and highlight.ts skip <rt>, so quotes, entities and outline read the characters only.

import type { BlockText } from '../nlp/highlight';

/**
 * Work per slice and rubies per slice: the browser lays out what a slice put in before the next one
 * runs (each slice waits for a frame), and that layout is work too, so a long paragraph is cut
 * into several slices rather than put in whole.
 */
const SLICE_MS = 4;
const SLICE_RUBIES = 120;

export interface Cancel {
  cancelled: boolean;
}

/** After the next frame is drawn (or 100 ms, where frames are not drawn: a hidden tab). */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0); // Node and jsdom draw no frames
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve, 0);
    });
  });

/** Replaces each piece's text node by ruby for its read characters; resolves to the number made. */
export async function applyReadings(bt: BlockText, readings: ReadonlyArray<string | null>, cancel: Cancel): Promise<number> {
  let made = 0;
  let since = performance.now();
  let inSlice = 0;
  for (const piece of bt.pieces) {
    let node: Text | null = piece.node;
    let start = piece.start;
    if (!node.parentNode || node.parentElement?.closest('pre, code')) continue; // code stays as it is
    while (node) {
      if (cancel.cancelled) return made;
      const data: string = node.data;
      // Where this slice's share of the node ends: after the rubies the slice has left.
      let cut: number = data.length;
      let read = 0;
      for (let i = 0; i < data.length; i++) {
        if (readings[start + i] && ++read >= SLICE_RUBIES - inSlice) {
          cut = i + (data.codePointAt(i)! > 0xffff ? 2 : 1);
          break;
        }
      }
      const rest: Text | null = cut < data.length ? node.splitText(cut) : null;
      if (read > 0) {
        made += read;
        inSlice += read;
        node.replaceWith(rubyFragment(node.data, start, readings, node.ownerDocument));
      }
      node = rest;
      start += cut;
      if (performance.now() - since > SLICE_MS || inSlice >= SLICE_RUBIES) {
        await nextFrame();
        since = performance.now();
        inSlice = 0;
      }
    }
  }
  return made;
}

/** The text as plain runs and a <ruby> per character that has a reading. */
function rubyFragment(data: string, start: number, readings: ReadonlyArray<string | null>, doc: Document): DocumentFragment {
  const out = doc.createDocumentFragment();
  let plain = '';
  for (let i = 0; i < data.length; ) {
    const ch = String.fromCodePoint(data.codePointAt(i)!);
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
    } else plain += ch;
    i += ch.length;
  }
  if (plain) out.append(plain);
  return out;
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
