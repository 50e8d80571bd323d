// Page metadata that Readability does not find on Chinese portals: the headline as printed, the
// writers, the publication date and the site's name. One walk over the page (scan.ts) feeds a
// set of rules per field (title.ts, byline.ts, date.ts, site.ts); each rule proposes scored
// candidates and the chooser keeps the best one above the field's floor, or nothing. A new kind
// of page is a new rule and a fixture, not a branch here.

import { bylineCandidates, bylineOf } from './byline';
import { choose, type Candidate, type Choice } from './candidates';
import { dateCandidates } from './date';
import { locateHeadline, type Headline } from './headline';
import { scanPage, type PageScan } from './scan';
import { siteCandidates } from './site';
import { byTag, ldArticle, metaContent, normalizeSpace, type JsonLdNode } from './structured';
import { stripTitleTail, titleCandidates } from './title';

export { bylineCandidates, bylineOf, findBylineInText, labelled, notWriters } from './byline';
export { choose, type Candidate, type Choice } from './candidates';
export { dateCandidates, PUBLISHED_META } from './date';
export { dateInUrl, findDateInText, isoFromParts, parseDate, printedDates, RELATIVE_DATE, type FoundDate, type PrintedDate } from './dates';
export { locateHeadline, titleMatch, type Headline } from './headline';
export { cleanName, hasSurname, namesIn, personName } from './names';
export { linesIn, scanPage, type PageScan } from './scan';
export { siteCandidates } from './site';
export {
  ARTICLE_LD_TYPE,
  byTag,
  firstMeta,
  isChineseLang,
  ldArticle,
  ldAuthor,
  ldNames,
  ldTypes,
  metaContent,
  metaKeys,
  normalizeSpace,
  parseJsonLd,
  readJsonLd,
  type JsonLdNode,
} from './structured';
export { SITE_TAIL, stripTitleTail, titleCandidates, titlePieces } from './title';

/** Floors: a field whose best candidate scores lower is left empty. */
export const FLOORS = { title: 0, byline: 0.5, published: 0.5, siteName: 0.5 } as const;

export interface MetadataSources {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
}

export interface PageMetadata {
  title: string;
  /** the writers as one display string ("段彦超、廖艳"), or null */
  byline: string | null;
  authors: string[];
  /** ISO 8601 */
  published: string | null;
  siteName: string | null;
  /** the rule that found each field, null where it was not found */
  sources: MetadataSources;
}

/** What is read from the page before Readability rewrites it. */
export interface MetadataReading {
  scan: PageScan;
  ld: JsonLdNode | undefined;
  headline: Headline | null;
  title: string;
  og: string | null;
  site: Choice<string> | null;
  siteNames: string[];
  published: Choice<string> | null;
  dates: Candidate<string>[];
}

export interface ReadOptions {
  url: string;
  /** offset for wall-clock times; +08:00 on Chinese pages */
  defaultTz: string | null;
}

/** Reads the page once. Call before Readability, which strips headline and date lines. */
export function readMetadata(doc: Document, { url, defaultTz }: ReadOptions): MetadataReading {
  const scan = scanPage(doc);
  const ld = ldArticle(scan.ld);
  const title = normalizeSpace(doc.title ?? '');
  const og = scan.meta.get('og:title') ?? scan.meta.get('twitter:title') ?? null;
  const ldHeadline = typeof ld?.headline === 'string' ? ld.headline : null;
  const headline = locateHeadline(scan, [title, og ?? '', ldHeadline ?? '']);
  const sites = siteCandidates({ scan, title, headline, ld });
  const site = choose(sites, FLOORS.siteName);
  const dates = dateCandidates({ scan, headline, ld, url, defaultTz });
  const siteNames = [...new Set(sites.map((c) => c.value))];
  return { scan, ld, headline, title, og, site, siteNames, published: choose(dates, FLOORS.published), dates };
}

export interface AfterReadability {
  /** Readability's title and byline */
  title?: string | null;
  byline?: string | null;
  /** the article's paragraphs as extracted */
  paragraphs?: string[];
}

/** Chooses every field, with what Readability found as the weakest evidence. */
export function chooseMetadata(r: MetadataReading, after: AfterReadability = {}): PageMetadata {
  const title = choose(titleCandidates({ title: r.title, og: r.og, headline: r.headline, siteName: r.site?.value ?? null, readability: after.title }), FLOORS.title);
  const names = choose(
    bylineCandidates({ scan: r.scan, headline: r.headline, ld: r.ld, siteNames: r.siteNames, paragraphs: after.paragraphs, readability: after.byline }),
    FLOORS.byline,
  );
  const authors = names?.value ?? [];
  return {
    title: title?.value ?? '',
    byline: bylineOf(authors),
    authors,
    published: r.published?.value ?? null,
    siteName: r.site?.value ?? null,
    sources: {
      title: title?.rule ?? null,
      byline: names?.rule ?? null,
      published: r.published?.rule ?? null,
      siteName: r.site?.rule ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The earlier single-function helpers, kept for the callers that use them (the article detector).

/** Text of the first ~600 characters after `el` in document order (the line under a headline). */
export function textAfter(el: Element, limit = 600): string {
  // By hand, not a TreeWalker from `el`: some DOMs (linkedom, the command's) ignore a walker's
  // currentNode and walk from its root.
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const after = (n: Node): Node | null => {
    for (let m: Node | null = n; m; m = m.parentNode) if (m.nextSibling) return m.nextSibling;
    return null;
  };
  let out = el.textContent ?? '';
  let node = after(el);
  while (node && out.length < limit) {
    if (node.nodeType === 1) {
      const first = skip.has((node as Element).tagName.toUpperCase()) ? null : node.firstChild;
      node = first ?? after(node);
    } else {
      if (node.nodeType === 3) out += ' ' + (node as Text).data;
      node = after(node);
    }
  }
  return out.slice(0, limit + 200);
}

/** The page's first <h1>, else its first <h2> (the detector's quick guess at the headline). */
export function firstHeading(doc: Document): Element | null {
  return doc.getElementsByTagName('h1').item(0) ?? doc.getElementsByTagName('h2').item(0);
}

/** The headline without the site and channel tail, trusting a heading the title starts with. */
export function cleanTitle(rawTitle: string, doc: Document, siteName?: string | null): string {
  const headings: string[] = [];
  for (const tag of ['h1', 'h2', 'h3']) {
    for (const h of byTag(doc, tag).slice(0, 10)) {
      const t = normalizeSpace(h.textContent ?? '');
      if (t.length >= 4 && t.length <= 200) headings.push(t);
    }
  }
  const og = metaContent(doc, ['og:title', 'twitter:title']);
  if (og) headings.push(normalizeSpace(og));
  return stripTitleTail(rawTitle, headings, siteName);
}
