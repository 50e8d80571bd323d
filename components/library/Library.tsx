// All saved quotes: search that ignores script and punctuation, filters, sort, bulk delete with
// undo, export and import. Quotes and notes are page text and user text: rendered as text nodes
// only (preact escapes), never as HTML.

import { useMemo, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import type { Quote } from '../../utils/quotes/model';
import type { CitationFormat, CitationStyle } from '../../utils/citations/formats';
import { facets, searchQuotes, type QuoteFilter, type QuoteIndex, type QuoteSort } from '../../utils/quotes/search';
import type { Translate } from '../reader/types';

export interface LibraryProps {
  quotes: Quote[];
  index: QuoteIndex;
  t: Translate;
  locale: string;
  status: string;
  undo: { label: string; run(): void } | null;
  onDelete(ids: string[]): void;
  onCopy(q: Quote, style: CitationStyle): void;
  onOpen(q: Quote): void;
  onExport(kind: 'md' | 'json' | 'csv' | CitationFormat, quotes: Quote[]): void;
  onImport(file: File): void;
}

const PAGE = 100;
const SORTS: QuoteSort[] = ['newest', 'oldest', 'site', 'title'];
const day = (s: string, end = false) => (s ? new Date(`${s}T${end ? '23:59:59.999' : '00:00:00'}`).getTime() : null);

export function Library(props: LibraryProps) {
  const { quotes, index, t, locale } = props;
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<QuoteSort>('newest');
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const filter: QuoteFilter = { query, site: site || null, tag: tag || null, from: day(from), to: day(to, true), sort };
  const results = useMemo(() => searchQuotes(index, filter), [index, query, site, tag, from, to, sort]);
  const { sites, tags } = useMemo(() => facets(quotes), [quotes]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const reset = () => setShown(PAGE);
  // Exports take the selection when there is one, else every quote the filters show.
  const chosen = () => (selected.size ? quotes.filter((q) => selected.has(q.id)) : results);

  return (
    <main class="jd-library">
      <header class="jd-lib-head">
        <h1>{t('libraryTitle')}</h1>
        <div class="jd-lib-actions">
          <button type="button" class="jd-chip" onClick={() => props.onExport('md', chosen())}>{t('libraryExportMd')}</button>
          <button type="button" class="jd-chip" onClick={() => props.onExport('json', chosen())}>{t('libraryExportJson')}</button>
          <button type="button" class="jd-chip" onClick={() => props.onExport('csv', chosen())}>{t('libraryExportCsv')}</button>
          <label class="jd-chip jd-file" for="import">{t('libraryImport')}</label>
          <input id="import" class="jd-visually-hidden" type="file" accept="application/json,.json" onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            if (input.files?.[0]) props.onImport(input.files[0]);
            input.value = '';
          }} />
        </div>
      </header>
      <div class="jd-lib-cite" role="group" aria-labelledby="cite-label" title={t('libraryExportScope')}>
        <span id="cite-label">{t('libraryCiteFor')}</span>
        <button type="button" class="jd-chip" onClick={() => props.onExport('csl', chosen())}>{t('libraryExportCsl')}</button>
        <button type="button" class="jd-chip" onClick={() => props.onExport('bibtex', chosen())}>{t('libraryExportBibtex')}</button>
        <button type="button" class="jd-chip" onClick={() => props.onExport('ris', chosen())}>{t('libraryExportRis')}</button>
      </div>

      <form class="jd-lib-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="jd-visually-hidden" for="q">{t('librarySearch')}</label>
        <input id="q" type="search" placeholder={t('librarySearch')} value={query} onInput={(e) => (setQuery((e.currentTarget as HTMLInputElement).value), reset())} />
        <label class="jd-visually-hidden" for="site">{t('libraryAllSites')}</label>
        <select id="site" value={site} onChange={(e) => (setSite((e.currentTarget as HTMLSelectElement).value), reset())}>
          <option value="">{t('libraryAllSites')}</option>
          {sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label class="jd-visually-hidden" for="tag">{t('libraryAllTags')}</label>
        <select id="tag" value={tag} onChange={(e) => (setTag((e.currentTarget as HTMLSelectElement).value), reset())}>
          <option value="">{t('libraryAllTags')}</option>
          {tags.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label for="from">{t('libraryFrom')}</label>
        <input id="from" type="date" value={from} onChange={(e) => (setFrom((e.currentTarget as HTMLInputElement).value), reset())} />
        <label for="to">{t('libraryTo')}</label>
        <input id="to" type="date" value={to} onChange={(e) => (setTo((e.currentTarget as HTMLInputElement).value), reset())} />
        <label class="jd-visually-hidden" for="sort">{t('librarySort')}</label>
        <select id="sort" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as QuoteSort)}>
          {SORTS.map((s) => <option key={s} value={s}>{t(`sort${s[0].toUpperCase()}${s.slice(1)}` as MessageKey)}</option>)}
        </select>
      </form>

      <div class="jd-lib-bar">
        <p class="jd-count-line" role="status" aria-live="polite">{t('libraryCount', results.length, quotes.length)}</p>
        <label class="jd-check">
          <input type="checkbox" checked={results.length > 0 && results.every((q) => selected.has(q.id))} onChange={(e) => setSelected((e.currentTarget as HTMLInputElement).checked ? new Set(results.map((q) => q.id)) : new Set())} />
          {t('librarySelectAll')}
        </label>
        <button type="button" class="jd-chip jd-danger" disabled={!selected.size} onClick={() => {
          props.onDelete([...selected]);
          setSelected(new Set());
        }}>
          {t('libraryDeleteSelected', selected.size)}
        </button>
      </div>
      <p class="jd-status-line" role="status" aria-live="polite">
        {props.status}
        {props.undo && (
          <button type="button" class="jd-chip jd-undo" onClick={props.undo.run}>{props.undo.label}</button>
        )}
      </p>

      {quotes.length === 0 ? (
        <p class="jd-empty">{t('libraryNone')}</p>
      ) : results.length === 0 ? (
        <p class="jd-empty">{t('libraryEmpty')}</p>
      ) : (
        <ol class="jd-lib-list">
          {results.slice(0, shown).map((q) => (
            <li key={q.id} class={`jd-lib-item jd-color-${q.color}`}>
              <input type="checkbox" aria-label={t('librarySelect', q.text.slice(0, 30))} checked={selected.has(q.id)} onChange={(e) => toggle(q.id, (e.currentTarget as HTMLInputElement).checked)} />
              <div class="jd-lib-body">
                <blockquote class="jd-lib-text">{q.text}</blockquote>
                {q.note && <p class="jd-lib-note">{q.note}</p>}
                <p class="jd-lib-meta">
                  <span>{q.title || q.url}</span>
                  {q.site && <span>{q.site}</span>}
                  <span>{date.format(q.createdAt)}</span>
                  {q.tags.map((tg) => <span key={tg} class="jd-tag">#{tg}</span>)}
                </p>
                <p class="jd-lib-item-actions">
                  <button type="button" class="jd-chip" onClick={() => props.onCopy(q, 'jingdu')}>{t('quoteCopy')}</button>
                  <button type="button" class="jd-chip" onClick={() => props.onCopy(q, 'gbt7714')}>{t('quoteCopyGbt')}</button>
                  <button type="button" class="jd-chip jd-lib-open" onClick={() => props.onOpen(q)}>{t('libraryOpen')}</button>
                  <button type="button" class="jd-chip jd-danger" onClick={() => props.onDelete([q.id])}>{t('quoteDelete')}</button>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {results.length > shown && (
        <button type="button" class="jd-chip jd-more" onClick={() => setShown(shown + PAGE)}>{t('libraryMore', results.length - shown)}</button>
      )}
    </main>
  );
}
