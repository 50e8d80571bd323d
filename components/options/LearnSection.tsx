// Options for listening and learning (read aloud, readings, look-up), and the About section that
// credits the dictionary and the reading libraries.

import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import { READING_SCRIPTS, READING_SYSTEMS } from '../../utils/readings/systems';
import { LOOKUP_MODES, SPEECH_RATE, type LearnSettings, type Settings } from '../../utils/settings/schema';
import { regionOf } from '../../utils/speech/voices';
import type { Translate } from '../reader/types';
import { Check, Select } from './OptionsPage';

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const RATES = Array.from({ length: (SPEECH_RATE.max - SPEECH_RATE.min) / SPEECH_RATE.step + 1 }, (_, i) => String(SPEECH_RATE.min + i * SPEECH_RATE.step));

/** The system's Chinese voices, as they come (the list can arrive late). */
function useChineseVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const read = () => setVoices(speechSynthesis.getVoices().filter((v) => regionOf(v.lang)));
    read();
    speechSynthesis.addEventListener('voiceschanged', read);
    return () => speechSynthesis.removeEventListener('voiceschanged', read);
  }, []);
  return voices;
}

export function LearnSection({ settings, t, onChange }: { settings: Settings; t: Translate; onChange(change: (s: Settings) => Settings): void }) {
  const l = settings.learn;
  const set = (change: Partial<LearnSettings>) => onChange((s) => ({ ...s, learn: { ...s.learn, ...change } }));
  const voices = useChineseVoices().filter((v) => l.networkVoices || v.localService || v.voiceURI === l.voice);
  const voiceValues = ['', ...voices.map((v) => v.voiceURI)];
  const voiceName = (uri: string) => {
    const v = voices.find((x) => x.voiceURI === uri);
    if (!v) return t('voiceAuto');
    return v.localService ? `${v.name} (${v.lang})` : t('voiceOnline', `${v.name} (${v.lang})`);
  };
  return (
    <section aria-labelledby="sec-learn">
      <h2 id="sec-learn">{t('optionsLearn')}</h2>
      <Check id="readings-on" label={t('optionsReadingsOn')} checked={l.readings} onChange={(readings) => set({ readings })} />
      {READING_SCRIPTS.map((script) => (
        <Select
          key={script}
          id={`readings-${script}`}
          label={t('optionsReadingsFor', t(`switch${cap(script)}` as MessageKey))}
          value={l.systems[script]}
          values={READING_SYSTEMS}
          labelOf={(s) => t(`reading${cap(s)}` as MessageKey)}
          onChange={(system) => set({ systems: { ...l.systems, [script]: system } })}
        />
      ))}
      <Select id="lookup-mode" label={t('optionsLookup')} value={l.lookup} values={LOOKUP_MODES} labelOf={(m) => t(`lookup${cap(m)}` as MessageKey)} onChange={(lookup) => set({ lookup })} />
      <Select id="voice" label={t('optionsVoice')} value={l.voice ?? ''} values={voiceValues} labelOf={voiceName} onChange={(v) => set({ voice: v || null })} />
      <Select id="rate" label={t('optionsRate')} value={String(l.rate)} values={RATES} labelOf={(r) => `${r}×`} onChange={(r) => set({ rate: Number(r) })} />
      <Check id="network-voices" label={t('optionsNetworkVoices')} checked={l.networkVoices} onChange={(networkVoices) => set({ networkVoices })} />
    </section>
  );
}

export function AboutSection({ t }: { t: Translate }) {
  return (
    <section aria-labelledby="sec-about">
      <h2 id="sec-about">{t('optionsAbout')}</h2>
      <p class="jd-help">{t('optionsAboutCedict')}</p>
    </section>
  );
}
