// The one message protocol between the extension's contexts. Names say who handles them:
// `bg:*` the background, `page:*` the content script of a tab. Every handler checks the sender
// (see `platform/senders.ts`): pages cannot send runtime messages, but a compromised or foreign
// context must still not drive the extension.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Verdict } from './page/detect';
import type { Script } from './script/detect';
import type { Target } from './script/targets';
import type { TransformRequest, TransformResult } from './script/transform';

/** The page as the content script saw it when reader mode was asked for. */
export interface PageSnapshot {
  url: string;
  /** full serialized HTML of the document as the site sent it (our conversions undone), doctype included */
  html: string;
  /** what kind of document this is: readers only work on HTML */
  kind: 'html' | 'frameset' | 'svg' | 'xml';
  /** characters in the serialized page, for the "huge page" notice */
  size: number;
}

/** What the content script knows about its page; the toolbar shows it. */
export interface PageState {
  verdict: Verdict | null;
  readerOpen: boolean;
  /** the script of the page's own text */
  script: Script;
  /** pinyin annotations like 發(fā)布 seen in the text (shape only) */
  pinyinHits: number;
  /** what the original page is shown in now (null: as it is) */
  target: Target | null;
  /** pinyin leaks on the page are being repaired */
  repairing: boolean;
}

/** The background's answer to a page's first report: convert on load or not. */
export interface PagePlan {
  target: Target | null;
}

export type ToggleResult = { open: boolean } | { open: false; problem: Problem };

/** Reasons reader mode cannot open, each with a message in _locales (`problem_<name>`). */
export type Problem = 'internal' | 'noAccess' | 'svg' | 'xml';

export interface ProtocolMap {
  /** content → background: page state (toolbar); the answer says whether to convert the page */
  'bg:pageState'(state: PageState): PagePlan;
  /** content or reader page → background: repair and convert texts where the dictionaries live */
  'bg:transform'(req: TransformRequest): TransformResult;
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
  /** background → content: show the original page in this script (null: as it is) */
  'page:setScript'(target: Target | null): void;
  /** background → content: repair pinyin leaks on the original page (false: undo) */
  'page:repairPinyin'(on: boolean): void;
  /** background → content: copy this text and say so */
  'page:copy'(text: string): boolean;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
