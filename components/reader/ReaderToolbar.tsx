// Reader settings: theme, font, size, line length, close. Every control is a real button with a
// label, reachable by Tab, and says its state (aria-pressed).

import { FONT_SIZE, FONTS, SCRIPT_CHOICES, THEMES, WIDTHS, type ReaderSettings, type ScriptChoice } from '../../utils/settings/schema';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from './types';
import type { MessageKey } from '../../platform/i18n';

interface Props {
  settings: ReaderSettings;
  script: ScriptChoice;
  t: Translate;
  onScript(choice: ScriptChoice): void;
  onSettings(change: Partial<ReaderSettings>): void;
  onOpenPanel(): void;
  onClose(): void;
  /** tools of features the reader composes (read aloud, readings, look-up) */
  tools?: ComponentChildren;
}

function Choice<K extends keyof ReaderSettings>(props: {
  name: K;
  values: readonly ReaderSettings[K][];
  label: MessageKey;
  labelOf: (v: ReaderSettings[K]) => MessageKey;
  settings: ReaderSettings;
  t: Translate;
  onSettings(change: Partial<ReaderSettings>): void;
}) {
  const { name, values, label, labelOf, settings, t, onSettings } = props;
  return (
    <div class="jd-group" role="group" aria-label={t(label)}>
      {values.map((v) => (
        <button
          type="button"
          key={String(v)}
          class={`jd-chip jd-${String(name)}-${String(v)}`}
          aria-pressed={settings[name] === v}
          onClick={() => onSettings({ [name]: v } as Partial<ReaderSettings>)}
        >
          {t(labelOf(v))}
        </button>
      ))}
    </div>
  );
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export function ReaderToolbar({ settings, script, t, onScript, onSettings, onOpenPanel, onClose, tools }: Props) {
  const size = settings.fontSize;
  const bar = useRef<HTMLElement>(null);
  // The toolbar stays on top and wraps to two rows or more on a narrow window: what the reader
  // scrolls to (a section, a sentence, an entity) lands below it, however tall it is (reader.css).
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const seen = new ResizeObserver(() => root.style.setProperty('--jd-toolbar-height', `${el.offsetHeight}px`));
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  return (
    <header ref={bar} class="jd-toolbar" role="toolbar" aria-label={t('readerToolbar')}>
      <button type="button" class="jd-close" onClick={onClose} aria-label={t('readerClose')} title={t('readerClose')}>
        <span aria-hidden="true">✕</span>
      </button>
      <div class="jd-group jd-script" role="group" aria-label={t('readerScript')} title={t('readerScriptHint')}>
        {SCRIPT_CHOICES.map((c) => (
          <button type="button" key={c} class={`jd-chip jd-script-${c}`} aria-pressed={script === c} onClick={() => onScript(c)}>
            {t(`switch${cap(c)}` as MessageKey)}
          </button>
        ))}
      </div>
      <button type="button" class="jd-chip jd-open-panel" onClick={onOpenPanel} title={t('readerPanel')}>
        {t('panelSummary')} · {t('panelOutline')}
      </button>
      {tools}
      <div class="jd-spacer" />
      <Choice name="theme" values={THEMES} label="readerTheme" labelOf={(v) => `theme${cap(v)}` as MessageKey} settings={settings} t={t} onSettings={onSettings} />
      <Choice name="font" values={FONTS} label="readerFont" labelOf={(v) => `font${cap(v)}` as MessageKey} settings={settings} t={t} onSettings={onSettings} />
      <div class="jd-group" role="group" aria-label={t('readerFontSize', size)}>
        <button type="button" class="jd-chip jd-smaller" disabled={size <= FONT_SIZE.min} onClick={() => onSettings({ fontSize: size - FONT_SIZE.step })} aria-label={`A− ${t('readerFontSmaller')}`} title={t('readerFontSmaller')}>
          A−
        </button>
        <output class="jd-size" aria-live="polite" aria-label={t('readerFontSize', size)}>
          {size}
        </output>
        <button type="button" class="jd-chip jd-larger" disabled={size >= FONT_SIZE.max} onClick={() => onSettings({ fontSize: size + FONT_SIZE.step })} aria-label={`A+ ${t('readerFontLarger')}`} title={t('readerFontLarger')}>
          A+
        </button>
      </div>
      <Choice name="width" values={WIDTHS} label="readerWidth" labelOf={(v) => `width${cap(v)}` as MessageKey} settings={settings} t={t} onSettings={onSettings} />
    </header>
  );
}
