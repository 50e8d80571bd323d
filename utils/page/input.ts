// What kind of file did we get? HTML goes on; images, XML feeds, SVG and empty files get a reason.

import { decodeHtml, UnreadableInput, type Decoded } from './charset';

export { UnreadableInput };

/** The first element name in a markup text, skipping the prolog, comments and the doctype. */
export function rootElementName(text: string): string | null {
  const m = /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z][\w:.-]*)/i.exec(text.slice(0, 100_000));
  return m ? m[1].toLowerCase() : null;
}

const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'base']);
const HTML_TAG = /<(?:html|head|body|div|p|span|table|article|section|h[1-6]|br|a|img|ul|ol|li|font|center|frameset|iframe)\b/i;

/** Decodes bytes and checks they are an HTML page; throws UnreadableInput with a clear reason. */
export function readHtmlInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new UnreadableInput('the input is empty (0 bytes)');
  const decoded = decodeHtml(bytes);
  const text = decoded.text;
  if (text.trim() === '') throw new UnreadableInput('the input holds only white space');
  const root = rootElementName(text);
  if (root === 'svg') throw new UnreadableInput('this is an SVG image, not an HTML page');
  if (root && /^\s*<\?xml/i.test(text) && !HTML_ROOTS.has(root)) {
    throw new UnreadableInput(`this is an XML document (<${root}>), not an HTML page`);
  }
  if (root === 'rss' || root === 'feed') throw new UnreadableInput(`this is a news feed (<${root}>), not an HTML page`);
  if (!root || (!HTML_ROOTS.has(root) && !HTML_TAG.test(text))) {
    throw new UnreadableInput(/^\s*[[{]/.test(text) ? 'this looks like JSON, not an HTML page' : 'no HTML markup found: this is not an HTML page');
  }
  return decoded;
}
