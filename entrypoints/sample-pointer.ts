// The bundled sample article, opened from the welcome page as a page of its own: extension pages
// get no content scripts, so this loads ours into it (the page then behaves as any article page:
// the 文 badge, the button, Alt+R, the script switch, quotes) and points at the toolbar button. The
// pointer lives in a closed shadow root: the page's text, its detection and its snapshot never see it.
// Served over http (npm start, the tests) the sample is an ordinary page and this does nothing.

import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { t } from '../platform/i18n';
import { PAGE_SCRIPTS } from '../utils/page/scripts';

const CSS = `
  :host { all: initial; }
  .pointer { position: fixed; top: 10px; right: 16px; max-width: 340px; padding: 12px 30px 12px 14px; background: #1d5a45; color: #fff;
    border-radius: 10px; box-shadow: 0 6px 20px rgba(0,0,0,.28); font: 14px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
  .pointer::before { content: ""; position: absolute; top: -8px; right: 28px; border: 8px solid transparent; border-top: 0; border-bottom-color: #1d5a45; }
  p { margin: 0; } p + p { margin-top: 6px; opacity: .9; font-size: 13px; }
  button { position: absolute; top: 4px; right: 6px; font: inherit; color: inherit; background: none; border: 0; cursor: pointer; border-radius: 6px; padding: 0 6px; }
  button:focus-visible { outline: 2px solid #fff; }
`;

function showPointer() {
  const host = document.createElement('jingdu-pointer');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; z-index: 2147483646 !important; top: 0 !important; right: 0 !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = 'pointer';
  box.setAttribute('role', 'note');
  const lines = [t('samplePointer'), t('samplePointerMore')].map((text) => Object.assign(document.createElement('p'), { textContent: text }));
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: '✕' });
  close.setAttribute('aria-label', t('quoteDismiss'));
  close.addEventListener('click', () => host.remove());
  box.append(...lines, close);
  root.append(style, box);
  document.documentElement.append(host);
}

export default defineUnlistedScript(() => {
  if (!location.href.startsWith(browser.runtime.getURL('/'))) return;
  for (const src of ['/content-scripts/content.js', ...Object.values(PAGE_SCRIPTS)]) document.head.append(Object.assign(document.createElement('script'), { src }));
  showPointer();
});
