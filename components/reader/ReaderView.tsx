// The reader view: toolbar, article header and the sanitized article body.

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import type { Analysis } from '../../utils/analyze';
import { blockText, markSpans, wrapSpans } from '../../utils/nlp/highlight';
import { pageText } from '../../utils/page/page-text';
import { anchor, comparable } from '../../utils/quotes/anchor';
import type { Quote } from '../../utils/quotes/model';
import { traditionalToSimplifiedChars } from '../../utils/script/convert';
import { ENTITY_TYPES, type EntityType, type Span } from '../../utils/nlp/rules';
import { tagText } from '../../platform/entities';
import { KEY_TYPES, summarizeEntities } from '../../utils/nlp/salience';
import { readingMinutes } from '../../utils/page/reading-time';
import type { Sanitizer } from '../../utils/page/sanitize';
import type { ReaderSettings, ScriptChoice } from '../../utils/settings/schema';
import { ReaderToolbar } from './ReaderToolbar';
import { markPageBreaks, pagesLabel, PagesNotice, type PagesView } from '../pages/PagesNotice';
import { partRoots } from '../../utils/pages/join';
import { urlKey } from '../../utils/quotes/model';
import type { Translate } from './types';

export interface ReaderViewProps {
  analysis: Analysis;
  url: string;
  settings: ReaderSettings;
  script: ScriptChoice;
  /** entity types shown highlighted */
  shown: Record<EntityType, boolean>;
  /** every entity marked, not only the key people, organisations and places */
  allEntities: boolean;
  sanitizer: Sanitizer;
  t: Translate;
  locale: string;
  onScript(choice: ScriptChoice): void;
  onSettings(change: Partial<ReaderSettings>): void;
  onToggleType(type: EntityType, shown: boolean): void;
  onAllEntities(all: boolean): void;
  onOpenPanel(): void;
  onClose(): void;
  /** the article body was (re)rendered; `marked`: its entity and quote marks are in */
  onBody?(body: HTMLElement, marked: boolean): void;
  /** toolbar tools of features the reader composes */
  tools?: ComponentChildren;
  /** this page's saved quotes, highlighted where they can be placed */
  quotes: Quote[];
  /** hosts images may load from (those the page itself loaded from) */
  imageHosts: string[];
  /** a multi-page article's pages (null: one page) */
  pages?: PagesView | null;
  onRetryPages?(): void;
  /** a first screen, shown while the whole article is read: no marks, no reading time */
  preview?: boolean;
}

/** The date as the page printed it: in the page's own offset (09:42 in Beijing stays 09:42). */
function formatDate(iso: string, locale: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  // Whole-hour offsets have IANA names everywhere (Etc/GMT-8 is UTC+8: the sign is inverted).
  const timeZone = dateOnly || iso.endsWith('Z') ? 'UTC' : m ? (m[3] === '00' ? `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}` : `${m[1]}${m[2]}:${m[3]}`) : undefined;
  try {
    return new Intl.DateTimeFormat(locale, dateOnly ? { dateStyle: 'long', timeZone } : { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d);
  }
}

/** Entity marks made per task. */
const MARK_SLICE = 400;

/**
 * The article body: a fragment that has been through DOMPurify, appended as nodes (no innerHTML),
 * with its entities marked.
 */
function ArticleBody({ html, title, sanitizer, quotes, imageHosts, urls, first, t, onBody, onUnplaced, preview }: { html: string; title: string; sanitizer: Sanitizer; quotes: Quote[]; imageHosts: string[]; urls: string[]; first: number; t: Translate; onBody?(body: HTMLElement, marked: boolean): void; onUnplaced(count: number): void; preview?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // The text goes in before the first paint; entity and quote marks follow when the tagger's worker
  // answers, so opening the reader never waits for it.
  useLayoutEffect(() => {
    const body = ref.current;
    if (!body) return;
    const fragment = sanitizer.fragment(html);
    keepImagesFrom(fragment, imageHosts); // before it joins the document, where images start loading
    body.replaceChildren(fragment);
    if (preview) return;
    const parts = partRoots(body, urls.length);
    markPageBreaks(parts, first, t);
    onBody?.(body, false);
    let cancelled = false;
    void (async () => {
      const bt = blockText(body);
      // Right to left, a few hundred at a time: a split text node keeps its head, so the spans
      // still to come stay valid, and a long article never holds the thread. (A copy: the
      // tagger's answer is shared with the panel's counts.)
      const found = await tagText(bt.text);
      // Every span is marked; those of key entities carry jd-ent-key, and only they show by default.
      const key = new Set(summarizeEntities(bt.text, found, title).filter((e) => e.key).map((e) => `${e.type}\u0000${e.text}`));
      const isKey = (s: Span) => key.has(`${s.type}\u0000${bt.text.slice(s.start, s.end)}`);
      const spans = [...found].sort((a, b) => b.start - a.start);
      for (let i = 0; i < spans.length; i += MARK_SLICE) {
        if (cancelled) return;
        markSpans(bt, spans.slice(i, i + MARK_SLICE), isKey);
        if (i + MARK_SLICE < spans.length) await new Promise((r) => setTimeout(r, 0));
      }
      if (cancelled) return;
      // Each page's quotes in that page's text (a quote saved on page 2 has page 2's offsets).
      const keys = urls.map(urlKey);
      const placed = parts.reduce((n, el, i) => n + markQuotes(el, parts.length === 1 ? quotes : quotes.filter((q) => q.urlKey === keys[i])), 0);
      onUnplaced(quotes.length - placed);
      onBody?.(body, true);
    })();
    return () => {
      cancelled = true;
    };
  }, [html, title, sanitizer, quotes, urls.join(' '), preview]);
  return <div class="jd-body" ref={ref} />;
}

/**
 * Images load only from hosts the page itself loaded from: the reader view never contacts a server
 * the page did not (a hostile page's <base> or lazy-load attributes cannot make it). Others show
 * their description instead, and so does one that fails to load (a server that turns away readers
 * it did not serve the page to, a lost connection) rather than a broken-image icon.
 */
function keepImagesFrom(body: ParentNode, hosts: string[]) {
  const allowed = new Set(hosts);
  const describeInstead = (img: HTMLImageElement) => {
    const alt = img.getAttribute('alt')?.trim();
    if (alt) {
      const note = document.createElement('span');
      note.className = 'jd-img-alt';
      note.textContent = alt;
      img.replaceWith(note);
    } else img.remove();
  };
  for (const img of [...body.querySelectorAll('img')]) {
    let host = '';
    try {
      host = new URL(img.getAttribute('src') ?? '').host;
    } catch {
      // no usable src
    }
    if (allowed.has(host)) img.addEventListener('error', () => describeInstead(img), { once: true });
    else describeInstead(img);
  }
}

/** Saved quotes as marks over the article's text (found in either script, even if it changed); how many were placed. */
function markQuotes(body: Element, quotes: Quote[]): number {
  if (!quotes.length) return 0;
  const fold = traditionalToSimplifiedChars();
  const pt = pageText(body);
  const prepared = comparable(pt.text, fold);
  const spans = quotes.flatMap((q) => {
    const a = anchor(pt.text, q.selector, { fold, prepared });
    return a ? [{ start: a.start, end: a.end, quote: q }] : [];
  });
  const pieces = pt.nodes.map((node, i) => ({ node, start: pt.starts[i] }));
  wrapSpans({ text: pt.text, pieces }, spans, (span, doc) => {
    const mark = doc.createElement('mark');
    mark.className = `jd-quote jd-quote-${span.quote.color}`;
    mark.dataset.quoteId = span.quote.id;
    return mark;
  });
  return spans.length;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * What the colours and underlines mean; each entry switches its type on or off. By default only
 * the key people, organisations and places are marked: "All entities" marks everything found.
 */
function Legend({ shown, allEntities, t, onToggleType, onAllEntities }: Pick<ReaderViewProps, 'shown' | 'allEntities' | 't' | 'onToggleType' | 'onAllEntities'>) {
  return (
    <div class="jd-legend" role="group" aria-label={t('readerLegend')}>
      {ENTITY_TYPES.filter((type) => allEntities || KEY_TYPES.has(type)).map((type) => (
        <button type="button" key={type} class={`jd-legend-item jd-ent jd-ent-${type}`} aria-pressed={shown[type]} onClick={() => onToggleType(type, !shown[type])}>
          {t(`entity${cap(type)}` as MessageKey)}
        </button>
      ))}
      <button type="button" class="jd-legend-item jd-legend-all" aria-pressed={allEntities} title={t('entitiesAllHint')} onClick={() => onAllEntities(!allEntities)}>
        {t('entitiesAll')}
      </button>
    </div>
  );
}

/** A plain click on "original page" goes back to the page underneath; modified clicks open a tab. */
function backToPage(e: MouseEvent, onClose: () => void) {
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  onClose();
}

export function ReaderView({ analysis, url, settings, script, shown, allEntities, sanitizer, t, locale, quotes, imageHosts, pages = null, onRetryPages, onScript, onSettings, onToggleType, onAllEntities, onOpenPanel, onClose, onBody, tools, preview = false }: ReaderViewProps) {
  // Quotes saved on this page that the article's text no longer holds (saved outside the article,
  // or the page changed): said, so a missing highlight is never a mystery. The panel lists them.
  const [unplaced, setUnplaced] = useState(0);
  const hidden = ENTITY_TYPES.filter((type) => !shown[type]).map((type) => `jd-hide-${type}`).join(' ') + (allEntities ? '' : ' jd-key-only');
  // The site has its own line above the headline; the meta line holds the rest of what was found.
  const meta = [
    analysis.byline,
    analysis.published ? formatDate(analysis.published, locale) : null,
    pagesLabel(pages, t),
    preview ? null : t('readerMinutes', readingMinutes(analysis.text)),
    analysis.repairs.pinyinAnnotations ? t('readerRepaired', analysis.repairs.pinyinAnnotations) : null,
  ].filter(Boolean);
  return (
    <div class={`jd-reader ${hidden}`}>
      <ReaderToolbar settings={settings} script={script} t={t} onScript={onScript} onSettings={onSettings} onOpenPanel={onOpenPanel} onClose={onClose} tools={tools} />
      <main class="jd-page" id="jd-main" tabIndex={-1} aria-busy={preview || undefined}>
        {!analysis.isArticle && (
          <p class="jd-notice" role="note">
            {t('readerNotArticle')}
          </p>
        )}
        <article class="jd-article" lang={analysis.lang ?? undefined}>
          <header class="jd-header">
            {/* A first screen keeps the site's line, which most articles have: the headline then stays put. */}
            {(analysis.siteName || preview) && <p class="jd-site">{analysis.siteName || '\u00a0'}</p>}
            <h1 class="jd-title">{analysis.title || new URL(url).hostname}</h1>
            <p class="jd-meta">
              {meta.map((m, i) => (
                <span key={i}>{m}</span>
              ))}
            </p>
            <a class="jd-original" href={url} target="_blank" rel="noopener noreferrer" onClick={(e) => backToPage(e, onClose)}>
              {t('readerOriginal')}
            </a>
            <Legend shown={shown} allEntities={allEntities} t={t} onToggleType={onToggleType} onAllEntities={onAllEntities} />
            {unplaced > 0 && (
              <p class="jd-unplaced" role="status">
                {t('readerQuotesUnplaced', unplaced)}
              </p>
            )}
          </header>
          <ArticleBody html={analysis.html} title={analysis.title} sanitizer={sanitizer} quotes={quotes} imageHosts={imageHosts} urls={pages?.set.urls ?? [url]} first={pages?.set.first ?? 1} t={t} onBody={onBody} onUnplaced={setUnplaced} preview={preview} />
          <PagesNotice pages={pages} t={t} onRetry={() => onRetryPages?.()} />
        </article>
      </main>
    </div>
  );
}
