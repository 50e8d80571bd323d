// Text a page hides from its readers (display:none by a class, zero font size, moved off-screen,
// shrunk to nothing, coloured like its background)
// must not come back in the reader view as if it were part of the article: hostile pages hide
// instructions or fake text that way. Checked only inside the article's container, while the page
// is serialized for the reader.

type Rgba = [number, number, number, number];

/**
 * `backgrounds` caches each element's effective background while one page is serialized: without
 * it every element walks its ancestors' computed styles again.
 */
export function hiddenFromReaders(el: Element, backgrounds = new Map<Element, Rgba | null>()): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  const check = (el as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
  if (check && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return true;
  const style = win.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) === 0) return true;
  if (parseFloat(style.fontSize) < 2) return true;
  if (parseFloat(style.textIndent) < -999) return true; // text pushed out of its own box
  const r = el.getBoundingClientRect();
  // Text in a box of (almost) no size: scale(0), 1px clipped boxes (the reader shows what sighted
  // readers of the page see), unless it is display:contents, which has no box of its own.
  if ((r.width < 2 || r.height < 2) && style.display !== 'contents' && (el.textContent ?? '').trim()) return true;
  // Absolutely moved far outside the page: left or above the document's origin.
  if (r.right + win.scrollX < 0 || r.bottom + win.scrollY < 0) return true;
  // Text in the colour of what is behind it.
  const fg = rgba(style.color);
  const bg = fg && fg[3] > 0 ? backgroundOf(el, win, backgrounds) : null;
  return !!fg && !!bg && Math.abs(bg[0] - fg[0]) + Math.abs(bg[1] - fg[1]) + Math.abs(bg[2] - fg[2]) < 24;
}

/** The first opaque-ish background colour from `el` up, or null (the page's canvas). */
function backgroundOf(el: Element, win: Window, cache: Map<Element, Rgba | null>): Rgba | null {
  const chain: Element[] = [];
  let found: Rgba | null = null;
  for (let p: Element | null = el; p; p = p.parentElement) {
    const known = cache.get(p);
    if (known !== undefined) {
      found = known;
      break;
    }
    chain.push(p);
    const bg = rgba(win.getComputedStyle(p).backgroundColor);
    if (bg && bg[3] > 0) {
      found = bg;
      break;
    }
  }
  for (const p of chain) cache.set(p, found);
  return found;
}

function rgba(css: string): Rgba | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(css);
  return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
}

/** Hosts the page itself loaded resources from: the reader shows images from these only. */
export function contactedHosts(doc: Document): string[] {
  const hosts = new Set<string>([doc.location?.host ?? '']);
  const win = doc.defaultView;
  for (const e of win?.performance?.getEntriesByType('resource') ?? []) {
    try {
      hosts.add(new URL(e.name).host);
    } catch {
      // not a URL
    }
  }
  for (const img of doc.images) {
    try {
      if (img.currentSrc) hosts.add(new URL(img.currentSrc).host);
    } catch {
      // not a URL
    }
  }
  hosts.delete('');
  return [...hosts];
}
