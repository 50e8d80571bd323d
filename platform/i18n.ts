// UI text comes from _locales through browser.i18n; keys are checked against the English file.

import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The browser's UI language as a BCP 47 tag (for `lang` attributes and date formats). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}
