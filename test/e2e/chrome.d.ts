// `chrome` inside worker.evaluate() callbacks runs in the extension's service worker.
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: typeof Browser;
}
