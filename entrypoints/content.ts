// Runs on every page, so it stays small: detect the article and the script in idle time, report to
// the background, open or close the reader overlay, and convert the page in place when asked (the
// conversion itself happens in the background; only text crosses over).

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage, type PagePlan, type PageSnapshot, type PageState, type ToggleResult } from '../utils/messages';
import { readPageSteps } from '../utils/page/detect';
import { mountOverlay, type Overlay } from '../utils/page/overlay';
import { serializeSteps } from '../utils/page/serialize';
import { contactedHosts, hiddenFromReaders } from '../utils/page/visibility';
import { detectScript } from '../utils/script/detect';
import { DomConverter } from '../utils/script/dom';
import { looksAnnotated } from '../utils/script/repair';
import { LANG_OF } from '../utils/script/targets';
import type { TextOp } from '../utils/script/transform';
import { isOwn } from '../platform/senders';
import { t } from '../platform/i18n';
import type { QuotesApi } from './page-tools.content';

/**
 * Run a generator in slices of ≤ 8 ms so we never hold the page's main thread: in idle time for
 * work nobody waits for (detection), back to back for work the reader asked for (the snapshot).
 */
function runSliced<T>(steps: Generator<void, T>, urgent = false): Promise<T> {
  return new Promise((resolve, reject) => {
    const idle = globalThis.requestIdleCallback ?? ((cb: IdleRequestCallback) => setTimeout(() => cb({ timeRemaining: () => 8, didTimeout: true }), 1));
    // A message task runs right after pending input and rendering, without setTimeout's 4 ms clamp.
    const channel = urgent ? new MessageChannel() : null;
    const next = () => (channel ? channel.port2.postMessage(null) : idle(slice, { timeout: 1000 }));
    const slice = (deadline?: IdleDeadline) => {
      try {
        const end = performance.now() + (deadline ? Math.min(8, Math.max(2, deadline.timeRemaining())) : 8);
        for (;;) {
          const r = steps.next();
          if (r.done) {
            channel?.port1.close();
            return resolve(r.value);
          }
          if (performance.now() > end) break;
        }
        next();
      } catch (e) {
        channel?.port1.close();
        reject(e);
      }
    };
    if (channel) channel.port1.onmessage = () => slice();
    next();
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
    // One instance per page: the background injects this script into a tab it finds without it (one
    // opened before install, or a click before document_idle), and the manifest's copy may still
    // arrive. A copy left from before an update has lost its extension (no runtime id): it does not
    // count.
    const world = globalThis as { jingduAlive?: () => boolean };
    if (world.jingduAlive?.()) return;
    world.jingduAlive = () => {
      try {
        return !!browser.runtime?.id;
      } catch {
        return false;
      }
    };
    let overlay: Overlay | null = null;
    let snapshot: Promise<PageSnapshot> | null = null;
    let readerToken: string | null = null;
    let container: Element | null = null; // the article body the detector found
    let converter: DomConverter | null = null;
    const quotesApi = () => (globalThis as { jingduQuotes?: QuotesApi }).jingduQuotes;
    const state: PageState = { verdict: null, readerOpen: false, script: 'none', pinyinHits: 0, target: null, repairing: false };

    const report = (): Promise<PagePlan> =>
      sendMessage('bg:pageState', { ...state, readerOpen: overlay !== null }).catch(() => {
        // The extension was reloaded under us; the new content script reports instead.
        return { target: null };
      });

    /** (Re)applies the wanted page transforms: restore what is there, then start over. */
    const applyTransforms = async () => {
      await converter?.restore();
      converter = null;
      const ops: TextOp[] = [];
      if (state.repairing) ops.push({ kind: 'repair', minHits: 1 });
      if (state.target) ops.push({ kind: 'convert', to: state.target, context: state.script });
      if (ops.length) {
        converter = new DomConverter(document, {
          lang: state.target ? LANG_OF[state.target] : undefined,
          transform: (texts) => sendMessage('bg:transform', { texts, ops }).then((r) => r.texts),
        });
        await converter.start();
      }
      void report();
      quotesApi()?.refresh(); // the text changed under the highlights
    };

    const close = () => {
      overlay?.close();
      overlay = null;
      snapshot = null;
      readerToken = null;
      void report();
    };

    /**
     * The page as the site sent it (even while we show it converted), serialized in short back-to-back
     * slices (someone is waiting for it), without what the page hides from its readers inside the article.
     */
    const takeSnapshot = async (): Promise<PageSnapshot> => {
      const body = container;
      const inArticle = (el: Element) => !!body && (el === body || body.contains(el) || el.contains(body));
      const backgrounds = new Map();
      const html = await runSliced(
        serializeSteps(document, {
          ...converter?.originals(),
          walk: inArticle,
          skip: (el) => !!body && body !== el && body.contains(el) && hiddenFromReaders(el, backgrounds),
        }),
        true,
      );
      return { url: location.href, html, kind: documentKind(document), size: html.length, imageHosts: contactedHosts(document) };
    };

    const toggle = (): ToggleResult => {
      if (overlay) {
        close();
        return { open: false };
      }
      const kind = documentKind(document);
      if (kind === 'svg' || kind === 'xml') return { open: false, problem: kind };
      // reader.html is web-accessible, so a page could frame it too: only the frame we made knows the
      // token that unlocks the snapshot (it sits in a closed shadow root the page cannot read).
      readerToken = crypto.randomUUID();
      overlay = mountOverlay(document, browser.runtime.getURL(`/reader.html#${readerToken}`), t('readerLabel'));
      snapshot = takeSnapshot(); // while the reader loads and shows its spinner
      void report();
      return { open: true };
    };

    onMessage('page:toggleReader', ({ sender }) => (isOwn(sender) ? toggle() : { open: false }));
    onMessage('page:closeReader', ({ sender }) => {
      if (isOwn(sender) && overlay) close();
    });
    onMessage('page:snapshot', ({ data, sender }) => (isOwn(sender) && readerToken && data === readerToken ? snapshot : null));
    onMessage('page:serialize', ({ sender }) => (isOwn(sender) && documentKind(document) === 'html' ? takeSnapshot() : null));
    onMessage('page:setScript', ({ data, sender }) => {
      if (!isOwn(sender) || data === state.target) return;
      state.target = data;
      void applyTransforms();
    });
    onMessage('page:repairPinyin', ({ data, sender }) => {
      if (!isOwn(sender) || data === state.repairing) return;
      state.repairing = data;
      void applyTransforms();
    });
    // Quotes: the save bar and the highlights live in a second script, loaded on first use.
    const loadQuotes = async () => quotesApi() ?? ((await sendMessage('bg:loadPageTools').catch(() => false)) ? quotesApi() : undefined);
    const highlightQuotes = () => void loadQuotes().then((api) => api?.refresh());
    (globalThis as { jingduPage?: { state: PageState } }).jingduPage = { state };
    const onSelect = () => {
      const sel = getSelection();
      if (!sel || sel.isCollapsed || overlay) return;
      const node = sel.anchorNode;
      const el = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
      if (el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], jingdu-quote')) return;
      void loadQuotes().then((api) => api?.offer());
    };
    onMessage('page:saveSelection', async ({ sender }) => isOwn(sender) && !overlay && !!(await loadQuotes())?.saveSelection());
    ctx.addEventListener(document, 'mouseup', (e) => {
      // A click on our own save bar is not a new selection.
      if ((e.target as Element | null)?.tagName !== 'JINGDU-QUOTE') setTimeout(onSelect, 10);
    });
    ctx.addEventListener(document, 'keyup', (e) => {
      if ((e as KeyboardEvent).shiftKey) setTimeout(onSelect, 10);
    });

    // Esc on the page itself (focus left the reader) closes it too.
    ctx.addEventListener(window, 'keydown', (e) => {
      if (overlay && e.key === 'Escape' && !e.defaultPrevented) close();
    });
    ctx.onInvalidated(() => {
      overlay?.close();
      void converter?.restore();
    });

    if (window === window.top && documentKind(document) === 'html') {
      void runSliced(readPageSteps(document, location.href)).then(async ({ verdict, sample, container: found }) => {
        state.verdict = verdict;
        container = found;
        state.script = detectScript(`${document.title}\n${sample}`);
        state.pinyinHits = looksAnnotated(sample);
        const plan = await report();
        if (plan?.target && !state.target) {
          state.target = plan.target;
          await applyTransforms();
        }
        if (plan?.quotes) highlightQuotes();
      });
    }
  },
});
