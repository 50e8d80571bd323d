// The one settings schema. Stored as a single object under `local:settings`; the version lives in
// WXT storage's metadata and `migrations.ts` lifts older objects. `normalizeSettings` is applied to
// everything read back, so a hand-edited or half-written value can never break a page.

export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const FONTS = ['sans', 'serif'] as const;
export type FontFamily = (typeof FONTS)[number];
export const WIDTHS = ['narrow', 'normal', 'wide'] as const;
export type Width = (typeof WIDTHS)[number];

export const FONT_SIZE = { min: 14, max: 30, step: 1 } as const;

export interface ReaderSettings {
  theme: Theme;
  /** px */
  fontSize: number;
  font: FontFamily;
  width: Width;
}

export interface Settings {
  reader: ReaderSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  reader: { theme: 'system', fontSize: 19, font: 'sans', width: 'normal' },
};

const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Any value → valid settings: unknown keys dropped, missing or invalid ones set to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = obj(obj(raw).reader);
  const d = DEFAULT_SETTINGS.reader;
  const size = typeof r.fontSize === 'number' && Number.isFinite(r.fontSize) ? Math.round(r.fontSize) : d.fontSize;
  return {
    reader: {
      theme: oneOf(THEMES, r.theme, d.theme),
      fontSize: Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, size)),
      font: oneOf(FONTS, r.font, d.font),
      width: oneOf(WIDTHS, r.width, d.width),
    },
  };
}
