// The page's in-place converter, loaded the first time a page is shown in another script (or
// repaired of pinyin): most pages never are, and the script injected on every page stays small.
// It only hands the class to that script, which runs in the same isolated world.

import { defineContentScript } from 'wxt/utils/define-content-script';
import { DomConverter } from '../utils/script/dom';

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    (globalThis as { jingduConverter?: typeof DomConverter }).jingduConverter ??= DomConverter;
  },
});
