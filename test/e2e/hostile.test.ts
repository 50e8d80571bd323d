// Hostile pages (test/fixtures/hostile): every payload there acts only when it runs outside the
// page's own http origin. So any dialog, any JINGDU-PWNED console line, and any request from our
// contexts to a host the page itself did not contact means something of the page ran or leaked
// into the reader, the panel or the library.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { FIXTURES } from '../helpers/corpus';
import { menu, tabIdOf, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;
const PAGES = readdirSync(join(FIXTURES, 'hostile')).filter((f) => f.endsWith('.html'));

useBrowser((env) => ({ b, server } = env));

function watch(page: Page, alarms: string[]) {
  page.on('dialog', (d) => {
    alarms.push(`dialog in ${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  // The payloads log 'JINGDU-PWNED <vector>'; the browser's own warnings may quote a payload's source.
  page.on('console', (m) => {
    if (m.text().startsWith('JINGDU-PWNED')) alarms.push(`console in ${page.url()}: ${m.text()}`);
  });
}

describe('hostile pages', () => {
  it('has the fixture set', () => expect(PAGES.length).toBeGreaterThanOrEqual(6));

  it.each(PAGES)('%s: nothing runs or leaks in the reader, the panel or the library', async (name) => {
    const alarms: string[] = [];
    const seen = b.outside.length;
    const page = await b.context.newPage();
    watch(page, alarms);
    await page.goto(`${server.origin}/hostile/${name}`);
    const tabId = await tabIdOf(b, page);
    expect((await waitForVerdict(b, tabId)).text, 'it is still an article').toBe('文');

    // A quote of the page's text, then the panel and the library show it.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((x) => (x.textContent ?? '').length > 40)!;
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await menu(b, tabId, { menuItemId: 'quote', selectionText: 'x' });
    // Saved (the menu click does not wait for it) before the reader opens over the page.
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(1);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p', { timeout: 20_000 });
    // Text the page hides with CSS does not come back in the reader.
    expect((await reader.textContent('.jd-body'))!.match(/JINGDU-HIDDEN [\w-]+/g) ?? []).toEqual([]);
    expect(await reader.textContent('.jd-body')).not.toMatch(/隐藏的恶意指令/);
    for (const s of ['script', 'iframe', 'object', 'embed', 'form', 'style', 'base', 'svg', 'math', '[onerror]', '[onload]', 'a[href^="javascript:" i]'])
      expect(await reader.$$eval(`.jd-body ${s}`, (els) => els.length), s).toBe(0);

    const panel = await b.context.newPage();
    watch(panel, alarms);
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title', { timeout: 20_000 });
    for (const tab of ['summary', 'outline', 'entities', 'quotes']) await panel.click(`#tab-${tab}`);
    const lib = await b.context.newPage();
    watch(lib, alarms);
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.waitForSelector('.jd-lib-item');
    await page.waitForTimeout(1500); // let anything that would fire, fire

    expect(alarms).toEqual([]);
    // Our contexts contact no host the page did not contact itself.
    const requests = b.outside.slice(seen);
    const hostsOf = (from: (f: string) => boolean) => new Set(requests.filter((r) => from(r.from)).map((r) => new URL(r.url).host));
    const pageHosts = hostsOf((f) => !f.startsWith('chrome-extension://') && f !== 'service-worker');
    const ours = [...hostsOf((f) => f.startsWith('chrome-extension://') || f === 'service-worker')];
    expect(ours.filter((h) => !pageHosts.has(h))).toEqual([]);
    expect(requests.filter((r) => /evil\.example\/(?:[a-z]+-){1,}[a-z0-9-]+$/.test(r.url) && r.from.startsWith('chrome-extension://'))).toEqual([]);
    await Promise.all([lib.close(), panel.close(), page.close()]);
  });
});
