// One walk over the page for every metadata rule: the visible text in document order (a line per
// block), where the headings and title-like elements sit in it, and the places pages hide dates
// (comments, hidden inputs, inline scripts, <time>). Rules read this, never the DOM again, so the
// metadata costs one pass however many rules there are.

import { isLdScript, metaKey, parseJsonLd, type JsonLdNode } from './structured';

/** A heading or an element whose class or id says "title", with its text's place in `text`. */
export interface Mark {
  el: Element;
  /** lower-case tag name */
  tag: string;
  start: number;
  end: number;
  /** inside a link: a headline of another article, usually */
  inLink: boolean;
}

export interface Found {
  value: string;
  /** position in `text` where it was met */
  at: number;
}

export interface PageScan {
  /** visible text of the body, whitespace collapsed, '\n' between blocks */
  text: string;
  marks: Mark[];
  /** the first content of each meta key (property, name or itemprop, lower-cased) */
  meta: Map<string, string>;
  ld: JsonLdNode[];
  /** comments that hold a date */
  comments: Found[];
  /** hidden inputs: "name=value" */
  inputs: Found[];
  /** inline scripts that hold a date */
  scripts: Found[];
  /** <time datetime> and elements marked itemprop=datePublished */
  times: Found[];
  /** text of elements marked itemprop=author / rel=author */
  authors: Found[];
  /** elements whose class or id says date or time (id="paperdate", class="pubtime"), as spans of `text` */
  dateSpans: Array<[number, number]>;
  /** titles of the feeds the page links to (<link rel=alternate type=…rss…>) */
  feeds: string[];
}

const SKIP = new Set(['style', 'noscript', 'template', 'svg', 'select', 'textarea', 'iframe', 'object', 'button', 'option', 'math']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul',
]);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TITLE_LIKE = /title|headline|biaoti|(?:^|[\s_-])(?:tit|bt|subject|topic)(?:$|[\s_\d-])/i;
const DATE_LIKE = /date|time|riqi|shijian/i;
const HAS_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;
/** Metadata sits near the top of a page's text; a huge page is read this far and no further. */
const MAX_TEXT = 400_000;
const MAX_MARKS = 600;
const MAX_SCRIPT = 100_000;

/** Walks `doc` once. */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { text: '', marks: [], meta: new Map(), ld: [], comments: [], inputs: [], scripts: [], times: [], authors: [], dateSpans: [], feeds: [] };
  const parts: string[] = [];
  let len = 0;
  let lastNewline = true;
  /** an element began or ended since the last text: "10-08</span><span>12:00" must not read as one number */
  let crossed = false;
  const push = (s: string) => {
    if (len >= MAX_TEXT) return;
    parts.push(s);
    len += s.length;
  };
  const newline = () => {
    if (!lastNewline) {
      push('\n');
      lastNewline = true;
    }
  };
  const root = doc.documentElement;
  if (!root) return scan;
  /** open marks and link depth, ended when the walk leaves their element */
  const open: Array<{ el: Element; mark?: Mark; link?: boolean; block: boolean; author?: number; date?: number }> = [];
  const authorSpans: Array<[number, number]> = [];
  let links = 0;
  let inBody = false;

  const enter = (el: Element): boolean => {
    const tag = el.localName;
    if (tag === 'script') {
      const text = el.textContent ?? '';
      if (isLdScript(el)) parseJsonLd(text, scan.ld);
      else if (!el.getAttributeNames().includes('src') && text.length < MAX_SCRIPT && HAS_DATE.test(text)) scan.scripts.push({ value: text, at: len });
      return false;
    }
    if (tag === 'meta') {
      const key = metaKey(el);
      const c = key && !scan.meta.has(key) ? el.getAttribute('content')?.trim() : '';
      if (c) scan.meta.set(key, c);
      return false;
    }
    if (tag === 'link') {
      if (/rss|atom/i.test(el.getAttribute('type') ?? '') && el.getAttribute('title')) scan.feeds.push(el.getAttribute('title')!);
      return false;
    }
    if (tag === 'input') {
      if ((el.getAttribute('type') ?? '').toLowerCase() === 'hidden') {
        const name = el.getAttribute('name') ?? el.getAttribute('id') ?? '';
        const value = el.getAttribute('value') ?? '';
        if (name && value && value.length < 100) scan.inputs.push({ value: `${name}=${value}`, at: len });
      }
      return false;
    }
    if (tag === 'html' || tag === 'head') return true;
    if (tag === 'body') inBody = true;
    if (!inBody || SKIP.has(tag)) return false;
    // One read lists the attributes (jsdom's getAttribute is slow, and most elements have none of
    // the ones asked about).
    const attrs = el.getAttributeNames();
    const has = (a: string) => attrs.includes(a);
    if (has('hidden')) return false;
    if (has('style') && /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) return false;
    const frame: (typeof open)[number] = { el, block: BLOCK.has(tag) };
    if (frame.block) newline();
    if (tag === 'a') {
      frame.link = true;
      links++;
    }
    if (tag === 'time' && has('datetime')) scan.times.push({ value: el.getAttribute('datetime') ?? '', at: len });
    const itemprop = has('itemprop') ? el.getAttribute('itemprop') : null;
    if (itemprop === 'datePublished') {
      const v = el.getAttribute('content') ?? el.getAttribute('datetime');
      if (v) scan.times.push({ value: v, at: len });
    }
    if (itemprop === 'author' || (tag === 'a' && has('rel') && /\bauthor\b/i.test(el.getAttribute('rel') ?? ''))) frame.author = len;
    const named = (has('class') ? (el.getAttribute('class') ?? '') : '') + (has('id') ? ` ${el.getAttribute('id')}` : '');
    if (named && DATE_LIKE.test(named) && scan.dateSpans.length < 100) frame.date = len;
    if (scan.marks.length < MAX_MARKS && (HEADING.has(tag) || (named && TITLE_LIKE.test(named)))) {
      frame.mark = { el, tag, start: len, end: len, inLink: links > 0 };
    }
    open.push(frame);
    return true;
  };
  const leave = (el: Element) => {
    const top = open[open.length - 1];
    if (!top || top.el !== el) return;
    open.pop();
    if (top.link) links--;
    if (top.mark) {
      top.mark.end = len;
      if (len > top.mark.start) scan.marks.push(top.mark);
    }
    if (top.author !== undefined && len > top.author) authorSpans.push([top.author, len]);
    if (top.date !== undefined && len > top.date && len - top.date < 80) scan.dateSpans.push([top.date, len]);
    if (top.block) newline();
  };

  // Iterative, so a deeply nested page cannot overflow the stack.
  let node: Node | null = root;
  while (node && len < MAX_TEXT) {
    let descend = false;
    if (node.nodeType === 1) {
      descend = enter(node as Element);
      crossed = true;
    }
    else if (node.nodeType === 3) {
      if (inBody) {
        const v = (node as Text).data.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ');
        if (v && (v !== ' ' || !lastNewline)) {
          const t = lastNewline ? v.trimStart() : v;
          if (crossed && /^\d/.test(t) && /\d$/.test(parts[parts.length - 1] ?? '')) push(' ');
          push(t);
          lastNewline = false;
          crossed = false;
        }
      }
    } else if (node.nodeType === 8) {
      const v = (node as Comment).data;
      if (v.length < 3000 && HAS_DATE.test(v)) scan.comments.push({ value: v, at: len });
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave this node and every ancestor that has no next sibling.
    while (node) {
      if (node.nodeType === 1 && descend !== false) leave(node as Element);
      if (node.nodeType === 1) crossed = true;
      descend = true; // every ancestor on the way up was entered
      if (node === root) {
        node = null;
        break;
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
    }
  }
  scan.text = parts.join('');
  for (const [from, to] of authorSpans) {
    const v = scan.text.slice(from, to).trim();
    if (v && v.length < 200) scan.authors.push({ value: v, at: from });
  }
  scan.marks.sort((a, b) => a.start - b.start);
  return scan;
}

/** The lines of `text` between `from` and `to`, each with where it starts. */
export function linesIn(text: string, from: number, to: number): Array<{ line: string; at: number }> {
  const out: Array<{ line: string; at: number }> = [];
  let i = Math.max(0, from);
  const end = Math.min(text.length, to);
  while (i < end) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > end) j = end;
    const raw = text.slice(i, j);
    const line = raw.trim();
    if (line) out.push({ line, at: i + raw.indexOf(line[0]) });
    i = j + 1;
  }
  return out;
}
