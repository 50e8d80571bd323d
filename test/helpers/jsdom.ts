// jsdom, the reference DOM in tests: it parses and behaves as browsers do (the product's page code
// runs in Chromium and Firefox). The command's lighter DOM (cli/dom.ts) is held to it by
// test/unit/cli-dom.test.ts.

import { JSDOM, VirtualConsole } from 'jsdom';
import type { ParsedPage } from '../../cli/dom';
import { createSanitizer } from '../../utils/page/sanitize';

export function parseHtml(html: string, url: string): ParsedPage {
  // Pages are data here: no scripts, no subresources, and jsdom's CSS warnings stay quiet.
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const win = dom.window as unknown as Window;
  return { doc: win.document, sanitizer: createSanitizer(win), close: () => dom.window.close() };
}
