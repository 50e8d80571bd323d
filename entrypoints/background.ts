// Wiring only: toolbar action, keyboard command and context menu all toggle the reader; the
// detector's verdict becomes the toolbar badge; the reader page reaches its tab through here.

import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage, sendMessage, type PageState, type Problem } from '../utils/messages';
import { isReaderPage, isTopContentScript } from '../platform/senders';
import { t } from '../platform/i18n';

const MENU_READER = 'jingdu-reader';
// Firefox builds are MV2, where the toolbar button is `browserAction`.
const action = browser.action ?? browser.browserAction;
const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Pages no extension may script: the browser's own, other extensions, the web stores. */
function isInternal(url: string | undefined): boolean {
  if (!url) return false;
  return !/^(?:https?|file):/i.test(url) || /^https:\/\/(?:chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)\//i.test(url);
}

async function showProblem(tabId: number, problem: Problem) {
  const title = t(`problem_${problem}` as Parameters<typeof t>[0]);
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

async function toggleReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined) return;
  if (isInternal(tab?.url)) return showProblem(tabId, 'internal');
  try {
    const result = await sendMessage('page:toggleReader', undefined, { tabId, frameId: 0 });
    if ('problem' in result) await showProblem(tabId, result.problem);
  } catch {
    // No content script yet (tab opened before install, or restricted page): inject it once.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
      const result = await sendMessage('page:toggleReader', undefined, { tabId, frameId: 0 });
      if ('problem' in result) await showProblem(tabId, result.problem);
    } catch (e) {
      // Without the "tabs" permission we do not see the URL of browser pages; the error names them.
      const internal = /chrome|edge|about:|extension|gallery|webstore|cannot be scripted/i.test(String((e as Error)?.message));
      await showProblem(tabId, internal ? 'internal' : 'noAccess');
    }
  }
}

async function showPageState(tabId: number, { verdict, readerOpen }: PageState) {
  const isArticle = verdict?.isArticle ?? false;
  await action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
  await action.setBadgeText({ tabId, text: readerOpen ? '读' : isArticle ? '文' : '' });
  await action.setTitle({
    tabId,
    title: readerOpen ? t('actionReaderOpen') : verdict ? t(isArticle ? 'actionArticle' : 'actionNotArticle', verdict.score) : t('actionUnknown'),
  });
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_READER, title: t('menuOpenReader'), contexts: ['page', 'frame', 'link', 'image'] }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_READER) void toggleReader(tab);
  });
  action.onClicked.addListener((tab) => void toggleReader(tab));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-reader') return;
    void toggleReader(tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]);
  });

  onMessage('bg:pageState', ({ data, sender }) => {
    if (isTopContentScript(sender)) void showPageState(sender.tab!.id!, data);
  });
  onMessage('bg:snapshot', ({ sender }) => {
    if (!isReaderPage(sender)) return null;
    return sendMessage('page:snapshot', undefined, { tabId: sender.tab!.id!, frameId: 0 });
  });
  onMessage('bg:closeReader', ({ sender }) => {
    if (!isReaderPage(sender)) return;
    return sendMessage('page:closeReader', undefined, { tabId: sender.tab!.id!, frameId: 0 });
  });

  // End-to-end tests drive the same entry points a click would (headless Chromium has no toolbar).
  Object.assign(globalThis, { jingdu: { toggleReader: (tabId: number) => browser.tabs.get(tabId).then(toggleReader) } });
});
