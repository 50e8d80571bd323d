// A page cannot drive the extension or read what it keeps: not through postMessage, DOM events,
// runtime messaging, our isolated-world globals, or by framing our web-accessible reader page.
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { badge, menu, pageHtml, readerFrame, tabIdOf, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env));

const PROTOCOL = ['page:toggleReader', 'page:closeReader', 'page:snapshot', 'page:setScript', 'page:repairPinyin', 'page:copy', 'page:serialize', 'page:scrollTo', 'page:saveSelection', 'bg:quotesFor', 'bg:saveQuote', 'bg:deleteQuotes', 'bg:openQuote', 'bg:snapshot', 'reader:scrollTo', 'quotes:changed'];

describe('untrusted page', () => {
  it('cannot open the reader, convert, save or read quotes by messages or events', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/sample/article.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    // The user has a quote on this page.
    await page.evaluate(() => {
      const p = document.querySelector('.content p')!;
      const r = document.createRange();
      r.setStart(p.firstChild!, 2);
      r.setEnd(p.firstChild!, 12);
      getSelection()!.addRange(r);
    });
    await menu(b, tabId, { menuItemId: 'quote', selectionText: 'x' });
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(1);
    const before = await pageHtml(page);
    const title = (await badge(b, tabId)).title;

    const found = await page.evaluate(async (types) => {
      const out: string[] = [];
      for (const type of types) {
        const msg = { id: 1, type, timestamp: Date.now(), data: type === 'page:setScript' ? 'simplified' : type === 'page:copy' ? 'leak' : null };
        window.postMessage(msg, '*');
        window.postMessage(JSON.stringify(msg), '*');
        document.dispatchEvent(new CustomEvent(type, { detail: msg }));
        window.dispatchEvent(new CustomEvent(type, { detail: msg }));
      }
      // Our globals live in the extension's isolated world, not the page's.
      const g = globalThis as Record<string, unknown>;
      if (g.jingduQuotes || g.jingduPage || g.jingdu) out.push('a global leaked');
      // No web page can talk to the extension's runtime (no externally_connectable).
      const rt = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (rt?.sendMessage) out.push('chrome.runtime.sendMessage is reachable');
      await new Promise((r) => setTimeout(r, 800));
      return out;
    }, PROTOCOL);
    expect(found).toEqual([]);
    expect(readerFrame(b, page)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await pageHtml(page)).toBe(before);
    expect((await badge(b, tabId)).title).toBe(title);
    await page.close();
  });

  it('cannot use our pages: the library is not reachable, and a reader it frames gets nothing', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/sample/article.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const blocked = await page.evaluate(async (id) => {
      try {
        const r = await fetch(`chrome-extension://${id}/library.html`);
        return `fetched ${r.status}`;
      } catch {
        return 'blocked';
      }
    }, b.extensionId);
    expect(blocked).toBe('blocked');
    // reader.html must be web-accessible for the overlay; a page framing it gets no snapshot.
    await page.evaluate((id) => {
      const f = document.createElement('iframe');
      f.src = `chrome-extension://${id}/reader.html#guess`;
      f.style.cssText = 'width:800px;height:600px';
      document.body.append(f);
    }, b.extensionId);
    const isReader = (f: { url(): string }) => f.url() === `chrome-extension://${b.extensionId}/reader.html#guess`;
    await expect.poll(() => page.frames().some(isReader)).toBe(true);
    const frame = page.frames().find(isReader)!;
    await expect.poll(() => frame.textContent('body')).toMatch(/changed or the extension was updated|页面已变化/);
    expect(await frame.$$eval('.jd-body', (els) => els.length)).toBe(0);
    await page.close();
  });
});
