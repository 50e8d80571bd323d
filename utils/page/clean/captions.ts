// Image captions that portals print as ordinary text: <p><img><br>某某在现场</p>, or a short line in
// the block right after an image. They become <figure>/<figcaption>, so the reader shows them as
// captions and the article text (summary, entities) leaves them out, as it does real figcaptions.

import { linkShare, readLines, type Line } from './lines';

const MEDIA = 'img, picture, video, iframe';
/** Blocks a caption line may be in (not list items, cells or headings). */
const HOLDERS = new Set(['P', 'DIV', 'CENTER', 'SECTION', 'SPAN', 'FONT']);
const isMedia = (n: Node) => n.nodeType === 1 && ((n as Element).matches(MEDIA) || !!(n as Element).querySelector(MEDIA));
const blank = (n: Node) => (n.nodeType === 3 && !(n.nodeValue ?? '').trim()) || (n.nodeType === 1 && (n as Element).tagName === 'BR');
const text = (n: Node) => (n.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '');

/** Short, not a heading, not a sentence run on: what a caption looks like. */
function captionLike(l: Line): boolean {
  if (l.text.length > 40 || linkShare(l) > 0.5) return false;
  // 如下图所示： / 可以看出以下特点： lead on to what follows.
  if (/[:：]$/.test(l.text)) return false;
  if (/^H[1-6]$/.test(l.block.tagName) || l.block.querySelector('b, strong')?.textContent?.trim() === l.text) return false;
  // A clause or two: a caption does not run on.
  return (l.text.match(/[，,、；;。！？!?]/g)?.length ?? 0) <= 2;
}

/** The block holds only media, line breaks and this line, the media first. */
function onlyMediaAnd(block: Element, line: Line): boolean {
  const own = new Set(line.nodes);
  let media = false;
  let seen = false;
  for (let c = block.firstChild; c; c = c.nextSibling) {
    if (own.has(c)) seen = true;
    else if (blank(c)) continue;
    else if (!seen && isMedia(c) && !text(c)) media = true;
    else return false;
  }
  return media && seen;
}

/**
 * Only the line that shares its block with the image above it is taken for its caption
 * (<p><img><br>caption</p>). A short line in the block after an image is as often the text of a
 * picture essay (one paragraph a photo) as a caption: it stays text.
 */
export function markCaptions(root: Element): number {
  const doc = root.ownerDocument;
  const lines = readLines(root);
  const found = lines.filter((l) => HOLDERS.has(l.block.tagName) && l.block !== root && !l.block.closest('figure') && captionLike(l) && onlyMediaAnd(l.block, l));
  // Where most of the text sits under images, the lines are the text (a photo blog), not captions.
  const all = lines.reduce((t, l) => t + l.text.length, 0);
  if (found.reduce((t, l) => t + l.text.length, 0) > all * 0.5) return 0;
  for (const line of found) {
    const block = line.block;
    const caption = doc.createElement('figcaption');
    const figure = doc.createElement('figure');
    for (const node of line.nodes) caption.append(node);
    while (block.firstChild) {
      const c = block.firstChild;
      if (c.nodeType === 1 && (c as Element).tagName === 'BR') c.remove();
      else figure.append(c);
    }
    figure.append(caption);
    block.replaceWith(figure);
  }
  return found.length;
}
