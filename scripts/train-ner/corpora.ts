// The corpora the tagger is trained on, their annotation conventions and this project's held-out
// split of each (never trained on, only scored). One place, so the trainer, the scorer and the
// tests agree on every split.

import { CORPUS } from '../../test/helpers/corpus';
import { loadJsonl, type Sentence } from './lib';

/**
 * Annotation conventions. `news`: every person, organisation and place, as the People's Daily 1998
 * dev file and MSRA (one redistribution, one processing) annotate them: what the reader marks.
 * `cluener`: CLUENER2020's fine types (a place only as an address; scenes, positions and works as
 * their own types). `weibo`: social-media posts, named mentions only. `pd-clauses`: the People's
 * Daily clauses of another redistribution, which keeps the annotators' bracketed groups as one
 * organisation (中国政府, 香港特区政府) where the dev file and MSRA mark the place alone.
 */
export const CONVENTIONS = ['news', 'cluener', 'weibo', 'pd-clauses'] as const;
export type Convention = (typeof CONVENTIONS)[number];

export interface Corpus {
  name: string;
  convention: Convention;
  files: string[];
  /** Held out: never trained on, only scored. `i` is the sentence's line index in its file (0-based). */
  heldOut: (i: number, file: number) => boolean;
}

export const CORPORA: Corpus[] = [
  { name: 'cluener', convention: 'cluener', files: ['cluener/train.jsonl'], heldOut: (i) => i % 10 === 9 },
  // The clauses are cut from January's paper; the dev file holds whole sentences (more like a test
  // set), so a quarter of it is held out.
  { name: 'pd1998', convention: 'pd-clauses', files: ['ner/pd1998-clauses.jsonl'], heldOut: (i) => i % 10 === 9 },
  { name: 'pd1998-dev', convention: 'news', files: ['ner/pd1998-dev.jsonl'], heldOut: (i) => i % 4 === 3 },
  { name: 'msra', convention: 'news', files: ['ner/msra-part.jsonl'], heldOut: (i) => i % 10 === 9 },
  // Weibo comes split: its own test file is the held-out part.
  { name: 'weibo', convention: 'weibo', files: ['ner/weibo-train.jsonl', 'ner/weibo-dev.jsonl', 'ner/weibo-test.jsonl'], heldOut: (_i, f) => f === 2 },
];

export interface CorpusSentence extends Sentence {
  corpus: string;
  convention: Convention;
  /** file index within the corpus */
  file: number;
  heldOut: boolean;
}

const cache = new Map<string, CorpusSentence[]>();

/** Every sentence of a corpus, with its split. */
export function loadCorpus(c: Corpus): CorpusSentence[] {
  let out = cache.get(c.name);
  if (out) return out;
  out = [];
  c.files.forEach((f, fi) => {
    for (const s of loadJsonl(`${CORPUS}/${f}`)) out!.push({ ...s, corpus: c.name, convention: c.convention, file: fi, heldOut: c.heldOut(s.index, fi) });
  });
  cache.set(c.name, out);
  return out;
}

export const corpus = (name: string): Corpus => {
  const c = CORPORA.find((x) => x.name === name);
  if (!c) throw new Error(`unknown corpus ${name}`);
  return c;
};

/** Gold type of a corpus label in the three reported types (null: not reported). */
export function reportedType(label: string, placeTypes: string[] = ['address']): 'person' | 'organization' | 'place' | null {
  if (label === 'name' || label === 'PER') return 'person';
  if (label === 'organization' || label === 'company' || label === 'government' || label === 'ORG') return 'organization';
  if (label === 'LOC' || placeTypes.includes(label)) return 'place';
  return null;
}

/** Gold spans as `start,end,type` keys in the reported types. */
export function goldKeys(s: Sentence, placeTypes?: string[]): Set<string> {
  const out = new Set<string>();
  for (const sp of s.spans) {
    const t = reportedType(sp.type, placeTypes);
    if (t) out.add(`${sp.start},${sp.end},${t}`);
  }
  return out;
}
