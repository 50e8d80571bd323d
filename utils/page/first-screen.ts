// The reader's first screen, taken off the live page the moment the reader is asked for: the page's
// <head> and, of its body, only the headline and the first paragraphs the detector found
// (utils/page/detect.ts), serialized in a few milliseconds. The reader runs its own pipeline on
// it (so the first screen is cleaned the same way as the article) and shows it while it reads the
// whole page, which takes a few hundred milliseconds on a long one.

import type { PageReading } from './detect';
import { isLdScript } from './metadata/structured';
import { serializeDocument, type SerializeOverrides } from './serialize';

/** What of the <head> a first screen needs: the title and metadata, not scripts, styles or links. */
const HEAD_KEEP = /^(?:head|title|meta|base)$/;

/**
 * The page's HTML cut down to its first screen, or null when the detector found no headline with
 * paragraphs under it (the reader then waits for the whole page). `overrides` are the full
 * snapshot's (original text where the page is shown converted, what the page hides).
 */
export function firstScreenHtml(doc: Document, lead: PageReading['lead'], overrides: SerializeOverrides = {}): string | null {
  const headlines = lead?.headlines.filter((h) => h.isConnected) ?? [];
  const paragraphs = lead?.paragraphs.filter((p) => p.isConnected) ?? [];
  if (!doc.body || !headlines.length || !paragraphs.length) return null;
  const parts = new Set([...headlines, ...paragraphs]);
  // Whether a node is in a part is read up its few ancestors, not by asking every part.
  const above = new Set<Node>();
  for (const p of parts) for (let a = p.parentNode; a && !above.has(a); a = a.parentNode) above.add(a);
  const inPart = (n: Node) => {
    for (let a: Node | null = n; a; a = a.parentNode) {
      if (parts.has(a as Element)) return true;
      if (above.has(a)) return false;
    }
    return false;
  };
  const head = doc.head;
  return serializeDocument(doc, {
    ...overrides,
    // Of an element above a part, only the way to the part is kept; a part goes whole. Text right
    // inside an element above a part is not the part's either (a script's document.write).
    text: (t) => (inPart(t) ? overrides.text?.(t) : head?.contains(t) ? undefined : ''),
    skip: (el) => {
      // The JSON-LD blocks the metadata rules read stay, as they read them.
      if (head?.contains(el)) return !HEAD_KEEP.test(el.localName) && !(el.localName === 'script' && isLdScript(el));
      if (above.has(el)) return false;
      return !inPart(el) || (overrides.skip?.(el) ?? false);
    },
  });
}
