// Runs on every page, so it stays small: detect the article and the script in idle time, report to
// the background, open or close the reader overlay, and convert the page in place when asked (the
// conversion itself happens in the background; only text crosses over).

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage, type PagePlan, type PageSnapshot, type PageState, type ToggleResult } from '../utils/messages';
import { readPageSteps, type PageReading } from '../utils/page/detect';
import { firstScreenHtml } from '../utils/page/first-screen';
import { mountOverlay, type Overlay } from '../utils/page/overlay';
import { serializeSteps } from '../utils/page/serialize';
import { contactedHosts, hiddenFromReaders, visibilityCache } from '../utils/page/visibility';
import { detectScript } from '../utils/script/detect';
import type { DomConverter } from '../utils/script/dom';
import { looksAnnotated, MIN_HITS } from '../utils/script/repair';
import { LANG_OF, type Target } from '../utils/script/targets';
import type { TextOp } from '../utils/script/transform';
import { isOwn } from '../platform/senders';
import { t } from '../platform/i18n';
import type { QuotesApi } from './page-tools.content';
import type { PageScript } from '../utils/page/scripts';

/** How a sliced job runs: in idle time, or back to back once someone waits for it (it can change midway). */
interface Pace {
  urgent: boolean;
  /** switches a job running in idle time to back to back, at once */
  hurry?: () => void;
}

/**
 * Run a generator in slices of ≤ 8 ms so we never hold the page's main thread: in idle time for
 * work nobody waits for (detection, preparing the reader), back to back for work the reader asked
 * for (the snapshot).
 */
function runSliced<T>(steps: Generator<void, T>, pace: Pace = { urgent: false }): Promise<T> {
  return new Promise((resolve, reject) => {
    // A message task runs right after pending input and rendering, without setTimeout's 4 ms clamp.
    const channel = new MessageChannel();
    let idle = 0;
    const next = () => (pace.urgent ? channel.port2.postMessage(null) : (idle = requestIdleCallback(slice, { timeout: 1000 })));
    // Going urgent comes with showing the reader's frame: the first slice waits for the frame the
    // browser draws it in, so the style and layout that showing it costs are the browser's
    // rendering, not forced inside our first slice by its hidden-text checks.
    const nextFrame = () => (document.hidden ? next() : requestAnimationFrame(() => next()));
    pace.hurry = () => {
      if (pace.urgent) return;
      pace.urgent = true;
      cancelIdleCallback(idle);
      nextFrame();
    };
    const slice = (deadline?: IdleDeadline) => {
      try {
        const end = performance.now() + (deadline && !pace.urgent ? Math.min(8, Math.max(2, deadline.timeRemaining())) : 8);
        for (;;) {
          const r = steps.next();
          if (r.done) {
            channel.port1.close();
            return resolve(r.value);
          }
          if (performance.now() > end) break;
        }
        next();
      } catch (e) {
        channel.port1.close();
        reject(e);
      }
    };
    channel.port1.onmessage = () => slice();
    if (pace.urgent) nextFrame();
    else next();
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
    let overlay: Overlay | null = null; // the reader's frame: shown, or hidden and prepared
    let open = false;
    let snapshot: Promise<PageSnapshot> | null = null;
    let pace: Pace = { urgent: true };
    let changed = false; // the article changed after the snapshot was taken
    let watcher: MutationObserver | null = null;
    let readerToken: string | null = null;
    let container: Element | null = null; // the article body the detector found
    let lead: PageReading['lead'] = null; // its headline and first paragraphs
    let converter: DomConverter | null = null;
    let transforms = 0; // the latest applyTransforms call: an older one that wakes up gives way
    let plan: PagePlan = { target: null };
    let dropTimer: ReturnType<typeof setTimeout> | undefined;
    const shared = globalThis as { jingduQuotes?: QuotesApi; jingduConverter?: typeof DomConverter };
    const quotesApi = () => shared.jingduQuotes;
    /** The page's other scripts share this world; each is loaded on first use (utils/page/scripts.ts). */
    const load = async <T>(script: PageScript, get: () => T | undefined): Promise<T | undefined> =>
      get() ?? ((await sendMessage('bg:loadPageScript', script).catch(() => false)) ? get() : undefined);
    const state: PageState = { verdict: null, readerOpen: false, script: 'none', pinyinHits: 0, target: null, repairing: false };

    const report = (): Promise<PagePlan> =>
      sendMessage('bg:pageState', { ...state, readerOpen: open }).catch(() => {
        // The extension was reloaded under us; the new content script reports instead.
        return { target: null };
      });

    /**
     * The page in another script is repaired of its pinyin leaks as the reader is (the setting
     * says whether); "original" gives it back as the site sent it, leaks and all.
     */
    const showIn = (target: Target | null) => {
      state.target = target;
      state.repairing = !!target && !!plan.repair && state.pinyinHits >= MIN_HITS;
    };

    /** (Re)applies the wanted page transforms: restore what is there, then start over. */
    const applyTransforms = async () => {
      const mine = ++transforms;
      const ops: TextOp[] = [];
      if (state.repairing) ops.push({ kind: 'repair', minHits: 1 });
      if (state.target) ops.push({ kind: 'convert', to: state.target, context: state.script, declared: document.documentElement.getAttribute('lang') });
      const Converter = ops.length ? await load('convert', () => shared.jingduConverter) : undefined;
      if (mine !== transforms) return;
      await converter?.restore();
      converter = null;
      if (mine !== transforms) return;
      if (ops.length && !Converter) showIn(null); // the converter could not be loaded: the page stays as it is, and says so
      else if (Converter) {
        converter = new Converter(document, {
          lang: state.target ? LANG_OF[state.target] : undefined,
          transform: (texts) => sendMessage('bg:transform', { texts, ops }).then((r) => r.texts),
        });
        await converter.start();
      }
      void report();
      quotesApi()?.refresh(); // the text changed under the highlights
    };

    const snapshotOf = (html: string): PageSnapshot => ({ url: location.href, html, kind: documentKind(document), size: html.length, imageHosts: contactedHosts(document) });

    /**
     * The page as the site sent it (even while we show it converted), serialized in short slices,
     * without what the page hides from its readers inside the article.
     */
    const takeSnapshot = async (how: Pace): Promise<PageSnapshot> => {
      const body = container;
      const inArticle = (el: Element) => !!body && (el === body || body.contains(el) || el.contains(body));
      const seen = visibilityCache();
      const html = await runSliced(
        serializeSteps(document, {
          ...converter?.originals(),
          inert: true,
          walk: inArticle,
          skip: (el) => !!body && body !== el && body.contains(el) && hiddenFromReaders(el, seen),
        }),
        how,
      );
      return snapshotOf(html);
    };

    /** The headline and first paragraphs alone, at once: the reader shows them while it reads the rest. */
    const takeFirstScreen = (): PageSnapshot | null => {
      const seen = visibilityCache();
      const html = firstScreenHtml(document, lead, { ...converter?.originals(), inert: true, skip: (el) => hiddenFromReaders(el, seen) });
      return html === null ? null : snapshotOf(html);
    };

    /** A new snapshot for the reader, and a watch on the article until it changes (our own conversion aside). */
    const snap = (urgent: boolean) => {
      snapshot = takeSnapshot((pace = { urgent }));
      changed = false;
      watcher?.disconnect();
      watcher = new MutationObserver((records) => {
        const texts = converter?.originals().text;
        changed = !container?.isConnected || records.some((r) => container!.contains(r.target) && !(r.type === 'characterData' && texts?.(r.target as Text) !== undefined));
        if (changed) watcher?.disconnect();
      });
      watcher.observe(document.body, { childList: true, characterData: true, subtree: true });
    };

    /** The reader's address: #<token> while it waits hidden, #<token>:open once shown. */
    const readerUrl = (shown: boolean) => browser.runtime.getURL(`/reader.html#${readerToken}${shown ? ':open' : ''}`);

    const mount = (shown: boolean) => {
      // reader.html is web-accessible, so a page could frame it too: only the frame we made knows the
      // token that unlocks the snapshot (it sits in a closed shadow root the page cannot read).
      readerToken = crypto.randomUUID();
      overlay = mountOverlay(document, readerUrl(shown), t('readerLabel'), shown);
    };

    const drop = () => {
      overlay?.close();
      overlay = null;
      open = false;
      readerToken = null;
    };

    /**
     * On an article in view, the reader loads and reads it in idle time, hidden: a click then only
     * shows it. Not on pages so big that holding their snapshot would cost the tab real memory.
     */
    const prepare = () => {
      clearTimeout(dropTimer);
      const html = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      if (overlay || !plan.prepare || !state.verdict?.isArticle || document.hidden || (html?.decodedBodySize ?? 0) > 3e6 || document.getElementsByTagName('*').length > 30_000) return;
      if (!snapshot || changed) snap(false);
      mount(false);
    };

    const forget = () => {
      drop();
      snapshot = null;
      watcher?.disconnect();
    };

    const close = () => {
      if (changed) forget();
      else drop();
      void report();
      requestIdleCallback(prepare, { timeout: 2000 });
    };

    const toggle = (): ToggleResult => {
      if (open) {
        close();
        return { open: false };
      }
      const kind = documentKind(document);
      if (kind === 'svg' || kind === 'xml') return { open: false, problem: kind };
      if (overlay && !overlay.frame.isConnected) drop(); // the page threw our prepared frame out
      if (changed) forget(); // the article changed since the reader read it: read the page as it is now
      // A reader not prepared in advance shows the first screen while it reads the rest: taken now,
      // it goes with the answer, so the reader need not wait for the page's thread (busy with the snapshot).
      const first = overlay ? null : takeFirstScreen();
      if (snapshot) pace.hurry?.(); // it may still be in the making, in idle time
      else snap(true);
      if (overlay) overlay.show(readerUrl(true));
      else mount(true);
      open = true;
      void report();
      return first ? { open: true, firstScreen: { token: readerToken!, snapshot: first } } : { open: true };
    };

    onMessage('page:toggleReader', ({ sender }) => (isOwn(sender) ? toggle() : { open: false }));
    onMessage('page:closeReader', ({ sender }) => {
      if (isOwn(sender) && open) close();
    });
    onMessage('page:snapshot', ({ data, sender }) => {
      if (!isOwn(sender) || !readerToken || data !== readerToken) return null;
      overlay?.running();
      return snapshot;
    });
    onMessage('page:serialize', ({ sender }) => (isOwn(sender) && documentKind(document) === 'html' ? takeSnapshot({ urgent: true }) : null));
    onMessage('page:setScript', ({ data, sender }) => {
      if (!isOwn(sender) || data === state.target) return;
      showIn(data);
      void applyTransforms();
    });
    onMessage('page:repairPinyin', ({ data, sender }) => {
      if (!isOwn(sender) || data === state.repairing) return;
      state.repairing = data;
      void applyTransforms();
    });
    // Quotes: the save bar and the highlights live in a second script, loaded on first use.
    const loadQuotes = () => load('tools', quotesApi);
    const highlightQuotes = () => void loadQuotes().then((api) => api?.refresh());
    (globalThis as { jingduPage?: { state: PageState } }).jingduPage = { state };
    const onSelect = () => {
      const sel = getSelection();
      if (!sel || sel.isCollapsed || open) return;
      const node = sel.anchorNode;
      const el = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
      if (el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], jingdu-quote')) return;
      void loadQuotes().then((api) => api?.offer());
    };
    onMessage('page:saveSelection', async ({ sender }) => isOwn(sender) && !open && !!(await loadQuotes())?.saveSelection());
    ctx.addEventListener(document, 'mouseup', (e) => {
      // A click on our own save bar is not a new selection.
      if ((e.target as Element | null)?.tagName !== 'JINGDU-QUOTE') setTimeout(onSelect, 10);
    });
    ctx.addEventListener(document, 'keyup', (e) => {
      if ((e as KeyboardEvent).shiftKey) setTimeout(onSelect, 10);
    });

    // Esc on the page itself (focus left the reader) closes it too.
    ctx.addEventListener(window, 'keydown', (e) => {
      if (open && e.key === 'Escape' && !e.defaultPrevented) close();
    });
    // A hidden tab gives its prepared reader back (~6 MB a tab, bench/reader-memory.ts) once it has
    // stayed hidden a while: a glance at another tab keeps it, a tab left behind does not hold it.
    // It is prepared again, in idle time, when shown.
    ctx.addEventListener(document, 'visibilitychange', () => {
      clearTimeout(dropTimer);
      if (!document.hidden) requestIdleCallback(prepare, { timeout: 2000 });
      else if (!open) dropTimer = setTimeout(forget, 20_000);
    });
    ctx.onInvalidated(() => {
      overlay?.close();
      void converter?.restore();
    });

    if (window === window.top && documentKind(document) === 'html') {
      void runSliced(readPageSteps(document, location.href)).then(async ({ verdict, sample, container: found, lead: first }) => {
        state.verdict = verdict;
        container = found;
        lead = first;
        state.script = detectScript(`${document.title}\n${sample}`);
        state.pinyinHits = looksAnnotated(sample);
        plan = await report();
        if (plan.target && !state.target) {
          showIn(plan.target);
          await applyTransforms();
        }
        if (plan.quotes) highlightQuotes();
        requestIdleCallback(prepare, { timeout: 2000 });
      });
    }
  },
});
