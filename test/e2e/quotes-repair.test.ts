// Quotes on a machine-converted page whose pinyin leaks (發(fā)布) the reader repairs: a quote saved
// in the reader is highlighted whole on the page, one saved on the page is marked in the reader,
// and "open in the page" from the library finds it there.
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { menu, tabIdOf, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';
import { select } from '../helpers/in-page';

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env));

const highlighted = () => {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('jingdu-quote-yellow');
  return h ? [...h].map((r) => r.toString()).sort() : [];
};

const readerQuotes = () => {
  const byId = new Map<string, string>();
  for (const m of document.querySelectorAll<HTMLElement>('mark.jd-quote')) byId.set(m.dataset.quoteId!, (byId.get(m.dataset.quoteId!) ?? '') + m.textContent);
  return [...byId.values()].sort();
};

describe('quotes across the pinyin repair', () => {
  it('reader ⇄ page, in both directions, and open in the page from the library', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-pinyin-annotated.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);

    // Saved on the page, with its leaks: the reader marks it in the repaired text.
    expect(await page.evaluate(select, '應用場(chǎng)景不斷拓展')).toBe(true);
    await menu(b, tabId, { menuItemId: 'quote', selectionText: '應用場(chǎng)景不斷拓展' });
    await expect.poll(() => page.evaluate(highlighted), { timeout: 10_000 }).toEqual(['應用場(chǎng)景不斷拓展']);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p');
    await expect.poll(() => reader.evaluate(readerQuotes), { timeout: 10_000 }).toEqual(['應用場景不斷拓展']);
    expect(await reader.locator('.jd-unplaced').count()).toBe(0);

    // Saved in the reader, over repaired words: the page highlights all of it, leaks included.
    expect(await reader.evaluate(select, '產業發展論壇6日在上海開幕')).toBe(true);
    await reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    await reader.click('.jd-quotebar-save');
    await expect.poll(() => reader.evaluate(readerQuotes)).toEqual(['應用場景不斷拓展', '產業發展論壇6日在上海開幕']);
    await toggleReader(b, tabId);
    await expect.poll(() => page.evaluate(highlighted), { timeout: 10_000 }).toEqual(['應用場(chǎng)景不斷拓展', '產(chǎn)業發(fā)展論壇6日在上海開(kāi)幕']);
    await page.close();

    // The library opens the page at the quote saved in the reader, whose text the page does not hold as such.
    const lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.fill('#q', '論壇6日');
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length)).toBe(1);
    const [opened] = await Promise.all([b.context.waitForEvent('page'), lib.click('.jd-lib-item .jd-lib-open')]);
    await expect.poll(() => opened.evaluate(() => getSelection()?.toString() ?? ''), { timeout: 15_000 }).toBe('產(chǎn)業發(fā)展論壇6日在上海開(kāi)幕');
    await Promise.all([opened.close(), lib.close()]);
  });

  it('a quote the article text does not hold is said to be elsewhere, not silently dropped', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-pinyin-annotated.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    // The footer is not part of the article the reader shows.
    expect(await page.evaluate(select, '刊用本網站稿件')).toBe(true);
    await menu(b, tabId, { menuItemId: 'quote', selectionText: '刊用本網站稿件' });
    await expect.poll(() => page.evaluate(highlighted), { timeout: 10_000 }).toContain('刊用本網站稿件');
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await expect.poll(() => reader.locator('.jd-unplaced').textContent(), { timeout: 10_000 }).toMatch(/1/);
    await page.close();
  });
});
