// A browser-like document in Node: jsdom parses as browsers do, and DOMPurify runs on its window.

import { JSDOM, VirtualConsole } from 'jsdom';
import { createSanitizer, type Sanitizer } from '../utils/page/sanitize';

export interface ParsedPage {
  doc: Document;
  sanitizer: Sanitizer;
  close(): void;
}

export function parseHtml(html: string, url: string): ParsedPage {
  // Pages are data here: no scripts, no subresources, and jsdom's CSS warnings stay quiet.
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const win = dom.window as unknown as Window;
  return { doc: win.document, sanitizer: createSanitizer(win), close: () => dom.window.close() };
}
