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
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
// Text inside these is written as is (the HTML serialization algorithm); <noscript> depends on
// whether scripting is on, so it is always left to the browser's own serializer.
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Below this many descendant elements a subtree is one native outerHTML call. */
const SMALL = 2000;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function startTag(el: Element, overrides?: SerializeOverrides): string {
  const shallow = el.cloneNode(false) as Element;
  for (const [name, value] of overrides?.attributes?.(el) ?? []) {
    if (value === null) shallow.removeAttribute(name);
    else shallow.setAttribute(name, value);
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
        parts.push(el.outerHTML);
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
