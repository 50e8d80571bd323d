// The one message protocol between the extension's contexts. Names say who handles them:
// `bg:*` the background, `page:*` the content script of a tab, `reader:*` the reader view page.
// Every handler checks the sender (see `platform/senders.ts`): pages cannot send runtime
// messages, but a compromised or foreign context must still not drive the extension.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Verdict } from './page/detect';

/** The page as the content script saw it when reader mode was asked for. */
export interface PageSnapshot {
  url: string;
  /** full serialized HTML of the document, doctype included */
  html: string;
  /** what kind of document this is: readers only work on HTML */
  kind: 'html' | 'frameset' | 'svg' | 'xml';
  /** characters in the serialized page, for the "huge page" notice */
  size: number;
}

export interface PageState {
  verdict: Verdict | null;
  readerOpen: boolean;
}

export type ToggleResult = { open: boolean } | { open: false; problem: Problem };

/** Reasons reader mode cannot open, each with a message in _locales (`problem_<name>`). */
export type Problem = 'internal' | 'noAccess' | 'svg' | 'xml';

export interface ProtocolMap {
  /** content → background: the detector's verdict and whether the reader is open (toolbar state) */
  'bg:pageState'(state: PageState): void;
  /** reader page → background: the snapshot of the tab it is shown in */
  'bg:snapshot'(): PageSnapshot | null;
  /** reader page → background: close the reader in my tab */
  'bg:closeReader'(): void;

  /** background → content: open or close the reader overlay */
  'page:toggleReader'(): ToggleResult;
  /** background → content: close the reader overlay if it is open */
  'page:closeReader'(): void;
  /** background → content: the snapshot taken when the reader opened */
  'page:snapshot'(): PageSnapshot | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
