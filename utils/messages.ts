// The one message protocol between the extension's contexts. Names say who handles them:
// `bg:*` the background, `page:*` the content script of a tab. Every handler checks the sender
// (see `platform/senders.ts`): pages cannot send runtime messages, but a compromised or foreign
// context must still not drive the extension.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Verdict } from './page/detect';
import type { PageScript } from './page/scripts';
import type { Script } from './script/detect';
import type { Target } from './script/targets';
import type { Selector } from './quotes/anchor';
import type { Quote, QuoteColor } from './quotes/model';
import type { TransformRequest, TransformResult } from './script/transform';

type ScriptChoiceLike = Target | 'original';

/** The page as the content script saw it when reader mode was asked for. */
export interface PageSnapshot {
  /** the tab it came from (filled in by the background) */
  tabId?: number;
  url: string;
  /** full serialized HTML of the document as the site sent it (our conversions undone), doctype included */
  html: string;
  /** what kind of document this is: readers only work on HTML */
  kind: 'html' | 'frameset' | 'svg' | 'xml';
  /** characters in the serialized page, for the "huge page" notice */
  size: number;
  /** hosts the page itself loaded from: the reader loads images from these only */
  imageHosts?: string[];
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
  /** quotes saved on this page (the highlighter is loaded when there are any) */
  quotes?: number;
  /** load and read the reader in advance, hidden, if the page is an article (settings: reader.prepare) */
  prepare?: boolean;
  /** repair pinyin leaks when the page is shown in another script (settings: script.repairPinyin) */
  repair?: boolean;
}

/** Where to scroll: a block of the reader's article, a sentence, or the n-th occurrence of an entity. */
export type ScrollTarget =
  | { kind: 'block'; index: number; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'entity'; text: string; type: string; occurrence: number }
  | { kind: 'quote'; id: string; text: string };

/** What the panel needs to know about a tab. */
export interface TabInfo {
  state: PageState | null;
  /** the script the reader shows (when open) or the page is shown in */
  script: Target | null;
}

/** A quote as captured, before the background stores it. */
export interface QuoteDraft {
  text: string;
  selector: Selector;
  where: 'reader' | 'page';
  /** the script the text was shown in, and the page's own */
  script: ScriptChoiceLike;
  pageScript: Script;
  url: string;
  canonicalUrl: string | null;
  title: string;
  site: string | null;
  byline: string | null;
  /** the article's writers, when known */
  authors?: string[];
  /** a joined article's first page, for a quote saved on a later one */
  articleUrl?: string | null;
  published: string | null;
  note?: string;
  color?: QuoteColor;
  tags?: string[];
}

/** A following page of a multi-page article, fetched by the tab's content script (its origin, its cookies). */
export type FetchedPage =
  | { ok: true; url: string; contentType: string | null; /** the bytes, base64 (the charset is decided where the page is read) */ body: string }
  | { ok: false; url: string; problem: 'http' | 'network' | 'not-html' | 'too-large' | 'other-site'; status?: number };

export type SaveResult = { ok: true; quote: Quote } | { ok: false; reason: 'quota' | 'error'; kept: boolean; message: string };

/** `firstScreen`: the page's headline and first paragraphs, for the new reader frame of that token. */
export type ToggleResult = { open: boolean; firstScreen?: { token: string; snapshot: PageSnapshot } } | { open: false; problem: Problem };

/** Reasons reader mode cannot open, each with a message in _locales (`problem_<name>`). */
export type Problem = 'internal' | 'noAccess' | 'svg' | 'xml';

export interface ProtocolMap {
  /** content → background: page state (toolbar); the answer says whether to convert the page */
  'bg:pageState'(state: PageState): PagePlan;
  /** content or reader page → background: repair and convert texts where the dictionaries live */
  'bg:transform'(req: TransformRequest): TransformResult;
  /**
   * reader page → background: the snapshot of the tab it is shown in; `firstScreen`: only the
   * headline and first paragraphs, which came with the click (utils/page/first-screen.ts; null when
   * the page has none, or the reader was prepared in advance)
   */
  'bg:snapshot'(firstScreen: boolean): PageSnapshot | null;
  /** reader page → background: close the reader in my tab */
  'bg:closeReader'(): void;
  /** panel → background: what a tab shows now */
  'bg:tabInfo'(tabId: number): TabInfo;
  /** panel → background: the tab's page as HTML, to analyse */
  'bg:serializePage'(tabId: number): PageSnapshot | null;
  /** panel → background: scroll the tab's original page */
  'bg:scrollPage'(req: { tabId: number; target: ScrollTarget }): boolean;
  /** open a saved quote's page in a new tab and scroll to the quote there */
  'bg:openQuote'(req: { url: string; id: string; text: string }): void;
  /** reader or panel → background: open the side panel for this tab (a user gesture) */
  'bg:openPanel'(tabId?: number): void;

  /** page, reader or panel → background: save a quote */
  'bg:saveQuote'(draft: QuoteDraft): SaveResult;
  /** page, reader or panel → background: the quotes saved on this page */
  'bg:quotesFor'(url: string): Quote[];
  /** panel → background: change a quote's note, tags or colour */
  'bg:updateQuote'(quote: Quote): SaveResult;
  /** panel → background: delete quotes; returns them so they can be put back */
  'bg:deleteQuotes'(ids: string[]): Quote[];
  /** panel → background: put deleted quotes back (undo) */
  'bg:restoreQuotes'(quotes: Quote[]): SaveResult;
  /** reader (its own tab) or panel (`tabId`) → background: fetch a following page of the tab's article, as the tab would */
  'bg:fetchPage'(req: { tabId?: number; url: string }): FetchedPage;
  /** content → background: load one of the page's on-demand scripts into my tab */
  'bg:loadPageScript'(script: PageScript): boolean;

  /** panel → reader pages (broadcast; the reader of `tabId` acts): scroll there */
  'reader:scrollTo'(req: { tabId: number; target: ScrollTarget }): boolean;
  /** background → panels (broadcast): a tab reported a new page state (loaded, converted, reader opened) */
  'panel:pageChanged'(tabId: number): void;
  /** reader → panels (broadcast): the reader's state changed (opened, script, current section) */
  'panel:reader'(state: { tabId: number; open: boolean; script: ScriptChoiceLike; section: number }): void;

  /** background → content: open or close the reader overlay */
  'page:toggleReader'(): ToggleResult;
  /** background → content: close the reader overlay if it is open */
  'page:closeReader'(): void;
  /** background → content: the snapshot taken when the reader opened (only for the token of the reader frame it made) */
  'page:snapshot'(token: string): PageSnapshot | null;
  /** background → content: show the original page in this script (null: as it is) */
  'page:setScript'(target: Target | null): void;
  /** background → content: repair pinyin leaks on the original page (false: undo) */
  'page:repairPinyin'(on: boolean): void;
  /** background → content: copy this text and say so */
  'page:copy'(text: string): boolean;
  /** background → content: the page as HTML as the site sent it */
  'page:serialize'(): PageSnapshot | null;
  /** background → content: scroll the original page to a sentence or an entity */
  'page:scrollTo'(target: ScrollTarget): boolean;
  /** background → content: save the page's selection as a quote */
  'page:saveSelection'(): boolean;
  /** background → reader pages (broadcast; the reader of `tabId` acts): save the selection as a quote */
  'reader:saveSelection'(tabId: number): boolean;
  /** background → content and reader pages: quotes of this page changed (re-highlight) */
  'quotes:changed'(urlKey: string): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
