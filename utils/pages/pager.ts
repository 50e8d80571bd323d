// An article's own pagination: the pager portals print under a long article (上一页 1 2 3 下一页,
// 第1页/共3页, 【1】【2】, "Next page"), not the pagers of lists beside it. A page link is trusted by
// what it says and where it leads: a numbered or "next" link whose address is this page's with a
// page number in it (story_2.html, story-2.html, index_1.html, ?page=2, /story/2), or a "next" link
// inside such a pager, after the article's body rather than in a comments box or a sidebar.
// Whether the page it leads to really continues the article is decided after reading it
// (same-article.ts).


export interface Pagination {
  /** the following page's address, or null on the last page */
  next: string | null;
  /** this page's number, when the pager or the address says */
  current: number | null;
  /** how many pages the pager says there are (共 3 页, 1/3, the highest numbered link), or null */
  total: number | null;
  /** numbered page links: page number → address */
  numbered: Record<number, string>;
  /** which rule found `next` (for tests and the command's output) */
  rule: 'rel-next' | 'next-link' | 'numbered' | null;
}

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
// Brackets and arrows portals put around pager words and numbers: 【2】 [下一页] 下一页>> »
const DECOR = /[[\]【】()（）<>《》«»‹›〈〉〔〕|｜:：·•»>→＞…]/g;
const NEXT_WORD = /^(?:下一?[页頁]|下[一]?[张張]|[后後]一[页頁]|下[页頁]|next|nextpage|next›|继续阅读下一页|下一[页頁]继续阅读)$/i;
const NUMBER_WORD = /^(?:第)?(\d{1,3})(?:[页頁])?$/;
const ARROW_ONLY = /^[>»›→＞]+$/;
/** A page counter: 第1页/共3页, 共3页, 1/3, 第 2 页 共 5 页, Page 1 of 3 */
const COUNTER = /(?:第\s*(\d{1,3})\s*[页頁]\s*[/／,，\s]*)?共\s*(\d{1,3})\s*[页頁]|(?:^|[^\d/])(\d{1,3})\s*[/／]\s*(\d{1,3})(?:$|[^\d/])|page\s*(\d{1,3})\s*of\s*(\d{1,3})/i;
/** Boxes whose pagers page through something other than the article. */
const ELSEWHERE = /(?:^|[\s_-])(?:comments?|cmt|reply|replies|related|recommend\w*|hot\w*|rank\w*|sidebar|side|nav\w*)(?:$|[\s_-])|评论|相关|推荐|热门/i;
const MAX_PAGES = 999;

/** The address a link leads to (href, or the `location.href='…'` of an onclick), resolved. */
function targetOf(el: Element, base: string): string | null {
  let raw = el.getAttribute('href');
  if (!raw || /^\s*(?:javascript:|#)/i.test(raw)) raw = /location(?:\.href)?\s*=\s*["']([^"']+)["']/.exec(el.getAttribute('onclick') ?? '')?.[1] ?? null;
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    if (!/^(?:https?|file):$/.test(u.protocol)) return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** What a link says: its text, or for an image link the image's alt, title or file name. */
function labelOf(el: Element): string {
  const text = squash(el.textContent ?? '');
  if (text) return text.replace(DECOR, '') || text;
  let img: Element | null = null;
  for (let c = el.firstElementChild; c && !img; c = c.firstElementChild ?? c.nextElementSibling) if (c.tagName.toUpperCase() === 'IMG') img = c;
  if (!img) return squash(el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '').replace(DECOR, '');
  const alt = squash(img.getAttribute('alt') ?? img.getAttribute('title') ?? '').replace(DECOR, '');
  if (alt) return alt;
  // next_page.jpg, nextpage.gif, xiayiye.png
  return /(?:^|[/_-])(?:next[_-]?page|nextpage|xiayiye|next)\.\w+$/i.test(img.getAttribute('src') ?? '') ? 'next' : '';
}

const splitFile = (path: string) => {
  const slash = path.lastIndexOf('/') + 1;
  const file = path.slice(slash);
  const dot = file.lastIndexOf('.');
  return { dir: path.slice(0, slash), stem: dot > 0 ? file.slice(0, dot) : file, ext: dot > 0 ? file.slice(dot) : '' };
};
const MARKED = /^(.*?)[_-](\d{1,3})$/;

/**
 * The page number `target` has as a sibling page of `page` (same site, same address with a page
 * number in it), or null when it is not one. Page 1 often has no number (story.html).
 */
export function pageNumberOf(target: string, page: string): number | null {
  let a: URL;
  let b: URL;
  try {
    a = new URL(page);
    b = new URL(target);
  } catch {
    return null;
  }
  if (a.origin !== b.origin && !(a.protocol === 'file:' && b.protocol === 'file:')) return null;
  if (a.pathname === b.pathname) {
    // ?page=2, ?p=2&id=9: the same query but for one small number.
    const keys = new Set([...a.searchParams.keys(), ...b.searchParams.keys()]);
    let found: number | null = null;
    for (const k of keys) {
      const va = a.searchParams.get(k);
      const vb = b.searchParams.get(k);
      if (va === vb) continue;
      if (found !== null || !vb || !/^\d{1,3}$/.test(vb) || (va !== null && !/^\d{1,3}$/.test(va))) return null;
      found = Number(vb);
    }
    return found;
  }
  if (a.search !== b.search) return null;
  // /story/123 → /story/123/2, /story/123/page/2
  const dirA = a.pathname.replace(/\/$/, '');
  const rest = b.pathname.startsWith(`${dirA}/`) ? b.pathname.slice(dirA.length + 1).replace(/\/$/, '') : null;
  const seg = rest !== null ? /^(?:page\/|p)?(\d{1,3})$/.exec(rest) : null;
  if (seg) return Number(seg[1]);
  const fa = splitFile(a.pathname);
  const fb = splitFile(b.pathname);
  if (fa.dir !== fb.dir || (fa.ext && fb.ext && fa.ext !== fb.ext)) return null;
  const mb = MARKED.exec(fb.stem);
  const ma = MARKED.exec(fa.stem);
  if (mb && (mb[1] === fa.stem || (ma && ma[1] === mb[1]) || (!fa.stem && /^index$|^default$/i.test(mb[1])))) return Number(mb[2]);
  // back to page 1 without a number: story_2.html → story.html
  if (ma && fb.stem === ma[1]) return 1;
  return null;
}

interface Candidate {
  el: Element;
  target: string;
  kind: 'next' | 'number' | 'arrow' | 'other';
  number: number | null;
  /** page number of the target as a sibling page of this one */
  sibling: number | null;
}

/** A short walk up to the box that holds a pager (a few links, little else). */
function pagerBox(el: Element): Element {
  let box = el.parentElement ?? el;
  for (let i = 0; i < 3 && box.parentElement; i++) {
    const links = box.getElementsByTagName('a').length; // only its length: no iteration
    if (links >= 2 || squash(box.textContent ?? '').length > 12) break;
    box = box.parentElement;
  }
  return box;
}

function elsewhere(el: Element, body: Element | null): boolean {
  for (let p: Element | null = el; p && p !== body; p = p.parentElement) {
    const tag = p.tagName.toUpperCase();
    if (tag === 'BODY') return false;
    if (tag === 'NAV' || ELSEWHERE.test(`${p.id} ${p.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}

/**
 * The element whose paragraphs hold the most text: the article's body, near enough to tell a pager
 * under it from one in a sidebar (null on pages without <p>, where every pager counts as near).
 */
function proseBox(paragraphs: Element[]): Element | null {
  const score = new Map<Element, number>();
  for (const p of paragraphs) {
    const parent = p.parentElement;
    if (parent) score.set(parent, (score.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, n] of score) if (n > top) [best, top] = [el, n];
  return top >= 100 ? best : null;
}

/** 2: inside the article's body; 1: after it; 0: before it or nowhere near. */
function nearness(el: Element, body: Element | null): number {
  if (!body) return 1;
  if (body.contains(el)) return 2;
  return body.compareDocumentPosition(el) & 4 ? 1 : 0;
}

function counterIn(text: string): { current: number | null; total: number } | null {
  const m = COUNTER.exec(text);
  if (!m) return null;
  const current = m[1] ?? m[3] ?? m[5];
  const total = Number(m[2] ?? m[4] ?? m[6]);
  if (!total || total > MAX_PAGES || (current && Number(current) > total)) return null;
  return { current: current ? Number(current) : null, total };
}

/** The article's pagination, or null when the page has none. Run it before extraction consumes `doc`. */
export function findPagination(doc: Document, url: string): Pagination | null {
  if (!doc.body) return null;
  const base = doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : url;
  const here = (() => {
    try {
      const u = new URL(url);
      u.hash = '';
      return u.href;
    } catch {
      return url;
    }
  })();
  // One walk for links and paragraphs (live collections and per-link selectors are slow in Node's DOMs).
  const links: Element[] = [];
  const paragraphs: Element[] = [];
  const walker = doc.createTreeWalker(doc.body, 1);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    const tag = n.tagName.toUpperCase();
    if (tag === 'A') links.push(n);
    else if (tag === 'P') paragraphs.push(n);
  }
  const body = proseBox(paragraphs);

  const candidates: Candidate[] = [];
  let selfNumber: number | null = null; // 【1】 linking to this very page
  for (const el of links) {
    const label = labelOf(el);
    if (!label) continue;
    const target = targetOf(el, base);
    if (!target) continue;
    const num = NUMBER_WORD.exec(label);
    if (target === here) {
      if (num && !elsewhere(el, body)) selfNumber ??= Number(num[1]);
      continue;
    }
    const kind: Candidate['kind'] = NEXT_WORD.test(label) || (el.getAttribute('rel') ?? '').split(/\s+/).includes('next') ? 'next' : num ? 'number' : ARROW_ONLY.test(label) ? 'arrow' : 'other';
    if (kind === 'other') continue;
    if (elsewhere(el, body)) continue;
    candidates.push({ el, target, kind, number: num ? Number(num[1]) : null, sibling: pageNumberOf(target, here) });
  }

  // Numbered links to sibling pages whose number is the page number in their address (or plain 1, 2, 3 on
  // sites whose addresses number pages from 0: index_1.html is page 2).
  const numbered: Record<number, string> = {};
  let numberedBox: Element | null = null;
  for (const c of candidates) {
    if (c.kind !== 'number' || c.sibling === null || c.number === null) continue;
    if (numbered[c.number] && numbered[c.number] !== c.target) continue;
    numbered[c.number] = c.target;
    numberedBox ??= pagerBox(c.el);
  }
  const numbers = Object.keys(numbered).map(Number);

  // The pager's own words: 第1页/共3页, 1/3 … in the box around its links.
  let counter: { current: number | null; total: number } | null = null;
  for (const c of candidates) if (!counter && (c.kind !== 'number' || c.sibling !== null)) counter = counterIn(pagerBox(c.el).textContent ?? '');

  // The current page: the pager's counter, the unlinked number among numbered links, or the address.
  let current = counter?.current ?? selfNumber;
  if (current === null && numberedBox) {
    for (const el of numberedBox.querySelectorAll('span, strong, b, em, a:not([href]), li')) {
      const m = NUMBER_WORD.exec(labelOf(el));
      if (m && el.children.length === 0 && !numbered[Number(m[1])]) {
        current = Number(m[1]);
        break;
      }
    }
  }
  // In a pager: among its numbered links, or in a box that counts pages (computed once per box).
  const counted = new Map<Element, boolean>();
  const countsPages = (box: Element) => {
    let v = counted.get(box);
    if (v === undefined) counted.set(box, (v = counterIn(box.textContent ?? '') !== null));
    return v;
  };
  const inPager = (c: Candidate) => !!(numberedBox && numberedBox.contains(c.el)) || (counter !== null && countsPages(pagerBox(c.el)));
  const rank = (c: Candidate) => nearness(c.el, body) * 4 + (c.sibling !== null ? 2 : 0) + (inPager(c) ? 1 : 0);

  let next: Candidate | null = null;
  let rule: Pagination['rule'] = null;
  // <link rel="next"> in the head, when it leads to a sibling page (blogs use it for the next post too).
  const relNext = doc.querySelector('link[rel~="next"][href]');
  const relTarget = relNext ? targetOf(relNext, base) : null;
  if (relTarget && pageNumberOf(relTarget, here) !== null) {
    next = { el: relNext!, target: relTarget, kind: 'next', number: null, sibling: pageNumberOf(relTarget, here) };
    rule = 'rel-next';
  }
  if (!next) {
    // "Next" links: a sibling page, or any page when the link sits in a pager (counter or numbers).
    const nexts = candidates
      .filter((c) => (c.kind === 'next' || (c.kind === 'arrow' && inPager(c))) && (c.sibling !== null || inPager(c)))
      .map((c) => ({ c, rank: rank(c) }))
      .sort((x, y) => y.rank - x.rank);
    if (nexts[0] && nearness(nexts[0].c.el, body) > 0) {
      next = nexts[0].c;
      rule = 'next-link';
    }
  }
  if (current === null && numbers.length) {
    // The one number the pager does not link to is this page (1 2 3 linked but for 2: page 2).
    const missing = [];
    for (let n = 1; n <= Math.max(...numbers); n++) if (!numbered[n]) missing.push(n);
    current = missing.length === 1 ? missing[0] : null;
  }
  if (!next && numbers.length && current !== null && numbered[current + 1] && nearness(numberedBox!, body) > 0) {
    next = { el: numberedBox!, target: numbered[current + 1], kind: 'number', number: current + 1, sibling: null };
    rule = 'numbered';
  }
  if (!next && !counter && !numbers.length) return null;
  const total = counter?.total ?? (numbers.length ? Math.max(...numbers, current ?? 1) : null);
  if (!next && (total === null || total < 2)) return null;
  return { next: next?.target ?? null, current, total, numbered, rule };
}
