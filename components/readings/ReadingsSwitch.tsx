// The 拼音 / 注音 / 粵拼 switch in the reader's toolbar, and the readings it puts over the article.
// Readings are read in the learning worker and put in in slices after the article's entity and
// quote marks are in (so marks never split a ruby); switching them off takes them out again.

import { useEffect } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import { readingsFor } from '../../platform/learn';
import { blockText } from '../../utils/nlp/highlight';
import { applyReadings, removeReadings, type Cancel } from '../../utils/readings/dom';
import { READING_SYSTEMS, type ReadingScript, type ReadingSystem } from '../../utils/readings/systems';
import type { LearnSettings } from '../../utils/settings/schema';
import type { Translate } from '../reader/types';
import './readings.css';

export interface ArticleState {
  /** the article's body once its marks are in, and a number that changes with every render */
  body: HTMLElement;
  generation: number;
}

interface Props {
  article: ArticleState | null;
  settings: LearnSettings;
  script: ReadingScript;
  t: Translate;
  onChange(change: Partial<LearnSettings>): void;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
export const systemLabel = (s: ReadingSystem): MessageKey => `reading${cap(s)}` as MessageKey;

export function ReadingsSwitch({ article, settings, script, t, onChange }: Props) {
  const system = settings.systems[script];
  const on = settings.readings;

  useEffect(() => {
    const root = document.documentElement;
    if (!article || !on) {
      if (article) removeReadings(article.body);
      delete root.dataset.readings;
      return;
    }
    const cancel: Cancel = { cancelled: false };
    void (async () => {
      removeReadings(article.body); // another system was on
      const bt = blockText(article.body);
      const readings = await readingsFor(bt.text, system, script !== 'simplified');
      if (cancel.cancelled) return;
      root.dataset.readings = system;
      performance.mark('jingdu:readings-start');
      await applyReadings(bt, readings, cancel);
      if (!cancel.cancelled) performance.mark('jingdu:readings-done');
    })().catch((e) => console.error('Jingdu: readings failed', e));
    return () => {
      cancel.cancelled = true;
    };
  }, [article?.body, article?.generation, on, system, script]);

  // Copying copies the characters: readings are hidden while the browser serializes the selection.
  useEffect(() => {
    if (!on) return;
    const onCopy = () => {
      const root = document.documentElement;
      root.classList.add('jd-copying');
      setTimeout(() => root.classList.remove('jd-copying'), 0);
    };
    document.addEventListener('copy', onCopy, true);
    return () => document.removeEventListener('copy', onCopy, true);
  }, [on]);

  return (
    <div class="jd-group jd-readings" role="group" aria-label={t('readingsSwitch')}>
      <button type="button" class="jd-chip jd-readings-toggle" aria-pressed={on} title={t('readingsSwitch')} onClick={() => onChange({ readings: !on })}>
        {on ? t('readingsLabel') : t(systemLabel(system))}
      </button>
      {on && (
        <select class="jd-chip jd-readings-system" aria-label={t('readingsSystem')} title={t('readingsSystem')} value={system} onChange={(e) => onChange({ systems: { ...settings.systems, [script]: (e.target as HTMLSelectElement).value as ReadingSystem } })}>
          {READING_SYSTEMS.map((s) => (
            <option key={s} value={s}>
              {t(systemLabel(s))}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
