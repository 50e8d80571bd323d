// UI text comes from _locales through browser.i18n; keys are checked against the English file.

import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

// A page's messages do not change while it runs, and each look-up is a call into the browser
// (~0.1 ms: a reader's render makes dozens): plain messages are looked up once.
const plain = new Map<string, string>();

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  if (substitutions.length) return browser.i18n.getMessage(key, substitutions.map(String)) || key;
  let text = plain.get(key);
  if (text === undefined) plain.set(key, (text = browser.i18n.getMessage(key) || key));
  return text;
}

/** The browser's UI language as a BCP 47 tag (for `lang` attributes and date formats). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}
