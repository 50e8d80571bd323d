// The reader view: toolbar, article header and the sanitized article body.

import { useEffect, useRef } from 'preact/hooks';
import type { Analysis } from '../../utils/analyze';
import { readingMinutes } from '../../utils/page/reading-time';
import type { Sanitizer } from '../../utils/page/sanitize';
import type { ReaderSettings, ScriptChoice } from '../../utils/settings/schema';
import { ReaderToolbar } from './ReaderToolbar';
import type { Translate } from './types';

export interface ReaderViewProps {
  analysis: Analysis;
  url: string;
  settings: ReaderSettings;
  script: ScriptChoice;
  sanitizer: Sanitizer;
  t: Translate;
  locale: string;
  onScript(choice: ScriptChoice): void;
  onSettings(change: Partial<ReaderSettings>): void;
  onClose(): void;
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

/** The article body: a fragment that has been through DOMPurify, appended as nodes (no innerHTML). */
function ArticleBody({ html, sanitizer }: { html: string; sanitizer: Sanitizer }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(sanitizer.fragment(html));
  }, [html, sanitizer]);
  return <div class="jd-body" ref={ref} />;
}

/** A plain click on "original page" goes back to the page underneath; modified clicks open a tab. */
function backToPage(e: MouseEvent, onClose: () => void) {
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  onClose();
}

export function ReaderView({ analysis, url, settings, script, sanitizer, t, locale, onScript, onSettings, onClose }: ReaderViewProps) {
  const meta = [
    analysis.byline,
    analysis.siteName,
    analysis.published ? formatDate(analysis.published, locale) : null,
    t('readerMinutes', readingMinutes(analysis.text)),
    analysis.repairs.pinyinAnnotations ? t('readerRepaired', analysis.repairs.pinyinAnnotations) : null,
  ].filter(Boolean);
  return (
    <div class="jd-reader">
      <ReaderToolbar settings={settings} script={script} t={t} onScript={onScript} onSettings={onSettings} onClose={onClose} />
      <main class="jd-page" id="jd-main" tabIndex={-1}>
        {!analysis.isArticle && (
          <p class="jd-notice" role="note">
            {t('readerNotArticle')}
          </p>
        )}
        <article class="jd-article" lang={analysis.lang ?? undefined}>
          <header class="jd-header">
            {analysis.siteName && <p class="jd-site">{analysis.siteName}</p>}
            <h1 class="jd-title">{analysis.title || new URL(url).hostname}</h1>
            <p class="jd-meta">
              {meta.map((m, i) => (
                <span key={i}>{m}</span>
              ))}
            </p>
            <a class="jd-original" href={url} target="_blank" rel="noopener noreferrer" onClick={(e) => backToPage(e, onClose)}>
              {t('readerOriginal')}
            </a>
          </header>
          <ArticleBody html={analysis.html} sanitizer={sanitizer} />
        </article>
      </main>
    </div>
  );
}
