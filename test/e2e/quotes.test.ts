import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { menu, tabIdOf, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';
import { highlighted, select } from '../helpers/in-page';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

const QUOTE = '玉峰道路一路上雲氣山嵐滯留山頭';

describe('quotes end to end', () => {
  it('saves a quote from the selection bar, highlights it again after a reload and in the other script', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/pixnet/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const before = await page.evaluate(() => document.body.innerHTML.length);

    expect(await page.evaluate(select, QUOTE.slice(0, 10))).toBe(true);
    await page.evaluate(select, QUOTE);
    await page.mouse.move(5, 5);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await page.waitForSelector('jingdu-quote');
    // The bar sits in a closed shadow root; click its save button where it is drawn.
    const box = await page.evaluate(() => {
      const r = document.querySelector('jingdu-quote')!.getBoundingClientRect();
      return { x: r.left, y: r.top, height: r.height };
    });
    // One row of buttons: the note box stays folded away until the note button is pressed.
    expect(box.height).toBeLessThan(60);
    await page.mouse.click(box.x + 30, box.y + 18);
    await expect.poll(() => page.evaluate(highlighted)).toEqual([QUOTE]);
    // Highlighting changed nothing in the page's DOM (only the toast is ours, and it leaves).
    await expect.poll(() => page.evaluate(() => !document.querySelector('jingdu-toast, jingdu-quote')), { timeout: 6000 }).toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);

    await page.reload();
    await expect.poll(() => page.evaluate(highlighted), { timeout: 15_000 }).toEqual([QUOTE]);

    await menu(b, await tabIdOf(b, page), { menuItemId: 'script:simplified' });
    await expect.poll(() => page.evaluate(highlighted), { timeout: 15_000 }).toEqual(['玉峰道路一路上云气山岚滞留山头']);
    await menu(b, await tabIdOf(b, page), { menuItemId: 'script:original' });

    // The reader view marks it too.
    await toggleReader(b, await tabIdOf(b, page));
    const reader = await waitForReader(b, page);
    // Quote marks follow the entity tagger's answer (a worker), which a busy machine can delay; a
    // key entity inside the quote (玉峰) splits its mark in two, read together as one quote.
    await expect
      .poll(() => reader.evaluate(() => [...document.querySelectorAll('mark.jd-quote')].map((m) => m.textContent).join('')), { timeout: 10_000 })
      .toBe(QUOTE);
    await page.close();
  });

  it('saves from the reader view and from the context menu', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    // context menu on a page selection
    await page.evaluate(select, '不幸的是，对于希望能喝上一杯的太空探险者');
    await menu(b, tabId, { menuItemId: 'quote', selectionText: '不幸的是，对于希望能喝上一杯的太空探险者' });
    await expect.poll(() => page.evaluate(highlighted), { timeout: 10_000 }).toEqual(['不幸的是，对于希望能喝上一杯的太空探险者']);
    // the reader: select inside the article and use its bar
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p');
    await reader.evaluate(select, '翱翔于距地球数千公里的太空中');
    await reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    await reader.click('.jd-quotebar .jd-dot-green');
    await reader.click('.jd-quotebar-save');
    // A quote is marked in pieces where entity marks cut its text; its pieces share an id.
    const quoteTexts = () =>
      reader.evaluate(() => {
        const byId = new Map<string, string>();
        for (const m of document.querySelectorAll<HTMLElement>('mark.jd-quote-green')) byId.set(m.dataset.quoteId!, (byId.get(m.dataset.quoteId!) ?? '') + m.textContent);
        return [...byId.values()];
      });
    await expect.poll(quoteTexts).toEqual(['翱翔于距地球数千公里的太空中']);
    await page.close();
  });

  it('the library finds a quote by searching in the other script, exports, deletes, imports it back', async () => {
    const lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.waitForSelector('.jd-lib-item');
    await lib.fill('#q', '云气山岚'); // Simplified search for a quote saved in Traditional
    await expect.poll(() => lib.$$eval('.jd-lib-text', (els) => els.map((e) => e.textContent))).toEqual([QUOTE]);

    await lib.fill('#q', '');
    const count = await lib.$$eval('.jd-lib-item', (els) => els.length);
    expect(count).toBe(3);
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.click('text=/Export JSON|导出 JSON/')]);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(file).quotes).toHaveLength(3);

    await lib.click('.jd-check input');
    await lib.click('.jd-lib-bar .jd-danger');
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length)).toBe(0);
    // undo puts them back, then delete for good
    await lib.click('.jd-undo');
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length)).toBe(3);
    await lib.click('.jd-check input');
    await lib.click('.jd-lib-bar .jd-danger');
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length)).toBe(0);

    await lib.setInputFiles('#import', { name: 'quotes.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length)).toBe(3);
    await lib.fill('#q', '雲氣山嵐');
    await expect.poll(() => lib.$$eval('.jd-lib-text', (els) => els.map((e) => e.textContent))).toEqual([QUOTE]);

    // and the page highlights it again
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/pixnet/`);
    await expect.poll(() => page.evaluate(highlighted), { timeout: 15_000 }).toEqual([QUOTE]);
    await page.close();
    await lib.close();
  });

  it('shows a quote containing HTML as text everywhere', async () => {
    const page = await b.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const panel = await b.context.newPage();
    panel.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title');
    await panel.click('#tab-quotes');
    const first = panel.locator('.jd-quote-item').first();
    await first.locator('text=/Edit|编辑/').click();
    await panel.fill('.jd-quote-edit textarea', '<img src=x onerror=alert(1)><script>alert(2)</script>');
    await panel.click('.jd-quote-edit button[type=submit]');
    await expect.poll(() => panel.textContent('.jd-quote-note')).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(await panel.$$eval('.jd-quote-note img, .jd-quote-note script', (els) => els.length)).toBe(0);
    const lib = await b.context.newPage();
    lib.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await expect.poll(() => lib.textContent('.jd-lib-list')).toContain('<script>alert(2)</script>');
    expect(await lib.$$eval('.jd-lib-note img, .jd-lib-note script', (els) => els.length)).toBe(0);
    expect(dialogs).toEqual([]);
    await Promise.all([lib.close(), panel.close(), page.close()]);
  });
});
