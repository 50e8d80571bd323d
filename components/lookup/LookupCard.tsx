// The look-up card: the word, its other script's form, each reading with its definitions and
// measure words, and the dictionary's credit. A dialog that keyboard users reach; Esc (caught by
// LookupLayer, wherever focus is) closes it.

import { useEffect, useRef } from 'preact/hooks';
import type { Card } from '../../utils/lookup/card';
import type { ReadingSystem } from '../../utils/readings/systems';
import type { Translate } from '../reader/types';

interface Props {
  card: Card | null;
  word: string;
  rect: { left: number; top: number; bottom: number };
  focus: boolean;
  error?: string;
  system: ReadingSystem;
  t: Translate;
  onClose(): void;
}

const WIDTH = 320;

export function LookupCard({ card, word, rect, focus, error, system, t, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [card, focus]);
  // Below the word, or above it when the window has no room; never off the side.
  const below = rect.bottom + 8;
  const placeAbove = below + 220 > innerHeight && rect.top > 240;
  const style = {
    left: `${Math.max(8, Math.min(rect.left, innerWidth - WIDTH - 8))}px`,
    ...(placeAbove ? { bottom: `${innerHeight - rect.top + 8}px` } : { top: `${below}px` }),
  };
  const traditionalFirst = card ? card.entries.some((e) => e.traditional === card.word) && !card.entries.some((e) => e.simplified === card.word) : false;
  return (
    <div class="jd-lookup-card" role="dialog" aria-label={t('lookupTitle', word)} tabIndex={-1} ref={ref} style={style}>
      <button type="button" class="jd-lookup-close" aria-label={t('lookupClose')} title={t('lookupClose')} onClick={onClose}>
        <span aria-hidden="true">✕</span>
      </button>
      {error && <p class="jd-lookup-none">{t('lookupFailed', error)}</p>}
      {card && !card.entries.length && <p class="jd-lookup-none">{t('lookupNone', card.word)}</p>}
      {card && card.jyutping && system === 'jyutping' && (
        <p class="jd-lookup-jyutping" lang="yue-Latn">
          {card.jyutping}
        </p>
      )}
      {card?.entries.map((e, i) => {
        const other = traditionalFirst ? e.simplified : e.traditional;
        const shown = traditionalFirst ? e.traditional : e.simplified;
        return (
          <section class="jd-lookup-entry" key={i}>
            <h2 class="jd-lookup-word">
              <span lang={traditionalFirst ? 'zh-Hant' : 'zh-Hans'}>{shown}</span>
              {other !== shown && (
                <span class="jd-lookup-other" lang={traditionalFirst ? 'zh-Hans' : 'zh-Hant'}>
                  {other}
                </span>
              )}
              <span class="jd-lookup-pinyin" lang="zh-Latn-pinyin">
                {e.pinyin}
              </span>
              {e.zhuyin && <span class="jd-lookup-zhuyin">{e.zhuyin}</span>}
            </h2>
            <ol class="jd-lookup-defs" lang="en">
              {e.definitions.map((d, k) => (
                <li key={k}>{d}</li>
              ))}
            </ol>
            {e.classifiers.length > 0 && (
              <p class="jd-lookup-measure">
                {t('lookupMeasure')}:{' '}
                {e.classifiers.map((c, k) => (
                  <span key={k}>
                    {k > 0 && '、'}
                    {traditionalFirst ? c.traditional : c.simplified} {c.pinyin}
                  </span>
                ))}
              </p>
            )}
          </section>
        );
      })}
      <p class="jd-lookup-credit">{t('lookupCredit')}</p>
    </div>
  );
}
