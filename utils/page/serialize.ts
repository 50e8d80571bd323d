// The page as HTML, for the reader to parse, produced in slices: outerHTML of a 10 MB page holds
// the main thread for over 100 ms. Small subtrees are serialized natively (fast, exact); large ones
// are walked: a start tag from a shallow clone, the children one by one, the end tag.
// Overrides give back original text and attributes where the page is shown converted.

export interface SerializeOverrides {
  /** the original text of a node we converted, if any */
  text?(node: Text): string | undefined;
  /** original values of attributes we changed, if any (null: the attribute was not there) */
  attributes?(el: Element): Map<string, string | null> | undefined;
  /** leave this element out (text the page hides from its readers) */
  skip?(el: Element): boolean;
  /** walk this element's subtree node by node (so skip and text see every node in it) */
  walk?(el: Element): boolean;
  /**
   * Leave out event-handler attributes (onclick=…) and javascript: URLs. The reader and the panel
   * parse the snapshot in pages whose policy refuses inline script: each handler there is an error
   * in their consoles (and in the extension's error list), for code nobody will ever run.
   */
  inert?: boolean;
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
// Text inside these is written as is (the HTML serialization algorithm); <noscript> depends on
// whether scripting is on, so it is always left to the browser's own serializer.
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Below this many descendant elements a subtree is one native outerHTML call. */
const SMALL = 2000;

// In serialized markup an attribute value is always in double quotes with any " escaped, so an
// attribute is found by its name and quotes. A tag is taken to end at the first ">" (a value that
// holds one, where the browser leaves it unescaped, just keeps the rest of its tag as it was).
const TAG = /<[A-Za-z][^\s>/]*\s[^>]*>/g;
const HANDLER = /\s+on[A-Za-z-]+="[^"]*"/g;
const ANY_SCRIPT = /\son[A-Za-z-]+="|javascript:/i;
const SCRIPT_URL_VALUE = /\s+(?:href|src|action|formaction|xlink:href|data)="[\s\u0000-\u001f]*javascript:[^"]*"/gi;

/** Serialized markup without event handlers and javascript: URLs (see `inert`). */
export function inertMarkup(html: string): string {
  // One quick scan first: most subtrees (an article's paragraphs) have nothing to cut.
  if (!ANY_SCRIPT.test(html)) return html;
  return html.replace(TAG, (tag) => (tag.includes('on') || /javascript:/i.test(tag) ? tag.replace(HANDLER, '').replace(SCRIPT_URL_VALUE, '') : tag));
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const URL_ATTRIBUTE = /^(?:href|src|action|formaction|xlink:href|data)$/i;
const SCRIPT_URL = /^[\s\u0000-\u001f]*javascript:/i;

function startTag(el: Element, overrides?: SerializeOverrides): string {
  const shallow = el.cloneNode(false) as Element;
  for (const [name, value] of overrides?.attributes?.(el) ?? []) {
    if (value === null) shallow.removeAttribute(name);
    else shallow.setAttribute(name, value);
  }
  if (overrides?.inert) {
    for (const name of shallow.getAttributeNames()) {
      if (/^on/i.test(name) || (URL_ATTRIBUTE.test(name) && SCRIPT_URL.test(shallow.getAttribute(name) ?? ''))) shallow.removeAttribute(name);
    }
  }
  const html = shallow.outerHTML;
  const name = el.localName;
  return VOID.has(name) && el.namespaceURI === XHTML ? html : html.slice(0, html.length - `</${name}>`.length);
}

/** Yields every few hundred nodes; returns the HTML of `doc` with its doctype. */
export function* serializeSteps(doc: Document, overrides?: SerializeOverrides): Generator<void, string> {
  const parts: string[] = [];
  const dt = doc.doctype;
  if (dt) parts.push(`<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n`);
  // Text and attribute overrides need every node walked (native outerHTML would show converted text).
  const native = !overrides?.text && !overrides?.attributes;
  let work = 0;
  function* node(n: Node, raw: boolean): Generator<void, void> {
    if (++work % 200 === 0) yield;
    if (n.nodeType === 3) {
      const t = overrides?.text?.(n as Text) ?? (n as Text).data;
      parts.push(raw ? t : escapeText(t));
    } else if (n.nodeType === 8) {
      parts.push(`<!--${(n as Comment).data}-->`);
    } else if (n.nodeType === 1) {
      const el = n as Element;
      if (overrides?.skip?.(el)) return;
      if (el.localName === 'noscript' || (native && !overrides?.walk?.(el) && el.getElementsByTagName('*').length < SMALL)) {
        parts.push(overrides?.inert ? inertMarkup(el.outerHTML) : el.outerHTML);
        return;
      }
      parts.push(startTag(el, overrides));
      if (VOID.has(el.localName) && el.namespaceURI === XHTML) return;
      const html = el.namespaceURI === XHTML;
      const inner = html && el.localName === 'template' ? (el as HTMLTemplateElement).content : el;
      const isRaw = html && RAW.has(el.localName);
      for (let c = inner.firstChild; c; c = c.nextSibling) yield* node(c, isRaw);
      parts.push(`</${el.localName}>`);
    }
  }
  yield* node(doc.documentElement, false);
  return parts.join('');
}

/** The same in one go (Node, tests, small pages). */
export function serializeDocument(doc: Document, overrides?: SerializeOverrides): string {
  const steps = serializeSteps(doc, overrides);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
