// Settings in extension storage: one versioned item, normalized on every read.

import { storage } from '@wxt-dev/storage';
import { MIGRATIONS } from '../utils/settings/migrations';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION, type Settings } from '../utils/settings/schema';

const item = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
});

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await item.getValue());
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await getSettings()));
  await item.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((v) => cb(normalizeSettings(v)));
}
