// Multi-page articles in real Chromium: a three-page article (pages 2 and 3 in GBK) joined in the
// reader, fetched by the tab one page at a time with the page's cookies; a "next" link to another
// article left out; a pager that loops; a page that fails; the setting that turns it off; and a
// quote saved on page 2 that comes back on page 2 alone and in the joined reader.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { FixtureServer, Routes } from '../../scripts/serve';
import { FIXTURES } from '../helpers/corpus';
import { pageHtml, setSettings, tabIdOf, toggleReader, waitForReader, waitForVerdict, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';
import { highlighted, select } from '../helpers/in-page';

const DIR = join(FIXTURES, 'multipage');
const file = (f: string) => readFileSync(join(DIR, f));
const UTF8 = 'text/html; charset=utf-8';
const routes: Routes = {
  '/mp/a/story.html': [UTF8, file('story.html')],
  '/mp/a/story_2.html': ['text/html', file('story_2.html')], // no charset from the server: the page's own <meta charset="gbk">
  '/mp/a/story_3.html': ['text/html; charset=GBK', file('story_3.html')],
  '/mp/b/report.html': [UTF8, file('report.html')],
  '/mp/b/harbor.html': [UTF8, file('harbor.html')],
  '/mp/c/index.html': [UTF8, file('loop/index.html')],
  '/mp/c/index_1.html': [UTF8, file('loop/index_1.html')],
  '/mp/c/index_2.html': [UTF8, file('loop/index_2.html')],
  '/mp/d/column.html': [UTF8, file('column.html')],
  '/mp/d/column.html?page=2': ['text/plain', 'server error', 500],
};

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env), routes);

const requested = (path: string) => server.requests.filter((r) => r.path === path);
const bodyText = (reader: Frame) => reader.evaluate(() => document.querySelector('.jd-body')?.textContent ?? '');
const breaks = (reader: Frame) => reader.evaluate(() => [...document.querySelectorAll<HTMLElement>('.jd-page-break')].map((d) => d.dataset.label));
const meta = (reader: Frame) => reader.evaluate(() => document.querySelector('.jd-meta')?.textContent ?? '');
/** Done: nothing is being fetched any more (the status line says which page while it is). */
const settled = (reader: Frame) => expect.poll(() => reader.evaluate(() => !!document.querySelector('.jd-body p') && !/Loading page|正在载入/.test(document.body.textContent ?? '')), { timeout: 30_000 }).toBe(true);

async function openReader(path: string, before?: (page: Page) => Promise<void>) {
  const page = await b.context.newPage();
  await page.goto(`${server.origin}${path}`);
  const tabId = await tabIdOf(b, page);
  await waitForVerdict(b, tabId);
  await before?.(page);
  const html = await pageHtml(page);
  await toggleReader(b, tabId);
  const reader = await waitForReader(b, page);
  await reader.waitForSelector('.jd-body p');
  return { page, tabId, reader, html };
}

const quoteMarks = (reader: Frame) =>
  reader.evaluate(() => {
    const byId = new Map<string, string>();
    for (const m of document.querySelectorAll<HTMLElement>('mark.jd-quote')) byId.set(m.dataset.quoteId!, (byId.get(m.dataset.quoteId!) ?? '') + m.textContent);
    return [...byId.values()];
  });
const PAGE2_QUOTE = '刚开始，直播间里只有十几个人';

describe('multi-page articles', () => {
  it('joins a three-page article (GBK pages among them) in the reader, fetched by the tab one page at a time', async () => {
    const { page, reader, html } = await openReader('/mp/a/story.html', async (p) => {
      // A prepared reader waits hidden and fetches nothing: only an opened reader follows pages.
      await p.waitForTimeout(1500);
      expect(requested('/mp/a/story_2.html')).toEqual([]);
      await p.evaluate(() => (document.cookie = 'visitor=tea-reader; path=/'));
    });
    await expect.poll(() => breaks(reader), { timeout: 30_000 }).toEqual([expect.stringMatching(/2/), expect.stringMatching(/3/)]);
    await settled(reader);
    const text = await bodyText(reader);
    expect(text).toContain('青岚镇坐落在山城西南'); // page 1 (UTF-8)
    expect(text).toContain('直播间里的春茶'); // page 2 (GBK, charset from its <meta>)
    expect(text).toContain('青岚的路会越走越宽'); // page 3 (GBK, charset from the server)
    expect(text).not.toMatch(/热门文章|网友评论|下一页|\ufffd/);
    expect(await meta(reader)).toMatch(/3 pages|共 3 页/);
    // One request per page, in order, with the page's own cookie; no list or comment pagers.
    expect(requested('/mp/a/story_2.html')).toHaveLength(1);
    expect(requested('/mp/a/story_3.html')).toHaveLength(1);
    const order = server.requests.map((r) => r.path).filter((p) => /story_\d/.test(p));
    expect(order).toEqual(['/mp/a/story_2.html', '/mp/a/story_3.html']);
    expect(requested('/mp/a/story_2.html')[0].cookie).toContain('visitor=tea-reader');
    expect(server.requests.some((r) => /hot\?page|cpage/.test(r.path))).toBe(false);
    // The outline covers every page.
    expect(await reader.evaluate(() => document.querySelectorAll('.jd-page-break').length)).toBe(2);

    await reader.evaluate(() => document.querySelector('.jd-page-break')!.scrollIntoView({ block: 'center' }));
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.waitForTimeout(400);
    await shot(page, 'pages-divider');
    await reader.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(200);
    await shot(page, 'pages-header');

    // The original page is never changed.
    await toggleReader(b, await tabIdOf(b, page));
    await expect.poll(() => pageHtml(page)).toBe(html);
    await page.close();
  });

  it('keeps a quote saved on page 2 with page 2: on page 2 alone, in its reader, and in the joined reader', async () => {
    const first = await openReader('/mp/a/story.html');
    await expect.poll(() => breaks(first.reader), { timeout: 30_000 }).toHaveLength(2);
    await settled(first.reader);
    expect(await first.reader.evaluate(select, PAGE2_QUOTE)).toBe(true);
    await first.reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    await first.reader.click('.jd-quotebar-save');
    await expect.poll(() => quoteMarks(first.reader), { timeout: 15_000 }).toEqual([PAGE2_QUOTE]);
    // It sits in page 2's part of the joined article.
    expect(await first.reader.evaluate((q) => [...document.querySelectorAll('.jd-body > section')].findIndex((s) => s.textContent!.includes(q) && !!s.querySelector('mark.jd-quote')), PAGE2_QUOTE)).toBe(1);
    await first.page.close();

    // Page 2 opened alone: highlighted on the page itself…
    const alone = await b.context.newPage();
    await alone.goto(`${server.origin}/mp/a/story_2.html`);
    await expect.poll(() => alone.evaluate(highlighted), { timeout: 20_000 }).toEqual([PAGE2_QUOTE]);
    // …and in its reader (page 2 first, page 3 joined after it).
    await toggleReader(b, await tabIdOf(b, alone));
    const reader2 = await waitForReader(b, alone);
    await expect.poll(() => quoteMarks(reader2), { timeout: 20_000 }).toEqual([PAGE2_QUOTE]);
    await expect.poll(() => breaks(reader2), { timeout: 30_000 }).toEqual([expect.stringMatching(/3/)]);
    await alone.close();

    // And again in the joined reader opened from page 1.
    const again = await openReader('/mp/a/story.html');
    await expect.poll(() => quoteMarks(again.reader), { timeout: 30_000 }).toEqual([PAGE2_QUOTE]);
    await again.page.close();
  });

  it('gives the side panel the whole article: outline and quotes from every page', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/mp/a/story.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title');
    await panel.click('#tab-outline');
    await expect.poll(() => panel.$$eval('.jd-outline li', (els) => els.map((e) => e.textContent?.trim())), { timeout: 30_000 }).toEqual(['二、直播间里的春茶', '三、茶园变成了景区']);
    await panel.click('#tab-quotes');
    await expect.poll(() => panel.$$eval('.jd-quote-text', (els) => els.map((e) => e.textContent)), { timeout: 15_000 }).toContain(PAGE2_QUOTE);
    await Promise.all([panel.close(), page.close()]);
  });

  it('leaves out a "next" link that leads to another article', async () => {
    const { page, reader } = await openReader('/mp/b/report.html');
    await expect.poll(() => requested('/mp/b/harbor.html').length, { timeout: 20_000 }).toBe(1);
    await settled(reader);
    expect(await breaks(reader)).toEqual([]);
    expect(await bodyText(reader)).not.toContain('港口扩建');
    expect(await meta(reader)).not.toMatch(/pages|页/);
    await page.close();
  });

  it('stops where the pager loops, each page fetched once', async () => {
    const { page, reader } = await openReader('/mp/c/index.html');
    await expect.poll(() => breaks(reader), { timeout: 30_000 }).toHaveLength(2);
    await settled(reader);
    await page.waitForTimeout(500);
    expect(requested('/mp/c/index_1.html')).toHaveLength(1);
    expect(requested('/mp/c/index_2.html')).toHaveLength(1);
    expect(await bodyText(reader)).toContain('书是最好的朋友');
    await page.close();
  });

  it('says which page failed, keeps the rest, and offers the page on the site and another try', async () => {
    const { page, reader } = await openReader('/mp/d/column.html');
    await reader.waitForSelector('.jd-pages-failed', { timeout: 30_000 });
    const notice = await reader.textContent('.jd-pages-failed');
    expect(notice).toMatch(/2/);
    expect(notice).toMatch(/500/);
    expect(await reader.getAttribute('.jd-pages-failed a', 'href')).toBe(`${server.origin}/mp/d/column.html?page=2`);
    expect(await bodyText(reader)).toContain('城市更新不只是拆旧建新');
    await reader.click('.jd-pages-failed button');
    await expect.poll(() => requested('/mp/d/column.html?page=2').length, { timeout: 20_000 }).toBe(2);
    await reader.waitForSelector('.jd-pages-failed');
    await shot(page, 'pages-failed');
    await page.close();
  });

  it('fetches nothing when the setting is off', async () => {
    const before = requested('/mp/a/story_2.html').length;
    await setSettings(b, { reader: { theme: 'system', fontSize: 19, font: 'sans', width: 'normal', prepare: true, joinPages: false } });
    const { page, reader } = await openReader('/mp/a/story.html');
    await settled(reader);
    await page.waitForTimeout(1500);
    expect(await breaks(reader)).toEqual([]);
    expect(requested('/mp/a/story_2.html')).toHaveLength(before);
    await page.close();
    await setSettings(b, { reader: { theme: 'system', fontSize: 19, font: 'sans', width: 'normal', prepare: true, joinPages: true } });
  });
});
