// The first page conversion after Chromium stopped the extension's service worker (it does so
// after ~30 s idle): from the command to the page's headline converted on screen. The worker is
// stopped through CDP (ServiceWorker.stopAllWorkers, from an extension page), then woken by an
// event as a menu click or keyboard command would wake it, and the command runs at once; the
// dictionaries are loaded anew inside that time. Both ends read the same wall clock.

import type { Page } from 'playwright-core';
import { tabIdOf, waitForVerdict, type Browser } from '../test/e2e/harness';

type Hooks = { jingdu: { menu(id: number, info: { menuItemId: string }): Promise<void> } };
type Status = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * Watches the extension's service worker through CDP from one of its pages: stops it, and waits
 * for a status. (Playwright keeps one Worker for the worker's target across restarts, and its
 * `close` comes late; CDP reports each state as it happens.)
 */
async function workerControl(b: Browser, extensionPage: Page) {
  const cdp = await b.context.newCDPSession(extensionPage);
  let status: Status | null = null;
  const waiting: Array<{ want: Status; done: () => void }> = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const mine = e.versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${b.extensionId}/`));
    if (!mine) return;
    status = mine.runningStatus as Status;
    for (const w of waiting.splice(0)) if (w.want === status) w.done();
    else waiting.push(w);
  });
  await cdp.send('ServiceWorker.enable');
  const until = (want: Status) => (status === want ? Promise.resolve() : new Promise<void>((done) => waiting.push({ want, done })));
  return {
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until('stopped');
    },
    /** Wakes the stopped worker with an event (a message no handler takes), as a click would. */
    async wake() {
      await extensionPage.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
      await until('running');
    },
    detach: () => cdp.detach(),
  };
}

export interface ColdConvert {
  /** ms from the command to the converted headline painted, one a run */
  runs: number[];
  /** the headline as it was converted (for the test to check) */
  headline: string;
}

/**
 * Converts `url`'s page to `target` right after a worker restart, `runs` times. `headline` is a
 * selector of text the page shows at once; the time ends at the frame after it changed.
 * `restart` false: the same with the worker left running (and its dictionaries loaded), for
 * comparison.
 */
export async function firstConvertAfterRestart(b: Browser, url: string, headline: string, target: string, runs: number, restart = true): Promise<ColdConvert> {
  const extensionPage = await b.context.newPage();
  await extensionPage.goto(`chrome-extension://${b.extensionId}/options.html`);
  const worker = await workerControl(b, extensionPage);
  const times: number[] = [];
  let converted = '';
  for (let i = 0; i < runs; i++) {
    const page = await b.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    if (restart) await worker.stop();
    await page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const before = el.textContent;
      const w = window as unknown as { convertedAt?: number };
      new MutationObserver((_, mo) => {
        if (el.textContent === before) return;
        mo.disconnect();
        requestAnimationFrame(() => (w.convertedAt = Date.now()));
      }).observe(el, { subtree: true, characterData: true, childList: true });
    }, headline);
    const t0 = Date.now();
    if (restart) await worker.wake();
    // The same Worker handle reaches the new worker (its target outlives the restart).
    await b.worker.evaluate(([id, to]) => (globalThis as unknown as Hooks).jingdu.menu(id, { menuItemId: `script:${to}` }), [tabId, target] as const);
    const at = await page.waitForFunction(() => (window as unknown as { convertedAt?: number }).convertedAt, undefined, { timeout: 30_000 });
    times.push((await at.jsonValue()) as number - t0);
    converted = (await page.textContent(headline)) ?? '';
    await page.close();
  }
  await worker.detach();
  await extensionPage.close();
  return { runs: times, headline: converted };
}
