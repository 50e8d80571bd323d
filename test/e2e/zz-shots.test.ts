import { describe, it } from 'vitest';
import { type Browser } from './harness';
import { useBrowser } from './use-browser';
let b: Browser;
useBrowser((env) => ({ b } = env));
describe('shots', () => {
  it('sample', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1200, height: 700 });
    await page.goto(`chrome-extension://${b.extensionId}/sample/article.html`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: '/tmp/shots/sample.png' });
  }, 60000);
});
