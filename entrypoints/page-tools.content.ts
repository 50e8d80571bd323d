// The page's second script, loaded on first use, so that the one injected everywhere stays small:
// quotes on the original page (the save bar by a selection, the highlights of saved quotes), and
// the text tools the menu and the panel use there (copy converted text, go to a sentence or an
// entity). Highlights use the CSS Custom Highlight API, so the page's DOM is never touched: nothing
// the page does can break them and nothing they do can break the page. Quotes that cannot be
// placed are simply not shown here (the panel lists them as not found).

import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage, type PageState } from '../utils/messages';
import { offsetsOf, pageText, rangeOf } from '../utils/page/page-text';
import { showQuoteButton, type QuoteButton } from '../utils/page/quote-button';
import { showToast } from '../utils/page/toast';
import { countText, findTextRange } from '../utils/page/find-text';
import { anchor, comparable, describe } from '../utils/quotes/anchor';
import { QUOTE_COLORS, urlKey, type QuoteColor } from '../utils/quotes/model';
import { traditionalToSimplifiedChars } from '../utils/script/convert';
import { t } from '../platform/i18n';
import { isOwn } from '../platform/senders';

export interface QuotesApi {
  /** re-place the highlights (the quotes or the page's text changed) */
  refresh(): void;
  /** offer to save the current selection */
  offer(): void;
  /** save the current selection now (context menu, keyboard command); false when nothing is selected */
  saveSelection(): boolean;
}

const TINT: Record<string, string> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(80, 200, 110, 0.4)',
  blue: 'rgba(90, 160, 250, 0.4)',
  pink: 'rgba(250, 120, 160, 0.4)',
  purple: 'rgba(170, 120, 245, 0.4)',
};

type HighlightCtor = new (...ranges: Range[]) => unknown;

const meta = (p: string) => document.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content') ?? null;

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    if ((globalThis as { jingduQuotes?: QuotesApi }).jingduQuotes) return; // already loaded in this page
    const page = () => (globalThis as { jingduPage?: { state: PageState } }).jingduPage?.state;
    const fold = traditionalToSimplifiedChars();
    const css = globalThis.CSS as (typeof CSS & { highlights?: Map<string, unknown> }) | undefined;
    const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
    if (css?.highlights && Highlight) {
      // ::highlight() rules through an adopted sheet: no <style> element is added to the page.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(QUOTE_COLORS.map((c) => `::highlight(jingdu-quote-${c}) { background-color: ${TINT[c]}; }`).join('\n'));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }

    /** Where each saved quote is on the page now, by id (for "open this quote in the page"). */
    let placed = new Map<string, Range>();
    const place = async () => {
      if (!css?.highlights || !Highlight) return;
      try {
        const quotes = await sendMessage('bg:quotesFor', location.href);
        const pt = pageText(document.body);
        const prepared = comparable(pt.text, fold);
        const byColor = new Map<string, Range[]>();
        placed = new Map();
        for (const q of quotes) {
          const a = anchor(pt.text, q.selector, { fold, prepared });
          const range = a && rangeOf(pt, a.start, a.end);
          if (!range) continue;
          byColor.set(q.color, [...(byColor.get(q.color) ?? []), range]);
          placed.set(q.id, range);
        }
        for (const c of QUOTE_COLORS) {
          const ranges = byColor.get(c);
          if (ranges?.length) css.highlights.set(`jingdu-quote-${c}`, new Highlight(...ranges));
          else css.highlights.delete(`jingdu-quote-${c}`);
        }
      } catch {
        // the extension was reloaded: the next content script takes over
      }
    };
    /** One placing at a time; asking meanwhile waits for the one under way. */
    let placing: Promise<void> | null = null;
    const refresh = () => (placing ??= place().finally(() => (placing = null)));

    const save = async (range: Range, choice: { color: string; note: string }) => {
      getSelection()?.removeAllRanges(); // saved: the bar should not come back for the same selection
      const pt = pageText(document.body);
      const at = offsetsOf(pt, range);
      const state = page();
      if (!at) return;
      try {
        const result = await sendMessage('bg:saveQuote', {
          text: pt.text.slice(at.start, at.end),
          selector: describe(pt.text, at.start, at.end),
          where: 'page',
          script: state?.target ?? 'original',
          pageScript: state?.script ?? 'none',
          url: location.href,
          canonicalUrl: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
          title: meta('og:title') ?? document.title,
          site: meta('og:site_name') ?? location.hostname,
          byline: meta('author'),
          published: meta('article:published_time'),
          color: choice.color as QuoteColor,
          note: choice.note,
        });
        showToast(document, result.ok ? t('quoteSaved') : result.kept ? t('quoteFull') : t('quoteFailed', result.message));
        if (result.ok) void refresh();
      } catch {
        showToast(document, t('quoteReload'), 6000);
      }
    };

    let bar: QuoteButton | null = null;
    const offer = () => {
      bar?.close();
      bar = null;
      const sel = getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0).cloneRange();
      const text = sel.toString().trim();
      if (!text || text.length > 5000) return;
      const labels = { save: t('quoteSave'), note: t('quoteNote'), close: t('quoteDismiss'), colors: { yellow: t('colorYellow'), green: t('colorGreen'), blue: t('colorBlue'), pink: t('colorPink'), purple: t('colorPurple') } };
      bar = showQuoteButton(document, range.getBoundingClientRect(), labels, (choice) => void save(range, choice));
    };
    document.addEventListener('selectionchange', () => {
      if (bar && getSelection()?.isCollapsed) {
        bar.close();
        bar = null;
      }
    });

    const saveSelection = () => {
      const sel = getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return false;
      bar?.close();
      void save(sel.getRangeAt(0).cloneRange(), { color: 'yellow', note: '' });
      return true;
    };
    (globalThis as { jingduQuotes?: QuotesApi }).jingduQuotes = { refresh: () => void refresh(), offer, saveSelection };
    onMessage('page:scrollTo', async ({ data, sender }) => {
      if (!isOwn(sender)) return false;
      // A quote is found as its highlight is (its text may differ from the page's: saved in the
      // reader, in another script or through a repaired leak); other targets by their text.
      if (data.kind === 'quote' && !placed.has(data.id)) await refresh();
      const range = (data.kind === 'quote' ? placed.get(data.id)?.cloneRange() : null) ?? findTextRange(document, data.text, data.kind === 'entity' ? data.occurrence % Math.max(1, countText(document, data.text)) : 0);
      if (!range) return false;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      // Show it the way the browser's own Find does, by selecting it: the page's DOM stays as it is.
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    });
    onMessage('page:copy', async ({ data, sender }) => {
      if (!isOwn(sender)) return false;
      try {
        await navigator.clipboard.writeText(data);
        showToast(document, t('toastCopied', data.length > 40 ? `${data.slice(0, 40)}…` : data));
        return true;
      } catch {
        showToast(document, t('toastCopyFailed'));
        return false;
      }
    });
    onMessage('quotes:changed', ({ data, sender }) => {
      if (isOwn(sender) && data === urlKey(location.href)) void refresh();
    });
    void refresh();
  },
});
