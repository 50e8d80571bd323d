// Settings as preact state, kept in sync with storage (another tab's change shows up here too).

import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings/schema';
import { getSettings, updateSettings, watchSettings } from './settings';

export function useSettings(): [Settings, (change: (s: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return [settings, (change) => void updateSettings(change).then(setSettings)];
}
