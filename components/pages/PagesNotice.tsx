// What the reader says about a multi-page article: how many pages (in the header), the page being
// fetched, and a page that failed, with the way to it on the site and a second try.

import type { MessageKey } from '../../platform/i18n';
import type { PageSet } from '../../utils/pages/follow';
import type { Translate } from '../reader/types';

export interface PagesView {
  set: PageSet;
  /** the page number being fetched now (null: done) */
  loading: number | null;
}

/** `共 3 页`, or `已接上 2 页，共 3 页` while some are still missing. */
export function pagesLabel(pages: PagesView | null, t: Translate): string | null {
  if (!pages) return null;
  const count = pages.set.urls.length;
  const total = pages.set.total;
  if (count < 2 && !pages.loading) return null;
  return total && total > count + pages.set.first - 1 ? t('readerPagesOf', count, total) : t('readerPages', count);
}

const PROBLEM: Record<string, MessageKey> = {
  network: 'pageProblemNetwork',
  'not-html': 'pageProblemNotHtml',
  'too-large': 'pageProblemTooLarge',
  empty: 'pageProblemEmpty',
};

/** Under the article: the page being fetched, or the one that failed. */
export function PagesNotice({ pages, t, onRetry }: { pages: PagesView | null; t: Translate; onRetry(): void }) {
  if (!pages) return null;
  if (pages.loading !== null) {
    return (
      <p class="jd-pages-status" role="status" aria-live="polite">
        {t('readerPageLoading', pages.loading)}
      </p>
    );
  }
  const stop = pages.set.stopped;
  if (!stop || stop.reason !== 'failed') return null;
  const why = stop.problem === 'http' ? t('pageProblemHttp', stop.status ?? '') : t(PROBLEM[stop.problem ?? 'network'] ?? 'pageProblemNetwork');
  return (
    <div class="jd-pages-status jd-pages-failed" role="alert">
      <p>{t('readerPageFailed', stop.page, why)}</p>
      <p>
        <a href={stop.url} target="_blank" rel="noopener noreferrer">
          {t('readerPageOpen', stop.page)}
        </a>
        <button type="button" class="jd-chip" onClick={onRetry}>
          {t('readerPageRetry')}
        </button>
      </p>
    </div>
  );
}

/**
 * A quiet divider before each page after the first: no text node (the label is drawn by CSS from
 * an attribute), so the article's text, its offsets and its reading blocks stay the pages' own.
 */
export function markPageBreaks(parts: Element[], first: number, t: Translate): void {
  parts.slice(1).forEach((part, i) => {
    const label = t('readerPageDivider', first + i + 1);
    const divider = part.ownerDocument.createElement('div');
    divider.className = 'jd-page-break';
    divider.setAttribute('role', 'separator');
    divider.setAttribute('aria-label', label);
    divider.dataset.label = label;
    part.before(divider);
  });
}
