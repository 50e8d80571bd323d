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
import type { ScriptChoice, Settings } from '../utils/settings/schema';
import type { PagesView } from '../components/pages/PagesNotice';
import { inScript, transform, withReading } from './article';

const parse = (html: string, url: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  rebaseDocument(doc, url);
  return doc;
};

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

/**
 * The reader's side: once the reader is shown (a reader prepared hidden fetches nothing), each
 * joined page becomes the article, in the script shown at that moment, read a moment later.
 */
export async function joinInReader(o: {
  snapshot: PageSnapshot;
  first: Analysis;
  pagination: Pagination | null;
  settings: Settings;
  sanitizer: Sanitizer;
  shown: Promise<void>;
  script(): ScriptChoice;
  onPages(pages: PagesView): void;
  onArticle(base: Analysis, view: Analysis, pages: PagesView): void;
  onRead(view: Analysis, read: Analysis): void;
}): Promise<void> {
  if (!o.settings.reader.joinPages || !o.first.isArticle || !o.pagination) return;
  await o.shown;
  let joined = 1;
  const first = { url: o.snapshot.url, analysis: o.first, pagination: o.pagination };
  for await (const s of joinFollowingPages(first, o.settings, o.sanitizer)) {
    const pages: PagesView = { set: s.pages, loading: s.loading };
    if (s.parts.length === joined) {
      o.onPages(pages);
      continue;
    }
    joined = s.parts.length;
    const view = await inScript(s.article, o.script(), o.sanitizer, false);
    o.onArticle(s.article, view, pages);
    o.onRead(view, await withReading(view, o.sanitizer));
  }
}
