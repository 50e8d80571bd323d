// `npm start`: build the extension, serve the bundled sample article on 127.0.0.1 and open it in
// Chromium with the extension loaded. Without a display, say how to load the build by hand.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../test/helpers/corpus';
import { chromiumPath } from './chromium';
import { startServer } from './serve';

const SAMPLE = '/sample/article.html';
const dir = join(ROOT, '.output/chrome-mv3');

execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
const server = await startServer();
const url = server.origin + SAMPLE;
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (headless || process.argv.includes('--no-browser')) {
  console.log(`
No display here, so no browser window. To try Jingdu in your own Chrome or Edge:
  1. open chrome://extensions (edge://extensions), switch on Developer mode
  2. "Load unpacked" and choose ${dir}
  3. open ${url}
     (all sample pages: ${server.origin}/) and click the Jingdu button, or press Alt+R
Serving until you press Ctrl+C.`);
} else {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'jingdu-start-')), {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(`Chromium is open with Jingdu on ${url}. Click the Jingdu button or press Alt+R. Close the window to stop.`);
  context.on('close', () => void server.close().then(() => process.exit(0)));
}
