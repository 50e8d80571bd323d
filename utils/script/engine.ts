// OpenCC through opencc-js's full-accuracy path (ConverterBuilder with a preset: segmentation plus
// the whole conversion chain), one converter per direction, built once and reused. Presets load on
// demand: Simplified→Traditional needs the large cn2t dictionaries (~466 KB gzipped), the way back
// only t2cn (~54 KB); pairs between Traditional variants use the full preset (Node and tests).

import { ConverterBuilder, ConverterFactory, type ConverterFunction, type LocalePreset } from 'opencc-js/core';

/** opencc-js locales: cn Simplified, t OpenCC standard Traditional, tw/twp Taiwan (with phrases), hk, jp. */
export type Locale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';

export interface Pair {
  from: Locale;
  to: Locale;
}

export type PresetName = 'cn2t' | 't2cn' | 'full';

export const presetOf = ({ from, to }: Pair): PresetName => (from === 'cn' ? 'cn2t' : to === 'cn' ? 't2cn' : 'full');

/** The OpenCC config name of a pair (s2twp, tw2sp, t2hk…). */
export function configName({ from, to }: Pair): string {
  const side = (l: Locale) => (l === 'cn' ? 's' : l === 'twp' ? 'tw' : l === 'hkp' ? 'hk' : l);
  const phrases = from === 'twp' || from === 'hkp' || to === 'twp' || to === 'hkp' ? 'p' : '';
  return `${side(from)}2${side(to)}${phrases}`;
}

const loaders: Record<PresetName, () => Promise<LocalePreset>> = {
  cn2t: () => import('opencc-js/preset/cn2t') as Promise<LocalePreset>,
  t2cn: () => import('opencc-js/preset/t2cn') as Promise<LocalePreset>,
  full: () => import('opencc-js/preset') as Promise<LocalePreset>,
};

const built = new Map<string, Promise<ConverterFunction>>();

/** The converter for a pair; built on first use, then shared. */
export function converterFor(pair: Pair): Promise<ConverterFunction> {
  const key = `${pair.from}>${pair.to}`;
  let c = built.get(key);
  if (!c) {
    c = loaders[presetOf(pair)]().then((preset) => ConverterBuilder(preset)(pair));
    built.set(key, c);
    c.catch(() => built.delete(key)); // a failed load is retried next time
  }
  return c;
}

/**
 * OpenCC's TSCharactersExt, opt-in: rare Traditional characters whose Simplified forms may render as
 * missing-glyph boxes (OpenCC loads it only with --include-tofu-risk-dictionaries).
 */
let ext: Promise<ConverterFunction> | null = null;
export function tsCharactersExt(): Promise<ConverterFunction> {
  ext ??= import('./ts-characters-ext.generated').then((m) => ConverterFactory([[m.TS_CHARACTERS_EXT]]));
  return ext;
}
