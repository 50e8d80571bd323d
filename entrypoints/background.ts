// Wiring only: toolbar action, keyboard command and context menus; the page's state becomes the
// toolbar badge; the reader page reaches its tab through here; text conversion runs here, where the
// dictionaries are built once and reused by every tab and reader.

import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage, sendMessage, type PageSnapshot, type PageState, type Problem, type ToggleResult } from '../utils/messages';
import { PAGE_SCRIPTS, type PageScript } from '../utils/page/scripts';
import { pageTarget, readerChoice, siteKey, switchTarget } from '../utils/script/policy';
import { TARGETS, type Target } from '../utils/script/targets';
import { createTextHost } from '../utils/script/host';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings/schema';
import { isExtensionPage, isReaderPage, isTopContentScript, isOwn, SAMPLE_PAGE } from '../platform/senders';
import { t, type MessageKey } from '../platform/i18n';
import { getSettings, updateSettings, watchSettings } from '../platform/settings';
import { urlKey } from '../utils/quotes/model';
import { serveQuotes } from '../platform/quotes-background';
import { servePageFetch } from '../platform/pages-background';
import { createReaderRelay } from '../platform/reader-link';

const CONTENT_SCRIPT = '/content-scripts/content.js';
// Firefox builds are MV2, where the toolbar button is `browserAction`.
const action = browser.action ?? browser.browserAction;
const SCRIPT_CHOICES = ['original', ...TARGETS] as const;
// The toolbar button's own menu is `browser_action` in MV2 (Firefox), which rejects `action`.
const ACTION_MENU = import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action';
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Pages no extension may script: the browser's own, other extensions, the web stores. */
function isInternal(url: string | undefined): boolean {
  if (!url) return false;
  // Our bundled sample loads our content scripts itself. (Firefox shows us our own pages' addresses; Chrome does not.)
  if (url.startsWith(browser.runtime.getURL(SAMPLE_PAGE))) return false;
  return !/^(?:https?|file):/i.test(url) || /^https:\/\/(?:chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)\//i.test(url);
}

async function showProblem(tabId: number, problem: Problem) {
  const title = t(`problem_${problem}` as MessageKey);
  await action.setBadgeText({ tabId, text: '!' });
  await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  await action.setTitle({ tabId, title });
  // Say it where the user is looking: a one-off popup with the reason.
  try {
    await action.setPopup({ tabId, popup: `/notice.html?problem=${problem}` });
    await action.openPopup();
  } catch {
    // openPopup needs a focused normal window; the badge and tooltip still say it.
  } finally {
    await action.setPopup({ tabId, popup: '' });
  }
}

/** Per tab, the first screen a reader just opened will ask for (see ToggleResult), until it does. */
const firstScreens = new Map<number, { token: string; snapshot: PageSnapshot }>();

async function toggled(tabId: number, result: ToggleResult): Promise<void> {
  if ('firstScreen' in result && result.firstScreen) firstScreens.set(tabId, result.firstScreen);
  else firstScreens.delete(tabId);
  if ('problem' in result) await showProblem(tabId, result.problem);
}

async function toggleReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined) return;
  if (isInternal(tab?.url)) return showProblem(tabId, 'internal');
  try {
    await toggled(tabId, await sendMessage('page:toggleReader', undefined, { tabId, frameId: 0 }));
  } catch {
    // No content script yet (tab opened before install, or restricted page): inject it once.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
      await toggled(tabId, await sendMessage('page:toggleReader', undefined, { tabId, frameId: 0 }));
    } catch (e) {
      // Without the "tabs" permission we do not see the URL of browser pages; the error names them.
      const internal = /chrome|edge|about:|extension|gallery|webstore|cannot be scripted/i.test(String((e as Error)?.message));
      await showProblem(tabId, internal ? 'internal' : 'noAccess');
    }
  }
}

/** One of the page's on-demand scripts; each runs once however often it is injected. */
async function loadPageScript(tabId: number, script: PageScript): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_SCRIPTS[script]] });
}
const loadPageTools = (tabId: number) => loadPageScript(tabId, 'tools');

/** Opens the side panel (Chrome) or sidebar (Firefox); must run inside a user gesture. */
async function openPanel(tabId: number) {
  const api = browser as unknown as {
    sidePanel?: { open(o: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidePanel) await api.sidePanel.open({ tabId });
  else await api.sidebarAction?.open();
}

/** The badge of a page shown in another script: that script, at a glance. */
const SCRIPT_BADGE: Record<Target, string> = { simplified: '简', traditional: '繁', taiwan: '台', hongkong: '港' };
const scriptName = (target: Target) => t(`script${capital(target)}` as MessageKey);

async function showPageState(tabId: number, { verdict, readerOpen, pinyinHits, target }: PageState) {
  const isArticle = verdict?.isArticle ?? false;
  await action.setBadgeBackgroundColor({ tabId, color: target && !readerOpen ? '#1f5fa8' : '#2f6f4f' });
  await action.setBadgeText({ tabId, text: readerOpen ? '读' : target ? SCRIPT_BADGE[target] : isArticle ? '文' : '' });
  let title = readerOpen ? t('actionReaderOpen') : verdict ? t(isArticle ? 'actionArticle' : 'actionNotArticle', verdict.score) : t('actionUnknown');
  if (target && !readerOpen) title += `\n${t('actionShownIn', scriptName(target))}`;
  if (pinyinHits >= 3) title += `\n${t('actionPinyin', pinyinHits)}`;
  await action.setTitle({ tabId, title });
}

function createMenus() {
  const menus = browser.contextMenus;
  menus.create({ id: 'reader', title: t('menuOpenReader'), contexts: ['page', 'frame', 'link', 'image'] });
  menus.create({ id: 'panel', title: t('menuOpenPanel'), contexts: ['page'] });
  menus.create({ id: 'script', title: t('menuScript'), contexts: ['page'] });
  for (const choice of SCRIPT_CHOICES) {
    menus.create({ id: `script:${choice}`, parentId: 'script', type: 'radio', checked: choice === 'original', title: t(`script${capital(choice)}` as MessageKey), contexts: ['page'] });
  }
  menus.create({ id: 'script:sep', parentId: 'script', type: 'separator', contexts: ['page'] });
  menus.create({ id: 'site:always', parentId: 'script', type: 'checkbox', title: t('menuSiteAlways'), contexts: ['page'] });
  menus.create({ id: 'site:never', parentId: 'script', type: 'checkbox', title: t('menuSiteNever'), contexts: ['page'] });
  menus.create({ id: 'repair', type: 'checkbox', title: t('menuRepair'), contexts: ['page'] });
  menus.create({ id: 'quote', title: t('menuSaveQuote'), contexts: ['selection'] });
  // The toolbar button's own menu: switching the page's script is one click there (and Alt+Shift+C).
  menus.create({ id: 'switch', title: t('menuSwitchTo', scriptName('traditional')), contexts: [ACTION_MENU] });
  menus.create({ id: 'ascript', title: t('menuScript'), contexts: [ACTION_MENU] });
  for (const choice of SCRIPT_CHOICES) {
    menus.create({ id: `ascript:${choice}`, parentId: 'ascript', type: 'radio', checked: choice === 'original', title: t(`script${capital(choice)}` as MessageKey), contexts: [ACTION_MENU] });
  }
  menus.create({ id: 'library', title: t('menuLibrary'), contexts: [ACTION_MENU] });
  menus.create({ id: 'copy', title: t('menuCopyAs'), contexts: ['selection'] });
  for (const target of TARGETS) menus.create({ id: `copy:${target}`, parentId: 'copy', title: t(`script${capital(target)}` as MessageKey), contexts: ['selection'] });
}

export default defineBackground(() => {
  let settings: Settings = DEFAULT_SETTINGS;
  const ready = getSettings().then((s) => (settings = s));
  watchSettings((s) => {
    settings = s;
    void syncMenus();
  });
  const readers = createReaderRelay();
  const transform = createTextHost(() => ({ phrases: settings.script.phrases, tsCharactersExt: settings.script.tsCharactersExt }));
  /** The latest state each tab reported (menus show the active tab's). */
  const pages = new Map<number, { state: PageState; host: string; url: string }>();
  const quotes = serveQuotes({
    transform,
    ready,
    tabsShowing: (key) => [...pages].filter(([, p]) => urlKey(p.url) === key).map(([tabId]) => tabId),
    tellReaders: (key) => void readers.send('quotes:changed', key),
    loadPageTools,
  });
  servePageFetch(() => settings.reader.joinPages);

  async function activeTab() {
    return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  }

  /** Menu check marks follow the active tab and its site's rules. */
  async function syncMenus() {
    const tab = await activeTab();
    const page = tab?.id === undefined ? undefined : pages.get(tab.id);
    const current = page?.state.target ?? 'original';
    const rule = page ? settings.script.sites[page.host]?.page : undefined;
    const update = (id: string, checked: boolean) => browser.contextMenus.update(id, { checked }).catch(() => {});
    for (const choice of SCRIPT_CHOICES) {
      await update(`script:${choice}`, choice === current);
      await update(`ascript:${choice}`, choice === current);
    }
    const next = page && switchTarget(settings.script, page.host, page.state.script, page.state.target);
    await browser.contextMenus
      .update('switch', { title: page?.state.target ? t('menuSwitchBack') : t('menuSwitchTo', scriptName(next ?? 'traditional')), enabled: !!page && (!!page.state.target || !!next) })
      .catch(() => {});
    await update('site:always', !!rule && rule !== 'never' && rule === page?.state.target);
    await update('site:never', rule === 'never');
    await update('repair', !!page?.state.repairing);
  }

  async function setSiteRule(host: string, page: Target | 'never' | undefined) {
    await updateSettings((s) => {
      const sites = { ...s.script.sites };
      const { page: _old, ...rest } = sites[host] ?? {};
      sites[host] = page ? { ...rest, page } : rest;
      return { ...s, script: { ...s.script, sites } };
    });
  }

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.contextMenus.removeAll().then(createMenus);
    if (reason === 'install' && !import.meta.env.DEV) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  type MenuClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'checked' | 'selectionText'>;
  async function onMenuClick(info: MenuClick, tab: Browser.tabs.Tab | undefined) {
    const id = String(info.menuItemId);
    const tabId = tab?.id;
    if (id === 'reader') return toggleReader(tab);
    if (id === 'library') return void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    if (tabId === undefined) return;
    if (id === 'quote') return saveSelection(tabId);
    if (id === 'panel') return openPanel(tabId);
    const to = { tabId, frameId: 0 };
    const page = pages.get(tabId);
    if (id.startsWith('script:') || id.startsWith('ascript:')) {
      const choice = id.slice(id.indexOf(':') + 1);
      await setPageScript(tabId, choice === 'original' ? null : (choice as Target));
    } else if (id === 'switch') {
      await switchScript(tabId);
    } else if (id === 'site:always' && page) {
      await setSiteRule(page.host, info.checked && page.state.target ? page.state.target : undefined);
    } else if (id === 'site:never' && page) {
      await setSiteRule(page.host, info.checked ? 'never' : undefined);
      if (info.checked) await setPageScript(tabId, null);
    } else if (id === 'repair') {
      await sendMessage('page:repairPinyin', !!info.checked, to).catch(() => {});
    } else if (id.startsWith('copy:') && info.selectionText) {
      const target = id.slice('copy:'.length) as Target;
      const { texts } = await transform({ texts: [info.selectionText], ops: [{ kind: 'convert', to: target }] });
      await loadPageTools(tabId)
        .then(() => sendMessage('page:copy', texts[0], to))
        .catch(() => {});
    }
    await syncMenus();
  }
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  action.onClicked.addListener((tab) => void toggleReader(tab));
  browser.commands.onCommand.addListener(async (command, tab) => {
    const target = tab ?? (await activeTab());
    if (command === 'toggle-reader') void toggleReader(target);
    if (command === 'save-quote' && target?.id !== undefined) void saveSelection(target.id);
    if (command === 'switch-script' && target?.id !== undefined) void switchScript(target.id).then(syncMenus);
  });
  /** One click: the page in its other script, or back as the site sent it. */
  async function switchScript(tabId: number) {
    const page = pages.get(tabId);
    if (!page) return;
    await ready;
    const next = switchTarget(settings.script, page.host, page.state.script, page.state.target);
    if (next || page.state.target) await setPageScript(tabId, next);
  }
  /**
   * Shows the page in `target`'s script (null: as the site sent it). For a target the page's
   * converter script goes in while the dictionaries are readied, side by side, before the page is
   * told: after a worker restart the page then finds both ready instead of asking for its script
   * and waiting for the dictionaries in turn.
   */
  async function setPageScript(tabId: number, target: Target | null) {
    if (target) {
      const injected = loadPageScript(tabId, 'convert').catch(() => {}); // the page asks again if this failed
      await ready;
      await transform({ texts: [], ops: [{ kind: 'convert', to: target }] }).catch(() => {});
      await injected;
    }
    await sendMessage('page:setScript', target, { tabId, frameId: 0 }).catch(() => {});
  }
  /** The selection is in the reader view or on the page; whichever has one saves it. */
  async function saveSelection(tabId: number) {
    const inReader = (await sendMessage('reader:saveSelection', tabId).catch(() => false)) || (await readers.send('reader:saveSelection', tabId, tabId)).some(Boolean);
    if (!inReader) await sendMessage('page:saveSelection', undefined, { tabId, frameId: 0 }).catch(() => false);
  }
  browser.tabs.onActivated.addListener(() => void syncMenus());
  browser.tabs.onRemoved.addListener((tabId) => {
    pages.delete(tabId);
    firstScreens.delete(tabId);
  });

  onMessage('bg:pageState', async ({ data, sender }) => {
    if (!isTopContentScript(sender)) return { target: null };
    await ready;
    const tabId = sender.tab!.id!;
    const host = siteKey(new URL(sender.url ?? sender.tab?.url ?? 'about:blank').hostname);
    const url = sender.url ?? sender.tab?.url ?? '';
    pages.set(tabId, { state: data, host, url });
    // Panels follow their tab: tell them the page changed (they re-read it).
    void sendMessage('panel:pageChanged', tabId).catch(() => {});
    void showPageState(tabId, data);
    void syncMenus();
    const saved = data.verdict ? await quotes.countFor(url) : 0;
    if (data.verdict) quotes.pageLoaded(tabId);
    return { target: data.target ?? pageTarget(settings.script, host, data.script), quotes: saved, prepare: settings.reader.prepare, repair: settings.script.repairPinyin };
  });
  onMessage('bg:loadPageScript', async ({ data, sender }) => {
    if (!isTopContentScript(sender) || !Object.hasOwn(PAGE_SCRIPTS, data)) return false;
    await loadPageScript(sender.tab!.id!, data);
    return true;
  });

  onMessage('bg:transform', async ({ data, sender }) => {
    if (!isOwn(sender)) throw new Error('not allowed');
    await ready;
    return transform(data);
  });
  onMessage('bg:snapshot', async ({ data: firstScreen, sender }) => {
    if (!isReaderPage(sender)) return null;
    const tabId = sender.tab!.id!;
    const token = new URL(sender.url!).hash.slice(1).split(':')[0]; // #<token>, then :open once shown
    if (firstScreen) {
      const first = firstScreens.get(tabId);
      if (first?.token !== token) return null;
      firstScreens.delete(tabId);
      return { ...first.snapshot, tabId };
    }
    const snapshot = await sendMessage('page:snapshot', token, { tabId, frameId: 0 });
    return snapshot && { ...snapshot, tabId };
  });
  onMessage('bg:tabInfo', async ({ data: tabId, sender }) => {
    if (!isExtensionPage(sender)) return { state: null, script: null };
    await ready;
    const page = pages.get(tabId);
    if (!page) return { state: null, script: null };
    const { state, host } = page;
    const script = state.readerOpen ? readerChoice(settings.script, host, state.script) : (state.target ?? 'original');
    return { state, script: script === 'original' ? null : script };
  });
  onMessage('bg:serializePage', async ({ data: tabId, sender }) => {
    if (!isExtensionPage(sender)) return null;
    const snapshot = await sendMessage('page:serialize', undefined, { tabId, frameId: 0 }).catch(() => null);
    return snapshot && { ...snapshot, tabId };
  });
  onMessage('bg:scrollPage', ({ data, sender }) => {
    if (!isExtensionPage(sender)) return false;
    return loadPageTools(data.tabId).then(() => sendMessage('page:scrollTo', data.target, { tabId: data.tabId, frameId: 0 })).catch(() => false);
  });
  onMessage('bg:openPanel', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return;
    const tabId = data ?? sender.tab?.id;
    if (tabId !== undefined) await openPanel(tabId);
  });
  onMessage('bg:closeReader', ({ sender }) => {
    if (!isReaderPage(sender)) return;
    return sendMessage('page:closeReader', undefined, { tabId: sender.tab!.id!, frameId: 0 });
  });

  // End-to-end tests drive the same entry points a click would (headless Chromium has no toolbar
  // and no context menu to click).
  Object.assign(globalThis, {
    jingdu: {
      toggleReader: (tabId: number) => browser.tabs.get(tabId).then(toggleReader),
      menu: (tabId: number, info: MenuClick) => browser.tabs.get(tabId).then((tab) => onMenuClick(info, tab)),
      switchScript: (tabId: number) => switchScript(tabId),
    },
  });
});
