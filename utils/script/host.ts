// The transformer that owns the dictionaries: the background in the extension, the process in
// `jingdu`. Converters are built once per target and source, and rebuilt when phrases change.

import { prepareConverter, type TextConverter } from './convert';
import type { UserPhrase } from './phrases';
import { pinyinReadings } from './readings';
import { MIN_HITS, repairAnnotations } from './repair';
import { restoreCharacter } from './restore';
import type { Transformer } from './transform';

export interface HostOptions {
  phrases: UserPhrase[];
  tsCharactersExt: boolean;
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
        const r = repairAnnotations(out, pinyinReadings, op.minHits ?? MIN_HITS, restoreCharacter);
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

