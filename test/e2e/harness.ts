// Real Chromium with the built extension loaded (--load-extension into headless Chromium, the flags below).

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium';
import { ROOT } from '../helpers/corpus';
import { SETTINGS_VERSION } from '../../utils/settings/schema';
import { speechEnv } from './speech-env';

export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

export interface Browser {
  context: BrowserContext;
  /** requests that tried to leave the machine (refused), with the frame that made them */
  outside: Array<{ url: string; from: string }>;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** `speech`: real voices through speech-dispatcher and espeak-ng (see speech-env.ts). */
export async function launch(options: { speech?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'jingdu-e2e-'));
  const speech = options.speech ? speechEnv(mkdtempSync(join(tmpdir(), 'jingdu-speech-'))) : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ...(speech ? { env: speech.env } : {}),
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-precise-memory-info',
      ...(speech ? ['--enable-speech-dispatcher'] : []),
    ],
  });
  // Corpus pages reference their sites' scripts and images; nothing leaves the machine, and
  // refusing at once keeps pages from waiting on DNS.
  const outside: Browser['outside'] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    let from = 'service-worker';
    try {
      from = route.request().frame().url();
    } catch {
      // requests of a service worker have no frame
    }
    outside.push({ url: route.request().url(), from });
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // Installing opens the welcome page in a tab of its own; it would come to the front over the
  // first page a test opens (whose frames headless Chromium then draws once a second).
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      break;
    }
  }
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    outside,
    worker,
    extensionId,
    async close() {
      await context.close();
      speech?.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id the extension sees for a page (matched by URL). */
export async function tabIdOf(b: Browser, page: Page): Promise<number> {
  const url = page.url();
  return b.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    // The newest tab with this URL (tab ids only grow).
    const tab = tabs.filter((t) => t.url === u).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

export async function badge(b: Browser, tabId: number): Promise<{ text: string; title: string }> {
  return b.worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
}

/** Waits until the detector has reported (the tooltip changes from the default). */
export async function waitForVerdict(b: Browser, tabId: number, timeout = 15_000): Promise<{ text: string; title: string }> {
  const until = Date.now() + timeout;
  for (;;) {
    const state = await badge(b, tabId);
    if (/score|评分/.test(state.title)) return state;
    if (Date.now() > until) throw new Error(`no verdict for tab ${tabId}: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the toolbar button, Alt+R and the context menu all call. */
export async function toggleReader(b: Browser, tabId: number): Promise<void> {
  await b.worker.evaluate((id) => (globalThis as unknown as { jingdu: { toggleReader(id: number): Promise<void> } }).jingdu.toggleReader(id), tabId);
}

type MenuClick = { menuItemId: string; checked?: boolean; selectionText?: string };

/** What a context-menu click runs (headless Chromium has no menu to click). */
export async function menu(b: Browser, tabId: number, info: MenuClick): Promise<void> {
  await b.worker.evaluate(
    ([id, i]) => (globalThis as unknown as { jingdu: { menu(id: number, info: MenuClick): Promise<void> } }).jingdu.menu(id, i),
    [tabId, info] as const,
  );
}

/** Sets extension settings the way the options page will (through storage). */
export async function setSettings(b: Browser, change: Record<string, unknown>): Promise<void> {
  // With the version beside it, as WXT's storage writes it: a value without one is taken for a
  // version 1 object, and every context that reads it would migrate the change away.
  await b.worker.evaluate(
    async ([c, v]) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), ...c }, settings$: { v } });
    },
    [change, SETTINGS_VERSION] as const,
  );
}

/** The page's own DOM as HTML, without the hidden host of a reader prepared in advance (ours). */
export function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const html = document.documentElement.cloneNode(true) as Element;
    for (const host of html.querySelectorAll('jingdu-reader')) host.remove();
    return html.outerHTML;
  });
}

/** A reader frame of ours in the page, shown (its URL ends in `:open`) or waiting hidden. */
function ourReader(b: Browser, page: Page, shown: boolean): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith(`chrome-extension://${b.extensionId}/reader.html#`) && f.url().endsWith(':open') === shown);
}

/** The reader the page shows (a prepared one waits hidden, its URL without `:open`). */
export function readerFrame(b: Browser, page: Page): Frame | undefined {
  return ourReader(b, page, true);
}

/** Waits until the page holds a prepared reader (hidden) that has read its article and has nothing left to do. */
export async function waitForPrepared(b: Browser, page: Page, timeout = 15_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const f = ourReader(b, page, false);
    // Settled: the article is in and nothing has changed for 300 ms (idle callbacks never run in a
    // frame that is not rendered).
    const ready = () =>
      !!document.querySelector('.jd-body') &&
      new Promise<boolean>((resolve) => {
        let quiet = setTimeout(() => resolve(true), 300);
        new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(() => resolve(true), 300);
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    if (f && (await f.evaluate(ready).catch(() => false))) return f;
    if (Date.now() > until) throw new Error('no reader was prepared');
    await page.waitForTimeout(50);
  }
}

export async function waitForReader(b: Browser, page: Page, timeout = 15_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const f = readerFrame(b, page);
    if (f) return f;
    if (Date.now() > until) throw new Error('reader view did not open');
    await page.waitForTimeout(50);
  }
}

/** Waits until the article has stopped changing (marks and quotes can be redone once more after opening). */
export function settled(reader: Frame): Promise<unknown> {
  return reader.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quiet = setTimeout(resolve, 400);
        new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(resolve, 400);
        }).observe(document.querySelector('.jd-body')!, { subtree: true, childList: true });
      }),
  );
}

/** A screenshot to look at, when JINGDU_SHOTS names a folder (`JINGDU_SHOTS=/tmp/shots npx vitest run test/e2e/x.test.ts`). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.JINGDU_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * Makes our content script see its tab hidden or shown, with the browser's event. (Headless
 * Chromium keeps every tab visible; the page's own world cannot reach the script's, so this speaks
 * to the extension's isolated world through the DevTools protocol.)
 */
export async function setTabHidden(b: Browser, page: Page, hidden: boolean): Promise<void> {
  const cdp = await b.context.newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
    (cdp as unknown as { on(e: string, f: (x: { context: (typeof contexts)[number] }) => void): void }).on('Runtime.executionContextCreated', (e) => void contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin === `chrome-extension://${b.extensionId}`);
    if (!world) throw new Error('no content script in this page');
    await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `(() => {
        const hidden = ${hidden};
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      })()`,
    });
  } finally {
    await cdp.detach();
  }
}
