// Page metadata that Readability does not find on Chinese portals: structured data, the visible
// "发布时间 2023-07-27 09:42" line, titles with "_科技_腾讯网" tails.

export type JsonLdNode = Record<string, unknown>;

const MAX_LD_CHARS = 200_000;

/** The elements of a tag as an array, read by index: jsdom iterates a live HTMLCollection ~7× slower. */
function byTag(doc: Document, tag: string): Element[] {
  const live = doc.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0, n = live.length; i < n; i++) out.push(live[i]);
  return out;
}

/** Every object in the page's JSON-LD blocks, flattened through arrays and @graph. Bad JSON is skipped. */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as JsonLdNode;
    out.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  // getElementsByTagName, not an attribute selector: it is fast in every DOM, jsdom included.
  for (const s of byTag(doc, 'script')) {
    // getAttribute: SVG <script> elements have no .type in every DOM.
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = s.textContent ?? '';
    if (text.length > MAX_LD_CHARS) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Pages ship broken JSON-LD often enough; it is a hint, not a requirement.
    }
  }
  return out;
}

export function ldTypes(nodes: JsonLdNode[]): string[] {
  const types: string[] = [];
  for (const n of nodes) {
    const t = n['@type'];
    if (typeof t === 'string') types.push(t);
    else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') types.push(x);
  }
  return types;
}

export const ARTICLE_LD_TYPE = /^(?:[A-Za-z]*NewsArticle|Article|BlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|OpinionNewsArticle)$/;

/** The article node of the JSON-LD, if any. */
export function ldArticle(nodes: JsonLdNode[]): JsonLdNode | undefined {
  return nodes.find((n) => ldTypes([n]).some((t) => ARTICLE_LD_TYPE.test(t)));
}

/**
 * Every meta key (property, name or itemprop, lower-cased) with its first non-empty content, in one
 * pass over the document, for several lookups that only ask whether a key is there.
 */
export function metaKeys(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of byTag(doc, 'meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const c = key && !out.has(key) ? m.getAttribute('content')?.trim() : '';
    if (c) out.set(key, c);
  }
  return out;
}

/** Content of the first `<meta>` whose property or name matches one of `keys` (case-insensitive). */
export function metaContent(doc: Document, keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const m of byTag(doc, 'meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    if (wanted.has(key)) {
      const c = m.getAttribute('content')?.trim();
      if (c) return c;
    }
  }
  return null;
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n: number | string) => String(n).padStart(2, '0');

function isoFromParts(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, tz?: string | null): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number.isNaN(h) || h > 23 || (mi ?? 0) > 59) return date;
  return `${date}T${pad(h)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${tz ?? ''}`;
}

const ISO_LIKE =
  /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * A date from metadata as ISO 8601. Keeps the page's own offset; where a Chinese page gives a
 * wall-clock time without one, `defaultTz` (+08:00 for Chinese pages) is applied.
 */
export function parseDate(value: string, defaultTz: string | null = null): string | null {
  const v = value.trim();
  let m = ISO_LIKE.exec(v);
  if (m) {
    let tz = m[7] ?? defaultTz;
    if (tz && tz !== 'Z' && !tz.includes(':')) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return isoFromParts(+m[1], +m[2], +m[3], m[4] === undefined ? undefined : +m[4], +(m[5] ?? 0), +(m[6] ?? 0), tz);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  const cn = findDateInText(v, defaultTz);
  if (cn) return cn.iso;
  const t = Date.parse(v);
  if (!Number.isNaN(t) && /[a-z]{3}/i.test(v)) return new Date(t).toISOString().replace('.000Z', 'Z');
  return null;
}

// 2023-07-27 09:42, 2023年7月27日 09:42, 2023/07/27 9時42分, with an optional label before it.
const VISIBLE_DATE =
  /(?:(发布|發佈|發布|发表|發表|更新|时间|時間|日期|刊登|出版|於|于)[^\d\n]{0,8})?((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?(?:\s*(?:[上下]午)?\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/g;

export interface FoundDate {
  iso: string;
  index: number;
  labelled: boolean;
}

/** First plausible date written in running text; labelled dates (发布时间…) win over bare ones. */
export function findDateInText(text: string, defaultTz: string | null = '+08:00'): FoundDate | null {
  let first: FoundDate | null = null;
  VISIBLE_DATE.lastIndex = 0;
  for (let m; (m = VISIBLE_DATE.exec(text)); ) {
    const hasTime = m[5] !== undefined;
    const iso = isoFromParts(+m[2], +m[3], +m[4], hasTime ? +m[5] : undefined, hasTime ? +m[6] : undefined, hasTime ? +(m[7] ?? 0) : undefined, defaultTz);
    if (!iso) continue;
    const found = { iso, index: m.index, labelled: Boolean(m[1]) };
    if (found.labelled) return found;
    first ??= found;
  }
  return first;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'publishdate',
  'pubdate',
  'publish_date',
  'publication_date',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'og:release_date',
  'article:modified_time',
];

/** Text of the first ~600 characters after `el` in document order (the line under a headline). */
export function textAfter(el: Element, limit = 600): string {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  walker.currentNode = el;
  let out = el.textContent ?? '';
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    if (skip.has(n.parentElement?.tagName ?? '')) continue;
    out += ' ' + n.nodeValue;
  }
  return out.slice(0, limit + 200);
}

/** The page's headline element: the first <h1>, else the first <h2>. */
export function firstHeading(doc: Document): Element | null {
  return doc.getElementsByTagName('h1').item(0) ?? doc.getElementsByTagName('h2').item(0);
}

export function isChineseLang(lang: string | null | undefined): boolean {
  return !!lang && /^zh\b/i.test(lang);
}

export interface DateContext {
  ld?: JsonLdNode;
  /** the headline element, to read the date line printed under it */
  headline?: Element | null;
  /** offset for wall-clock times; +08:00 on Chinese pages */
  defaultTz: string | null;
}

export function findPublished(doc: Document, ctx: DateContext): string | null {
  const ldDate = ctx.ld?.datePublished ?? ctx.ld?.dateCreated;
  if (typeof ldDate === 'string') {
    const d = parseDate(ldDate, ctx.defaultTz);
    if (d) return d;
  }
  const meta = metaContent(doc, PUBLISHED_META);
  if (meta) {
    const d = parseDate(meta, ctx.defaultTz);
    if (d) return d;
  }
  const time = doc.querySelector('time[datetime], [itemprop="datePublished"]');
  const tv = time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? time?.textContent;
  if (tv) {
    const d = parseDate(tv, ctx.defaultTz);
    if (d) return d;
  }
  if (ctx.headline) return findDateInText(textAfter(ctx.headline), ctx.defaultTz)?.iso ?? null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Titles and site names

const SEPARATOR = /\s*(?:[_|｜]|::|\s[-–—@·»]\s|[–—]{1,2})\s*/;
const LEADING_SEPARATOR = /^\s*(?:[_|｜@·»:\-–—]|::)/;
const SITE_TAIL =
  /(?:网|網|报|報|刊|频道|頻道|新闻|新聞|在线|在線|中心|门户|網站|网站|社区|社區|论坛|論壇|电视台|電視台|广播|廣播|通讯社|通訊社|客户端|\.com|\.cn|\.net|\.tw|\.hk|news|blog|pixnet|online|times|post|daily)$/i;

function headingCandidates(doc: Document): string[] {
  const out: string[] = [];
  const og = metaContent(doc, ['og:title', 'twitter:title']);
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3')).slice(0, 30)) {
    const t = normalizeSpace(h.textContent ?? '');
    if (t.length >= 4 && t.length <= 200) out.push(t);
  }
  if (og) out.push(normalizeSpace(og));
  return out;
}

/**
 * The headline without the site and channel tail: "标题_科技_腾讯网" → "标题". A heading on the
 * page that the title starts with wins (it knows where the headline ends even when the headline
 * itself has "_" in it); otherwise short, site-like tail segments are dropped.
 */
export function cleanTitle(rawTitle: string, doc: Document, siteName?: string | null): string {
  const title = normalizeSpace(rawTitle);
  for (const h of headingCandidates(doc)) {
    if (h.length < title.length && title.startsWith(h) && LEADING_SEPARATOR.test(title.slice(h.length))) return h;
  }
  // split with a capturing group keeps the separators: [part, sep, part, sep, part…]
  const pieces = title.split(new RegExp(`(${SEPARATOR.source})`));
  let end = pieces.length; // exclusive, always at a part
  while (end > 1) {
    const seg = pieces[end - 1].trim();
    const siteLike = SITE_TAIL.test(seg) || seg.length <= 6 || (!!siteName && seg.includes(siteName));
    if (!siteLike || seg.length > 20) break;
    end -= 2;
  }
  const head = pieces.slice(0, end).join('').trim();
  return head.length >= 2 ? head : title;
}

/** Site name from metadata or, failing that, the last segment of the title ("…_腾讯网"). */
export function findSiteName(doc: Document, ld?: JsonLdNode): string | null {
  const meta = metaContent(doc, ['og:site_name', 'application-name', 'apple-mobile-web-app-title']);
  if (meta) return normalizeSpace(meta);
  const pub = ld?.publisher;
  const pubName = pub && typeof pub === 'object' && !Array.isArray(pub) ? (pub as JsonLdNode).name : undefined;
  if (typeof pubName === 'string' && pubName.trim()) return normalizeSpace(pubName);
  const parts = normalizeSpace(doc.title ?? '').split(SEPARATOR).filter(Boolean);
  const last = parts.length > 1 ? parts[parts.length - 1] : '';
  if (last && last.length <= 20 && SITE_TAIL.test(last)) return last;
  return null;
}

const BYLINE_LINE =
  /(?:(?:作者|撰文|记者|記者|通讯员|通訊員|编译|編譯|口述|整理)\s*[:：/／|]?|(?<![\u4e00-\u9fff])文\s*[:：/／|])\s*([\u4e00-\u9fffA-Za-z·•][\u4e00-\u9fffA-Za-z·• ]{0,20}?)(?=\s|　|$|[，,。)）\]】|｜/／]|来源|來源|编辑|編輯|责任|責任|发布|發佈|时间|時間)/;

/** "作者：张三" / "记者 李四" / "文/王五" printed near the headline. */
export function findBylineInText(text: string): string | null {
  const m = BYLINE_LINE.exec(text);
  if (!m) return null;
  const name = m[1].trim();
  return name.length >= 2 && name.length <= 20 ? name : null;
}

export function ldAuthor(ld?: JsonLdNode): string | null {
  const a = ld?.author;
  const names = (Array.isArray(a) ? a : [a])
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as JsonLdNode).name : undefined))
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return names.length ? names.join('、') : null;
}
