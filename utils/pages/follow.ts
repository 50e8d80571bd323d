// Following an article's pages: one at a time, in order, from the same site, at most ten, stopping
// at a page seen before (a pager that loops, a page number past the end that serves the last page
// again), at a page that is another article, or at one that fails. Where the pages come from is
// the caller's: the reader fetches them through the tab (the page's own origin and cookies), the
// `jingdu` command reads the files it was given.

import type { Analysis } from '../analyze';
import { urlKey } from '../quotes/model';
import type { Pagination } from './pager';
import { sameArticle } from './same-article';

export const MAX_PAGES = 10;

export type FetchProblem = 'http' | 'network' | 'not-html' | 'too-large' | 'other-site' | 'empty';
export type Fetched = { ok: true; url: string; html: string } | { ok: false; url: string; problem: FetchProblem; status?: number };

export interface ReadPage {
  analysis: Analysis;
  pagination: Pagination | null;
}

export type StopReason = 'repeat' | 'other-article' | 'other-site' | 'limit' | 'failed';

export interface PageSet {
  /** the joined pages' addresses, in order (the first is the page the reader was opened on) */
  urls: string[];
  /** what the pager says: 共 N 页 (null: it does not say) */
  total: number | null;
  /** the first joined page's number (2 when the reader was opened on page 2) */
  first: number;
  /** the address the last joined page's pager leads to (null: it is the last page) */
  next: string | null;
  /** where following stopped and why (null: it reached the last page, or has not stopped yet) */
  stopped: { url: string; reason: StopReason; page: number; problem?: FetchProblem; status?: number } | null;
}

export interface FollowState {
  parts: Analysis[];
  pages: PageSet;
  /** the page number being fetched now (null: done) */
  loading: number | null;
}

export interface FollowOptions {
  first: { url: string } & ReadPage;
  /** the page after the last joined one: `suggested` is the pager's address for it (null when it has none) */
  source(suggested: string | null, page: number): Promise<Fetched | null>;
  read(html: string, url: string): Promise<ReadPage>;
  /** pages given by hand (`jingdu analyze --next`): taken in order, whatever the pager says */
  given?: boolean;
  max?: number;
}

const fingerprint = (text: string) => text.replace(/\s+/g, '').slice(0, 400);
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** The pager's next page, or the numbered link after this page's number. */
function nextOf(p: Pagination | null): string | null {
  if (!p) return null;
  return p.next ?? (p.current !== null ? (p.numbered[p.current + 1] ?? null) : null);
}

export function initialPages(url: string, pagination: Pagination | null): PageSet {
  return { urls: [url], total: pagination?.total ?? null, first: pagination?.current ?? 1, next: nextOf(pagination), stopped: null };
}

export async function* followPages(o: FollowOptions): AsyncGenerator<FollowState> {
  const max = o.max ?? MAX_PAGES;
  const parts: Analysis[] = [o.first.analysis];
  const pages = initialPages(o.first.url, o.first.pagination);
  const seen = new Set([urlKey(o.first.url)]);
  const texts = new Set([fingerprint(o.first.analysis.text)]);
  let pagination = o.first.pagination;
  const state = (loading: number | null): FollowState => ({ parts: [...parts], pages: { ...pages, urls: [...pages.urls] }, loading });
  const stop = (url: string, reason: StopReason, extra: Partial<NonNullable<PageSet['stopped']>> = {}) => {
    pages.stopped = { url, reason, page: pages.first + parts.length, ...extra };
  };
  // A list's pager pages through other articles: only an article's pages are joined.
  for (; o.first.analysis.isArticle || o.given; ) {
    const suggested = nextOf(pagination);
    if (!o.given) {
      if (!suggested) break;
      if (seen.has(urlKey(suggested))) {
        stop(suggested, 'repeat');
        break;
      }
      if (originOf(suggested) !== originOf(o.first.url)) {
        stop(suggested, 'other-site');
        break;
      }
    }
    if (parts.length >= max) {
      if (suggested) stop(suggested, 'limit');
      break;
    }
    yield state(pages.first + parts.length);
    const fetched = await o.source(suggested, pages.first + parts.length);
    if (!fetched) break;
    if (!fetched.ok) {
      stop(fetched.url, fetched.problem === 'other-site' ? 'other-site' : 'failed', { problem: fetched.problem, status: fetched.status });
      break;
    }
    // A redirect back to a page already read (page 4 of 3 → page 3) ends the article too.
    if (seen.has(urlKey(fetched.url))) {
      stop(fetched.url, 'repeat');
      break;
    }
    let page: ReadPage;
    try {
      page = await o.read(fetched.html, fetched.url);
    } catch {
      stop(fetched.url, 'failed', { problem: 'not-html' });
      break;
    }
    if (!page.analysis.text.trim()) {
      stop(fetched.url, 'failed', { problem: 'empty' });
      break;
    }
    if (texts.has(fingerprint(page.analysis.text))) {
      stop(fetched.url, 'repeat');
      break;
    }
    if (!sameArticle(o.first.analysis, page.analysis)) {
      stop(fetched.url, 'other-article');
      break;
    }
    parts.push(page.analysis);
    pages.urls.push(fetched.url);
    seen.add(urlKey(fetched.url));
    if (suggested) seen.add(urlKey(suggested));
    texts.add(fingerprint(page.analysis.text));
    pagination = page.pagination;
    pages.total = Math.max(pages.total ?? 0, page.pagination?.total ?? 0, pages.urls.length + pages.first - 1) || null;
    pages.next = nextOf(pagination);
  }
  yield state(null);
}
