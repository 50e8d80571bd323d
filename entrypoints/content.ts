// Runs on every page, so it stays tiny: detect the article in idle time, report the verdict, and
// open or close the reader overlay when asked. Extraction and all UI live in the reader page.

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage, type PageSnapshot, type ToggleResult } from '../utils/messages';
import { detectArticleSteps, type Verdict } from '../utils/page/detect';
import { mountOverlay, serializeDocument, type Overlay } from '../utils/page/overlay';
import { isOwn } from '../platform/senders';
import { t } from '../platform/i18n';

/** Run a generator in idle slices of ≤ 8 ms so detection never holds the page's main thread. */
function runIdle<T>(steps: Generator<void, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const idle = globalThis.requestIdleCallback ?? ((cb: IdleRequestCallback) => setTimeout(() => cb({ timeRemaining: () => 8, didTimeout: true }), 1));
    const slice = (deadline: IdleDeadline) => {
      try {
        const end = performance.now() + Math.min(8, Math.max(2, deadline.timeRemaining()));
        for (;;) {
          const r = steps.next();
          if (r.done) return resolve(r.value);
          if (performance.now() > end) break;
        }
        idle(slice, { timeout: 1000 });
      } catch (e) {
        reject(e);
      }
    };
    idle(slice, { timeout: 1000 });
  });
}

function documentKind(doc: Document): PageSnapshot['kind'] {
  if (doc.documentElement?.namespaceURI === 'http://www.w3.org/2000/svg') return 'svg';
  if (!(doc.documentElement instanceof HTMLHtmlElement)) return 'xml';
  return doc.body?.tagName === 'FRAMESET' ? 'frameset' : 'html';
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let overlay: Overlay | null = null;
    let snapshot: PageSnapshot | null = null;
    let verdict: Verdict | null = null;
    const report = () => sendMessage('bg:pageState', { verdict, readerOpen: overlay !== null }).catch(() => {
      // The extension was reloaded under us; the new content script reports instead.
    });

    const close = () => {
      overlay?.close();
      overlay = null;
      snapshot = null;
      void report();
    };

    const toggle = (): ToggleResult => {
      if (overlay) {
        close();
        return { open: false };
      }
      const kind = documentKind(document);
      if (kind === 'svg' || kind === 'xml') return { open: false, problem: kind };
      const html = serializeDocument(document);
      snapshot = { url: location.href, html, kind, size: html.length };
      overlay = mountOverlay(document, browser.runtime.getURL('/reader.html'), t('readerLabel'));
      void report();
      return { open: true };
    };

    onMessage('page:toggleReader', ({ sender }) => (isOwn(sender) ? toggle() : { open: false }));
    onMessage('page:closeReader', ({ sender }) => {
      if (isOwn(sender) && overlay) close();
    });
    onMessage('page:snapshot', ({ sender }) => (isOwn(sender) ? snapshot : null));

    // Esc on the page itself (focus left the reader) closes it too.
    ctx.addEventListener(window, 'keydown', (e) => {
      if (overlay && e.key === 'Escape' && !e.defaultPrevented) close();
    });
    ctx.onInvalidated(() => overlay?.close());

    if (window === window.top && documentKind(document) === 'html') {
      void runIdle(detectArticleSteps(document, location.href)).then((v) => {
        verdict = v;
        return report();
      });
    }
  },
});
