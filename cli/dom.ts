// A document in Node for `jingdu analyze` (and the eval and bench, which measure it): parse5 (the
// HTML standard's tree construction, jsdom's own parser) building linkedom's nodes, a light DOM
// that runs the pipeline several times faster than jsdom and loads in a fraction of its time (a
// batch of pages is mostly DOM work). Parsed and serialized by the standard, the pipeline reads the
// same as on jsdom: test/unit/cli-dom.test.ts checks that analyze gives identical output on the
// corpus pages and Readability's test pages, and test/unit/page/sanitize.test.ts that the sanitizer
// strips the same.
//
// linkedom leaves out or bends a few things a browser has; each is made right here, on its shared
// prototypes: a lower-cased createElement, getAttributeNames, steady attribute and child lists for
// forms, the title, the body and head, a live NodeIterator, the standard's serializer for
// innerHTML/outerHTML; and per document its address, `implementation` and a window of its own for
// DOMPurify (linkedom's window is a view of Node's global object; DOMPurify on a window it cannot
// use returns its input untouched, and the sanitizer throws rather than let that pass), whose Node
// and Element prototypes have getters for a node's owner, parent and type.

import { DOMParser, NodeFilter } from 'linkedom';
import { Parser, serialize, serializeOuter, type DefaultTreeAdapterMap, type TreeAdapter, type Token } from 'parse5';
import { createSanitizer, type Sanitizer } from '../utils/page/sanitize';

export interface ParsedPage {
  doc: Document;
  sanitizer: Sanitizer;
  close(): void;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const blank = () => new DOMParser().parseFromString('', 'text/html') as unknown as Document;

// The first document fixes the prototypes every later one shares.
{
  const doc = blank();
  const docProto = Object.getPrototypeOf(doc) as { createElement(name: string, options?: unknown): Element };
  const createElement = docProto.createElement;
  docProto.createElement = function (this: Document, name: string, options?: unknown) {
    return createElement.call(this, name.toLowerCase(), options);
  };
  // The title is the document's first <title>, wherever it is, whitespace collapsed (linkedom looks
  // only in the head).
  redefine(docProto, 'title', (d: Document) => (d.getElementsByTagName('title')[0]?.textContent ?? '').replace(/[\t\n\f\r ]+/g, ' ').trim());
  (docProto as unknown as { createNodeIterator: unknown }).createNodeIterator = (root: Node, whatToShow = 0xffffffff) => new LiveNodeIterator(root, whatToShow);
  // The body is <html>'s first <body> or <frameset> child, the head its first <head>, or none:
  // linkedom makes a <body> when it finds none.
  const child = (self: Document, names: string[]) => {
    for (let c = self.documentElement?.firstElementChild; c; c = c.nextElementSibling) if (names.includes(c.localName)) return c;
    return null;
  };
  redefine(docProto, 'body', (d: Document) => child(d, ['body', 'frameset']));
  redefine(docProto, 'head', (d: Document) => child(d, ['head']));
  let el = Object.getPrototypeOf(doc.createElement('div'));
  while (el && !Object.prototype.hasOwnProperty.call(el, 'getAttribute')) el = Object.getPrototypeOf(el);
  el.getAttributeNames ??= function (this: Element) {
    return Array.from(this.attributes, (a) => a.name);
  };
  // A form's attribute map and child list stay the same objects while their items do (linkedom makes
  // new ones at every read; DOMPurify takes a form whose two reads differ for one clobbered, and
  // drops it). Forms only: every other element's lists are read on the hot paths and need no identity.
  steady(el, 'attributes');
  steady(el, 'childNodes');
  // linkedom writes `&` in attributes and U+00A0 as `&#160;`: the standard's serializer instead.
  redefine(el, 'innerHTML', (e: Element) => serialize(e as never, { treeAdapter: adapter as never }));
  redefine(el, 'outerHTML', (e: Element) => serializeOuter(e as never, { treeAdapter: adapter as never }));
}

/**
 * The standard's NodeIterator, live. linkedom's is a list taken when it is made, so nodes put in
 * during the walk are never visited: DOMPurify keeps a removed element's content by inserting
 * copies after it, and those copies would go out unsanitized. The standard moves an iterator whose
 * current node is removed to the node before it; that is done here when the walk goes on.
 */
class LiveNodeIterator {
  private reference: Node;
  private before = true;
  private prevSibling: Node | null = null;
  private parent: Node | null = null;
  constructor(readonly root: Node, readonly whatToShow: number) {
    this.reference = root;
  }
  get referenceNode() {
    return this.reference;
  }
  nextNode(): Node | null {
    let node = this.reference;
    let before = this.before;
    if (node !== this.root && !this.inside(node)) {
      // Removed since it was returned: go on from the node that preceded it.
      const prev = this.prevSibling && this.prevSibling.parentNode === this.parent ? this.prevSibling : null;
      node = prev ? lastDescendant(prev) : (this.parent ?? this.root);
      before = false;
    }
    for (;;) {
      if (before) before = false;
      else {
        const next = this.following(node);
        if (!next) return null;
        node = next;
      }
      if ((1 << (node.nodeType - 1)) & this.whatToShow) {
        this.reference = node;
        this.before = false;
        this.prevSibling = node.previousSibling;
        this.parent = node.parentNode;
        return node;
      }
    }
  }
  detach() {}
  private inside(node: Node): boolean {
    for (let n: Node | null = node; n; n = n.parentNode) if (n === this.root) return true;
    return false;
  }
  private following(node: Node): Node | null {
    if (node.firstChild) return node.firstChild;
    for (let n: Node | null = node; n && n !== this.root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
    return null;
  }
}

function lastDescendant(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/**
 * The getter `name` of `proto` becomes `get` (given the getter it had, found up the prototype
 * chain); the setter stays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function redefine(proto: object, name: string, get: (self: any, inherited: (self: object) => any) => unknown) {
  let owner = proto;
  while (!Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
  const read = Object.getOwnPropertyDescriptor(owner, name)!;
  const inherited = (self: object) => read.get!.call(self);
  Object.defineProperty(proto, name, {
    ...read,
    get(this: object) {
      return get(this, inherited);
    },
  });
}

/** A form's list `name` is the same object while its items stay the same. */
function steady(proto: object, name: string) {
  const lists = new WeakMap<object, ArrayLike<unknown>>();
  redefine(proto, name, (self: Element, inherited) => {
    const fresh = inherited(self) as ArrayLike<unknown>;
    if (self.localName !== 'form') return fresh;
    const known = lists.get(self);
    if (known && known.length === fresh.length && Array.prototype.every.call(known, (x, i) => x === fresh[i])) return known;
    lists.set(self, fresh);
    return fresh;
  });
}

type N = Node & Record<string, unknown>;

/** parse5's tree operations on linkedom's nodes. */
// Typed loosely: parse5's types are its own default tree's, not DOM nodes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const adapter: Record<string, (...args: any[]) => unknown> = {
  createDocument: () => blank() as never,
  createDocumentFragment() {
    return owner.createDocumentFragment() as never;
  },
  createElement(tag: string, ns: string, attrs: Token.Attribute[]) {
    const el = ns === HTML_NS ? owner.createElement(tag) : owner.createElementNS(ns, tag);
    for (const a of attrs) el.setAttribute(a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
    return el as never;
  },
  createCommentNode: (data: string) => owner.createComment(data) as never,
  createTextNode: (value: string) => owner.createTextNode(value) as never,
  appendChild: (parent: N, node: N) => void parent.appendChild(node),
  insertBefore: (parent: N, node: N, ref: N) => void parent.insertBefore(node, ref),
  setTemplateContent(template: N, content: N) {
    (template as unknown as HTMLTemplateElement).content.append(...Array.from(content.childNodes));
  },
  getTemplateContent: (template: N) => (template as unknown as HTMLTemplateElement).content as never,
  // Only the doctype's name matters to the pipeline (public and system ids are dropped).
  setDocumentType(doc: N, name: string) {
    if (!(doc as unknown as Document).doctype) {
      const parsed = new DOMParser().parseFromString(`<!doctype ${name || 'html'}>`, 'text/html') as unknown as Document;
      if (parsed.doctype) doc.insertBefore((doc as unknown as Document).importNode(parsed.doctype, true), doc.firstChild);
    }
  },
  setDocumentMode: () => {},
  getDocumentMode: () => 'no-quirks' as never,
  detachNode: (node: N) => void (node.parentNode && node.parentNode.removeChild(node)),
  insertText(parent: N, text: string) {
    const last = parent.lastChild;
    if (last && last.nodeType === 3) (last as Text).data += text;
    else parent.appendChild(owner.createTextNode(text));
  },
  insertTextBefore(parent: N, text: string, ref: N) {
    const prev = ref.previousSibling;
    if (prev && prev.nodeType === 3) (prev as Text).data += text;
    else parent.insertBefore(owner.createTextNode(text), ref);
  },
  adoptAttributes(el: N, attrs: Token.Attribute[]) {
    const e = el as unknown as Element;
    for (const a of attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
      if (!e.hasAttribute(name)) e.setAttribute(name, a.value);
    }
  },
  getFirstChild: (node: N) => node.firstChild as never,
  getChildNodes: (node: N) => Array.from(node.childNodes) as never,
  getParentNode: (node: N) => node.parentNode as never,
  getAttrList: (el: N) => Array.from((el as unknown as Element).attributes, (a) => ({ name: a.name, value: a.value })),
  getTagName: (el: N) => (el as unknown as Element).localName,
  getNamespaceURI: (el: N) => ((el as unknown as Element).namespaceURI ?? HTML_NS) as never,
  getTextNodeContent: (node: N) => (node as unknown as Text).data,
  getCommentNodeContent: (node: N) => (node as unknown as Comment).data,
  getDocumentTypeNodeName: (node: N) => (node as unknown as DocumentType).name,
  getDocumentTypeNodePublicId: () => '',
  getDocumentTypeNodeSystemId: () => '',
  isTextNode: (node: N) => node.nodeType === 3,
  isCommentNode: (node: N) => node.nodeType === 8,
  isDocumentTypeNode: (node: N) => node.nodeType === 10,
  isElementNode: (node: N) => node.nodeType === 1,
  setNodeSourceCodeLocation: () => {},
  getNodeSourceCodeLocation: () => undefined,
  updateNodeSourceCodeLocation: () => {},
  onItemPush: () => {},
  onItemPop: () => {},
};

/** The document being built (parse5 calls the adapter without saying which). */
let owner: Document = blank();

function parseDocument(html: string): Document {
  const doc = blank();
  owner = doc;
  // No scripting, as jsdom parses without running scripts: <noscript> holds elements.
  const parser = new Parser({ treeAdapter: adapter as unknown as TreeAdapter<DefaultTreeAdapterMap>, scriptingEnabled: false }, doc as never);
  parser.tokenizer.write(html, true);
  return doc;
}

/**
 * A browser's DOMParser always builds <html>, <head> and <body> by the standard: DOMPurify parses
 * fragments with it.
 */
class HtmlParser {
  parseFromString(markup: string, type: DOMParserSupportedType): Document {
    if (type !== 'text/html') return new DOMParser().parseFromString(markup, type as never) as unknown as Document;
    const saved = owner;
    try {
      return prepare(parseDocument(markup));
    } finally {
      owner = saved;
    }
  }
}

function prepare(doc: Document, url = 'about:blank'): Document {
  let base = url;
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      base = new URL(href, url).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  const location = url === 'about:blank' ? null : new URL(url);
  const values: Array<[string, unknown]> = [['URL', url], ['documentURI', url], ['baseURI', base], ['location', location]];
  values.push(['implementation', { createHTMLDocument: () => prepare(parseDocument('')) }]);
  for (const [name, value] of values) Object.defineProperty(doc, name, { value, configurable: true });
  return doc;
}

/**
 * DOMPurify reads a node's owner, parent and type through the getters it finds on Node.prototype
 * and Element.prototype (so that a page's named form controls cannot shadow them), and reads null
 * where it finds none. linkedom keeps them as each node's own fields, read on every hot path; its
 * window for DOMPurify gets prototypes with getters for them instead.
 */
function withGetters(cls: { prototype: object }, names: string[]) {
  const proto = Object.create(cls.prototype);
  for (const name of names) {
    Object.defineProperty(proto, name, {
      get(this: Record<string, unknown>) {
        return this[name];
      },
    });
  }
  return { prototype: proto };
}
const linkedWindow = blank().defaultView as unknown as Record<string, { prototype: object }>;
const purifyView: Record<string, unknown> = {
  NodeFilter,
  DOMParser: HtmlParser,
  Node: withGetters(linkedWindow.Node, ['ownerDocument', 'parentNode', 'nodeType']),
  Element: withGetters(linkedWindow.Element, ['ownerDocument', 'parentNode', 'nodeType']),
};
for (const name of ['DocumentFragment', 'HTMLTemplateElement', 'HTMLFormElement', 'NamedNodeMap', 'Text', 'Comment']) purifyView[name] = linkedWindow[name];

export function parseHtml(html: string, url: string): ParsedPage {
  const doc = prepare(parseDocument(html), url);
  const view = { ...purifyView, document: doc };
  return { doc, sanitizer: createSanitizer(view as unknown as Window), close() {} };
}
