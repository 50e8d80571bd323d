// The reader prepared in advance: on an article in view, the reader loads and reads the page hidden
// (outside the window, inert, behind a closed shadow root), and the click only shows it. A change
// to the article after that makes the click read the page anew; a change elsewhere does not.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import type { FixtureServer } from '../../scripts/serve';
import { badge, readerFrame, setSettings, setTabHidden, tabIdOf, toggleReader, waitForPrepared, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

const token = (url: string) => new URL(url).hash.slice(1).split(':')[0];

describe('reader prepared in advance', () => {
  it('waits hidden and out of reach, then opens by showing that same frame', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/youth/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const prepared = await waitForPrepared(b, page);
    expect(await prepared.textContent('.jd-title')).toBe('海外留学生看两会：出国前后关注点大不同');

    // Out of the page's reach and out of sight: a closed shadow root, not in window.frames, inert,
    // outside the window, and still the page's badge (not the reader's).
    const seen = await page.evaluate(() => {
      const host = document.querySelector('jingdu-reader') as HTMLElement;
      const box = host.getBoundingClientRect();
      // window.frames counts the page's own frames only (ours is in a shadow tree)
      const framesSeen = window.length - document.querySelectorAll('iframe, frame').length;
      return { shadow: host.shadowRoot, framesSeen, inert: host.inert, role: host.getAttribute('role'), onScreen: box.right > 0 && box.left < innerWidth };
    });
    expect(seen).toEqual({ shadow: null, framesSeen: 0, inert: true, role: null, onScreen: false });
    expect((await badge(b, tabId)).text).toBe('文');
    // The keyboard does not reach it.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('jingdu-reader');

    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    expect(token(reader.url())).toBe(token(prepared.url())); // the same frame, not a new one
    await reader.waitForFunction(() => performance.getEntriesByName('jingdu:painted').length > 0);
    expect(await reader.textContent('.jd-title')).toBe(await prepared.textContent('.jd-title'));
    expect(await page.evaluate(() => document.querySelector('jingdu-reader')?.getAttribute('role'))).toBe('dialog');
    expect((await badge(b, tabId)).text).toBe('读');

    // Closed, a new one is prepared from the same snapshot.
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    const again = await waitForPrepared(b, page);
    expect(token(again.url())).not.toBe(token(prepared.url()));
    await page.close();
  });

  it('gives the prepared reader of a hidden tab back, and prepares it again when the tab is shown', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/youth/`);
    await waitForVerdict(b, await tabIdOf(b, page));
    const first = await waitForPrepared(b, page);
    const host = () => page.evaluate(() => !!document.querySelector('jingdu-reader'));

    // Shown again before the reader is given back: the same one stays.
    await setTabHidden(b, page, true);
    await setTabHidden(b, page, false);
    expect(token((await waitForPrepared(b, page)).url())).toBe(token(first.url()));

    await setTabHidden(b, page, true);
    await expect.poll(host, { timeout: 45_000, interval: 500 }).toBe(false);
    await setTabHidden(b, page, false);
    const again = await waitForPrepared(b, page);
    expect(token(again.url())).not.toBe(token(first.url()));
    expect(await again.textContent('.jd-title')).toBe('海外留学生看两会：出国前后关注点大不同');
    await page.close();
  });

  it('lets the entity tagger of a prepared reader go once the article is marked, and tags again for another script', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/youth/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const prepared = await waitForPrepared(b, page);
    // Every worker of the browser, as the DevTools protocol lists them.
    const cdp = await b.context.newCDPSession(page);
    const taggers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'worker' && t.url.includes('/tag.worker')).length;
    await expect.poll(() => prepared.$$eval('.jd-body mark[class*="jd-ent-"]', (ms) => ms.length)).toBeGreaterThan(0);
    await expect.poll(taggers, { timeout: 20_000, interval: 250 }).toBe(0);

    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    try {
      await reader.click('text=繁體');
      await reader.waitForFunction(() => document.querySelector('.jd-title')?.textContent?.includes('海外留學生'));
      await expect.poll(() => reader.$$eval('.jd-body mark[class*="jd-ent-"]', (ms) => ms.length), { timeout: 20_000 }).toBeGreaterThan(0);
    } finally {
      await setSettings(b, { script: DEFAULT_SETTINGS.script }); // the site's script choice stays behind otherwise
      await cdp.detach();
      await page.close();
    }
  });

  it('reads the page anew when the article changed after it was prepared, not for a change elsewhere', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-portal-div-content.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const first = await waitForPrepared(b, page);

    // Something outside the article (an ad slot filling in): the prepared reader stays.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { textContent: '广告位招租' })));
    await toggleReader(b, tabId);
    let reader = await waitForReader(b, page);
    expect(token(reader.url())).toBe(token(first.url()));
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();

    // A sentence added to the article's longest paragraph: the click reads the page as it is now.
    const second = await waitForPrepared(b, page);
    await page.evaluate(() => {
      const longest = [...document.querySelectorAll('p')].sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0];
      longest.append('这是读者准备好之后才加上的一句话。');
    });
    await toggleReader(b, tabId);
    reader = await waitForReader(b, page);
    expect(token(reader.url())).not.toBe(token(second.url()));
    await reader.waitForFunction(() => document.querySelector('.jd-body')?.textContent?.includes('这是读者准备好之后才加上的一句话'));
    await page.close();
  });

  it('prepares nothing when the setting is off, and still opens on the click', async () => {
    await setSettings(b, { reader: { ...DEFAULT_SETTINGS.reader, prepare: false } });
    try {
      const page = await b.context.newPage();
      await page.goto(`${server.origin}/corpus/gmw/`);
      const tabId = await tabIdOf(b, page);
      await waitForVerdict(b, tabId);
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => document.querySelector('jingdu-reader'))).toBeNull();
      await toggleReader(b, tabId);
      const reader = await waitForReader(b, page);
      await reader.waitForSelector('.jd-title');
      await page.close();
    } finally {
      await setSettings(b, { reader: DEFAULT_SETTINGS.reader });
    }
  });

  it('prepares nothing on a page that is not an article', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/not-portal-home.html`);
    const tabId = await tabIdOf(b, page);
    expect((await waitForVerdict(b, tabId)).text).toBe('');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('jingdu-reader'))).toBeNull();
    await page.close();
  });
});

describe('reader opened cold (not prepared in advance)', () => {
  it('paints the headline and first paragraphs first, then the article around them', async () => {
    await setSettings(b, { reader: { ...DEFAULT_SETTINGS.reader, prepare: false } });
    try {
      const page = await b.context.newPage();
      await page.goto(`${server.origin}/corpus/youth/`);
      const tabId = await tabIdOf(b, page);
      await waitForVerdict(b, tabId);
      expect(readerFrame(b, page)).toBeUndefined();
      await toggleReader(b, tabId);
      const reader = await waitForReader(b, page);
      await reader.waitForFunction(() => performance.getEntriesByName('jingdu:painted').length > 0);
      const { first, painted } = await reader.evaluate(() => {
        const mark = performance.getEntriesByName('jingdu:first-screen')[0] as PerformanceMark | undefined;
        return { first: mark && { at: mark.startTime, ...(mark.detail as { title: string; text: string }) }, painted: performance.getEntriesByName('jingdu:painted')[0].startTime };
      });
      expect(first).toBeDefined();
      expect(first!.at).toBeLessThan(painted);
      // The first screen was the article's: its headline, and text the article starts with.
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(first!.title).toBe('海外留学生看两会：出国前后关注点大不同');
      expect(await reader.textContent('.jd-title')).toBe(first!.title);
      expect(squash(first!.text).length).toBeGreaterThan(100);
      expect(squash((await reader.textContent('.jd-body'))!)).toContain(squash(first!.text).slice(0, 100));
      await page.close();
    } finally {
      await setSettings(b, { reader: DEFAULT_SETTINGS.reader });
    }
  });
});
