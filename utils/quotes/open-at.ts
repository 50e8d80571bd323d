// A link that opens a page scrolled to a quote: a text fragment (#:~:text=start,end), which
// browsers that know it scroll to and highlight; the extension's own highlights follow on load.

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');

export function linkToQuote(url: string, exact: string): string {
  const text = exact.replace(/\s+/g, ' ').trim();
  if (!text) return url;
  const base = url.replace(/#.*$/, '');
  const fragment = text.length <= 40 ? enc(text) : `${enc(text.slice(0, 16))},${enc(text.slice(-16))}`;
  return `${base}#:~:text=${fragment}`;
}
