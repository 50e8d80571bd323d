// A page parsed from its serialized HTML inside an extension page would resolve relative links
// against the extension's URL. Pin its base to where the page really came from.

export function rebaseDocument(doc: Document, pageUrl: string): void {
  const existing = doc.querySelector('base[href]');
  let href = pageUrl;
  try {
    if (existing) href = new URL(existing.getAttribute('href') ?? '', pageUrl).href;
  } catch {
    // A broken <base href> is ignored by browsers too.
  }
  const base = existing ?? doc.createElement('base');
  base.setAttribute('href', href);
  if (!existing) (doc.head ?? doc.documentElement).prepend(base);
}
