// The side panel: the current article's title, site and date, then tabs for its summary, outline,
// entities and quotes. A real ARIA tablist (arrow keys move between tabs); every item is a button.

import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import type { Analysis } from '../../utils/analyze';
import { ENTITY_TYPES, type EntityType } from '../../utils/nlp/rules';
import type { Translate } from '../reader/types';

export type PanelStatus = { kind: 'empty' | 'loading' | 'cannot' } | { kind: 'error'; message: string } | { kind: 'ready'; analysis: Analysis };

export interface PanelProps {
  status: PanelStatus;
  t: Translate;
  locale: string;
  /** entity types shown highlighted */
  shown: Record<EntityType, boolean>;
  /** every entity marked in the reader, not only the key ones */
  allEntities: boolean;
  /** index into the outline of the section the reader is in, or -1 */
  section: number;
  /** the browser's own summary, when the reader asked for it */
  builtin: { available: boolean; text: string | null; error: string | null; busy: boolean };
  onOutline(index: number): void;
  onSummary(sentence: string): void;
  onEntity(entity: { text: string; type: EntityType }): void;
  onToggleType(type: EntityType, shown: boolean): void;
  onAllEntities(all: boolean): void;
  onBuiltinSummary(): void;
  quotes?: ComponentChildren;
}

const TABS = ['summary', 'outline', 'entities', 'quotes'] as const;
type Tab = (typeof TABS)[number];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function formatDate(iso: string, locale: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: /T/.test(iso) ? undefined : 'UTC' }).format(d);
}

export function Panel(props: PanelProps) {
  const { status, t } = props;
  const [tab, setTab] = useState<Tab>('summary');
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  if (status.kind !== 'ready') {
    const message =
      status.kind === 'loading' ? t('panelAnalysing') : status.kind === 'cannot' ? t('panelCannotRead') : status.kind === 'error' ? t('panelError', status.message) : t('panelNoTab');
    return (
      <main class="jd-panel">
        <p class="jd-panel-status" role="status" aria-busy={status.kind === 'loading'}>
          {message}
        </p>
      </main>
    );
  }

  const a = status.analysis;
  const onKey = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const k = (next + TABS.length) % TABS.length;
    setTab(TABS[k]);
    tabRefs.current[k]?.focus();
  };
  const label: Record<Tab, MessageKey> = { summary: 'panelSummary', outline: 'panelOutline', entities: 'panelEntities', quotes: 'panelQuotes' };

  return (
    <main class="jd-panel" lang={a.lang ?? undefined}>
      <header class="jd-panel-head">
        {a.siteName && <p class="jd-panel-site">{a.siteName}</p>}
        <h1 class="jd-panel-title">{a.title}</h1>
        {(a.byline || a.published) && <p class="jd-panel-meta">{[a.byline, a.published && formatDate(a.published, props.locale)].filter(Boolean).join(' · ')}</p>}
        {!a.isArticle && <p class="jd-panel-note">{t('panelNotArticle')}</p>}
      </header>
      <div class="jd-tabs" role="tablist" aria-label={t('panelSections')}>
        {TABS.map((k, i) => (
          <button
            type="button"
            role="tab"
            id={`tab-${k}`}
            key={k}
            ref={(el) => void (tabRefs.current[i] = el)}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={(e) => onKey(e as unknown as KeyboardEvent, i)}
          >
            {t(label[k])}
          </button>
        ))}
      </div>
      {TABS.map((k) => (
        <section key={k} role="tabpanel" id={`panel-${k}`} aria-labelledby={`tab-${k}`} hidden={tab !== k} tabIndex={0} class="jd-tabpanel">
          {k === 'summary' && <SummaryTab {...props} analysis={a} />}
          {k === 'outline' && <OutlineTab {...props} analysis={a} />}
          {k === 'entities' && <EntitiesTab {...props} analysis={a} />}
          {k === 'quotes' && (props.quotes ?? <p class="jd-empty">{t('panelQuotesSoon')}</p>)}
        </section>
      ))}
    </main>
  );
}

function SummaryTab({ analysis, t, onSummary, builtin, onBuiltinSummary }: PanelProps & { analysis: Analysis }) {
  return (
    <>
      <h2 class="jd-sub">{t('panelSummaryExtractive')}</h2>
      {analysis.summary.length ? (
        <ol class="jd-summary">
          {analysis.summary.map((s, i) => (
            <li key={i}>
              <button type="button" class="jd-link" onClick={() => onSummary(s)} title={t('panelGoTo', s.slice(0, 20))}>
                {s}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p class="jd-empty">{t('panelNoSummary')}</p>
      )}
      {builtin.available && (
        <div class="jd-builtin">
          <h2 class="jd-sub">{t('panelSummaryBuiltin')}</h2>
          {builtin.text ? (
            <>
              <p class="jd-builtin-text">{builtin.text}</p>
              <p class="jd-empty">{t('panelSummaryBuiltinNote')}</p>
            </>
          ) : (
            <button type="button" class="jd-chip" disabled={builtin.busy} aria-busy={builtin.busy} onClick={onBuiltinSummary}>
              {builtin.busy ? t('panelAnalysing') : t('panelSummaryBuiltin')}
            </button>
          )}
          {builtin.error && <p class="jd-error">{t('panelSummaryBuiltinFailed', builtin.error)}</p>}
        </div>
      )}
    </>
  );
}

function OutlineTab({ analysis, t, onOutline, section }: PanelProps & { analysis: Analysis }) {
  if (!analysis.outline.length) return <p class="jd-empty">{t('panelNoOutline')}</p>;
  return (
    <ol class="jd-outline">
      {analysis.outline.map((o, i) => (
        <li key={i} class={`jd-level-${o.level}`}>
          <button type="button" class="jd-link" aria-current={section === i ? 'location' : undefined} onClick={() => onOutline(i)}>
            {o.text}
            {section === i && <span class="jd-visually-hidden"> ({t('panelCurrent')})</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** Every entity, grouped by type, key ones first in each group (the list comes sorted so), with counts. */
function EntitiesTab({ analysis, t, shown, allEntities, onEntity, onToggleType, onAllEntities }: PanelProps & { analysis: Analysis }) {
  if (!analysis.entities.length) return <p class="jd-empty">{t('panelNoEntities')}</p>;
  return (
    <>
      <label class="jd-type-toggle jd-all-toggle" title={t('entitiesAllHint')}>
        <input type="checkbox" checked={allEntities} onChange={(e) => onAllEntities((e.currentTarget as HTMLInputElement).checked)} />
        {t('entitiesAll')}
      </label>
      {ENTITY_TYPES.map((type) => {
        const list = analysis.entities.filter((e) => e.type === type);
        if (!list.length) return null;
        const name = t(`entity${cap(type)}` as MessageKey);
        return (
          <section key={type} class="jd-ent-group" aria-label={name}>
            <h2 class="jd-sub">
              <label class="jd-type-toggle">
                <input type="checkbox" checked={shown[type]} onChange={(e) => onToggleType(type, (e.currentTarget as HTMLInputElement).checked)} aria-label={t('panelShowType', name)} />
                <span class={`jd-swatch jd-ent jd-ent-${type}`} aria-hidden="true">
                  {name.slice(0, 1)}
                </span>
                {name} <span class="jd-count">{list.length}</span>
              </label>
            </h2>
            <ul class="jd-ent-list">
              {list.map((e) => (
                <li key={e.text}>
                  <button type="button" class={`jd-chip jd-ent-item jd-ent-item-${type}${e.key ? ' jd-ent-item-key' : ''}`} onClick={() => onEntity(e)} title={t('panelEntityNext', e.text, e.count)}>
                    {e.text} <span class="jd-count">{e.count}</span>
                    {e.key && <span class="jd-key-badge">{t('entityKey')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
