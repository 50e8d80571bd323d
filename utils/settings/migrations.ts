// One function per settings version: `MIGRATIONS[n]` turns a version n-1 object into version n.
// Each has a test in test/unit/settings. Never edit a shipped migration; add the next one.

export const MIGRATIONS: Record<number, (old: any) => any> = {
  // v2 adds script conversion: global defaults (show pages as they are), per-site rules, phrases.
  2: (old) => ({
    ...old,
    script: { simplifiedPages: 'original', traditionalPages: 'original', sites: {}, phrases: [], tsCharactersExt: false, repairPinyin: true },
  }),
  // v3 adds the side panel: entity types to highlight (all on) and the summary mode.
  3: (old) => ({
    ...old,
    panel: { entities: { person: true, organization: true, place: true, date: true, number: true, work: true }, summary: 'extractive' },
  }),
  // v4 prepares the reader in advance on article pages (on, as for new installs).
  4: (old) => ({ ...old, reader: { ...old.reader, prepare: true } }),
  // v5 marks only the article's key people, organisations and places by default ("all entities" is one click away).
  5: (old) => ({ ...old, panel: { ...old.panel, allEntities: false } }),
  // v6 joins the following pages of multi-page articles in the reader (on, as for new installs).
  6: (old) => ({ ...old, reader: { ...old.reader, joinPages: true } }),
  // v7 adds listening and learning: readings off (pinyin for Simplified, zhuyin for Taiwan,
  // jyutping for Hong Kong when turned on), look-up on click, the automatic voice at its own
  // speed, voices on this machine only.
  7: (old) => ({
    ...old,
    learn: {
      readings: false,
      systems: { simplified: 'pinyin', traditional: 'pinyin', taiwan: 'zhuyin', hongkong: 'jyutping' },
      lookup: 'click',
      voice: null,
      rate: 1,
      networkVoices: false,
    },
  }),
};
