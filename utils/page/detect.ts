// Is this page an article? Signals that work for Chinese pages: structured data, <article>, a
// byline or a date line under the headline, and above all one container that holds several
// paragraphs of prose, measured in CJK-aware reading units (see text-metrics.ts).
//
// The scan is a generator so the content script can run it in idle slices on huge pages while
// Node and tests drain it in one go; both give the same verdict.

import { ARTICLE_LD_TYPE, findBylineInText, findDateInText, firstHeading, ldTypes, metaKeys, readJsonLd, textAfter } from './metadata';
import { measureText, type TextMetrics } from './text-metrics';

export interface Verdict {
  isArticle: boolean;
  /** 0..100; 50 and above is an article */
  score: number;
  /** why, in short English phrases, strongest first */
  reasons: string[];
}

// By localName (a plain field; tagName is upper-cased on every read in some DOMs).
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'svg', 'code']);
const BLOCK = new Set([
  'p', 'div', 'td', 'th', 'li', 'dd', 'dt', 'article', 'section', 'main', 'blockquote', 'pre', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'form', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'table', 'center', 'figure',
]);
// Containers that are page furniture, never the article itself.
const FURNITURE = /(?:^|[-_\s])(?:nav|menu|footer|foot|header|sidebar|side|aside|comment|comments|related|recommend|hot|rank|share|breadcrumb|copyright|login|ad|ads|banner|toolbar|pagination|pager)(?:$|[-_\s\d])/i;
/** Work items between yields: small enough that one step stays well under a few milliseconds. */
const SLICE = 400;
const TEASER_END = /(?:…|\.\.\.|……|\[详细\]|\[詳細\]|详情|詳情|阅读全文|閱讀全文|更多)\s*$/;

interface BlockInfo {
  el: Element;
  m: TextMetrics;
  link: number;
  /** the block element's frame: its ancestors without a DOM read */
  at: Frame;
}

/** An element the walk is inside of, with its parent's frame and the frame of its nearest block. */
interface Frame {
  el: Element;
  up: Frame | null;
  block: Frame;
  /** text here is link text */
  link: boolean;
  /** set on a block's frame when it gets text */
  info: BlockInfo | null;
  /** set on a block's frame when a <br> is in it (text laid out with line breaks) */
  br?: boolean;
}

interface Scan {
  blocks: BlockInfo[];
  totalUnits: number;
  linkUnits: number;
  /** <article> elements and elements marked up as an article body */
  articles: Element[];
  /** author metadata, a rel=author link or an element whose class or itemprop names the author */
  author: boolean;
  /** the page's first ~20,000 characters of non-link text, for script detection */
  sample: string;
}

const SAMPLE_CHARS = 20_000;

const AUTHOR_CLASS = /\b(?:byline|author)\b/i;

/** Walks the text once, collecting reading units per block element. Yields every `slice` nodes. */
export function* scanText(doc: Document, slice = SLICE, author = false): Generator<void, Scan> {
  const body = doc.body;
  const scan: Scan = { blocks: [], totalUnits: 0, linkUnits: 0, articles: [], author, sample: '' };
  if (!body) return scan;

  /** The frame to enter `el` with, or null to skip it and what it holds. */
  const enter = (el: Element, tag: string, up: Frame): Frame | null => {
    if (SKIP.has(tag)) return null;
    // One read lists the attributes: most elements have none, and few have the ones asked about.
    const attrs = el.getAttributeNames();
    if (attrs.includes('hidden')) return null;
    // Each element is visited once here, so the cheap structural signals are read on the way.
    const itemprop = attrs.includes('itemprop') ? el.getAttribute('itemprop') : null;
    if (tag === 'article' || itemprop === 'articleBody') scan.articles.push(el);
    if (!scan.author && (itemprop === 'author' || (tag === 'a' && attrs.includes('rel') && el.getAttribute('rel') === 'author') || (attrs.includes('class') && AUTHOR_CLASS.test(typeof el.className === 'string' ? el.className : '')))) scan.author = true;
    if (tag === 'br') up.block.br = true;
    const block = BLOCK.has(tag);
    const f: Frame = { el, up, block: up.block, link: !block && (tag === 'a' || up.link), info: null };
    if (block) f.block = f;
    return f;
  };

  // A walk by hand rather than a TreeWalker: skipped subtrees (scripts, hidden parts) are never
  // entered, and each element's frame is worked out once, on the way down. Every DOM read costs a
  // trip through the bindings, so each node is read as little as can be: its localName (only
  // elements have one), first child and next sibling; the way back up follows the frames.
  // <html> sits above <body> only so that a block's grandparent is there to read.
  const html: Frame = { el: doc.documentElement, up: null, block: null!, link: false, info: null };
  const root: Frame = { el: body, up: html, block: null!, link: false, info: null };
  root.block = root;
  let frame = root;
  let n = 0;
  let node: Node | null = body.firstChild;
  while (node) {
    if (++n % slice === 0) yield;
    const tag = node.nodeType === 1 ? (node as Element).localName : null;
    if (tag) {
      const inner = enter(node as Element, tag, frame);
      const first = inner && node.firstChild;
      if (first) {
        frame = inner;
        node = first;
        continue;
      }
    } else {
      // Comments have data too, but whitespace between tags, the commonest text, is dropped first.
      const text = (node as Text).data;
      if (text && text.trim() !== '' && node.nodeType === 3) {
        const at = frame.block;
        let b = at.info;
        if (!b) scan.blocks.push((b = at.info = { el: at.el, m: { units: 0, punct: 0, cjk: 0 }, link: 0, at }));
        const before = b.m.units;
        measureText(text, b.m);
        const units = b.m.units - before;
        scan.totalUnits += units;
        if (frame.link) {
          b.link += units;
          scan.linkUnits += units;
        } else if (scan.sample.length < SAMPLE_CHARS) scan.sample += text;
      }
    }
    // Next in document order: a sibling, else the nearest open element's sibling.
    let next: Node | null = node.nextSibling;
    while (!next && frame !== root) {
      next = frame.el.nextSibling;
      frame = frame.up!;
    }
    node = next;
  }
  return scan;
}

interface Container {
  el: Element;
  prose: number;
  paragraphs: number;
  teasers: number;
}

interface Best extends Container {
  /** prose of every paragraph on the page, wherever it sits */
  pageProse: number;
  /** index in scan.blocks of the container's first paragraph */
  first: number;
  /** other containers with nearly as much prose (the items of a list are alike) */
  peers: number;
}

// What a site's footer says: licence numbers, phone and fax lines, copyright.
const FOOTER_TEXT = /ICP|备案|備案|版权所有|版權所有|copyright|©|举报电话|舉報電話|客服电话|客服電話|传真|傳真|邮编|郵編|违法和不良信息/gi;

function isFurniture(el: Element, prose: number): boolean {
  if (/^(?:nav|footer|aside)$/.test(el.localName)) return true;
  const key = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  if (key.length > 1 && FURNITURE.test(key)) return true;
  // A short block that names its licence, phone and fax three times over is the footer.
  return prose < 300 && (el.textContent!.slice(0, 3000).match(FOOTER_TEXT)?.length ?? 0) >= 3;
}

/**
 * A headline that is a link, right before a paragraph: the paragraph is an excerpt of another page
 * (a list item), however complete its sentences. Short links (a poster's name) are not headlines.
 */
function isLinkedTitle(b: BlockInfo | undefined, excerpt: BlockInfo): boolean {
  if (!b || b.m.units < 8 || b.link < b.m.units * 0.9) return false;
  // The same item holds both: the title is the excerpt's sibling (h3 + p, dt + dd) or its parent (li).
  const up = excerpt.at.up;
  if (!up || (b.at.up?.el !== up.el && b.el !== up.el)) return false;
  return b.m.units >= 12 || /^h[2-6]$|^dt$/.test(b.el.localName);
}

/** Prose paragraphs grouped by the element that holds them; the best group is the article body. */
function* bestContainer(scan: Scan): Generator<void, Best | null> {
  const containers = new Map<Element, Container & { first: number }>();
  const add = (el: Element | null, prose: number, teaser: boolean, weight: number, i: number) => {
    if (!el) return;
    let c = containers.get(el);
    if (!c) containers.set(el, (c = { el, prose: 0, paragraphs: 0, teasers: 0, first: i }));
    c.prose += prose * weight;
    c.paragraphs++;
    if (teaser) c.teasers++;
  };
  let n = 0;
  let pageProse = 0;
  const blocks = scan.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (++n % SLICE === 0) yield;
    const own = b.m.units - b.link;
    if (own < 12 || b.m.punct === 0 || b.link > b.m.units * 0.35) continue;
    const text = b.el.textContent!;
    const teaser = TEASER_END.test(text) || isLinkedTitle(blocks[i - 1], b);
    // A paragraph with sentence punctuation is prose; teaser excerpts count for little.
    const prose = own * (teaser ? 0.25 : 1) * Math.min(1, 0.5 + b.m.punct / 6);
    pageProse += prose;
    const tag = b.el.localName;
    // A <td> or a <div> with lines of text directly inside it (br-separated portals) is itself the
    // container; a <div> of one paragraph, among others like it, is a paragraph.
    const holdsText = tag === 'td' || tag === 'body' || ((tag === 'div' || tag === 'article' || tag === 'section') && !!b.at.br);
    const parent = holdsText ? b.at : b.at.up;
    add(parent?.el ?? null, prose, teaser, 1, i);
    add(parent?.up?.el ?? null, prose, teaser, 0.5, i);
  }
  let best: (Container & { first: number }) | null = null;
  for (const c of containers.values()) {
    if (++n % SLICE === 0) yield;
    // The factors below only lower a score: a container that cannot win is not read at all.
    if (best && c.prose <= best.prose) continue;
    let score = c.prose;
    if (isFurniture(c.el, c.prose)) score *= 0.3;
    if (c.paragraphs >= 4 && c.teasers / c.paragraphs > 0.4) score *= 0.3;
    if (!best || score > best.prose) best = { ...c, prose: score };
  }
  if (!best) return null;
  let peers = 0;
  const el = best.el;
  for (const c of containers.values()) if (c.prose >= best.prose * 0.6 && c.el !== el && !c.el.contains(el) && !el.contains(c.el)) peers++;
  return { ...best, pageProse, peers };
}

/** The <title>'s headline part: the longest piece between the site and channel separators. */
function titleHead(title: string): string {
  // 标题_频道_网站, 标题-频道-网站, 网站--标题, 标题 | 网站: a dash between two Han characters separates too.
  const parts = title.split(/\s*(?:[_|｜]+|--+|\s[-–—]\s|(?<=[\u4e00-\u9fff])[-–—](?=[\u4e00-\u9fff]))\s*/).map((p) => p.replace(/\s+/g, ''));
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * The block just before the prose (or its first) that prints the <title>'s headline, if one does.
 * When no block prints the piece titleHead chose (a separator inside the headline, 新竹尖石_美樹營地,
 * or one it does not know, 标题 @ 博客 :: 平台), the longest block the title holds is it, if it is
 * a good part of the title: a site or channel name is shorter than the headline it stands beside.
 */
function titleAbove(doc: Document, scan: Scan, first: number): Element | null {
  const head = titleHead(doc.title);
  const title = doc.title.replace(/\s+/g, '');
  if (head.length < 8) return null;
  let held: Element | null = null;
  let heldLength = Math.max(8, title.length * 0.3);
  for (let i = Math.max(0, first - 40); i <= first && i < scan.blocks.length; i++) {
    const b = scan.blocks[i];
    if (b.m.units > title.length * 2 + 10) continue;
    const t = b.el.textContent!.replace(/\s+/g, '');
    if (t.length >= head.length * 0.8 && (t.includes(head) || head.includes(t))) return b.el;
    if (t.length > heldLength && title.includes(t)) {
      held = b.el;
      heldLength = t.length;
    }
  }
  return held;
}

/** Units of a first screen: what a reader shows before it has read the whole article. */
const LEAD_UNITS = 600;

/** A container of <br>-separated lines has no paragraph to stop at: it goes whole, if this short. */
const LEAD_LINES_UNITS = 3000;

/**
 * The container's first screen: its blocks from the first paragraph of prose on (subheadings,
 * captions and all: the extraction run on them keeps what it keeps of the article), as the
 * container's children that hold them, with the images and rules between. A child that holds far
 * more than a screen is not taken whole: its blocks are.
 */
function leadParagraphs(scan: Scan, best: Best): Element[] {
  const blocks: Element[] = [];
  let units = 0;
  for (let i = best.first; i < scan.blocks.length && units < LEAD_UNITS; i++) {
    const b = scan.blocks[i];
    if (b.el === best.el) return blocks.length || b.m.units > LEAD_LINES_UNITS ? blocks : [b.el];
    if (!best.el.contains(b.el)) break;
    blocks.push(b.el);
    units += b.m.units - b.link;
  }
  if (!blocks.length) return blocks;
  const childOf = (el: Element) => {
    let c = el;
    while (c.parentElement && c.parentElement !== best.el) c = c.parentElement;
    return c;
  };
  let first = childOf(blocks[0]);
  const last = childOf(blocks[blocks.length - 1]);
  // The lead picture above the first paragraph is the article's too.
  while (first.previousElementSibling && !first.previousElementSibling.textContent!.trim() && first.previousElementSibling.querySelector('img, picture, video')) first = first.previousElementSibling;
  const out: Element[] = [];
  for (let c: Element | null = first; c; c = c.nextElementSibling) {
    if (c.textContent!.length > LEAD_UNITS * 4) return blocks;
    out.push(c);
    if (c === last) break;
  }
  return out;
}

/** Units of text inside `el` and how much of it is link text (for link density). */
function* linkDensity(scan: Scan, el: Element): Generator<void, number> {
  let units = 0;
  let link = 0;
  let n = 0;
  for (const b of scan.blocks) {
    if (++n % SLICE === 0) yield;
    // Up the block's frames rather than el.contains(): the walk already knows every ancestor.
    let f: Frame | null = b.at;
    while (f && f.el !== el) f = f.up;
    if (f) {
      units += b.m.units;
      link += b.link;
    }
  }
  return units === 0 ? 1 : link / units;
}

/** The verdict and a sample of the page's text (the content script detects the script from it). */
export interface PageReading {
  verdict: Verdict;
  sample: string;
  /** the element that holds the most prose (the article body, if there is one) */
  container: Element | null;
  /**
   * What a reader's first screen shows: the first paragraphs of that prose, and the lines above
   * them that may be its headline (the <title>'s headline as printed, the first <h1>s): the
   * metadata rules choose among them as on the whole page.
   */
  lead: { headlines: Element[]; paragraphs: Element[] } | null;
}

export function* detectArticleSteps(doc: Document, url?: string): Generator<void, Verdict> {
  return (yield* readPageSteps(doc, url)).verdict;
}

export function* readPageSteps(doc: Document, url?: string): Generator<void, PageReading> {
  const reasons: Array<[number, string]> = [];
  const say = (points: number, why: string) => reasons.push([points, why]);
  let sample = '';
  let container: Element | null = null;
  let lead: PageReading['lead'] = null;
  const finish = (): PageReading => ({ verdict: verdictOf(), sample, container, lead });
  const verdictOf = (): Verdict => {
    const score = Math.max(0, Math.min(100, Math.round(reasons.reduce((s, [p]) => s + p, 0))));
    return {
      isArticle: score >= 50,
      score,
      reasons: reasons.sort((a, b) => Math.abs(b[0]) - Math.abs(a[0])).map(([p, why]) => `${why} (${p > 0 ? '+' : ''}${Math.round(p)})`),
    };
  };

  const root = doc.documentElement;
  if (!root || root.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !doc.body) {
    say(-100, root?.localName === 'svg' ? 'an SVG image, not a web page' : 'not an HTML document');
    return finish();
  }
  if (doc.body.tagName.toUpperCase() === 'FRAMESET') {
    say(-100, 'a frameset: the content lives in frames');
    return finish();
  }

  const meta = metaKeys(doc); // one pass: a tag-name walk over a large page is not free in every DOM
  // An author in the metadata spares the scan its class checks.
  const scan: Scan = yield* scanText(doc, SLICE, meta.has('author') || meta.has('article:author'));
  sample = scan.sample;
  const best = yield* bestContainer(scan);
  container = best?.el ?? null;
  const prose = best?.prose ?? 0;
  if (prose < 40) {
    say(-60, 'no paragraphs of prose');
  } else {
    // Saturating: ~270 units (≈ 270 汉字, or ≈ 800 Latin letters) of prose in one place make an
    // article on their own; a short item needs a headline date, byline or metadata as well.
    say(70 * (1 - Math.exp(-prose / 200)), `${Math.round(prose)} units of prose in ${best!.paragraphs} paragraphs`);
  }
  yield;

  const ld = readJsonLd(doc);
  const types = ldTypes(ld);
  if (types.some((t) => ARTICLE_LD_TYPE.test(t))) say(20, 'JSON-LD article');
  else if (types.some((t) => /^(?:SearchResultsPage|CollectionPage|ItemList|Product|ProfilePage|VideoObject)$/.test(t)))
    say(-20, `JSON-LD ${types.find((t) => /Page|List|Product|Video/.test(t))}`);
  const og = meta.get('og:type')?.toLowerCase();
  if (og === 'article' || og === 'news' || og === 'blog') say(12, 'og:type article');
  else if (og && /^(?:video|product|profile|music|book)/.test(og)) say(-20, `og:type ${og}`);

  if (best && scan.articles.some((a) => a === best.el || a.contains(best.el) || best.el.contains(a))) say(10, '<article> around the prose');

  // The <title>'s headline printed just above the prose is the headline, whatever the tag (the
  // first <h1> of many portals is the site's logo).
  const printed = best && prose >= 40 ? titleAbove(doc, scan, best.first) : null;
  if (printed) say(10, 'the headline is printed above the prose');
  const headline = printed ?? firstHeading(doc);
  const paragraphs = best && prose >= 40 ? leadParagraphs(scan, best) : [];
  // The paragraphs come after the line (DOCUMENT_POSITION_FOLLOWING, 4), not inside it (…CONTAINED_BY),
  // or the first part holds the line too (CONTAINS | PRECEDING, 10: headline, date line and text in one box).
  const above = (h: Element | null): h is Element => !!h && [4, 10].includes(h.compareDocumentPosition(paragraphs[0]));
  const headlines = paragraphs.length ? [...new Set([printed, ...[...doc.getElementsByTagName('h1')].slice(0, 3), firstHeading(doc)])].filter(above) : [];
  if (headlines.length) lead = { headlines, paragraphs };
  let dated = false;
  if (['article:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish_date'].some((k) => meta.has(k))) {
    say(8, 'published date in metadata');
    dated = true;
  } else {
    const near = headline ? textAfter(headline, 300) : '';
    if (near && findDateInText(near)) {
      say(8, 'date line under the headline');
      dated = true;
    }
    if (near && findBylineInText(near)) say(6, 'byline under the headline');
  }
  // A news flash of a few sentences: headline, date line, and the story right under them, alone.
  if (printed && dated && best && prose >= 80 && prose < 270 && best.teasers === 0 && best.peers < 4) say(15, 'a short story under its headline and date');
  if (scan.author) say(5, 'author metadata');

  // Shapes that are not articles.
  // Every unit counted belongs to one block, so this is also the link density of all of <body>.
  const links = scan.linkUnits / Math.max(1, scan.totalUnits);
  if (links > 0.55) say(-25 * Math.min(1, (links - 0.45) / 0.3), `${Math.round(links * 100)}% of the text is links`);
  // A login box in a portal's header is not what the page is about; a login form is when the
  // page has next to no prose or its prose sits in the form.
  const password = [...doc.getElementsByTagName('input')].find((i) => i.type === 'password');
  if (password && (prose < 60 || (best && (best.el.contains(password) || !!password.form?.contains(best.el))))) say(-40, 'a login form');
  const u = url ?? doc.URL ?? '';
  if (/[?&](?:q|query|keyword|wd|word|kw|search)=|\/search\b/i.test(u) || /搜索结果|搜尋結果|找到约?\s*[\d,]+\s*(?:条|個|个|篇)结果?/.test(doc.title + ' ' + (headline?.textContent ?? '')))
    say(-30, 'search results');
  if (/^(?:https?:\/\/[^/]+)?\/?(?:index\.s?html?|index\.php|default\.aspx?)?(?:[?#].*)?$/i.test(u) && !/^about:|^file:/.test(u) && u !== '')
    say(-15, 'a site home page');
  if (best && best.paragraphs >= 6 && best.teasers / best.paragraphs > 0.4) say(-15, 'a list of teasers');
  if (best && prose >= 40) {
    // One story holds the page's prose; a list spreads it over its items (each a container).
    if (best.prose >= best.pageProse * 0.6) say(8, 'the prose is in one place');
    else if (best.paragraphs <= 2 && best.peers >= 4) say(-20, `one of ${best.peers + 1} items alike`);
  }
  if (best && best.el !== doc.body) {
    const density = yield* linkDensity(scan, best.el);
    if (density > 0.3) say(-30 * Math.min(1, (density - 0.3) / 0.3), `link-heavy main block (${Math.round(density * 100)}%)`);
  }
  return finish();
}

/** Synchronous verdict (Node, tests, small pages). */
export function detectArticle(doc: Document, url?: string): Verdict {
  const steps = detectArticleSteps(doc, url);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
