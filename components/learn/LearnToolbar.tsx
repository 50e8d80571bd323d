// Listen and learn, as the reader's toolbar shows it: read aloud, readings over the text and the
// look-up switch, side by side. Each is a feature of its own (components/speech, readings, lookup).

import type { Settings, LearnSettings } from '../../utils/settings/schema';
import type { ReadingScript } from '../../utils/readings/systems';
import { LookupSwitch } from '../lookup/LookupSwitch';
import { ReadingsSwitch, type ArticleState } from '../readings/ReadingsSwitch';
import { SpeechControls } from '../speech/SpeechControls';
import type { Translate } from '../reader/types';

interface Props {
  article: ArticleState | null;
  settings: Settings;
  script: ReadingScript;
  t: Translate;
  update(change: (s: Settings) => Settings): void;
}

export function LearnToolbar({ article, settings, script, t, update }: Props) {
  const onChange = (change: Partial<LearnSettings>) => update((s) => ({ ...s, learn: { ...s.learn, ...change } }));
  return (
    <>
      <SpeechControls article={article} settings={settings.learn} script={script} t={t} onChange={onChange} />
      <ReadingsSwitch article={article} settings={settings.learn} script={script} t={t} onChange={onChange} />
      <LookupSwitch mode={settings.learn.lookup} t={t} onMode={(lookup) => onChange({ lookup })} />
    </>
  );
}
