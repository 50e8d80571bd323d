// The transformer that owns the dictionaries: the background in the extension, the process in
// `jingdu`. Converters are built once per target and source, and rebuilt when phrases change.

import { prepareConverter, type TextConverter } from './convert';
import type { UserPhrase } from './phrases';
import { looksAnnotated, MIN_HITS, repairAnnotations, type Readings, type Restorer } from './repair';
import type { Transformer } from './transform';

export interface HostOptions {
  phrases: UserPhrase[];
  tsCharactersExt: boolean;
}

let kit: Promise<{ readings: Readings; restore: Restorer }> | null = null;
/** What a repair checks annotations against: pinyin-pro's dictionary and the restorer's index (~450 KB of code). */
function repairKit() {
  if (!kit) {
    kit = Promise.all([import('./readings'), import('./restore')]).then(([r, s]) => ({ readings: r.pinyinReadings, restore: s.restoreCharacter }));
    kit.catch(() => (kit = null)); // a failed load is retried next time
  }
  return kit;
}

/** A transformer that keeps its converters: one per target and source, rebuilt when options change. */
export function createTextHost(options: () => HostOptions): Transformer {
  const converters = new Map<string, Promise<TextConverter>>();
  let seen = '';
  return async ({ texts, ops }) => {
    const opts = options();
    const key = JSON.stringify(opts);
    if (key !== seen) {
      converters.clear();
      seen = key;
    }
    let out = texts;
    let repaired = 0;
    for (const op of ops) {
      if (op.kind === 'repair') {
        // The valid annotations are some of the annotation-shaped ones: with too few shapes there is
        // nothing to repair, and the dictionaries are not loaded (most pages, and jingdu analyze).
        const minHits = op.minHits ?? MIN_HITS;
        if (out.reduce((n, t) => n + looksAnnotated(t), 0) < minHits) continue;
        const { readings, restore } = await repairKit();
        const r = repairAnnotations(out, readings, minHits, restore);
        out = r.texts;
        repaired += r.removed;
      } else {
        const id = `${op.to}<${op.from ?? 'auto'}`;
        let c = converters.get(id);
        if (!c) converters.set(id, (c = prepareConverter({ to: op.to, from: op.from, phrases: opts.phrases, tsCharactersExt: opts.tsCharactersExt })));
        const converter = await c;
        out = out.map((t) => converter.convert(t, op.context, op.declared));
      }
    }
    return { texts: out, repaired };
  };
}

