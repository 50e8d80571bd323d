import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

const stored = () => b.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as any);

describe('options page', () => {
  it('edits phrases, exports and imports them, and the conversion uses them', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.fill('#phrase-from', '脸书');
    await page.fill('#phrase-to', '臉書');
    await page.click('.jd-add-phrase');
    await expect.poll(async () => (await stored())?.script?.phrases).toEqual([{ from: '脸书', to: '臉書' }]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.jd-export-phrases')]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ kind: 'jingdu-phrases', phrases: [{ from: '脸书', to: '臉書' }] });

    await page.click('button[aria-label*="脸书"]');
    await expect.poll(async () => (await stored())?.script?.phrases).toEqual([]);
    await page.setInputFiles('#import-phrases', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => page.textContent('.jd-status-line')).toMatch(/1/);
    await expect.poll(async () => (await stored())?.script?.phrases).toEqual([{ from: '脸书', to: '臉書' }]);

    // A file of the wrong kind is refused with a reason, and nothing is lost.
    await page.setInputFiles('#import-phrases', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"something-else"}') });
    await expect.poll(() => page.textContent('.jd-status-line')).toMatch(/import|导入|匯入/i);
    expect((await stored()).script.phrases).toHaveLength(1);

    // The background converts with the phrase (asked the way the reader page asks).
    const viaPage = await page.evaluate(
      () =>
        new Promise<any>((resolve) =>
          chrome.runtime.sendMessage({ id: 2, type: 'bg:transform', timestamp: Date.now(), data: { texts: ['他在脸书上发帖'], ops: [{ kind: 'convert', to: 'taiwan' }] } }, resolve),
        ),
    );
    expect(viaPage.res.texts).toEqual(['他在臉書上發帖']);
    await page.close();
  });

  it('sets a global default: Traditional pages shown in Simplified as they load', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.selectOption('#traditional-pages', 'simplified');
    await expect.poll(async () => (await stored())?.script?.traditionalPages).toBe('simplified');
    const article = await b.context.newPage();
    await article.goto(`${server.origin}/corpus/pixnet/`);
    await expect.poll(() => article.evaluate(() => document.body.textContent!.includes('一波波接续性低温寒流报到')), { timeout: 15_000 }).toBe(true);
    await page.selectOption('#traditional-pages', 'original');
    await page.click('.jd-danger').catch(() => {}); // confirm() is dismissed by default: nothing is reset
    expect((await stored()).script.phrases).toHaveLength(1);
    await article.close();
    await page.close();
  });
});

describe('page layout', () => {
  it('a status line takes no room until it has something to say, and never pushes the page down', async () => {
    for (const name of ['options', 'library']) {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/${name}.html`);
      await page.waitForSelector('main h1, main header');
      const status = page.locator('.jd-status-line');
      expect(await status.textContent()).toBe('');
      expect((await status.boundingBox())?.height ?? 0, name).toBe(0);
      await page.close();
    }
    // Saving a setting shows its status over the page, not in the flow.
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    const heading = async () => (await page.locator('h2').first().boundingBox())!.y;
    const before = await heading();
    await page.locator('select').first().selectOption('dark');
    await expect.poll(() => page.locator('.jd-status-line').textContent()).not.toBe('');
    expect(await heading()).toBe(before);
    await page.locator('select').first().selectOption('system');
    await page.close();
  });
});
