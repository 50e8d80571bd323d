// The background's side of quotes: one store, written here for pages and readers (the panel and
// the library read it too); every write is announced so tabs and readers showing that page
// re-highlight. A quote opened from the library scrolls into view once its page has loaded.

import { browser } from 'wxt/browser';
import { onMessage, sendMessage, type ScrollTarget } from '../utils/messages';
import { QUOTES_CHANNEL } from '../utils/quotes/channel';
import { normalizeQuote, urlKey, type Quote } from '../utils/quotes/model';
import { linkToQuote } from '../utils/quotes/open-at';
import { quoteFromDraft, saveQuotes, type PendingQueue } from '../utils/quotes/save';
import { openQuoteStore, type QuoteStore } from '../utils/quotes/store';
import type { Transformer } from '../utils/script/transform';
import { isExtensionPage, isOwn } from './senders';

export interface QuotesBackground {
  /** quotes saved for a page (by URL) */
  countFor(url: string): Promise<number>;
  /** a tab's page has loaded: scroll to the quote it was opened for, if any */
  pageLoaded(tabId: number): void;
}

export function serveQuotes(opts: {
  transform: Transformer;
  ready: Promise<unknown>;
  /** the tabs showing a page, by tab id, with their URLs */
  tabsShowing(key: string): number[];
  /** tells the reader frames (which Firefox does not reach with a broadcast) */
  tellReaders(key: string): void;
  /** loads the page's second script (highlights, scrolling) into a tab */
  loadPageTools(tabId: number): Promise<void>;
}): QuotesBackground {
  const { transform, ready } = opts;
  let store: Promise<QuoteStore> | null = null;
  const quotes = () => (store ??= openQuoteStore());
  const pending: PendingQueue = {
    load: async () => ((await browser.storage.local.get('pendingQuotes')).pendingQuotes as Quote[] | undefined) ?? [],
    save: (list) => browser.storage.local.set({ pendingQuotes: list }),
  };
  const changed = new BroadcastChannel(QUOTES_CHANNEL);
  /** Tabs and readers showing this page re-highlight; other extension pages refresh their lists. */
  const announce = async (keys: string[]) => {
    for (const key of new Set(keys)) {
      void sendMessage('quotes:changed', key).catch(() => {});
      opts.tellReaders(key);
      for (const tabId of opts.tabsShowing(key)) void sendMessage('quotes:changed', key, { tabId, frameId: 0 }).catch(() => {});
    }
    changed.postMessage({ keys });
  };
  changed.onmessage = (e) => void announce((e.data as { keys?: string[] })?.keys ?? []); // writes made by the library page
  const notAllowed = { ok: false as const, reason: 'error' as const, kept: false, message: 'not allowed' };

  onMessage('bg:saveQuote', async ({ data, sender }) => {
    if (!isOwn(sender)) return notAllowed;
    await ready;
    // The same words in the page's own script (a quote saved in Traditional on a Simplified page).
    let originalText = data.text;
    if (data.script !== 'original' && (data.pageScript === 'simplified' || data.pageScript === 'traditional')) {
      const to = data.pageScript === 'simplified' ? 'simplified' : 'traditional';
      originalText = (await transform({ texts: [data.text], ops: [{ kind: 'convert', to }] })).texts[0];
    }
    const quote = quoteFromDraft(data, originalText);
    const result = await saveQuotes(await quotes(), pending, [quote]);
    if (result.ok) await announce([quote.urlKey]);
    return result;
  });
  onMessage('bg:quotesFor', async ({ data, sender }) => (isOwn(sender) ? (await quotes()).forPage(urlKey(data)) : []));
  onMessage('bg:updateQuote', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return notAllowed;
    const quote = normalizeQuote({ ...data, updatedAt: Date.now() });
    if (!quote) return { ok: false, reason: 'error', kept: false, message: 'invalid quote' };
    const result = await saveQuotes(await quotes(), pending, [quote]);
    if (result.ok) await announce([quote.urlKey]);
    return result;
  });
  onMessage('bg:deleteQuotes', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return [];
    const removed = await (await quotes()).remove(data);
    await announce(removed.map((q) => q.urlKey));
    return removed;
  });
  onMessage('bg:restoreQuotes', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return notAllowed;
    const list = data.map(normalizeQuote).filter((q): q is Quote => q !== null);
    const result = await saveQuotes(await quotes(), pending, list);
    if (result.ok) await announce(list.map((q) => q.urlKey));
    return result;
  });

  // "Open in the page": the quote's text may not be the page's (saved in the reader, in another
  // script, through a repaired pinyin leak), so the browser's text fragment alone often misses;
  // the page's own highlighter places it as it places its highlight, and scrolls there.
  const scrollWhenLoaded = new Map<number, ScrollTarget>();
  onMessage('bg:openQuote', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return;
    const tab = await browser.tabs.create({ url: linkToQuote(data.url, data.text) });
    if (tab.id !== undefined) scrollWhenLoaded.set(tab.id, { kind: 'quote', id: data.id, text: data.text });
  });
  browser.tabs.onRemoved.addListener((tabId) => scrollWhenLoaded.delete(tabId));

  return {
    countFor: async (url) => (await (await quotes()).forPage(urlKey(url))).length,
    pageLoaded(tabId) {
      const target = scrollWhenLoaded.get(tabId);
      if (!target) return;
      scrollWhenLoaded.delete(tabId);
      void opts
        .loadPageTools(tabId)
        .then(() => sendMessage('page:scrollTo', target, { tabId, frameId: 0 }))
        .catch(() => {});
    },
  };
}
