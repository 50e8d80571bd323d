// Multi-page articles in extension pages (the reader and the side panel): find the pager in the
// snapshot, fetch each following page through the tab (platform/pages-background.ts), read it with
// the same pipeline as the first, and hand back the joined article after every page.

import { analyzeDocument, type Analysis } from '../utils/analyze';
import { sendMessage, type PageSnapshot } from '../utils/messages';
import { rebaseDocument } from '../utils/page/rebase';
import { base64Bytes, decodeFetched } from '../utils/pages/decode';
import { followPages, type Fetched, type FollowState, type ReadPage } from '../utils/pages/follow';
import { joinParts } from '../utils/pages/join';
import { findPagination, type Pagination } from '../utils/pages/pager';
import type { Sanitizer } from '../utils/page/sanitize';
import type { Settings } from '../utils/settings/schema';
import { transform } from './article';

const parse = (html: string, url: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  rebaseDocument(doc, url);
  return doc;
};

/** The snapshot's pager (parsed again: the reader's first parse was consumed by extraction). */
export function paginationOf(snapshot: PageSnapshot): Pagination | null {
  return findPagination(parse(snapshot.html, snapshot.url), snapshot.url);
}

async function readPage(html: string, url: string, settings: Settings, sanitizer: Sanitizer): Promise<ReadPage> {
  const doc = parse(html, url);
  const pagination = findPagination(doc, url);
  const analysis = await analyzeDocument(doc, { url, sanitizer, repair: settings.script.repairPinyin, transform, read: false });
  return { analysis, pagination };
}

async function fetchPage(url: string, tabId: number | undefined): Promise<Fetched> {
  const r = await sendMessage('bg:fetchPage', { tabId, url }).catch(() => ({ ok: false as const, url, problem: 'network' as const }));
  if (!r.ok) return r;
  return { ok: true, url: r.url, html: decodeFetched(base64Bytes(r.body), r.contentType) };
}

export interface JoinedState extends FollowState {
  /** the joined article (outline, summary and entities not read yet) */
  article: Analysis;
}

/**
 * The article's following pages, joined after each one. `tabId` is for the panel (the reader asks
 * for its own tab). Nothing is fetched when the setting is off or the page has no pager.
 */
export async function* joinFollowingPages(
  first: { url: string; analysis: Analysis; pagination: Pagination | null },
  settings: Settings,
  sanitizer: Sanitizer,
  tabId?: number,
): AsyncGenerator<JoinedState> {
  if (!settings.reader.joinPages || !first.pagination) return;
  for await (const state of followPages({
    first,
    source: async (suggested) => (suggested ? fetchPage(suggested, tabId) : null),
    read: (html, url) => readPage(html, url, settings, sanitizer),
  })) {
    yield { ...state, article: joinParts(state.parts) };
  }
}
