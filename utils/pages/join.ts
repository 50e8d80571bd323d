// The pages of one article as one: the first page's headline and metadata, the bodies in order,
// each in a <section> of its own (the reader puts a quiet divider between them and keeps quotes per
// page), and outline, summary and entities read again over the whole.

import { readArticle, type Analysis } from '../analyze';
import type { EntityOptions } from '../nlp/entities';
import type { Sanitizer } from '../page/sanitize';

export function joinParts(parts: Analysis[]): Analysis {
  if (parts.length < 2) return parts[0];
  const [first] = parts;
  return {
    ...first,
    text: parts.map((p) => p.text).join('\n\n'),
    html: parts.map((p) => `<section>${p.html}</section>`).join(''),
    repairs: { pinyinAnnotations: parts.reduce((n, p) => n + p.repairs.pinyinAnnotations, 0) },
    outline: [],
    summary: [],
    entities: [],
  };
}

/** Outline, summary and entities over a joined article (in Node; extension pages tag in a worker). */
export function readJoined(a: Analysis, sanitizer: Sanitizer, entities: EntityOptions = {}): Analysis {
  const holder = sanitizer.fragment('<div></div>').firstChild as Element;
  holder.append(sanitizer.fragment(a.html));
  return { ...a, ...readArticle(holder, a.text, entities) };
}

/**
 * The root of each page's text in a rendered article: its <section>s when the article has several
 * pages, else the whole body.
 */
export function partRoots(body: Element, count: number): Element[] {
  if (count < 2) return [body];
  const sections = [...body.children].filter((c) => c.tagName.toUpperCase() === 'SECTION');
  return sections.length === count ? sections : [body];
}
