// Readability, tuned for Chinese pages, plus the metadata Chinese portals carry in their own ways.
// The document passed in is consumed: Readability rewrites it. Give it a parsed copy.

import { Readability } from '@mozilla/readability';
import { cleanArticle } from './clean';
import { declaredLangOf, inferLang, isChinesePage } from './lang';
import { chooseMetadata, normalizeSpace, readMetadata, type MetadataSources } from './metadata';
import { paragraphsOf } from './plain-text';
import type { Sanitizer } from './sanitize';

export { inferLang };

export interface Article {
  title: string;
  /** the writers as one display string, or null */
  byline: string | null;
  /** the writers' names */
  authors: string[];
  siteName: string | null;
  /** ISO 8601, or null when the page does not say */
  published: string | null;
  /** BCP 47 tag as declared, else inferred from the text ("zh", "ja", "en"…), or null */
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  /** sanitized reader HTML */
  html: string;
  /** paragraphs separated by a blank line */
  text: string;
  /** the page URL the article came from */
  url: string;
  /** the sanitized content as nodes (the same as `html`), for analysis without parsing it again */
  root: Element;
  /** the rule that found the title, byline, date and site name (null where none was found) */
  metadataSources: MetadataSources;
}

export interface ExtractOptions {
  url: string;
  sanitizer: Sanitizer;
}

export function extractArticle(doc: Document, { url, sanitizer }: ExtractOptions): Article | null {
  // Metadata first: Readability strips the headline and date lines out of the document.
  const declaredLang = declaredLangOf(doc);
  const chinese = isChinesePage(doc);
  const reading = readMetadata(doc, { url, defaultTz: chinese ? '+08:00' : null });

  const reader = new Readability(doc, {
    // 500 characters is a long Chinese news item; ask less of CJK pages before Readability retries
    // with looser rules (which is when it starts to keep navigation).
    charThreshold: chinese ? 200 : 500,
    serializer: (el: Node) => el,
  });
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  const content = parsed.content as unknown as Element;
  const meta = chooseMetadata(reading, { title: parsed.title, byline: parsed.byline, paragraphs: paragraphsOf(content) });
  const finalTitle = meta.title;
  // The reader prints the headline in its own header; drop the body's copy of it.
  for (const h of content.querySelectorAll('h1, h2')) {
    if (normalizeSpace(h.textContent ?? '') === finalTitle) {
      h.remove();
      break;
    }
  }
  // What Readability keeps of a portal that is not the story: credits, promos, pagers, comments…
  cleanArticle(content, { title: finalTitle });
  const fragment = sanitizer.fragment(content);
  const paragraphs = paragraphsOf(fragment);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  const text = paragraphs.join('\n\n');

  return {
    title: finalTitle,
    byline: meta.byline,
    authors: meta.authors,
    siteName: meta.siteName,
    published: meta.published,
    lang: declaredLang || inferLang(text),
    dir: parsed.dir ?? null,
    excerpt: normalizeSpace(parsed.excerpt ?? '') || null,
    html: holder.innerHTML,
    text,
    url,
    root: holder,
    metadataSources: meta.sources,
  };
}
