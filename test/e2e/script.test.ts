import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { badge, menu, pageHtml, readerFrame, setSettings, tabIdOf, toggleReader, waitForReader, waitForVerdict, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

describe('script conversion on the original page', () => {
  it('turns the Traditional corpus page into Simplified and back to the byte', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/pixnet/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const before = { ...(await page.evaluate(() => ({ text: document.body.textContent, title: document.title }))), html: await pageHtml(page) };
    expect(before.text).toContain('一波波接續性低溫寒流報到');

    await menu(b, tabId, { menuItemId: 'script:simplified' });
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('一波波接续性低温寒流报到')), { timeout: 15_000 }).toBe(true);
    // The top of the page is written first; the rest, and then the new lang, follow (as the Hong Kong test below waits for it).
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe('zh-Hans');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toContain('美树营地赏枫');

    await menu(b, tabId, { menuItemId: 'script:original' });
    await expect.poll(() => page.evaluate(() => document.body.textContent)).toBe(before.text);
    const after = { html: await pageHtml(page), title: await page.title() };
    expect(after).toEqual({ html: before.html, title: before.title });
    await page.close();
  });

  it('keeps converting a page that adds a paragraph every 200 ms and rewrites a ticker every 50 ms', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/dynamic-feed.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await menu(b, tabId, { menuItemId: 'script:taiwan' });
    await expect.poll(() => page.textContent('h1')).toBe('即時滾動：網路安全與軟體產業動態');
    // Over two seconds the page adds ~10 items; every one of them ends up converted.
    await page.waitForTimeout(2000);
    const items = await page.$$eval('#feed .item[data-n]', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(items.length).toBeGreaterThan(8);
    await page.waitForTimeout(400); // the newest item gets at most 250 ms
    const settled = await page.$$eval('#feed .item[data-n]', (ps) => ps.slice(0, -2).map((p) => p.textContent ?? ''));
    for (const text of settled) expect(text).toMatch(/^第\d+條：關於.+的最新報[道導]，相關部門表示將進一步加強監管。$/);
    // The ticker changes every 50 ms, so a debounce would never fire; it is converted anyway.
    const seen = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let converted = 0;
          const ticker = document.getElementById('ticker')!;
          const mo = new MutationObserver(() => void (/網路軟體/.test(ticker.textContent!) && converted++));
          mo.observe(ticker, { childList: true, characterData: true, subtree: true });
          setTimeout(() => (mo.disconnect(), resolve(converted)), 1500);
        }),
    );
    expect(seen).toBeGreaterThan(0);
    await page.close();
  });

  it('a site rule converts the page as it loads', async () => {
    await setSettings(b, { script: { simplifiedPages: 'original', traditionalPages: 'original', sites: { '127.0.0.1': { page: 'hongkong' } }, phrases: [], tsCharactersExt: false, repairPinyin: true } });
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe('zh-HK');
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('翱翔於距地球數千公里的太空中'))).toBe(true);
    await setSettings(b, { script: { simplifiedPages: 'original', traditionalPages: 'original', sites: {}, phrases: [], tsCharactersExt: false, repairPinyin: true } });
    await page.close();
  });

  it('repairs pinyin annotations on the page when asked, and undoes it', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-pinyin-annotated.html`);
    const tabId = await tabIdOf(b, page);
    const verdict = await waitForVerdict(b, tabId);
    expect(verdict.title).toMatch(/pinyin|拼音/);
    const body = () => page.evaluate(() => document.querySelector('.TRS_Editor')!.textContent!);
    const before = await body();
    expect(before).toContain('發(fā)');
    await menu(b, tabId, { menuItemId: 'repair', checked: true });
    await expect.poll(body).not.toContain('發(fā)');
    expect(await body()).toContain('(AI)');
    await menu(b, tabId, { menuItemId: 'repair', checked: false });
    await expect.poll(body).toBe(before);
    await page.close();
  });

  it('a page shown in another script is repaired of its pinyin leaks, headline and title too; Original gives it back', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-pinyin-latin-leaks.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const before = { html: await pageHtml(page), title: await page.title() };
    expect(before.title).toContain('進(jìn)入');
    await menu(b, tabId, { menuItemId: 'script:simplified' });
    await expect.poll(() => page.textContent('h1'), { timeout: 15_000 }).toBe('大模型进入应用落地期 科技企业加快布局');
    expect(await page.title()).toBe('大模型进入应用落地期 科技企业加快布局_科技频道_东方快讯网');
    const text = await page.textContent('.article');
    expect(text).toContain('现在已有多家科技企业');
    expect(text).toContain('Facebook母公司Meta');
    expect(text).not.toMatch(/[A-Za-z\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    await menu(b, tabId, { menuItemId: 'script:original' });
    await expect.poll(() => page.title()).toBe(before.title);
    expect(await pageHtml(page)).toBe(before.html);
    await page.close();
  });
});

describe('one-click page conversion', () => {
  it('the command switches a Simplified page to Traditional and back; the badge shows the script shown', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    expect((await waitForVerdict(b, tabId)).text).toBe('文');
    const before = await pageHtml(page);
    const switchScript = () => b.worker.evaluate((id) => (globalThis as unknown as { jingdu: { switchScript(id: number): Promise<void> } }).jingdu.switchScript(id), tabId);
    await switchScript();
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('翱翔於距地球數千公里的太空中')), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await badge(b, tabId)).text).toBe('繁');
    expect((await badge(b, tabId)).title).toMatch(/Traditional|繁體/);
    // The toolbar button's menu offers the way back, and the same command takes it.
    await switchScript();
    await expect.poll(async () => (await badge(b, tabId)).text, { timeout: 15_000 }).toBe('文');
    expect(await pageHtml(page)).toBe(before);
    // The radio list in the toolbar button's menu converts too.
    await menu(b, tabId, { menuItemId: 'ascript:taiwan' });
    await expect.poll(async () => (await badge(b, tabId)).text, { timeout: 15_000 }).toBe('台');
    await menu(b, tabId, { menuItemId: 'ascript:original' });
    await expect.poll(async () => (await badge(b, tabId)).text, { timeout: 15_000 }).toBe('文');
    await page.close();
  });
});

// Issue 14: a machine-converted Traditional page mixes 雜志/周刊 (wrong for Taiwan) with 雜誌/週刊, and
// one paragraph holds Simplified characters. Shown in Taiwan forms, all of it must read one way.
const MIXED = '/fixtures/article-traditional-mixed-variants.html';
const oneWay = (text: string) => ({ wrong: /雜志|周刊|这|发/.test(text), weekly: (text.match(/週刊/g) ?? []).length, magazine: (text.match(/雜誌/g) ?? []).length });

describe('one view, one way of writing (issue 14)', () => {
  it('on the original page: every paragraph to Taiwan forms, and back to the byte', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}${MIXED}`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const body = () => page.evaluate(() => document.querySelector('.article-content')!.textContent!);
    const before = { text: await body(), html: await pageHtml(page) };
    expect(oneWay(before.text).wrong).toBe(true);
    await menu(b, tabId, { menuItemId: 'script:taiwan' });
    await expect.poll(async () => oneWay(await body()), { timeout: 15_000 }).toEqual({ wrong: false, weekly: 5, magazine: 4 });
    expect(await page.textContent('h1')).toBe('城南書展閉幕：地方雜誌社與週刊編輯談紙本出版');
    await menu(b, tabId, { menuItemId: 'script:original' });
    await expect.poll(body).toBe(before.text);
    expect(await pageHtml(page)).toBe(before.html);
    await page.close();
  });

  it('in the reader: 台灣 and 繁體 both read one way in every paragraph', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}${MIXED}`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    const body = async () => (await reader.textContent('.jd-body')) ?? '';
    expect(oneWay(await body()).wrong).toBe(true);
    // 網絡 is 網路 in Taiwan's words only: it tells which of the two views is showing.
    for (const [choice, network] of [['taiwan', '網路平臺'], ['traditional', '網絡平臺']]) {
      await reader.click(`.jd-script-${choice}`);
      await expect.poll(() => reader.getAttribute(`.jd-script-${choice}`, 'aria-pressed')).toBe('true');
      await expect.poll(body, { timeout: 15_000 }).toContain(network);
      expect(oneWay(await body())).toEqual({ wrong: false, weekly: 5, magazine: 4 });
      expect(await reader.textContent('.jd-title')).toBe('城南書展閉幕：地方雜誌社與週刊編輯談紙本出版');
    }
    await shot(page, 'reader-taiwan');
    await page.close();
  });
});

describe('script conversion in the reader view', () => {
  it('switches instantly, remembers the choice per site, and shows the repair', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/fixtures/article-pinyin-annotated.html`);
    const tabId = await tabIdOf(b, page);
    await toggleReader(b, tabId);
    let reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    const body = () => reader.textContent('.jd-body');
    expect(await body()).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    expect(await reader.textContent('.jd-meta')).toMatch(/pinyin annotations removed|处拼音注音/);
    await reader.click('.jd-script-simplified');
    await expect.poll(() => reader.getAttribute('.jd-script-simplified', 'aria-pressed')).toBe('true');
    expect(await body()).toMatch(/发布|网络/);
    expect(await reader.getAttribute('.jd-article', 'lang')).toBe('zh-Hans');
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();

    await toggleReader(b, tabId);
    reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-title');
    expect(await reader.getAttribute('.jd-script-simplified', 'aria-pressed')).toBe('true');
    expect(await reader.textContent('.jd-body')).toMatch(/发布|网络/);
    await reader.click('.jd-script-original');
    await expect.poll(() => reader.textContent('.jd-body')).toMatch(/發布|網絡/);
    await page.close();
  });
});

describe('selection', () => {
  it('converts the selection and copies it', async () => {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    await page.bringToFront();
    await menu(b, tabId, { menuItemId: 'copy:taiwan', selectionText: '宇航员在太空中喝酒会怎么样' });
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('宇航員在太空中喝酒會怎麼樣');
    await page.close();
  });
});
