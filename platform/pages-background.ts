// The background's side of multi-page articles: a reader (or the side panel) asks for a following
// page of the tab's article, and the tab's own content script fetches it, so the request is the
// page's: same origin, the page's cookies, the page's referrer, nothing the page could not fetch
// itself. Only pages of the tab's own origin, never another site. Answers are kept for a few
// minutes per tab, so the reader and the panel reading the same article fetch each page once.

import { browser } from 'wxt/browser';
import { onMessage, type FetchedPage } from '../utils/messages';
import { isExtensionPage, isReaderPage } from './senders';

const MAX_BYTES = 5_000_000;
const KEEP_MS = 5 * 60_000;

/**
 * Runs in the tab's isolated world (injected, so the script on every page stays small). It must
 * be self-contained: it is serialized. Firefox gives content scripts the extension's own fetch;
 * `content.fetch` is the page's.
 */
async function fetchAsPage(url: string, max: number): Promise<FetchedPage> {
  try {
    if (new URL(url, location.href).origin !== location.origin) return { ok: false, url, problem: 'other-site' };
    const pageFetch: typeof fetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch;
    const res = await pageFetch(url, { credentials: 'same-origin', redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } });
    const at = res.url || url;
    if (new URL(at).origin !== location.origin) return { ok: false, url: at, problem: 'other-site' };
    if (!res.ok) return { ok: false, url: at, problem: 'http', status: res.status };
    const type = res.headers.get('content-type');
    if (type && !/html|xml|text\/plain/i.test(type)) return { ok: false, url: at, problem: 'not-html' };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > max) return { ok: false, url: at, problem: 'too-large' };
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ok: true, url: at, contentType: type, body: btoa(bin) };
  } catch {
    return { ok: false, url, problem: 'network' };
  }
}

/** `enabled`: the setting that turns page joining on (off: nothing is fetched, whoever asks). */
export function servePageFetch(enabled: () => boolean): void {
  const kept = new Map<string, { at: number; answer: Promise<FetchedPage> }>();
  const forget = (tabId: number) => {
    for (const k of kept.keys()) if (k.startsWith(`${tabId} `)) kept.delete(k);
  };
  browser.tabs.onRemoved.addListener(forget);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) forget(tabId);
  });

  onMessage('bg:fetchPage', async ({ data, sender }): Promise<FetchedPage> => {
    const refused: FetchedPage = { ok: false, url: data.url, problem: 'other-site' };
    const tabId = isReaderPage(sender) ? sender.tab!.id! : isExtensionPage(sender) && typeof data.tabId === 'number' ? data.tabId : null;
    if (tabId === null || !enabled()) return refused;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    let same = false;
    try {
      const target = new URL(data.url);
      same = /^https?:$/.test(target.protocol) && !!tab?.url && new URL(tab.url).origin === target.origin;
    } catch {
      same = false;
    }
    if (!same) return refused;
    const key = `${tabId} ${data.url}`;
    const hit = kept.get(key);
    if (hit && Date.now() - hit.at < KEEP_MS) return hit.answer;
    const answer = browser.scripting
      .executeScript({ target: { tabId, frameIds: [0] }, func: fetchAsPage, args: [data.url, MAX_BYTES] })
      .then((r) => (r[0]?.result as FetchedPage | undefined) ?? { ok: false as const, url: data.url, problem: 'network' as const })
      .catch((): FetchedPage => ({ ok: false, url: data.url, problem: 'network' }));
    kept.set(key, { at: Date.now(), answer });
    // Failures are not kept: "try again" tries again.
    void answer.then((a) => !a.ok && kept.delete(key));
    return answer;
  });
}
