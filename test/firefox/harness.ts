// Real Firefox (Debian's firefox-esr) with the built Firefox package installed as a temporary
// add-on, driven by puppeteer-core over WebDriver BiDi.
//
// Firefox has no way for a driver to reach an add-on's background page, so the tests hold one of
// our extension pages (the options page) open in a tab of its own and make their `browser.*` calls
// there; the background's test hooks (`jingdu.toggleReader`, `jingdu.menu`: what a click runs) are
// reached through `runtime.getBackgroundPage()`. Opening an extension page from the driver needs
// `--remote-allow-system-access`; the add-on's internal UUID is fixed by a preference so its
// pages have a known address.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { firefoxPath } from '../../scripts/firefox';
import { ROOT } from '../helpers/corpus';

export const EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const UUID = '4a5e1f0c-7d1b-4c1e-9a57-6a696e676475';

export interface Firefox {
  browser: Browser;
  /** moz-extension://<uuid>/ */
  base: string;
  /** an extension page of ours, where the tests call `browser.*` */
  control: Page;
  /** uncaught errors and rejections Firefox reported from the add-on's scripts (background, pages, content scripts) */
  errors: string[];
  /** requests that tried to leave the machine (refused) */
  outside: string[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}

/**
 * Firefox's proxy for everything but 127.0.0.1 (which it never proxies): it notes where each
 * request was going and refuses it at once, so nothing leaves the machine and corpus pages do not
 * wait on DNS for their sites' scripts and images.
 */
async function refusingProxy(outside: string[]): Promise<Server> {
  const proxy = createServer((socket) => {
    socket.once('data', (head) => {
      outside.push(head.toString('latin1').split('\r\n')[0]); // "GET http://…" or "CONNECT host:443"
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return proxy;
}

export async function launch(): Promise<Firefox> {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const profile = mkdtempSync(join(tmpdir(), 'jingdu-firefox-'));
  const outside: string[] = [];
  const proxy = await refusingProxy(outside);
  const proxyPort = (proxy.address() as { port: number }).port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    // JINGDU_FIREFOX_LOG=1 also prints Firefox's console as it goes.
    dumpio: !!process.env.JINGDU_FIREFOX_LOG,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      // Errors of the add-on's scripts go to Firefox's output, where the tests read them.
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
    },
  });
  const base = `moz-extension://${UUID}/`;
  const errors: string[] = [];
  let rest = '';
  const read = (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.includes(base) && /^(?:JavaScript error|console\.error)/.test(line)) errors.push(line);
  };
  browser.process()?.stdout?.on('data', read);
  browser.process()?.stderr?.on('data', read);
  try {
    await browser.installExtension(EXTENSION_DIR);
    const env: Firefox = {
      browser,
      base,
      errors,
      outside,
      control: undefined as unknown as Page,
      async close() {
        await browser.close();
        proxy.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
    env.control = await extensionPage(env, 'options.html');
    // Installing opens the welcome page in a tab of its own; close it so it does not take the front.
    const welcome = await until('the welcome tab', async () => {
      for (const p of await browser.pages()) if ((await hrefOf(p)) === `${base}welcome.html`) return p;
    }, 5_000).catch(() => null);
    await welcome?.close();
    return env;
  } catch (e) {
    await browser.close();
    proxy.close();
    throw e;
  }
}

/** The page's real address (the driver keeps reporting about:blank for extension pages). */
const hrefOf = (page: Page | Frame) => page.evaluate(() => location.href);

/**
 * Opens one of our extension pages in a new tab, or a window of its own (to keep the tab it looks
 * at visible, as the sidebar does: Firefox does not animate scrolling in a hidden tab). The driver never sees the load of an extension
 * page complete, so this starts the navigation and waits for the document itself.
 */
export async function extensionPage(ff: Firefox, path: string, where: 'tab' | 'window' = 'tab'): Promise<Page> {
  const page = await ff.browser.newPage({ type: where });
  const url = ff.base + path;
  void page.goto(url, { timeout: 60_000 }).catch(() => {});
  await until(`extension page ${path}`, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url));
  return page;
}

/**
 * Opens a web page in a new tab. Firefox's driver reports a frame of the page that could not load
 * (a corpus page's ad frame, refused by the proxy) as a failed navigation of the page itself; the
 * page did load when its own document is there and complete.
 */
export async function openPage(ff: Firefox, url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url).catch(async (e: Error) => {
    if (!/Address rejected/.test(e.message)) throw e;
    await until(`page ${url}`, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url));
  });
  return page;
}

/** Runs `fn(arg)` in the control page (where `browser` is the extension's API object). */
function ext<A, R>(ff: Firefox, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  return ff.control.evaluate(fn as never, arg as never) as Promise<R>;
}

type Api = any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const browser: Api;

/** The tab id the extension sees for a page (matched by URL, the newest such tab). */
export async function tabIdOf(ff: Firefox, page: Page): Promise<number> {
  const url = page.url();
  return ext(ff, async (u: string) => {
    const tabs: Array<{ id: number; url?: string }> = await browser.tabs.query({});
    const tab = tabs.filter((t) => t.url === u).sort((x, y) => y.id - x.id)[0];
    if (!tab) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/** The toolbar button's badge and tooltip for a tab (Firefox MV2: browserAction). */
export function badge(ff: Firefox, tabId: number): Promise<{ text: string; title: string }> {
  return ext(ff, async (id: number) => ({ text: await browser.browserAction.getBadgeText({ tabId: id }), title: await browser.browserAction.getTitle({ tabId: id }) }), tabId);
}

/** Waits until the detector has reported (the tooltip changes from the default). */
export function waitForVerdict(ff: Firefox, tabId: number): Promise<{ text: string; title: string }> {
  return until(`a verdict for tab ${tabId}`, async () => {
    const state = await badge(ff, tabId);
    return /score|评分/.test(state.title) && state;
  });
}

/** What the toolbar button, Alt+R and the context menu all call. */
export function toggleReader(ff: Firefox, tabId: number): Promise<void> {
  return ext(ff, async (id: number) => (await browser.runtime.getBackgroundPage()).jingdu.toggleReader(id), tabId);
}

/** What a context-menu click runs (a driver cannot click the browser's own menus). */
export function menu(ff: Firefox, tabId: number, info: { menuItemId: string; checked?: boolean; selectionText?: string }): Promise<void> {
  return ext(ff, async ([id, i]: [number, typeof info]) => (await browser.runtime.getBackgroundPage()).jingdu.menu(id, i), [tabId, info] as [number, typeof info]);
}

/** The page's own DOM as HTML, without the hidden host of a reader prepared in advance (ours). */
export function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const html = document.documentElement.cloneNode(true) as Element;
    for (const host of html.querySelectorAll('jingdu-reader')) host.remove();
    return html.outerHTML;
  });
}

/** The reader the page shows (a prepared one waits hidden, its address without `:open`). */
export async function readerFrame(ff: Firefox, page: Page): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    const href = await hrefOf(f).catch(() => '');
    if (href.startsWith(`${ff.base}reader.html#`) && href.endsWith(':open')) return f;
  }
  return undefined;
}

export function waitForReader(ff: Firefox, page: Page): Promise<Frame> {
  return until('the reader view to open', () => readerFrame(ff, page));
}

export { until };
