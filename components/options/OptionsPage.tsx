// Every setting in one place, over the one settings schema. Native form controls with labels, so
// the page works by keyboard and with screen readers as it is.

import { useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import type { UserPhrase } from '../../utils/script/phrases';
import { TARGETS, type Target } from '../../utils/script/targets';
import { ENTITY_TYPES } from '../../utils/nlp/rules';
import {
  FONT_SIZE,
  SUMMARY_MODES,
  FONTS,
  SCRIPT_CHOICES,
  THEMES,
  WIDTHS,
  type ReaderSettings,
  type ScriptChoice,
  type Settings,
  type SiteScript,
} from '../../utils/settings/schema';
import type { Translate } from '../reader/types';
import { AboutSection, LearnSection } from './LearnSection';

export interface OptionsPageProps {
  settings: Settings;
  t: Translate;
  onChange(change: (s: Settings) => Settings): void;
  onExport(kind: 'phrases' | 'sites'): void;
  onImport(kind: 'phrases' | 'sites', file: File): void;
  onReset(): void;
  /** the last import's outcome, shown politely */
  status: string;
  /** the browser has an on-device summarizer */
  summaryAvailable: boolean;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const choiceLabel = (t: Translate, c: ScriptChoice) => t(`script${cap(c)}` as MessageKey);

export function Select<T extends string>(props: { id: string; label: string; value: T; values: readonly T[]; labelOf(v: T): string; onChange(v: T): void }) {
  return (
    <p class="jd-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {props.labelOf(v)}
          </option>
        ))}
      </select>
    </p>
  );
}

export function Check(props: { id: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <p class="jd-field jd-check">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={props.id}>{props.label}</label>
    </p>
  );
}

function ReaderSection({ settings, t, onChange }: Pick<OptionsPageProps, 'settings' | 't' | 'onChange'>) {
  const r = settings.reader;
  const set = (change: Partial<ReaderSettings>) => onChange((s) => ({ ...s, reader: { ...s.reader, ...change } }));
  return (
    <section aria-labelledby="sec-reader">
      <h2 id="sec-reader">{t('optionsReader')}</h2>
      <Select id="theme" label={t('readerTheme')} value={r.theme} values={THEMES} labelOf={(v) => t(`theme${cap(v)}` as MessageKey)} onChange={(theme) => set({ theme })} />
      <Select id="font" label={t('readerFont')} value={r.font} values={FONTS} labelOf={(v) => t(`font${cap(v)}` as MessageKey)} onChange={(font) => set({ font })} />
      <Select id="width" label={t('readerWidth')} value={r.width} values={WIDTHS} labelOf={(v) => t(`width${cap(v)}` as MessageKey)} onChange={(width) => set({ width })} />
      <p class="jd-field">
        <label for="size">{t('optionsFontSize')}</label>
        <input id="size" type="number" min={FONT_SIZE.min} max={FONT_SIZE.max} step={FONT_SIZE.step} value={r.fontSize} onChange={(e) => set({ fontSize: Number((e.currentTarget as HTMLInputElement).value) })} />
      </p>
      <p class="jd-help">{t('optionsShortcut')}</p>
      <Check id="prepare" label={t('optionsPrepare')} checked={r.prepare} onChange={(prepare) => set({ prepare })} />
      <Check id="join-pages" label={t('optionsJoinPages')} checked={r.joinPages} onChange={(joinPages) => set({ joinPages })} />
    </section>
  );
}

function ScriptSection({ settings, t, onChange }: Pick<OptionsPageProps, 'settings' | 't' | 'onChange'>) {
  const sc = settings.script;
  const set = (change: Partial<Settings['script']>) => onChange((s) => ({ ...s, script: { ...s.script, ...change } }));
  return (
    <section aria-labelledby="sec-script">
      <h2 id="sec-script">{t('optionsScript')}</h2>
      <Select id="simplified-pages" label={t('optionsSimplifiedPages')} value={sc.simplifiedPages} values={SCRIPT_CHOICES.filter((c) => c !== 'simplified')} labelOf={(c) => choiceLabel(t, c)} onChange={(simplifiedPages) => set({ simplifiedPages })} />
      <Select id="traditional-pages" label={t('optionsTraditionalPages')} value={sc.traditionalPages} values={SCRIPT_CHOICES} labelOf={(c) => choiceLabel(t, c)} onChange={(traditionalPages) => set({ traditionalPages })} />
      <Check id="repair" label={t('optionsRepair')} checked={sc.repairPinyin} onChange={(repairPinyin) => set({ repairPinyin })} />
      <Check id="ts-ext" label={t('optionsTsExt')} checked={sc.tsCharactersExt} onChange={(tsCharactersExt) => set({ tsCharactersExt })} />
    </section>
  );
}

function PanelSection({ settings, t, onChange, summaryAvailable }: Pick<OptionsPageProps, 'settings' | 't' | 'onChange' | 'summaryAvailable'>) {
  const p = settings.panel;
  return (
    <section aria-labelledby="sec-panel">
      <h2 id="sec-panel">{t('optionsPanel')}</h2>
      <fieldset class="jd-fieldset">
        <legend>{t('readerLegend')}</legend>
        {ENTITY_TYPES.map((type) => (
          <Check key={type} id={`ent-${type}`} label={t(`entity${cap(type)}` as MessageKey)} checked={p.entities[type]} onChange={(on) => onChange((s) => ({ ...s, panel: { ...s.panel, entities: { ...s.panel.entities, [type]: on } } }))} />
        ))}
      </fieldset>
      <Select
        id="summary-mode"
        label={t('optionsSummaryMode')}
        value={p.summary}
        values={summaryAvailable ? SUMMARY_MODES : (['extractive'] as const)}
        labelOf={(m) => t(m === 'extractive' ? 'panelSummaryExtractive' : 'panelSummaryBuiltin')}
        onChange={(summary) => onChange((s) => ({ ...s, panel: { ...s.panel, summary } }))}
      />
    </section>
  );
}

function SitesSection({ settings, t, onChange, onExport, onImport }: OptionsPageProps) {
  const [host, setHost] = useState('');
  const [invalid, setInvalid] = useState(false);
  const sites = settings.script.sites;
  const setSite = (h: string, site: SiteScript | null) =>
    onChange((s) => {
      const next = { ...s.script.sites };
      if (site && (site.page || site.reader)) next[h] = site;
      else delete next[h];
      return { ...s, script: { ...s.script, sites: next } };
    });
  const add = (e: Event) => {
    e.preventDefault();
    const h = host.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(h)) return setInvalid(true);
    setInvalid(false);
    setSite(h, { ...sites[h], page: sites[h]?.page ?? 'simplified' });
    setHost('');
  };
  const pageValues = ['default', 'never', ...TARGETS] as const;
  return (
    <section aria-labelledby="sec-sites">
      <h2 id="sec-sites">{t('optionsSites')}</h2>
      <p class="jd-help">{t('optionsSitesHelp')}</p>
      {Object.keys(sites).length === 0 ? (
        <p class="jd-empty">{t('optionsNone')}</p>
      ) : (
        <table class="jd-table">
          <thead>
            <tr>
              <th scope="col">{t('optionsHost')}</th>
              <th scope="col">{t('optionsPageRule')}</th>
              <th scope="col">{t('optionsReaderRule')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {Object.entries(sites)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([h, site]) => (
                <tr key={h}>
                  <th scope="row">{h}</th>
                  <td>
                    <select aria-label={`${t('optionsPageRule')}: ${h}`} value={site.page ?? 'default'} onChange={(e) => {
                      const v = (e.currentTarget as HTMLSelectElement).value as (typeof pageValues)[number];
                      setSite(h, { ...site, page: v === 'default' ? undefined : v });
                    }}>
                      {pageValues.map((v) => (
                        <option key={v} value={v}>
                          {v === 'default' ? t('ruleDefault') : v === 'never' ? t('ruleNever') : choiceLabel(t, v)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${t('optionsReaderRule')}: ${h}`} value={site.reader ?? 'default'} onChange={(e) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      setSite(h, { ...site, reader: v === 'default' ? undefined : (v as ScriptChoice) });
                    }}>
                      <option value="default">{t('ruleDefault')}</option>
                      {SCRIPT_CHOICES.map((c) => (
                        <option key={c} value={c}>
                          {choiceLabel(t, c)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" class="jd-chip" aria-label={t('optionsRemoveItem', h)} onClick={() => setSite(h, null)}>
                      {t('optionsRemove')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <form class="jd-row" onSubmit={add}>
        <label for="new-host" class="jd-visually-hidden">{t('optionsHost')}</label>
        <input id="new-host" type="text" inputMode="url" placeholder={t('optionsHostPlaceholder')} value={host} aria-invalid={invalid} aria-describedby={invalid ? 'host-error' : undefined} onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="jd-chip jd-add-site">{t('optionsAddSite')}</button>
        <TransferButtons kind="sites" t={t} onExport={onExport} onImport={onImport} />
      </form>
      {invalid && (
        <p id="host-error" class="jd-error" role="alert">
          {t('optionsBadHost')}
        </p>
      )}
    </section>
  );
}

function TransferButtons({ kind, t, onExport, onImport }: { kind: 'phrases' | 'sites'; t: Translate } & Pick<OptionsPageProps, 'onExport' | 'onImport'>) {
  const id = `import-${kind}`;
  return (
    <span class="jd-transfer">
      <button type="button" class={`jd-chip jd-export-${kind}`} onClick={() => onExport(kind)}>
        {t('optionsExport')}
      </button>
      <label class="jd-chip jd-file" for={id}>
        {t('optionsImport')}
      </label>
      <input id={id} class="jd-visually-hidden" type="file" accept="application/json,.json" onChange={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        const file = input.files?.[0];
        if (file) onImport(kind, file);
        input.value = '';
      }} />
    </span>
  );
}

function PhrasesSection({ settings, t, onChange, onExport, onImport }: OptionsPageProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [target, setTarget] = useState<Target | 'auto'>('auto');
  const phrases = settings.script.phrases;
  const setPhrases = (next: UserPhrase[]) => onChange((s) => ({ ...s, script: { ...s.script, phrases: next } }));
  const add = (e: Event) => {
    e.preventDefault();
    if (!from.trim()) return;
    const p: UserPhrase = target === 'auto' ? { from: from.trim(), to } : { from: from.trim(), to, targets: [target] };
    setPhrases([...phrases.filter((x) => x.from !== p.from), p]);
    setFrom('');
    setTo('');
  };
  return (
    <section aria-labelledby="sec-phrases">
      <h2 id="sec-phrases">{t('optionsPhrases')}</h2>
      <p class="jd-help">{t('optionsPhrasesHelp')}</p>
      {phrases.length === 0 ? (
        <p class="jd-empty">{t('optionsNone')}</p>
      ) : (
        <table class="jd-table">
          <thead>
            <tr>
              <th scope="col">{t('optionsPhraseFrom')}</th>
              <th scope="col">{t('optionsPhraseTo')}</th>
              <th scope="col">{t('optionsPhraseTargets')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {phrases.map((p) => (
              <tr key={p.from}>
                <td>{p.from}</td>
                <td>{p.to}</td>
                <td>{p.targets?.length ? p.targets.map((x) => choiceLabel(t, x)).join('、') : t('optionsPhraseAuto')}</td>
                <td>
                  <button type="button" class="jd-chip" aria-label={t('optionsRemoveItem', p.from)} onClick={() => setPhrases(phrases.filter((x) => x !== p))}>
                    {t('optionsRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="jd-row" onSubmit={add}>
        <label for="phrase-from">{t('optionsPhraseFrom')}</label>
        <input id="phrase-from" type="text" maxLength={200} value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        <label for="phrase-to">{t('optionsPhraseTo')}</label>
        <input id="phrase-to" type="text" maxLength={200} value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        <label for="phrase-target" class="jd-visually-hidden">{t('optionsPhraseTargets')}</label>
        <select id="phrase-target" value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value as Target | 'auto')}>
          <option value="auto">{t('optionsPhraseAuto')}</option>
          {TARGETS.map((x) => (
            <option key={x} value={x}>
              {choiceLabel(t, x)}
            </option>
          ))}
        </select>
        <button type="submit" class="jd-chip jd-add-phrase">{t('optionsAddPhrase')}</button>
        <TransferButtons kind="phrases" t={t} onExport={onExport} onImport={onImport} />
      </form>
    </section>
  );
}

export function OptionsPage(props: OptionsPageProps) {
  const { t, onReset, status } = props;
  return (
    <main class="jd-options">
      <h1>{t('optionsTitle')}</h1>
      <p class="jd-status-line" role="status" aria-live="polite">
        {status}
      </p>
      <ReaderSection {...props} />
      <ScriptSection {...props} />
      <PanelSection {...props} />
      <LearnSection {...props} />
      <SitesSection {...props} />
      <PhrasesSection {...props} />
      <p>
        <button type="button" class="jd-chip jd-danger" onClick={onReset}>
          {t('optionsReset')}
        </button>
      </p>
      <AboutSection t={t} />
    </main>
  );
}
