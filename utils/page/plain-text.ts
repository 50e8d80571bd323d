// The readable text of an HTML fragment: one paragraph per block, paragraphs separated by a blank
// line, whitespace collapsed (kept inside <pre>), and the full-width indentation of Chinese
// paragraphs ("　　") dropped. A <br> ends a paragraph: portals that lay text out with <br>
// use it between paragraphs, not inside sentences. Figure captions are not the article's text
// (the reader shows them under their image): they are left out.

/** Elements that break lines: a line of text (a paragraph of `paragraphsOf`) never crosses one. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CENTER', 'BR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RP', 'FIGCAPTION']);

export function paragraphsOf(root: Node): string[] {
  const out: string[] = [];
  let line = '';
  let pre = 0; // inside <pre>: keep line breaks and spaces
  const flush = () => {
    const t = pre ? line.replace(/^\n+|\s+$/g, '') : line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) line += c.nodeValue;
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'PRE' && !pre) {
          flush();
          pre = 1;
          walk(c);
          flush();
          pre = 0;
          continue;
        }
        // Inside <pre>, a <br> or a block (code that editors build from <br>s and <p>s) breaks the line.
        if (pre && BLOCK_TAGS.has(tag)) {
          if (!line.endsWith('\n')) line += '\n';
          walk(c);
          if (tag !== 'BR' && !line.endsWith('\n')) line += '\n';
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}

export function plainText(root: Node): string {
  return paragraphsOf(root).join('\n\n');
}
