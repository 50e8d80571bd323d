// First run: the welcome page's sample opens as a page (badge, button, pointer), not straight in
// the reader, so a new user meets what they will use on every news page.
import { describe, expect, it } from 'vitest';
import { badge, readerFrame, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
useBrowser((env) => ({ b } = env));

describe('welcome', () => {
  it('"try it" opens the sample as an article page with a pointer to the button, and the button opens the reader', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/welcome.html`);
    await page.click('.jd-primary');
    await page.waitForURL(/\/sample\/article\.html$/);
    await page.waitForSelector('jingdu-pointer', { state: 'attached' });
    expect(readerFrame(b, page)).toBeUndefined();
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
    expect((await waitForVerdict(b, tabId)).text).toBe('文');
    // The pointer is not part of the page's text.
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/Alt\+R/);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    expect(await reader.textContent('.jd-title')).toBe('国产大模型加速落地：从实验室走向课堂与车间');
    await toggleReader(b, tabId);
    await expect.poll(() => readerFrame(b, page)).toBeUndefined();
    // The badge goes back from 读 once the background hears the reader closed.
    await expect.poll(async () => (await badge(b, tabId)).text).toBe('文');
    await page.close();
  });
});
