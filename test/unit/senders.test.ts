// Who may send what: messages are accepted only from this extension's own contexts, and each
// handler narrows further (the top frame's content script, the reader page, an extension page).
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: { runtime: { id: 'jingdu-id', getURL: (p: string) => `chrome-extension://jingdu-id${p}` } },
}));

const { isExtensionPage, isOwn, isReaderPage, isTopContentScript } = await import('../../platform/senders');

const tab = { id: 7 } as never;
const senders = {
  contentTop: { id: 'jingdu-id', tab, frameId: 0, url: 'https://news.example.cn/a.html' },
  contentFrame: { id: 'jingdu-id', tab, frameId: 3, url: 'https://ads.example.cn/frame.html' },
  reader: { id: 'jingdu-id', tab, frameId: 5, url: 'chrome-extension://jingdu-id/reader.html' },
  panel: { id: 'jingdu-id', url: 'chrome-extension://jingdu-id/sidepanel.html' },
  otherExtension: { id: 'evil-id', tab, frameId: 0, url: 'chrome-extension://evil-id/reader.html' },
  otherExtensionPage: { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' },
  pageClaimingReader: { id: 'jingdu-id', tab, frameId: 0, url: 'https://evil.example/reader.html' },
};

describe('sender checks', () => {
  it.each([
    ['contentTop', [true, true, false, false]],
    ['contentFrame', [true, false, false, false]],
    ['reader', [true, false, true, true]],
    ['panel', [true, false, false, true]],
    ['otherExtension', [false, false, false, false]],
    ['otherExtensionPage', [false, false, false, false]],
    ['pageClaimingReader', [true, true, false, false]],
  ] as const)('%s', (name, [own, top, reader, page]) => {
    const s = senders[name] as never;
    expect([isOwn(s), isTopContentScript(s), isReaderPage(s), isExtensionPage(s)]).toEqual([own, top, reader, page]);
  });
});
