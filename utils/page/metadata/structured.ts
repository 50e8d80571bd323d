// What a page declares about itself in markup: <meta> tags and JSON-LD blocks.

export type JsonLdNode = Record<string, unknown>;

const MAX_LD_CHARS = 200_000;

/** The elements of a tag as an array, read by index: jsdom iterates a live HTMLCollection ~7× slower. */
export function byTag(doc: Document, tag: string): Element[] {
  const live = doc.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0, n = live.length; i < n; i++) out.push(live[i]);
  return out;
}

/** Objects of one JSON-LD block's text, flattened through arrays and @graph. Bad JSON gives none. */
export function parseJsonLd(text: string, out: JsonLdNode[] = []): JsonLdNode[] {
  if (text.length > MAX_LD_CHARS) return out;
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
  try {
    visit(JSON.parse(text), 0);
  } catch {
    // Pages ship broken JSON-LD often enough; it is a hint, not a requirement.
  }
  return out;
}

export function isLdScript(s: Element): boolean {
  // getAttribute: SVG <script> elements have no .type in every DOM.
  return (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/** Every object in the page's JSON-LD blocks, flattened through arrays and @graph. Bad JSON is skipped. */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  // getElementsByTagName, not an attribute selector: it is fast in every DOM, jsdom included.
  for (const s of byTag(doc, 'script')) if (isLdScript(s)) parseJsonLd(s.textContent ?? '', out);
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

/** Names in a JSON-LD person-or-organisation field: a string, {name}, or an array of them. */
export function ldNames(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v])
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as JsonLdNode).name : undefined))
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .map((x) => x.trim());
}

export function ldAuthor(ld?: JsonLdNode): string | null {
  const names = ldNames(ld?.author);
  return names.length ? names.join('、') : null;
}

/** The key of a <meta>: property, name or itemprop, lower-cased ('' when none). */
export function metaKey(m: Element): string {
  return (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
}

/**
 * Every meta key (property, name or itemprop, lower-cased) with its first non-empty content, in one
 * pass over the document, for several lookups that only ask whether a key is there.
 */
export function metaKeys(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of byTag(doc, 'meta')) {
    const key = metaKey(m);
    const c = key && !out.has(key) ? m.getAttribute('content')?.trim() : '';
    if (c) out.set(key, c);
  }
  return out;
}

/** Content of the first `<meta>` whose property or name matches one of `keys` (case-insensitive). */
export function metaContent(doc: Document, keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const m of byTag(doc, 'meta')) {
    if (wanted.has(metaKey(m))) {
      const c = m.getAttribute('content')?.trim();
      if (c) return c;
    }
  }
  return null;
}

/** The first value of `keys` in a meta map, in the order of `keys`. */
export function firstMeta(meta: Map<string, string>, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return { key, value };
  }
  return null;
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

export function isChineseLang(lang: string | null | undefined): boolean {
  return !!lang && /^zh\b/i.test(lang);
}
