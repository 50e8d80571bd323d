import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../utils/settings/migrations';
import { DEFAULT_SETTINGS, FONT_SIZE, normalizeSettings, SETTINGS_VERSION } from '../../../utils/settings/schema';

describe('settings schema', () => {
  it('has a migration for every version after the first', () => {
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(typeof MIGRATIONS[v], `migration to v${v}`).toBe('function');
    expect(Object.keys(MIGRATIONS).map(Number).every((v) => v >= 2 && v <= SETTINGS_VERSION)).toBe(true);
  });

  it('turns anything stored into valid settings', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}, { reader: null }, { reader: [] }]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and repairs invalid ones field by field', () => {
    const s = normalizeSettings({ reader: { theme: 'dark', fontSize: 99, font: 'comic', width: 'wide', prepare: 'yes', extra: true }, junk: 1 });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, reader: { theme: 'dark', fontSize: FONT_SIZE.max, font: 'sans', width: 'wide', prepare: true, joinPages: true } });
    expect(normalizeSettings({ reader: { prepare: false } }).reader.prepare).toBe(false);
    expect(normalizeSettings({ reader: { fontSize: Number.NaN } }).reader.fontSize).toBe(DEFAULT_SETTINGS.reader.fontSize);
    expect(normalizeSettings({ reader: { fontSize: 3 } }).reader.fontSize).toBe(FONT_SIZE.min);
    expect(normalizeSettings({ reader: { fontSize: 20.6 } }).reader.fontSize).toBe(21);
  });

  it('normalizing is idempotent', () => {
    const once = normalizeSettings({ reader: { theme: 'sepia', fontSize: 22 } });
    expect(normalizeSettings(once)).toEqual(once);
  });
});

describe('migrations', () => {
  it('v1 → v2 keeps reader settings and adds script defaults', () => {
    const v1 = { reader: { theme: 'sepia', fontSize: 22, font: 'serif', width: 'wide' } };
    const v2 = MIGRATIONS[2](v1);
    expect(v2.reader).toEqual(v1.reader);
    expect(v2.script).toEqual(DEFAULT_SETTINGS.script);
  });

  it('v2 → v3 keeps everything and adds the panel with every entity type on', () => {
    const v2 = MIGRATIONS[2]({ reader: { theme: 'dark', fontSize: 20, font: 'sans', width: 'normal' } });
    v2.script.traditionalPages = 'simplified';
    const v3 = MIGRATIONS[3](v2);
    expect(v3.script.traditionalPages).toBe('simplified');
    expect(v3.panel).toEqual({ entities: DEFAULT_SETTINGS.panel.entities, summary: 'extractive' }); // the panel as v3 knew it
    expect(normalizeSettings(v3)).toEqual({ ...DEFAULT_SETTINGS, reader: { ...v2.reader, prepare: true, joinPages: true }, script: { ...DEFAULT_SETTINGS.script, traditionalPages: 'simplified' } });
  });

  it('v3 → v4 keeps the reader look and prepares the reader in advance', () => {
    const v3 = { ...DEFAULT_SETTINGS, reader: { theme: 'dark', fontSize: 24, font: 'serif', width: 'wide' } };
    const v4 = MIGRATIONS[4](v3);
    expect(v4.reader).toEqual({ ...v3.reader, prepare: true });
    expect(normalizeSettings(v4)).toEqual({ ...DEFAULT_SETTINGS, reader: { ...v4.reader, joinPages: true } });
  });

  it('v5 → v6 keeps the reader settings and joins multi-page articles', () => {
    const v5 = { ...DEFAULT_SETTINGS, reader: { theme: 'sepia', fontSize: 21, font: 'serif', width: 'narrow', prepare: false } };
    const v6 = MIGRATIONS[6](v5);
    expect(v6.reader).toEqual({ ...v5.reader, joinPages: true });
    expect(v6.script).toEqual(v5.script);
    expect(v6.panel).toEqual(v5.panel);
    expect(normalizeSettings(v6)).toEqual({ ...DEFAULT_SETTINGS, reader: v6.reader });
    expect(normalizeSettings({ reader: { joinPages: 'no' } }).reader.joinPages).toBe(true);
    expect(normalizeSettings({ reader: { joinPages: false } }).reader.joinPages).toBe(false);
  });

  it('v4 → v5 keeps the entity choices and marks only key entities by default', () => {
    const v4 = { ...DEFAULT_SETTINGS, panel: { entities: { ...DEFAULT_SETTINGS.panel.entities, date: false }, summary: 'builtin' } };
    const v5 = MIGRATIONS[5](v4);
    expect(v5.panel).toEqual({ ...v4.panel, allEntities: false });
    expect(v5.reader).toEqual(v4.reader);
    expect(normalizeSettings(v5)).toEqual({ ...DEFAULT_SETTINGS, panel: { ...DEFAULT_SETTINGS.panel, entities: v4.panel.entities, summary: 'builtin', allEntities: false } });
    expect(normalizeSettings({ panel: { allEntities: 'yes' } }).panel.allEntities).toBe(false);
    expect(normalizeSettings({ panel: { allEntities: true } }).panel.allEntities).toBe(true);
  });

  it('v6 → v7 keeps everything and adds learning: readings off, look-up on click, local voices only', () => {
    const v6 = { ...DEFAULT_SETTINGS, reader: { theme: 'sepia', fontSize: 21, font: 'serif', width: 'narrow', prepare: false, joinPages: false } } as Record<string, unknown>;
    delete v6.learn;
    const v7 = MIGRATIONS[7](v6);
    expect(v7.reader).toEqual(v6.reader);
    expect(v7.learn).toEqual(DEFAULT_SETTINGS.learn);
    expect(v7.learn.systems).toEqual({ simplified: 'pinyin', traditional: 'pinyin', taiwan: 'zhuyin', hongkong: 'jyutping' });
    expect(normalizeSettings(v7)).toEqual({ ...DEFAULT_SETTINGS, reader: v6.reader });
  });

  it('learning settings are validated field by field', () => {
    const s = normalizeSettings({ learn: { readings: true, systems: { taiwan: 'pinyin', hongkong: 'klingon' }, lookup: 'hover', voice: 'espeak-ng cmn', rate: 1.6, networkVoices: 'yes' } });
    expect(s.learn).toEqual({ ...DEFAULT_SETTINGS.learn, readings: true, systems: { ...DEFAULT_SETTINGS.learn.systems, taiwan: 'pinyin' }, lookup: 'hover', voice: 'espeak-ng cmn', rate: 1.5 });
    expect(normalizeSettings({ learn: { rate: 9, voice: '' } }).learn).toMatchObject({ rate: 2, voice: null });
    expect(normalizeSettings({ learn: { rate: 0 } }).learn.rate).toBe(0.5);
  });

  it('a v1 object migrated all the way is valid and keeps its choices', () => {
    const v1 = { reader: { theme: 'sepia', fontSize: 22, font: 'serif', width: 'wide' } };
    let v: any = v1;
    for (let n = 2; n <= SETTINGS_VERSION; n++) v = MIGRATIONS[n](v);
    expect(normalizeSettings(v)).toEqual({ ...DEFAULT_SETTINGS, reader: { ...v1.reader, prepare: true, joinPages: true } });
  });

  it('script settings are validated field by field', () => {
    const s = normalizeSettings({
      script: {
        traditionalPages: 'simplified',
        simplifiedPages: 'klingon',
        sites: { 'news.example.com': { page: 'taiwan', reader: 'hongkong' }, 'bad host!': { page: 'taiwan' }, 'x.cn': { page: 'sometimes' } },
        phrases: [{ from: '脸书', to: '臉書' }, { from: '', to: 'x' }, { from: 'a', to: 'b', targets: ['taiwan', 'mars'] }, 'junk'],
        tsCharactersExt: 'yes',
      },
    });
    expect(s.script).toEqual({
      ...DEFAULT_SETTINGS.script,
      traditionalPages: 'simplified',
      sites: { 'news.example.com': { page: 'taiwan', reader: 'hongkong' } },
      phrases: [{ from: '脸书', to: '臉書' }, { from: 'a', to: 'b', targets: ['taiwan'] }],
    });
  });
});
