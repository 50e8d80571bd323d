import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badge, pageHtml, readerFrame, tabIdOf, toggleReader, waitForReader, waitForVerdict, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';
import type { FixtureServer } from '../../scripts/serve';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env), {
  '/bad/frameset.html': ['text/html; charset=utf-8', '<html><frameset cols="50%,50%"><frame src="/fixtures/article-hk.html"><frame src="about:blank"></frameset></html>'],
  '/bad/empty.html': ['text/html; charset=utf-8', ''],
  '/bad/image.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="80" fill="teal"/></svg>'],
  // An article with three images from its own server: one loads, two are refused (as a portal's
  // image server refuses readers it did not serve the page to), one of those with a description.
  '/images/story.html': [
    'text/html; charset=utf-8',
    readFileSync(new URL('../fixtures/pages/article-back-link.html', import.meta.url), 'utf8').replace(
      '<p>茶楼的第二代',
      '<p><img src="/images/ok.svg" alt="同福茶楼门口"></p><p><img src="/images/refused.jpg" alt="修缮后的大堂"></p><p><img src="/images/refused-too.jpg"></p><p>茶楼的第二代',
    ),
  ],
  '/images/ok.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="teal"/></svg>'],
  '/images/refused.jpg': ['text/plain', 'forbidden', 403],
  '/images/refused-too.jpg': ['text/plain', 'forbidden', 403],
});

describe('detection on the toolbar icon', () => {
  it('marks a corpus article with the 文 badge and says so in the tooltip', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/qq/`);
    const state = await waitForVerdict(b, await tabIdOf(b, page));
    expect(state.text).toBe('文');
    expect(state.title).toMatch(/article detected|检测到文章/);
    await page.close();
  });

  it('gives a non-article fixture no badge', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/not-channel-list.html`);
    const state = await waitForVerdict(b, await tabIdOf(b, page));
    expect(state.text).toBe('');
    expect(state.title).toMatch(/not look like an article|不像文章/);
    await page.close();
  });
});

describe('reader mode', () => {
  it('opens over the page with title and first paragraph, and closes leaving DOM and scroll as they were', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = { html: await pageHtml(page), y: await page.evaluate(() => window.scrollY) };
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    expect(await reader.textContent('.jd-title')).toBe('宇航员在太空中喝酒会怎么样？后果很严重');
    expect(await reader.textContent('.jd-body p')).toMatch(/^\s*翱翔于距地球数千公里的太空中/);
    // The page's <meta name="author"> is its editor (责任编辑：肖春芳): no byline is shown, the site is.
    expect(await reader.textContent('.jd-site')).toBe('光明网');
    expect(await reader.textContent('.jd-meta')).not.toContain('肖春芳');
    expect((await badge(b, tabId)).text).toBe('读');

    // The same command again closes it.
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    const after = { html: await pageHtml(page), y: await page.evaluate(() => window.scrollY) };
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
    await page.close();
  });

  it('heads the article with the writers, site and date the page gives, and nothing it does not', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${server.origin}/fixtures/meta-byline-reporter.html`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    let reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    expect(await reader.textContent('.jd-title')).toBe('城市书房开到地铁站 乘客候车也能读书');
    expect(await reader.textContent('.jd-site')).toBe('晨光网');
    const meta = await reader.textContent('.jd-meta');
    expect(meta).toContain('刘洋、孙立');
    expect(meta).toMatch(/2023/);
    expect(meta).not.toContain('何芳'); // the editor
    await shot(page, 'reader-header');
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();

    // A page with no date and no writer of its own: the header shows neither.
    await page.goto(`${server.origin}/fixtures/meta-date-list-only.html`);
    const other = await tabIdOf(b, page);
    await toggleReader(b, other);
    reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    expect(await reader.textContent('.jd-site')).toBe('绿窗网');
    expect(await reader.textContent('.jd-meta')).not.toMatch(/20\d\d|2021/);
    await page.close();
  });

  it('closes with Esc from inside the reader', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-portal-div-content.html`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    // A real key press into the focused reader (an element-bound press would outlive its frame).
    // Key down closes it; the key goes up only once the frame is gone, since a key-up sent to a
    // frame being torn down can leave the driver waiting for ever.
    await reader.click('.jd-title');
    await page.keyboard.down('Escape');
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    await page.keyboard.up('Escape');
    await page.close();
  });

  it('runs one content script per page even when the background injects a second copy', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-portal-div-content.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    // What the background does when a click comes before document_idle (or in a tab opened before install).
    await b.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['content-scripts/content.js'] }), tabId);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    expect(page.frames().filter((f) => f.url().includes('/reader.html')).length).toBe(1);
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    await page.close();
  });

  it('keeps reader settings: a dark theme and larger text stay after reopening', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-traditional-tw.html`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    let reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    await reader.click('.jd-theme-dark');
    const size = Number(await reader.textContent('.jd-size'));
    await reader.click('.jd-larger');
    await expect.poll(() => reader.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();

    await toggleReader(b, tabId);
    reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    await expect.poll(() => reader.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(Number(await reader.textContent('.jd-size'))).toBe(size + 1);
    expect(await reader.getAttribute('.jd-theme-dark', 'aria-pressed')).toBe('true');
    await reader.click('.jd-theme-system');
    await page.close();
  });

  it('the serif choice reaches the text of a Traditional article (the Traditional serif stack)', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-traditional-tw.html`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p');
    const font = () => reader.evaluate(() => getComputedStyle(document.querySelector('.jd-body p')!).fontFamily);
    expect(await font()).toMatch(/^"PingFang TC"/);
    await reader.click('.jd-font-serif');
    await expect.poll(font).toMatch(/^"Songti TC"/);
    await reader.click('.jd-font-sans');
    await expect.poll(font).toMatch(/^"PingFang TC"/);
    await page.close();
  });

  it('an image that fails to load shows its description, or nothing, instead of a broken image', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/images/story.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body p');
    const images = () => reader.evaluate(() => [...document.querySelectorAll('.jd-body img')].map((i) => (i as HTMLImageElement).alt));
    await expect.poll(() => reader.evaluate(() => [...document.querySelectorAll('.jd-img-alt')].map((n) => n.textContent))).toEqual(['修缮后的大堂']);
    await expect.poll(images).toEqual(['同福茶楼门口']);
    expect(await reader.evaluate(() => (document.querySelector('.jd-body img') as HTMLImageElement).naturalWidth)).toBe(320);
    await shot(page, 'reader-images');
    await page.close();
  });
});

describe('bad input gets a clear message', () => {
  it('a frameset page says how to read it', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/bad/frameset.html`);
    await toggleReader(b, await tabIdOf(b, page));
    const reader = await waitForReader(b, page);
    await expect.poll(() => reader.textContent('.jd-status')).toMatch(/frames|框架/);
    await page.close();
  });

  it('an empty page says there is no text, and the reader can be closed', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/bad/empty.html`);
    await toggleReader(b, await tabIdOf(b, page));
    const reader = await waitForReader(b, page);
    await expect.poll(() => reader.textContent('.jd-status')).toMatch(/No readable text|没有找到可读的正文/);
    await reader.click('.jd-status button');
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    await page.close();
  });

  it('an SVG image gets a warning badge and a tooltip that says why', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/bad/image.svg`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    await expect.poll(() => badge(b, tabId)).toMatchObject({ text: '!' });
    expect((await badge(b, tabId)).title).toMatch(/SVG/);
    await page.close();
  });

  it('a browser page cannot be read, and says so', async () => {
    const page = await b.context.newPage();
    await page.goto('chrome://version/');
    await page.bringToFront();
    const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    expect(tabId).toBeGreaterThan(0);
    await toggleReader(b, tabId);
    await expect.poll(() => badge(b, tabId)).toMatchObject({ text: '!' });
    expect((await badge(b, tabId)).title).toMatch(/browser pages|浏览器内部页面/);
    await page.close();
  });
});
