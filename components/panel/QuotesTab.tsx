// The panel's quotes for this page: click to go there, edit note, tags and colour, delete with
// undo. Quotes that cannot be placed on the page are listed as such, never dropped.

import { useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import { QUOTE_COLORS, type Quote, type QuoteColor } from '../../utils/quotes/model';
import type { Translate } from '../reader/types';
import type { CitationStyle } from '../../utils/citations/formats';

export interface QuotesTabProps {
  quotes: Array<{ quote: Quote; found: boolean }>;
  t: Translate;
  undo: { count: number; run(): void } | null;
  onGo(q: Quote): void;
  onSave(q: Quote): void;
  onDelete(q: Quote): void;
  onCopy(q: Quote, style: CitationStyle): void;
  onLibrary(): void;
}

function Editor({ quote, t, onSave, onCancel }: { quote: Quote; t: Translate; onSave(q: Quote): void; onCancel(): void }) {
  const [note, setNote] = useState(quote.note);
  const [tags, setTags] = useState(quote.tags.join(', '));
  const [color, setColor] = useState<QuoteColor>(quote.color);
  const id = quote.id;
  return (
    <form
      class="jd-quote-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...quote, note, color, tags: tags.split(/[,，、]/).map((x) => x.trim()).filter(Boolean) });
      }}
    >
      <label for={`note-${id}`}>{t('quoteNote')}</label>
      <textarea id={`note-${id}`} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for={`tags-${id}`}>{t('quoteTags')}</label>
      <input id={`tags-${id}`} type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      <label for={`color-${id}`}>{t('quoteColor')}</label>
      <select id={`color-${id}`} value={color} onChange={(e) => setColor((e.currentTarget as HTMLSelectElement).value as QuoteColor)}>
        {QUOTE_COLORS.map((c) => (
          <option key={c} value={c}>
            {t(`color${c[0].toUpperCase()}${c.slice(1)}` as MessageKey)}
          </option>
        ))}
      </select>
      <p>
        <button type="submit" class="jd-chip">{t('quoteDone')}</button> <button type="button" class="jd-chip" onClick={onCancel}>{t('quoteDismiss')}</button>
      </p>
    </form>
  );
}

export function QuotesTab({ quotes, t, undo, onGo, onSave, onDelete, onCopy, onLibrary }: QuotesTabProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      {undo && (
        <p class="jd-undo-line" role="status">
          {t('quoteDeleted', undo.count)}{' '}
          <button type="button" class="jd-chip" onClick={undo.run}>
            {t('quoteUndo')}
          </button>
        </p>
      )}
      {quotes.length === 0 ? (
        <p class="jd-empty">{t('quotesNone')}</p>
      ) : (
        <ul class="jd-quotes">
          {quotes.map(({ quote: q, found }) => (
            <li key={q.id} class={`jd-quote-item jd-color-${q.color}`}>
              <button type="button" class="jd-link jd-quote-text" disabled={!found} onClick={() => onGo(q)} title={found ? t('quoteGoTo') : t('quoteNotFound')}>
                {q.text}
              </button>
              {!found && <p class="jd-not-found">{t('quoteNotFound')}</p>}
              {q.note && editing !== q.id && <p class="jd-quote-note">{q.note}</p>}
              {q.tags.length > 0 && editing !== q.id && <p class="jd-quote-tags">{q.tags.map((x) => `#${x}`).join(' ')}</p>}
              {editing === q.id ? (
                <Editor quote={q} t={t} onCancel={() => setEditing(null)} onSave={(next) => (onSave(next), setEditing(null))} />
              ) : (
                <p class="jd-quote-actions">
                  <button type="button" class="jd-chip" onClick={() => setEditing(q.id)}>{t('quoteEdit')}</button>
                  <button type="button" class="jd-chip" onClick={() => onCopy(q, 'jingdu')}>{t('quoteCopy')}</button>
                  <button type="button" class="jd-chip" onClick={() => onCopy(q, 'gbt7714')}>{t('quoteCopyGbt')}</button>
                  <button type="button" class="jd-chip" onClick={() => onDelete(q)}>{t('quoteDelete')}</button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" class="jd-chip" onClick={onLibrary}>{t('quoteLibrary')}</button>
      </p>
    </>
  );
}
