// Text a page hides from its readers (display:none by a class, zero font size, moved off-screen,
// shrunk to nothing, coloured like its background)
// must not come back in the reader view as if it were part of the article: hostile pages hide
// instructions or fake text that way. Checked only inside the article's container, while the page
// is serialized for the reader.

type Rgba = [number, number, number, number];

/** What one serialization of a page has learnt of its styles (see `hiddenFromReaders`). */
export interface VisibilityCache {
  /** each element's effective background: without it every element walks its ancestors' styles again */
  backgrounds: Map<Element, Rgba | null>;
  /** parents whose children of a tag, without attributes, were found shown */
  plain: Map<Element, Map<string, false>>;
}

export const visibilityCache = (): VisibilityCache => ({ backgrounds: new Map(), plain: new Map() });

/**
 * Whether the page hides `el` from sighted readers. Every element gets the browser's own check;
 * the closer look (computed style, box) for elements without attributes stops once one of a
 * parent's children of that tag passes it: a page's tricks ride on a class, a style or an id, and elsewhere the siblings
 * share their style. Each computed style and box is an object the garbage collector must visit,
 * and on a page of 20,000 paragraphs those alone made its pauses longer than a frame.
 */
export function hiddenFromReaders(el: Element, cache = visibilityCache()): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  const check = (el as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
  if (check && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return true;
  const parent = el.parentElement;
  if (parent && !el.hasAttributes()) {
    let byTag = cache.plain.get(parent);
    if (!byTag) cache.plain.set(parent, (byTag = new Map()));
    if (byTag.get(el.localName) === false) return false;
    const hidden = looksHidden(el, win, cache.backgrounds);
    // Only "shown" is shared: one sibling hidden by a structural rule must not hide the others.
    if (!hidden) byTag.set(el.localName, false);
    return hidden;
  }
  return looksHidden(el, win, cache.backgrounds);
}

function looksHidden(el: Element, win: Window, backgrounds: Map<Element, Rgba | null>): boolean {
  const style = win.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) === 0) return true;
  if (parseFloat(style.fontSize) < 2) return true;
  if (parseFloat(style.textIndent) < -999) return true; // text pushed out of its own box
  const r = el.getBoundingClientRect();
  // Text in a box of (almost) no size: scale(0), 1px clipped boxes (the reader shows what sighted
  // readers of the page see), unless it is display:contents, which has no box of its own.
  if ((r.width < 2 || r.height < 2) && style.display !== 'contents' && el.textContent!.trim()) return true;
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
