// The extension makes no network request of its own: through a whole session (reader, script
// conversion, panel, quotes, library, options, welcome) nothing leaves the machine, and the
// background and our pages fetch nothing but their own files.
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { menu, tabIdOf, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env));

/** URLs a context fetched (Resource Timing), other than its own files. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => !/^(?:chrome-extension|moz-extension|data|blob):/.test(u));

describe('privacy', () => {
  it('a whole session makes no request beyond the page itself', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/sample/article.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await menu(b, tabId, { menuItemId: 'script:taiwan' });
    await expect.poll(() => page.textContent('h1')).toContain('國產');
    await menu(b, tabId, { menuItemId: 'script:original' });
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body mark');
    await reader.click('.jd-script-hongkong');
    const extensionPages = [];
    for (const [path, ready] of [[`sidepanel.html?tab=${tabId}`, 'main'], ['library.html', 'main'], ['options.html', 'main'], ['welcome.html', 'main'], ['sample/article.html', 'h1']]) {
      const p = await b.context.newPage();
      await p.goto(`chrome-extension://${b.extensionId}/${path}`);
      await p.waitForSelector(ready);
      extensionPages.push(p);
    }
    await page.waitForTimeout(1000);

    expect(b.outside.map((r) => r.url)).toEqual([]);
    expect(await b.worker.evaluate(fetched)).toEqual([]);
    expect(await reader.evaluate(fetched)).toEqual([]);
    for (const p of extensionPages) expect(await p.evaluate(fetched), p.url()).toEqual([]);
    await Promise.all([...extensionPages, page].map((p) => p.close()));
  });
});
