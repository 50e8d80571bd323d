import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { tabIdOf, toggleReader, waitForReader, waitForVerdict, shot, type Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

async function openPanel(tabId: number) {
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('.jd-panel-title', { timeout: 20_000 });
  return panel;
}

describe('side panel with the reader view open', () => {
  it('shows summary, outline and entities; an outline click scrolls the reader; key entities by default, All entities and type toggles change the highlights', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/youth/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body mark.jd-ent');

    const panel = await openPanel(tabId);
    expect(await panel.textContent('.jd-panel-title')).toBe('海外留学生看两会：出国前后关注点大不同');
    const summary = await panel.$$eval('.jd-summary li', (li) => li.map((x) => x.textContent ?? ''));
    expect(summary.length).toBeGreaterThanOrEqual(3);
    expect(summary.length).toBeLessThanOrEqual(5);
    await shot(panel, 'panel-summary');

    await panel.click('#tab-outline');
    const outline = await panel.$$eval('.jd-outline button', (bs) => bs.map((x) => x.textContent ?? ''));
    expect(outline).toEqual(expect.arrayContaining(['出国前后关注点大不同', '关注点多与所学专业相关']));
    const before = await reader.evaluate(() => scrollY);
    const last = outline.length - 1;
    await panel.click(`.jd-outline li:nth-child(${last + 1}) button`);
    await expect.poll(() => reader.evaluate(() => scrollY), { timeout: 8000 }).toBeGreaterThan(before + 300);
    // The heading it points at is near the top of the reader's window now, below the toolbar that
    // stays on top (two rows at this width), not under it.
    const belowToolbar = () =>
      reader.evaluate((text) => {
        const el = [...document.querySelectorAll('.jd-body p')].find((p) => p.textContent?.includes(text))!;
        const bar = document.querySelector('.jd-toolbar')!.getBoundingClientRect();
        return Math.round(el.getBoundingClientRect().top - bar.bottom);
      }, outline[last]);
    let y = -1;
    const still = async () => y === (y = await reader.evaluate(() => scrollY)); // the smooth scroll has ended
    await expect.poll(still, { timeout: 8000, interval: 250 }).toBe(true);
    const below = await belowToolbar();
    expect(below).toBeGreaterThanOrEqual(0);
    expect(below).toBeLessThan(120);
    // and the panel marks it as the current section
    await expect.poll(() => panel.getAttribute(`.jd-outline li:nth-child(${last + 1}) button`, 'aria-current'), { timeout: 8000 }).toBe('location');

    await panel.click('#tab-entities');
    const groups = await panel.$$eval('.jd-ent-group', (gs) => gs.length);
    expect(groups).toBeGreaterThan(0);
    const decoration = () => reader.$eval('.jd-body mark.jd-ent-date', (m) => getComputedStyle(m).textDecorationLine);
    // By default only the key people, organisations and places are marked: a date reads as plain text.
    expect(await decoration()).toBe('none');
    const keyMark = () => reader.$eval('.jd-body mark.jd-ent-key', (m) => getComputedStyle(m).textDecorationLine);
    expect(await keyMark()).toBe('underline');
    expect(await panel.$$eval('.jd-ent-item-key', (xs) => xs.length)).toBeGreaterThan(0);
    // "All entities" in the panel marks everything in the reader (the setting is shared and kept)…
    await panel.check('.jd-all-toggle input');
    await expect.poll(decoration).toBe('underline');
    await expect.poll(() => reader.getAttribute('.jd-legend-all', 'aria-pressed')).toBe('true');
    await panel.uncheck('.jd-ent-group input[aria-label*="Dates"], .jd-ent-group input[aria-label*="日期"]');
    await expect.poll(decoration).toBe('none');
    await panel.check('.jd-ent-group input[aria-label*="Dates"], .jd-ent-group input[aria-label*="日期"]');
    await expect.poll(decoration).toBe('underline');
    // …and the reader's legend turns it off again.
    await reader.click('.jd-legend-all');
    await expect.poll(decoration).toBe('none');
    await expect.poll(() => panel.isChecked('.jd-all-toggle input')).toBe(false);

    // Clicking an entity goes to its occurrences in turn.
    const first = panel.locator('.jd-ent-item').first();
    await first.click();
    await expect.poll(() => reader.evaluate(() => document.querySelectorAll('.jd-ent-flash').length)).toBe(1);
    await panel.close();
    await page.close();
  });
});

describe('side panel without the reader', () => {
  it('reads the page itself and scrolls the original page to a summary sentence', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/corpus/gmw/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const panel = await openPanel(tabId);
    expect(await panel.textContent('.jd-panel-title')).toBe('宇航员在太空中喝酒会怎么样？后果很严重');
    const sentence = (await panel.locator('.jd-summary button').last().textContent())!;
    await panel.locator('.jd-summary button').last().click();
    await expect.poll(() => page.evaluate(() => getSelection()?.toString().replace(/\s+/g, '') ?? ''), { timeout: 8000 }).toBe(sentence.replace(/\s+/g, ''));
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 8000 }).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('says when it cannot read a page', async () => {
    const page = await b.context.newPage();
    await page.goto('chrome://version/');
    await page.bringToFront();
    const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.textContent('.jd-panel-status')).toMatch(/cannot read|无法读取/);
    await panel.close();
    await page.close();
  });
});

describe('a quiet console', () => {
  it('opening the panel on a page full of inline handlers logs no error or warning', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/hostile/events-and-links.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const logged: string[] = [];
    const panel = await b.context.newPage();
    panel.on('console', (m) => void ((m.type() === 'error' || m.type() === 'warning') && logged.push(`${m.type()}: ${m.text()}`)));
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title', { timeout: 20_000 });
    await panel.click('#tab-entities');
    await panel.waitForTimeout(1500); // entities come from a worker; give late messages time
    expect(logged).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });
});
