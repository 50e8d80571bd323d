// `jingdu analyze page1.html --next page2.html page3.html`: the pages of one article, given by
// hand, joined the way the reader joins the pages it fetches (utils/pages): in order, leaving out a
// repeat or a page that is another article, with outline, summary and entities over the whole.

import { analyzeDocument, transformAnalysis, type Analysis } from '../utils/analyze';
import type { EntityOptions } from '../utils/nlp/entities';
import { followPages, initialPages, type Fetched, type PageSet, type ReadPage } from '../utils/pages/follow';
import { joinParts, readJoined } from '../utils/pages/join';
import { findPagination } from '../utils/pages/pager';
import type { Target } from '../utils/script/targets';
import type { Transformer } from '../utils/script/transform';
import { parseHtml } from './dom';

export interface PageInput {
  html: string;
  url: string;
}

interface Options {
  to: Target | null;
  transform: Transformer;
  entities: EntityOptions;
}

/** A single page's `pages`: what its pager says (read before extraction consumes the document). */
export function pagesOf(doc: Document, url: string): PageSet {
  return initialPages(url, findPagination(doc, url));
}

async function readPage({ html, url }: PageInput, transform: Transformer): Promise<ReadPage> {
  const page = parseHtml(html, url);
  try {
    const pagination = findPagination(page.doc, url);
    const analysis = await analyzeDocument(page.doc, { url, sanitizer: page.sanitizer, repair: true, transform, read: false });
    return { analysis, pagination };
  } finally {
    page.close();
  }
}

/** The joined article and how its pages were joined. */
export async function analyzePages(first: PageInput, next: PageInput[], { to, transform, entities }: Options): Promise<Analysis & { pages: PageSet }> {
  const start = await readPage(first, transform);
  let parts = [start.analysis];
  let pages = initialPages(first.url, start.pagination);
  const queue = [...next];
  for await (const state of followPages({
    first: { url: first.url, ...start },
    given: true,
    // A page takes the address its predecessor's pager gives it, so its links resolve as on the site.
    source: async (suggested): Promise<Fetched | null> => {
      const input = queue.shift();
      return input ? { ok: true, url: suggested ?? input.url, html: input.html } : null;
    },
    read: (html, url) => readPage({ html, url }, transform),
  })) {
    parts = state.parts;
    pages = state.pages;
  }
  const joined = joinParts(parts);
  const page = parseHtml('<!doctype html><title></title>', first.url); // a window for the sanitizer
  try {
    const done = to
      ? await transformAnalysis(joined, [{ kind: 'convert', to }], page.sanitizer, transform, entities)
      : readJoined(joined, page.sanitizer, entities);
    return { ...done, pages };
  } finally {
    page.close();
  }
}
