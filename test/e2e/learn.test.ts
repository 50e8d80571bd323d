// Readings over the text and word look-up in the reader, as a user clicks them.

import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { setSettings, tabIdOf, toggleReader, waitForReader, waitForVerdict, settled, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';
import type { FixtureServer } from '../../scripts/serve';

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env));


async function openReader(path: string): Promise<{ page: Page; reader: Frame }> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${server.origin}${path}`);
  const tabId = await tabIdOf(b, page);
  await waitForVerdict(b, tabId);
  await toggleReader(b, tabId);
  const reader = await waitForReader(b, page);
  await reader.waitForSelector('.jd-body p');
  await reader.waitForSelector('.jd-body mark.jd-ent'); // the article's marks are in
  await settled(reader);
  return { page, reader };
}

/** Turns readings on or off with the toolbar switch and waits until the article shows it. */
async function setReadings(reader: Frame, on: boolean) {
  await reader.waitForSelector('.jd-readings-toggle');
  if ((await reader.getAttribute('.jd-readings-toggle', 'aria-pressed')) !== String(on)) await reader.click('.jd-readings-toggle');
  if (on) await reader.waitForFunction(() => document.querySelectorAll('.jd-body ruby.jd-ruby').length > 150);
  else await reader.waitForFunction(() => !document.querySelector('.jd-body ruby'));
}

/** The page coordinates of one character of the article. */
async function charPoint(reader: Frame, text: string, index = 0): Promise<{ x: number; y: number }> {
  const frame = await (await reader.frameElement()).boundingBox();
  const p = await reader.evaluate(
    ([text, index]) => {
      // The article's characters across text nodes (marks and ruby split them), readings left out.
      const nodes: Text[] = [];
      let all = '';
      const walker = document.createTreeWalker(document.querySelector('.jd-body')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest('rt')) continue;
        nodes.push(n);
        all += n.data;
      }
      let at = all.indexOf(text as string);
      if (at < 0) return null;
      at += index as number;
      for (const n of nodes) {
        if (at < n.data.length) {
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + 1);
          const box = r.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        at -= n.data.length;
      }
      return null;
    },
    [text, index] as const,
  );
  if (!p || !frame) throw new Error(`no ${text} in the reader`);
  return { x: frame.x + p.x, y: frame.y + p.y };
}

describe('readings over the text', () => {
  it('puts pinyin over a Simplified article by word context, keeps marks, copies characters only', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    const heightBefore = await reader.evaluate(() => getComputedStyle(document.querySelector('.jd-article')!).lineHeight);
    await setReadings(reader, true);
    const read = await reader.evaluate(() => {
      const rubies = [...document.querySelectorAll('.jd-body p ruby.jd-ruby')];
      const text = rubies.map((r) => r.firstChild!.textContent).join('');
      const at = (word: string) => {
        const i = text.indexOf(word);
        return rubies.slice(i, i + word.length).map((r) => r.querySelector('rt')!.textContent).join(' ');
      };
      return { bank: at('银行'), head: at('行长'), again: at('重新'), important: at('重要'), entityRuby: !!document.querySelector('.jd-body mark.jd-ent ruby'), pressed: document.querySelector('.jd-readings-toggle')!.getAttribute('aria-pressed'), label: document.querySelector('.jd-readings-toggle')!.textContent };
    });
    expect(read).toEqual({ bank: 'yín háng', head: 'háng zhǎng', again: 'chóng xīn', important: 'zhòng yào', entityRuby: true, pressed: 'true', label: expect.stringMatching(/^(Readings|读音|讀音)$/) });
    expect(await reader.evaluate(() => getComputedStyle(document.querySelector('.jd-article')!).lineHeight)).not.toBe(heightBefore);

    // Copying a paragraph copies its characters, not its readings.
    const copied = await reader.evaluate(() => {
      const p = document.querySelectorAll('.jd-body p')[1];
      getSelection()!.selectAllChildren(p);
      let text = '';
      const grab = (e: ClipboardEvent) => {
        // The browser fills the clipboard after the handlers: read what it would put there.
        text = getSelection()!.toString();
        e.clipboardData?.setData('text/plain', text);
      };
      document.addEventListener('copy', grab);
      document.execCommand('copy');
      document.removeEventListener('copy', grab);
      getSelection()!.removeAllRanges();
      return { text, plain: p.textContent };
    });
    expect(copied.text).toMatch(/^据介绍，这套系统能听懂普通话和几种方言/);
    expect(copied.text).not.toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔù]/);
    await shot(page, 'readings-pinyin');

    // The outline still scrolls to its section with readings on (the block is found by its characters).
    expect(await reader.evaluate(() => [...document.querySelectorAll('.jd-body h2')].map((h) => h.querySelectorAll("rt").length))).toEqual([7]); // headings too

    // Off again: the article is as it was.
    await setReadings(reader, false);
    expect(await reader.evaluate(() => getComputedStyle(document.querySelector('.jd-article')!).lineHeight)).toBe(heightBefore);
    await page.close();
  });

  it('reads a Taiwan article in zhuyin and a Hong Kong one in jyutping by default, and the system can be chosen', async () => {
    const tw = await openReader('/fixtures/article-traditional-tw.html');
    await setReadings(tw.reader, true);
    expect(await tw.reader.$eval('.jd-readings-system', (s) => (s as HTMLSelectElement).value)).toBe('zhuyin');
    const rt = await tw.reader.evaluate(() => [...document.querySelectorAll('.jd-body rt')].slice(0, 40).map((r) => r.textContent).join(''));
    expect(rt).toMatch(/^[\u3105-\u312fˊˇˋ˙]+$/);
    await shot(tw.page, 'readings-zhuyin');
    // Choose pinyin for Taiwan text instead: the readings change.
    await tw.reader.selectOption('.jd-readings-system', 'pinyin');
    await tw.reader.waitForFunction(() => /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/.test(document.querySelector('.jd-body rt')?.textContent ?? ''));
    await tw.reader.selectOption('.jd-readings-system', 'zhuyin');
    await tw.reader.waitForFunction(() => /^[\u3105-\u312fˊˇˋ˙]+$/.test(document.querySelector('.jd-body rt')?.textContent ?? ''));
    await tw.page.close();

    const hk = await openReader('/fixtures/article-hk.html');
    await hk.reader.waitForFunction(() => document.querySelector('.jd-readings-toggle')?.getAttribute('aria-pressed') === 'true'); // the setting is remembered
    await hk.reader.waitForFunction(() => document.querySelectorAll('.jd-body ruby').length > 150);
    expect(await hk.reader.$eval('.jd-readings-system', (s) => (s as HTMLSelectElement).value)).toBe('jyutping');
    expect(await hk.reader.evaluate(() => document.querySelector('.jd-body rt')!.textContent)).toMatch(/^[a-z]+[1-6]$/);
    await setReadings(hk.reader, false); // off, for the tests after this one
    await hk.page.close();
  });
});

describe('word look-up', () => {
  it('shows a card for the whole word under a click, reachable by keyboard and closed by Esc', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    const p = await charPoint(reader, '人工智能', 2); // 智, in the middle of the word
    await page.mouse.click(p.x, p.y);
    const card = await reader.waitForSelector('.jd-lookup-card');
    expect(await card.evaluate((el) => el.querySelector('.jd-lookup-word')!.textContent)).toContain('人工智能');
    expect(await card.textContent()).toContain('artificial intelligence');
    expect(await card.textContent()).toContain('CC-CEDICT');
    expect(await reader.evaluate(() => document.activeElement?.classList.contains('jd-lookup-card'))).toBe(true);
    expect(await reader.evaluate(() => CSS.highlights.get('jd-lookup')?.size)).toBe(1);
    // How long the card takes is measured by `npm run bench` (learn.lookupCardMs), not asserted here.
    await shot(page, 'lookup-card');

    // Esc closes the card, not the reader.
    await page.keyboard.press('Escape');
    await reader.waitForSelector('.jd-lookup-card', { state: 'detached' });
    expect(await reader.isVisible('.jd-title')).toBe(true);

    // Both scripts' forms and the measure words; a second look-up, with the dictionary loaded.
    const q = await charPoint(reader, '课程', 1);
    await page.mouse.click(q.x, q.y);
    await reader.waitForFunction(() => document.querySelector('.jd-lookup-word')?.textContent?.includes('课程'));
    expect(await reader.textContent('.jd-lookup-card')).toMatch(/課程[\s\S]*kè chéng[\s\S]*course[\s\S]*(量词|量詞|Measure words): 堂 táng、节 jié、门 mén/);

    // From the keyboard: Alt+Shift+D looks up the selection.
    await page.keyboard.press('Escape');
    await reader.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.jd-body')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf('培训');
        if (at < 0) continue;
        getSelection()!.setBaseAndExtent(n, at, n, at + 2);
        return;
      }
    });
    await page.keyboard.press('Alt+Shift+D');
    await reader.waitForFunction(() => document.querySelector('.jd-lookup-word')?.textContent?.includes('培训'));
    expect(await reader.textContent('.jd-lookup-card')).toContain('training');
    await page.keyboard.press('Escape');
    await reader.waitForSelector('.jd-lookup-card', { state: 'detached' });

    // Look-up off: a click shows nothing.
    await reader.click('.jd-lookup-toggle');
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(300);
    expect(await reader.$('.jd-lookup-card')).toBeNull();
    await reader.click('.jd-lookup-toggle');
    await page.close();
  });

  it('works over readings: a click on a reading looks up its character', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    await setReadings(reader, true);
    const p = await charPoint(reader, '人工智能', 0);
    await page.mouse.click(p.x, p.y);
    await reader.waitForFunction(() => document.querySelector('.jd-lookup-word')?.textContent?.includes('人工智能'));
    await shot(page, 'lookup-over-readings');
    await page.keyboard.press('Escape');
    await setReadings(reader, false);
    await page.close();
  });
});

describe('learning settings', () => {
  it('the options page sets look-up on hover, credits CC-CEDICT, and the reader follows', async () => {
    await setSettings(b, { learn: { readings: false, systems: { simplified: 'pinyin', traditional: 'pinyin', taiwan: 'zhuyin', hongkong: 'jyutping' }, lookup: 'click', voice: null, rate: 1, networkVoices: false } });
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.waitForSelector('#lookup-mode');
    expect(await options.textContent('#sec-about + p')).toMatch(/CC-CEDICT[\s\S]*CC BY-SA 4\.0/);
    expect(await options.$eval('#readings-taiwan', (s) => (s as HTMLSelectElement).value)).toBe('zhuyin');
    expect(await options.$eval('#readings-hongkong', (s) => (s as HTMLSelectElement).value)).toBe('jyutping');
    await options.selectOption('#lookup-mode', 'hover');
    await expect.poll(() => b.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { learn: { lookup: string } }).learn.lookup)).toBe('hover');
    await options.close();

    const { page, reader } = await openReader('/fixtures/article-learn.html');
    await reader.waitForFunction(() => document.querySelector('.jd-lookup-toggle')?.getAttribute('title')?.match(/Point|指向/));
    const p = await charPoint(reader, '方言', 1);
    await page.mouse.move(p.x - 30, p.y);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await reader.waitForFunction(() => document.querySelector('.jd-lookup-word')?.textContent?.includes('方言'));
    // Hovering does not take focus away from the article.
    expect(await reader.evaluate(() => document.activeElement?.classList.contains('jd-lookup-card'))).toBe(false);
    // Esc closes the hover card (which never had focus), not the reader.
    await page.keyboard.press('Escape');
    await reader.waitForSelector('.jd-lookup-card', { state: 'detached' });
    expect(await reader.isVisible('.jd-body')).toBe(true);
    await page.close();
    await setSettings(b, { learn: { readings: false, systems: { simplified: 'pinyin', traditional: 'pinyin', taiwan: 'zhuyin', hongkong: 'jyutping' }, lookup: 'click', voice: null, rate: 1, networkVoices: false } });
  });
});
