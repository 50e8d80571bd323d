// The Firefox package in real Firefox: what a user does first, once each. The full behaviour is
// held by the Chromium suite (test/e2e); this one proves the Firefox build runs the same way.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startServer, type FixtureServer } from '../../scripts/serve';
import { badge, extensionPage, launch, openPage, until, menu, pageHtml, readerFrame, tabIdOf, toggleReader, waitForReader, waitForVerdict, type Firefox } from './harness';
import { highlighted, quoteTexts, select } from '../helpers/in-page';

let ff: Firefox;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  ff = await launch();
}, 120_000);
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await openPage(ff, `${server.origin}${path}`);
  const tabId = await tabIdOf(ff, page);
  return { page, tabId };
}

const ARTICLE = '/fixtures/article-portal-div-content.html';
const TRADITIONAL = '/fixtures/article-traditional-tw.html';

describe('Firefox: detection on the toolbar button', () => {
  it('marks an article with the 文 badge and says so in the tooltip; a list page gets none', async () => {
    const article = await open(ARTICLE);
    const yes = await waitForVerdict(ff, article.tabId);
    expect(yes.text).toBe('文');
    expect(yes.title).toMatch(/article detected|检测到文章/);
    const list = await open('/fixtures/not-channel-list.html');
    const no = await waitForVerdict(ff, list.tabId);
    expect(no.text).toBe('');
    expect(no.title).toMatch(/not look like an article|不像文章/);
    await Promise.all([article.page.close(), list.page.close()]);
  });
});

describe('Firefox: reader view', () => {
  it('opens over the page with title, byline and body, and closes leaving DOM and scroll as they were', async () => {
    const { page, tabId } = await open(ARTICLE);
    await waitForVerdict(ff, tabId);
    await page.evaluate(() => window.scrollTo(0, 600));
    const before = { html: await pageHtml(page), y: await page.evaluate(() => window.scrollY) };
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(ff, tabId);
    const reader = await waitForReader(ff, page);
    await reader.waitForSelector('.jd-body p');
    expect(await reader.$eval('.jd-title', (e) => e.textContent)).toBe('长江中游城市群首条跨省城际铁路开通运营 沿线旅客出行时间缩短近一半');
    expect(await reader.$eval('.jd-body p', (e) => e.textContent)).toMatch(/^\s*新华社武汉7月27日电/);
    expect(await reader.$eval('.jd-meta', (e) => e.textContent)).toContain('张三');
    expect((await badge(ff, tabId)).text).toBe('读');
    // Entities come a moment later, from the tagger's worker.
    await reader.waitForSelector('.jd-body mark.jd-ent', { timeout: 20_000 });

    await toggleReader(ff, tabId);
    await expect.poll(() => readerFrame(ff, page)).toBeUndefined();
    expect(await page.evaluate(() => window.scrollY)).toBe(before.y);
    expect(await pageHtml(page)).toBe(before.html);
    await page.close();
  });
});

describe('Firefox: script conversion on the original page', () => {
  it('turns a Traditional page into Simplified and restores it to the byte', async () => {
    const { page, tabId } = await open(TRADITIONAL);
    await waitForVerdict(ff, tabId);
    const before = { html: await pageHtml(page), title: await page.title() };
    expect(before.html).toContain('農業部表示');

    await menu(ff, tabId, { menuItemId: 'script:simplified' });
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('农业部表示')), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await page.title()).toContain('台风过后农损逾3亿');

    await menu(ff, tabId, { menuItemId: 'script:original' });
    await expect.poll(() => pageHtml(page)).toBe(before.html);
    expect(await page.title()).toBe(before.title);
    await page.close();
  });
});

describe('Firefox: quotes', () => {
  const QUOTE = '農業部表示，這次農損主要集中在屏東縣';
  const IN_READER = '颱風挾帶的強風豪雨過去兩天橫掃中南部';
  const BY_MENU = '台南麻豆的文旦則正值中秋節前的採收旺季';

  it('saves a quote from the selection bar and highlights it again after a reload and in the reader', async () => {
    const { page, tabId } = await open(TRADITIONAL);
    await waitForVerdict(ff, tabId);
    const before = await page.evaluate(() => document.body.innerHTML.length);
    expect(await page.evaluate(select, QUOTE)).toBe(true);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await page.waitForSelector('jingdu-quote');
    // The bar sits in a closed shadow root; click its save button where it is drawn.
    const box = await page.evaluate(() => {
      const r = document.querySelector('jingdu-quote')!.getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    await page.mouse.click(box.x + 30, box.y + 18);
    await expect.poll(() => page.evaluate(highlighted), { timeout: 10_000 }).toEqual([QUOTE]);
    await expect.poll(() => page.evaluate(() => !document.querySelector('jingdu-toast, jingdu-quote')), { timeout: 6000 }).toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML.length)).toBe(before);

    await page.reload();
    await expect.poll(() => page.evaluate(highlighted), { timeout: 15_000 }).toEqual([QUOTE]);

    // The reader marks it too, and marks at once what is saved in it, from its bar and from the
    // context menu (the background reaches the reader frame: Firefox does not broadcast to it).
    await toggleReader(ff, await tabIdOf(ff, page));
    const reader = await waitForReader(ff, page);
    await expect.poll(() => reader.evaluate(quoteTexts, 'yellow'), { timeout: 10_000 }).toEqual([QUOTE]);
    await reader.waitForSelector('.jd-body mark.jd-ent', { timeout: 20_000 }); // entities re-render the body once
    expect(await reader.evaluate(select, IN_READER)).toBe(true);
    await reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    // The bar comes a moment after the mouseup (a timer, then a render); puppeteer's click does not wait for it.
    await reader.waitForSelector('.jd-quotebar .jd-dot-green', { timeout: 10_000 });
    await reader.click('.jd-quotebar .jd-dot-green');
    await reader.click('.jd-quotebar-save');
    await expect.poll(() => reader.evaluate(quoteTexts, 'green'), { timeout: 10_000 }).toEqual([IN_READER]);
    expect(await reader.evaluate(select, BY_MENU)).toBe(true);
    await menu(ff, await tabIdOf(ff, page), { menuItemId: 'quote', selectionText: BY_MENU });
    await expect.poll(() => reader.evaluate(quoteTexts, 'yellow'), { timeout: 10_000 }).toEqual([QUOTE, BY_MENU]);
    await page.close();
  });
});

describe('Firefox: sidebar page', () => {
  it('shows the article title, a summary and the saved quotes for its tab', async () => {
    const { page, tabId } = await open(TRADITIONAL);
    await waitForVerdict(ff, tabId);
    const panel = await extensionPage(ff, `sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title', { timeout: 20_000 });
    expect(await panel.$eval('.jd-panel-title', (e) => e.textContent)).toBe('颱風過後農損逾3億 中南部香蕉、文旦受創最重');
    await panel.waitForSelector('.jd-summary li', { timeout: 20_000 });
    expect((await panel.$$eval('.jd-summary li', (li) => li.length))).toBeGreaterThanOrEqual(2);
    await panel.click('#tab-quotes');
    // the three quotes saved above, the page's first
    await expect.poll(() => panel.$$eval('.jd-quote-item', (els) => els.map((e) => e.textContent ?? '')), { timeout: 10_000 }).toEqual([expect.stringContaining('農業部表示'), expect.anything(), expect.anything()]);
    await Promise.all([panel.close(), page.close()]);
  });

  it('with the reader open, scrolls the reader to a heading clicked in the outline', async () => {
    const { page, tabId } = await open('/fixtures/article-blog.html');
    await waitForVerdict(ff, tabId);
    await toggleReader(ff, tabId);
    const reader = await waitForReader(ff, page);
    await reader.waitForSelector('.jd-body p');
    const panel = await extensionPage(ff, `sidepanel.html?tab=${tabId}`, 'window'); // beside the page, as the sidebar is
    await panel.waitForSelector('.jd-panel-title', { timeout: 20_000 });
    await panel.click('#tab-outline');
    await panel.waitForSelector('.jd-outline button');
    const before = await reader.evaluate(() => scrollY);
    await panel.click('.jd-outline li:last-child button');
    await expect.poll(() => reader.evaluate(() => scrollY), { timeout: 8000 }).toBeGreaterThan(before + 300);
    await Promise.all([panel.close(), page.close()]);
  });
});

describe('Firefox: first run', () => {
  it('the welcome page opens the bundled sample as an article page, and the button opens its reader', async () => {
    const welcome = await extensionPage(ff, 'welcome.html');
    await welcome.waitForSelector('.jd-primary');
    await welcome.click('.jd-primary');
    // The sample opens in this tab, an extension page that loads our content scripts itself.
    await until('the sample page', () => welcome.evaluate(() => location.pathname === '/sample/article.html' && !!document.querySelector('jingdu-pointer')));
    const tabId = await welcome.evaluate(async () => (await (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ id: number }> } } }).browser.tabs.getCurrent()).id);
    expect((await waitForVerdict(ff, tabId)).text).toBe('文');
    // The driver lists no frames inside an extension page: the overlay and the badge tell.
    const shown = () => welcome.evaluate(() => /transform: none/.test(document.querySelector('jingdu-reader')?.getAttribute('style') ?? ''));
    await toggleReader(ff, tabId);
    await expect.poll(shown, { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await badge(ff, tabId)).text, { timeout: 10_000 }).toBe('读');
    await toggleReader(ff, tabId);
    await expect.poll(shown).toBe(false);
    await expect.poll(async () => (await badge(ff, tabId)).text).toBe('文');
    await welcome.close();
  });
});

describe('Firefox: the add-on itself', () => {
  it('creates all its menus (the toolbar button has its own)', async () => {
    const missing = await ff.control.evaluate(async () => {
      const menus = (globalThis as unknown as { browser: { contextMenus: { update(id: string, o: object): Promise<void> } } }).browser.contextMenus;
      const ids = ['reader', 'panel', 'script', 'script:simplified', 'site:always', 'repair', 'quote', 'switch', 'ascript', 'ascript:taiwan', 'library', 'copy', 'copy:taiwan'];
      const found = await Promise.all(ids.map((id) => menus.update(id, {}).then(() => true, () => false)));
      return ids.filter((_, i) => !found[i]);
    });
    expect(missing).toEqual([]);
  });

  it('threw no uncaught error or rejection in its scripts during the run, and asked nothing of the network', () => {
    expect(ff.errors).toEqual([]);
    // Firefox's own services (its settings updates) are all that tried to leave the machine.
    const hosts = new Set(ff.outside.map((line) => new URL(`http://${line.split(' ')[1].replace(/^https?:\/\//, '')}`).hostname));
    expect([...hosts].filter((h) => !/(?:^|\.)(?:mozilla\.(?:com|org|net)|firefox\.com)$/.test(h))).toEqual([]);
  });
});
