// The one settings schema. Stored as a single object under `local:settings`; the version lives in
// WXT storage's metadata and `migrations.ts` lifts older objects. `normalizeSettings` is applied to
// everything read back, so a hand-edited or half-written value can never break a page.

import { TARGETS, type Target } from '../script/targets';
import type { UserPhrase } from '../script/phrases';
import { ENTITY_TYPES, type EntityType } from '../nlp/rules';
import { DEFAULT_READING_SYSTEMS, isReadingSystem, READING_SCRIPTS, type ReadingScript, type ReadingSystem } from '../readings/systems';

export const SETTINGS_VERSION = 7;

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
  /** load and read the reader in advance on article pages, hidden (opens at once; costs some memory per visible tab) */
  prepare: boolean;
  /** fetch and join the following pages of a multi-page article (from the same site, as the page would) */
  joinPages: boolean;
}

/** A script choice: one of the targets, or the page as it is. */
export type ScriptChoice = Target | 'original';
export const SCRIPT_CHOICES: readonly ScriptChoice[] = ['original', ...TARGETS];

export interface SiteScript {
  /** the original page: always show it in this script, or never convert it */
  page?: Target | 'never';
  /** the reader view's last choice on this site */
  reader?: ScriptChoice;
}

export interface ScriptSettings {
  /** global defaults: how to show pages written in each script */
  simplifiedPages: ScriptChoice;
  traditionalPages: ScriptChoice;
  /** per host name (without www.) */
  sites: Record<string, SiteScript>;
  phrases: UserPhrase[];
  /** OpenCC's TSCharactersExt on the way to Simplified (rare characters, may show tofu) */
  tsCharactersExt: boolean;
  /** remove 發(fā)布-style pinyin leaks in the reader view */
  repairPinyin: boolean;
}

export const SUMMARY_MODES = ['extractive', 'builtin'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];

export interface PanelSettings {
  /** which entity types are highlighted */
  entities: Record<EntityType, boolean>;
  /** mark every entity found (dates, figures, titles, every mention), not only the article's key people, organisations and places */
  allEntities: boolean;
  /** extractive (always available) or the browser's on-device summarizer where it exists */
  summary: SummaryMode;
}

export const LOOKUP_MODES = ['off', 'click', 'hover'] as const;
export type LookupMode = (typeof LOOKUP_MODES)[number];
export const SPEECH_RATE = { min: 0.5, max: 2, step: 0.25 } as const;

/** Read aloud, readings over the text and word look-up in the reader. */
export interface LearnSettings {
  /** readings (pinyin, zhuyin, jyutping) over the reader's text */
  readings: boolean;
  /** the reading system for each script the reader shows */
  systems: Record<ReadingScript, ReadingSystem>;
  /** a word's card on click, on hover, or not at all */
  lookup: LookupMode;
  /** a voice chosen by the reader (its voiceURI); null: the best one for the script shown */
  voice: string | null;
  /** speech rate, 1 is the voice's own */
  rate: number;
  /** also offer voices that send the text to their vendor (not on this machine) */
  networkVoices: boolean;
}

export interface Settings {
  reader: ReaderSettings;
  script: ScriptSettings;
  panel: PanelSettings;
  learn: LearnSettings;
}

export const DEFAULT_SCRIPT: ScriptSettings = {
  simplifiedPages: 'original',
  traditionalPages: 'original',
  sites: {},
  phrases: [],
  tsCharactersExt: false,
  repairPinyin: true,
};

export const DEFAULT_PANEL: PanelSettings = {
  entities: { person: true, organization: true, place: true, date: true, number: true, work: true },
  allEntities: false,
  summary: 'extractive',
};

export const DEFAULT_LEARN: LearnSettings = {
  readings: false,
  systems: DEFAULT_READING_SYSTEMS,
  lookup: 'click',
  voice: null,
  rate: 1,
  networkVoices: false,
};

export const DEFAULT_SETTINGS: Settings = {
  reader: { theme: 'system', fontSize: 19, font: 'sans', width: 'normal', prepare: true, joinPages: true },
  script: DEFAULT_SCRIPT,
  panel: DEFAULT_PANEL,
  learn: DEFAULT_LEARN,
};

export function normalizeLearn(raw: unknown): LearnSettings {
  const l = obj(raw);
  const d = DEFAULT_LEARN;
  const systems = obj(l.systems);
  const rate = typeof l.rate === 'number' && Number.isFinite(l.rate) ? Math.round(l.rate / SPEECH_RATE.step) * SPEECH_RATE.step : d.rate;
  return {
    readings: typeof l.readings === 'boolean' ? l.readings : d.readings,
    systems: Object.fromEntries(READING_SCRIPTS.map((s) => [s, isReadingSystem(systems[s]) ? systems[s] : d.systems[s]])) as Record<ReadingScript, ReadingSystem>,
    lookup: oneOf(LOOKUP_MODES, l.lookup, d.lookup),
    voice: str(l.voice, 500),
    rate: Math.min(SPEECH_RATE.max, Math.max(SPEECH_RATE.min, rate)),
    networkVoices: typeof l.networkVoices === 'boolean' ? l.networkVoices : d.networkVoices,
  };
}

const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : null);

export function normalizeSites(raw: unknown): Record<string, SiteScript> {
  const out: Record<string, SiteScript> = {};
  for (const [host, v] of Object.entries(obj(raw))) {
    if (!/^[a-z0-9.-]{1,253}$/i.test(host)) continue;
    const r = obj(v);
    const site: SiteScript = {};
    if (r.page === 'never' || TARGETS.includes(r.page as Target)) site.page = r.page as SiteScript['page'];
    if (SCRIPT_CHOICES.includes(r.reader as ScriptChoice)) site.reader = r.reader as ScriptChoice;
    if (site.page || site.reader) out[host.toLowerCase()] = site;
  }
  return out;
}

export function normalizePhrases(raw: unknown): UserPhrase[] {
  if (!Array.isArray(raw)) return [];
  const out: UserPhrase[] = [];
  for (const v of raw.slice(0, 5000)) {
    const r = obj(v);
    const from = str(r.from);
    const to = typeof r.to === 'string' && r.to.length <= 200 ? r.to : null;
    if (!from || to === null) continue;
    const targets = Array.isArray(r.targets) ? r.targets.filter((t): t is Target => TARGETS.includes(t as Target)) : [];
    out.push(targets.length ? { from, to, targets } : { from, to });
  }
  return out;
}


/** Any value → valid settings: unknown keys dropped, missing or invalid ones set to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = obj(obj(raw).reader);
  const d = DEFAULT_SETTINGS.reader;
  const size = typeof r.fontSize === 'number' && Number.isFinite(r.fontSize) ? Math.round(r.fontSize) : d.fontSize;
  const sc = obj(obj(raw).script);
  const pn = obj(obj(raw).panel);
  const ents = obj(pn.entities);
  const ds = DEFAULT_SCRIPT;
  return {
    reader: {
      theme: oneOf(THEMES, r.theme, d.theme),
      fontSize: Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, size)),
      font: oneOf(FONTS, r.font, d.font),
      width: oneOf(WIDTHS, r.width, d.width),
      prepare: typeof r.prepare === 'boolean' ? r.prepare : d.prepare,
      joinPages: typeof r.joinPages === 'boolean' ? r.joinPages : d.joinPages,
    },
    script: {
      simplifiedPages: oneOf(SCRIPT_CHOICES, sc.simplifiedPages, ds.simplifiedPages),
      traditionalPages: oneOf(SCRIPT_CHOICES, sc.traditionalPages, ds.traditionalPages),
      sites: normalizeSites(sc.sites),
      phrases: normalizePhrases(sc.phrases),
      tsCharactersExt: typeof sc.tsCharactersExt === 'boolean' ? sc.tsCharactersExt : ds.tsCharactersExt,
      repairPinyin: typeof sc.repairPinyin === 'boolean' ? sc.repairPinyin : ds.repairPinyin,
    },
    panel: {
      entities: Object.fromEntries(ENTITY_TYPES.map((t) => [t, typeof ents[t] === 'boolean' ? ents[t] : true])) as Record<EntityType, boolean>,
      allEntities: typeof pn.allEntities === 'boolean' ? pn.allEntities : DEFAULT_PANEL.allEntities,
      summary: oneOf(SUMMARY_MODES, pn.summary, DEFAULT_PANEL.summary),
    },
    learn: normalizeLearn(obj(raw).learn),
  };
}
