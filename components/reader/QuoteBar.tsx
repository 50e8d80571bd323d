// "Save quote" by a selection in the reader: save, a colour, an optional note.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import { QUOTE_COLORS, type QuoteColor } from '../../utils/quotes/model';
import type { Translate } from './types';

export interface QuoteBarProps {
  /** where the selection is, in viewport coordinates */
  rect: { left: number; bottom: number };
  t: Translate;
  onSave(choice: { color: QuoteColor; note: string }): void;
  onClose(): void;
}

export function QuoteBar({ rect, t, onSave, onClose }: QuoteBarProps) {
  const [color, setColor] = useState<QuoteColor>('yellow');
  const [note, setNote] = useState('');
  const [noting, setNoting] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (noting) ref.current?.focus();
  }, [noting]);
  const top = Math.min(innerHeight - 60, rect.bottom + 8);
  const left = Math.max(8, Math.min(innerWidth - 330, rect.left));
  return (
    <div class="jd-quotebar" role="dialog" aria-label={t('quoteSave')} style={{ top: `${top}px`, left: `${left}px` }} onMouseDown={(e) => (e.target as Element).tagName !== 'TEXTAREA' && e.preventDefault()}>
      <div class="jd-quotebar-row">
        <button type="button" class="jd-quotebar-save" onClick={() => onSave({ color, note })}>
          {t('quoteSave')}
        </button>
        {QUOTE_COLORS.map((c) => (
          <button type="button" key={c} class={`jd-dot jd-dot-${c}`} aria-pressed={color === c} aria-label={t(`color${c[0].toUpperCase()}${c.slice(1)}` as MessageKey)} onClick={() => setColor(c)} />
        ))}
        <button type="button" aria-label={t('quoteNote')} aria-expanded={noting} onClick={() => setNoting(!noting)}>
          ✎
        </button>
        <button type="button" aria-label={t('quoteDismiss')} onClick={onClose}>
          ✕
        </button>
      </div>
      {noting && <textarea ref={ref} aria-label={t('quoteNote')} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />}
    </div>
  );
}
