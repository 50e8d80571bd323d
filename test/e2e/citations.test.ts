// Citations in real Chromium: quotes saved on an article (one on a joined article's page 2) are
// exported from the library as CSL-JSON, BibTeX and RIS that citation-js reads back with the
// article's fields, a selection exports alone, and "Copy as GB/T 7714" puts the GB/T line on the
// clipboard in the quote's script. citation-js loads only when used: not in the page, not in the reader.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FixtureServer, Routes } from '../../scripts/serve';
import { read } from '../../utils/citations/cite';
import { FIXTURES } from '../helpers/corpus';
import { menu, tabIdOf, toggleReader, waitForReader, waitForVerdict, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';
import { select } from '../helpers/in-page';

const file = (f: string) => readFileSync(join(FIXTURES, 'multipage', f));
const routes: Routes = {
  '/cite/story.html': ['text/html; charset=utf-8', file('story.html')],
  '/cite/story_2.html': ['text/html', file('story_2.html')],
  '/cite/story_3.html': ['text/html', file('story_3.html')],
  '/cite/harbor.html': ['text/html; charset=utf-8', file('harbor.html')],
};

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env), routes);

async function saveOnPage(path: string, text: string) {
  const page = await b.context.newPage();
  const loads = citationLoads(page);
  await page.goto(`${server.origin}${path}`);
  const tabId = await tabIdOf(b, page);
  await waitForVerdict(b, tabId);
  await page.evaluate(select, text);
  await menu(b, tabId, { menuItemId: 'quote', selectionText: text });
  return { page, tabId, loads };
}

/** What the page writes to the clipboard (reading it back needs a permission extension pages cannot be granted here). */
const keepCopies = () => {
  const w = window as unknown as { copies: string[] };
  w.copies = [];
  navigator.clipboard.writeText = async (text: string) => void w.copies.push(text);
};
const lastCopy = (p: Page) => p.evaluate(() => (window as unknown as { copies: string[] }).copies.at(-1) ?? '');
/** The citation-js chunk's loads in a page and its frames (the reader's among them), as they happen. */
const citationLoads = (p: Page) => {
  const seen: string[] = [];
  p.on('request', (r) => void (/\/chunks\/citations-/.test(r.url()) && seen.push(r.url())));
  return seen;
};

describe('citations', () => {
  it('exports the library as CSL-JSON, BibTeX and RIS that read back with the same fields, and copies GB/T 7714', async () => {
    // A quote on page 1 on the page itself, one on page 2 in the joined reader, one on another article.
    const { page, loads } = await saveOnPage('/cite/story.html', '青岚镇坐落在山城西南的群山之间');
    await toggleReader(b, await tabIdOf(b, page));
    const reader = await waitForReader(b, page);
    await expect.poll(() => reader.evaluate(() => document.querySelectorAll('.jd-page-break').length), { timeout: 30_000 }).toBe(2);
    // Settled: the last page is in and the quotes of every page are marked (that redraws the body).
    await expect.poll(() => reader.evaluate(() => !/Loading page|正在载入/.test(document.body.textContent ?? '') && !!document.querySelector('mark.jd-quote')), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(500);
    await reader.evaluate(select, '刚开始，直播间里只有十几个人');
    await reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    await reader.click('.jd-quotebar-save');
    await expect.poll(() => reader.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('mark.jd-quote')].map((m) => m.dataset.quoteId)).size), { timeout: 15_000 }).toBe(2);
    expect(loads).toEqual([]); // neither the page nor the reader loads citation-js
    await page.close();
    const other = await saveOnPage('/cite/harbor.html', '白沙湾港口扩建工程昨日正式开工');
    expect(other.loads).toEqual([]);
    await other.page.close();

    const lib = await b.context.newPage();
    const libLoads = citationLoads(lib);
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.evaluate(keepCopies);
    await expect.poll(() => lib.$$eval('.jd-lib-item', (els) => els.length), { timeout: 15_000 }).toBe(3);
    expect(libLoads).toEqual([]); // not at the library's first paint either

    const exported = async (label: RegExp) => {
      const [download] = await Promise.all([lib.waitForEvent('download'), lib.click(`.jd-lib-cite >> text=${label.source}`)]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const csl = await exported(/CSL-JSON/);
    expect(csl.name).toMatch(/\.json$/);
    expect(libLoads).toHaveLength(1); // loaded on first use, once
    const items = JSON.parse(csl.text) as Array<Record<string, unknown>>;
    // Two articles: the joined article's two quotes make one reference, under its first page.
    expect(items).toHaveLength(2);
    const story = items.find((i) => i.title === '山城茶农的新生意')!;
    expect(story).toMatchObject({
      type: 'webpage',
      author: [{ literal: '王小明' }],
      'container-title': '示例日报',
      issued: { 'date-parts': [[2023, 7, 27]] },
      URL: `${server.origin}/cite/story.html`,
    });
    expect(story.note).toContain('刚开始，直播间里只有十几个人');
    expect(story.note).toContain('青岚镇坐落在山城西南的群山之间');
    const today = new Date();
    expect(story.accessed).toEqual({ 'date-parts': [[today.getFullYear(), today.getMonth() + 1, today.getDate()]] });

    const same = (text: string) =>
      read(text)
        .map((i) => ({ title: i.title, URL: i.URL, site: i['container-title'] ?? i['collection-title'], issued: i.issued, accessed: i.accessed, authors: ((i.author as Array<Record<string, string>>) ?? []).map((n) => n.literal ?? n.family) }))
        .sort((x, y) => String(x.title).localeCompare(String(y.title)));
    const want = same(csl.text);
    const bib = await exported(/BibTeX/);
    expect(bib.name).toMatch(/\.bib$/);
    expect(bib.text).toContain('{王小明}');
    expect(same(bib.text)).toEqual(want);
    const ris = await exported(/RIS/);
    expect(ris.name).toMatch(/\.ris$/);
    expect(ris.text).toContain('AU  - 王小明');
    // citation-js reads a RIS record without a publication date by its older spec, where M1 is not
    // the access date: the file carries it (M1 and Y2, where Zotero reads it), its reader drops it.
    expect(ris.text.match(/^Y2 {2}- \d{4}\/\d{1,2}\/\d{1,2}\/$/gm)).toHaveLength(2);
    expect(same(ris.text)).toEqual(want.map((w) => (w.issued ? w : { ...w, accessed: undefined })));

    // A selection exports alone.
    await lib.locator('.jd-lib-item', { hasText: '白沙湾港口扩建工程昨日正式开工' }).locator('input[type=checkbox]').check();
    const one = JSON.parse((await exported(/CSL-JSON/)).text);
    expect(one.map((i: { title: string }) => i.title)).toEqual(['白沙湾港口扩建工程开工']);

    // Copy as GB/T 7714, beside Jingdu's own line.
    const item = lib.locator('.jd-lib-item', { hasText: '刚开始，直播间里只有十几个人' });
    await item.locator('text=/GB\\/T 7714/').click();
    const d = (n: number) => String(n).padStart(2, '0');
    await expect
      .poll(() => lastCopy(lib))
      .toBe(`刚开始，直播间里只有十几个人\n王小明. 山城茶农的新生意[EB/OL]. 示例日报, 2023-07-27[${today.getFullYear()}-${d(today.getMonth() + 1)}-${d(today.getDate())}]. ${server.origin}/cite/story.html.`);
    await item.locator('text=/Copy with citation|复制（含出处）/').click();
    await expect.poll(() => lastCopy(lib)).toContain('— 王小明，《山城茶农的新生意》，示例日报，2023-07-27');

    await lib.setViewportSize({ width: 1000, height: 640 });
    await shot(lib, 'library-citations');
    await lib.close();
  });

  it('copies GB/T 7714 in the script the quote was saved in', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/cite/harbor.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p');
    await reader.click('text=繁體');
    await expect.poll(() => reader.evaluate(() => document.querySelector('.jd-title')?.textContent), { timeout: 20_000 }).toBe('白沙灣港口擴建工程開工');
    await reader.evaluate(select, '港務局負責人吳明遠介紹');
    await reader.evaluate(() => dispatchEvent(new MouseEvent('mouseup')));
    await reader.click('.jd-quotebar-save');
    await expect.poll(() => reader.evaluate(() => document.querySelectorAll('mark.jd-quote').length), { timeout: 15_000 }).toBeGreaterThan(0);
    await reader.click('text=原文').catch(() => reader.click('text=Original'));
    await page.close();

    const lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.evaluate(keepCopies);
    const item = lib.locator('.jd-lib-item', { hasText: '港務局負責人吳明遠介紹' });
    await item.locator('text=/GB\\/T 7714/').click();
    await expect.poll(() => lastCopy(lib), { timeout: 15_000 }).toMatch(/^港務局負責人吳明遠介紹\n孫立\. 白沙灣港口擴建工程開工\[EB\/OL\]\. 示例晚報, 2023-08-10\[\d{4}-\d{2}-\d{2}\]\. http/);
    await lib.close();
  });
});
