// axe-core on every page of ours: zero serious or critical violations, in every reader theme.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { tabIdOf, toggleReader, waitForReader, waitForVerdict, type Browser } from './harness';
import { useBrowser } from './use-browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env));

/** Runs axe in a page or frame (evaluated through the debugger, so extension CSP does not block it). */
async function serious(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE);
  const results = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it('reader view in every theme, with entities marked', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/sample/article.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    await toggleReader(b, tabId);
    const reader = await waitForReader(b, page);
    await reader.waitForSelector('.jd-body mark');
    for (const theme of ['light', 'sepia', 'dark']) {
      await reader.click(`.jd-theme-${theme}`);
      await expect.poll(() => reader.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await serious(reader), theme).toEqual([]);
    }
    await reader.click('.jd-theme-system');
    await page.close();
  });

  it('side panel, options, library and welcome pages', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/sample/article.html`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.jd-panel-title');
    for (const tab of ['summary', 'outline', 'entities', 'quotes']) {
      await panel.click(`#tab-${tab}`);
      expect(await serious(panel), tab).toEqual([]);
    }
    for (const name of ['options', 'library', 'welcome']) {
      const p = await b.context.newPage();
      await p.goto(`chrome-extension://${b.extensionId}/${name}.html`);
      await p.waitForSelector('main');
      expect(await serious(p), name).toEqual([]);
      await p.emulateMedia({ colorScheme: 'dark' });
      expect(await serious(p), `${name} dark`).toEqual([]);
      await p.close();
    }
    await panel.close();
    await page.close();
  });
});
