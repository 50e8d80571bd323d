// Every HTML fragment that comes from a page passes through here before anyone shows it.
// A whitelist, not a blacklist: reading content only. No ids, names or classes survive, so a page
// cannot clobber globals or restyle the reader; links open in a new tab without a referrer.

import DOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'article', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul', 'var', 'wbr',
];
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers', 'lang', 'dir',
  'datetime', 'cite', 'start', 'reversed', 'type', 'open',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Schemes: http(s), mail and phone only. DOMPurify checks every attribute value against this, so
  // values without a scheme ("2", "图") must pass too (DOMPurify's own default pattern, fewer schemes).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
};

export type Sanitizer = {
  /** Sanitized copy of `dirty` as a fragment owned by the sanitizer's document. */
  fragment(dirty: string | Node): DocumentFragment;
  /** Sanitized HTML string. */
  html(dirty: string | Node): string;
};

/**
 * A sanitizer bound to a window: the extension page's own, or a DOM's in Node. DOMPurify on a window
 * it cannot work with returns its input untouched; that is an error here, never a pass.
 */
export function createSanitizer(win: Window): Sanitizer {
  const purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  if (!purify.isSupported) throw new Error('DOMPurify cannot sanitize with this window');
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      // Only absolute links lead anywhere from the reader; '#frag' or relative ones would open the
      // reader's own page.
      if (!/^(?:https?:|mailto:|tel:)/i.test(el.getAttribute('href') ?? '')) {
        el.removeAttribute('href');
        return;
      }
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    } else if (el.tagName === 'IMG') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      // Portals refuse hot-linked images with a foreign referrer but serve them without one.
      el.setAttribute('referrerpolicy', 'no-referrer');
      const src = el.getAttribute('src') ?? '';
      if (!/^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif);)/i.test(src)) el.removeAttribute('src');
    }
  });
  return {
    fragment: (dirty) => purify.sanitize(dirty, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment,
    html: (dirty) => purify.sanitize(dirty, { ...CONFIG, RETURN_DOM_FRAGMENT: false }) as unknown as string,
  };
}
