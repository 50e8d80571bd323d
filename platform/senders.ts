// Who may send what. Web pages cannot call runtime.sendMessage on us (no externally_connectable),
// but every handler still checks that a message comes from this extension and from the right place.

import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

export const isOwn = (s: Sender) => s.id === browser.runtime.id;

/** The bundled sample article, opened as a page of its own: it loads our content scripts itself (see sample-pointer.ts). */
export const SAMPLE_PAGE = '/sample/article.html';

/** A content script of ours, running in the top frame of a tab (or in the sample article's page). */
export const isTopContentScript = (s: Sender) =>
  isOwn(s) && s.tab?.id !== undefined && (s.frameId ?? 0) === 0 && (!s.url?.startsWith(browser.runtime.getURL('/')) || s.url.startsWith(browser.runtime.getURL(SAMPLE_PAGE)));

/** One of our own extension pages shown inside a tab (the reader iframe). */
export const isReaderPage = (s: Sender) => isOwn(s) && s.tab?.id !== undefined && !!s.url?.startsWith(browser.runtime.getURL('/reader.html'));

/** The background or another of our extension pages (never a content script). */
export const isExtensionPage = (s: Sender) => isOwn(s) && !!s.url?.startsWith(browser.runtime.getURL('/'));
