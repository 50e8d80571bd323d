// Functions the browser tests run inside a page (Playwright and Puppeteer serialize them: no imports, no closures).

/** Selects the first occurrence of `text` on the page (across elements), as a user would with the mouse. */
export const select = (text: string) => {
  const nodes: Text[] = [];
  let flat = '';
  const starts: number[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n.parentElement?.closest('script, style')) continue;
    nodes.push(n);
    starts.push(flat.length);
    flat += n.data;
  }
  const at = flat.indexOf(text);
  if (at < 0) return false;
  const locate = (pos: number) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > pos) i--;
    return [nodes[i], pos - starts[i]] as const;
  };
  const r = document.createRange();
  r.setStart(...locate(at));
  r.setEnd(...locate(at + text.length));
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(r);
  return true;
};

/** The text of the page's quote highlights (CSS Custom Highlights: the DOM is untouched). */
export const highlighted = () => {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('jingdu-quote-yellow');
  return h ? [...h].map((r) => r.toString()) : [];
};

/** The reader's quote marks of one colour, one text a quote (entity marks cut a quote in pieces that share an id). */
export const quoteTexts = (color: string) => {
  const byId = new Map<string, string>();
  for (const m of document.querySelectorAll<HTMLElement>(`mark.jd-quote-${color}`)) byId.set(m.dataset.quoteId!, (byId.get(m.dataset.quoteId!) ?? '') + m.textContent);
  return [...byId.values()];
};
