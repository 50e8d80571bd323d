// Trains the NER tagger on CLUENER2020 and writes utils/nlp/ner/model.generated.ts.
//   npx tsx scripts/train-ner/train.ts            # final model: train on 90%, score the held-out 10%
//   npx tsx scripts/train-ner/train.ts --dev      # settings check: also hold out the inner dev split
//   … --dev --thresholds 0.015,0.025              # also score several pruning thresholds
//
// Split (see lib.ts): line index % 10 === 9 of train.jsonl is the held-out split, never trained on.
// With --dev, line index % 10 === 4 is held out as well and scored instead (used to choose settings).
//
// Method: linear-chain CRF over hashed character features (features.ts), SGD with L2 and
// averaging of the per-epoch weights, constrained BIOES Viterbi. Internal types: person,
// organization (CLUENER organization + company + government), place (address), scene, position,
// work (book + movie + game); only the first three are reported. Lexicon features use entity
// strings of the training split (10-fold jackknifed while training so the model does not learn to
// trust a lexicon that always holds the answer) plus the hand-written place list in places.ts.
// Word features come from forward maximum matching over a word list: the multi-character words
// Intl.Segmenter finds in the training text (jackknifed the same way), stored in the model.
// Weights are quantized to Int8 (step 0.015) over 2^18 hashed buckets × 25 tags; weights below
// the threshold are dropped, and the runtime keeps the rest as sparse rows.
//
// Deterministic: fixed seeds, sorted lexicons, no parallelism, no time or randomness in the output.

import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CORPUS, ROOT } from '../../test/helpers/corpus';
import { extract, featureCount, prepare } from '../../utils/nlp/ner/features';
import { tagCount } from '../../utils/nlp/ner/decode';
import { Gazetteer, MAX_LEN, WORD_TYPE } from '../../utils/nlp/ner/gazetteer';
import { encodeWeights, type ModelData } from '../../utils/nlp/ner/codec';
import { Tagger } from '../../utils/nlp/ner/tagger';
import { placeNames } from '../../utils/nlp/ner/places';
import { trainCrf } from './crf';
import { SCHEMES, Scorer, goldOut, goldTags, isHeldOut, isInnerDev, loadJsonl, predOut, type Sentence } from './lib';
import type { Example, Model } from './perceptron';

const args = process.argv.slice(2);
const flag = (k: string) => args.includes(`--${k}`);
const arg = (k: string, d: string) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : d;
};

export const SETTINGS = {
  scheme: arg('scheme', 't6'),
  /** Segment with a word list harvested (by Intl.Segmenter) from the training text, not Intl.Segmenter at run time. */
  wordList: arg('words', '1') === '1',
  bucketBits: 18,
  epochs: 10,
  eta: 0.02,
  lambda: 1e-4,
  averageFrom: 4,
  seed: 1,
  folds: 10,
  /** Int8 quantization: weight = q * step (|w| ≤ 1.9 fits; larger ones are clipped). */
  step: 0.015,
  /** Weights with |w| below this are dropped (keeps the file small; costs ~0.2 F1 points on dev). */
  threshold: 0.025,
};

const devMode = flag('dev');
const outPath = arg('out', devMode ? '/tmp/ner-model.dev.generated.ts' : `${ROOT}/utils/nlp/ner/model.generated.ts`);
const scheme = SCHEMES[SETTINGS.scheme];
const T = tagCount(scheme.internal.length);
const B = 1 << SETTINGS.bucketBits;
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);

const all = loadJsonl(`${CORPUS}/cluener/train.jsonl`);
const trainSet = all.filter((s) => !isHeldOut(s) && !(devMode && isInnerDev(s)));
const evalSet = all.filter((s) => (devMode ? isInnerDev(s) : isHeldOut(s)));

// --- lexicon -------------------------------------------------------------------------------
const GEO = scheme.internal.length; // lexicon type of the hand-written place list
const lexTypes = scheme.internal.length + 1;
const fold = (s: Sentence) => Math.floor(s.index / 10) % SETTINGS.folds;
const geoNames = placeNames();

function lexiconLists(ss: Sentence[]): string[][] {
  const sets = Array.from({ length: lexTypes }, () => new Set<string>());
  for (const s of ss) {
    for (const sp of s.spans) {
      const k = scheme.fromCluener[sp.type];
      const str = s.text.slice(sp.start, sp.end);
      if (k !== undefined && str.length >= 2 && str.length <= MAX_LEN && !str.includes('|')) sets[k].add(str);
    }
  }
  for (const w of geoNames) sets[GEO].add(w);
  return sets.map((set) => [...set].sort());
}

// Word list: multi-character words that Intl.Segmenter finds in the training text (Han only).
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const sentenceWords = new Map<Sentence, string[]>();
for (const s of trainSet) {
  const ws: string[] = [];
  for (const w of segmenter.segment(s.text)) if (w.segment.length >= 2 && w.segment.length <= MAX_LEN && /^[\u3400-\u9fff]+$/.test(w.segment)) ws.push(w.segment);
  sentenceWords.set(s, ws);
}
function wordList(ss: Sentence[]): string[] {
  if (!SETTINGS.wordList) return [];
  const set = new Set<string>();
  for (const s of ss) for (const w of sentenceWords.get(s) ?? []) set.add(w);
  return [...set].sort();
}

const toGaz = (lists: string[][], words: string[]) =>
  new Gazetteer([...lists.flatMap((l, k) => l.map((s): [string, number] => [s, k])), ...words.map((w): [string, number] => [w, WORD_TYPE])]);
const fullLists = lexiconLists(trainSet);
const fullWords = wordList(trainSet);
const foldLex = Array.from({ length: SETTINGS.folds }, (_, k) => {
  const rest = trainSet.filter((s) => fold(s) !== k);
  return toGaz(lexiconLists(rest), wordList(rest));
});
const fullLex = toGaz(fullLists, fullWords);

// --- features ------------------------------------------------------------------------------
const F = featureCount(lexTypes);
function toExample(s: Sentence, lex: Gazetteer): Example {
  const n = s.text.length;
  const feats = new Uint32Array(n * F);
  extract(prepare(s.text, lex, lexTypes), feats);
  const rows = new Int32Array(feats.length);
  for (let i = 0; i < feats.length; i++) rows[i] = (feats[i] & (B - 1)) * T;
  return { n, F, rows, gold: goldTags(s, scheme) };
}
const trainEx = trainSet.map((s) => toExample(s, foldLex[fold(s)]));
const evalEx = evalSet.map((s) => toExample(s, fullLex));
console.log(`data: train ${trainSet.length} sentences, ${devMode ? 'inner dev' : 'held-out'} ${evalSet.length}; lexicon ${fullLists.reduce((a, l) => a + l.length, 0)} strings, ${fullWords.length} words; features ${secs()}s`);

const TYPES = ['person', 'organization', 'place'];
function scoreFloat(m: Model): Scorer {
  const sc = new Scorer();
  const pred = new Int32Array(1024);
  evalEx.forEach((ex, i) => {
    m.decode(ex, pred);
    sc.add(goldOut(evalSet[i]), predOut(pred, ex.n, scheme));
  });
  return sc;
}
const line = (sc: Scorer) => TYPES.map((t) => `${t} ${sc.f1(t).f.toFixed(4)}`).join(' ') + ` micro ${sc.f1().f.toFixed(4)}`;

// --- training ------------------------------------------------------------------------------
const model = trainCrf(trainEx, T, B, {
  epochs: SETTINGS.epochs,
  seed: SETTINGS.seed,
  eta: SETTINGS.eta,
  lambda: SETTINGS.lambda,
  averageFrom: SETTINGS.averageFrom,
  onEpoch: (e, m) => {
    if (devMode || e === SETTINGS.epochs) console.log(`epoch ${e} ${secs()}s  ${line(scoreFloat(m))}`);
    else console.log(`epoch ${e} ${secs()}s`);
  },
});
const trainSecs = secs();
if (arg('save', '')) {
  writeFileSync(arg('save', ''), Buffer.from(new Float32Array(model.w).buffer));
  writeFileSync(arg('save', '') + '.trans.json', JSON.stringify({ trans: [...model.trans], start: [...model.start], end: [...model.end] }));
}

// --- quantization --------------------------------------------------------------------------
const scale = SETTINGS.step;
let clipped = 0;
function quantize(threshold: number): Int8Array {
  const q = new Int8Array(model.w.length);
  clipped = 0;
  for (let i = 0; i < q.length; i++) {
    const x = model.w[i];
    if (Math.abs(x) < threshold) continue;
    const r = Math.round(x / scale);
    if (r > 127 || r < -127) clipped++;
    q[i] = Math.max(-127, Math.min(127, r));
  }
  return q;
}
const qi = (x: number) => Math.round(x / scale);
const modelData = (q: Int8Array): ModelData => {
  const { text: weights, nonZero } = encodeWeights(q);
  return {
    version: 1,
    types: scheme.internal,
    output: scheme.toOut,
    bucketBits: SETTINGS.bucketBits,
    features: F,
    lexicon: fullLists.map((l) => l.join('|')),
    words: fullWords.join('|'),
    scale,
    transitions: [...Array.from(model.trans, qi), ...Array.from(model.start, qi), ...Array.from(model.end, qi)],
    weights,
    nonZero,
  };
};
if (arg('thresholds', '')) {
  // settings check: score the shipped model for several pruning thresholds
  for (const thr of arg('thresholds', '').split(',').map(Number)) {
    const d = modelData(quantize(thr));
    const tg = new Tagger(d);
    const sc = new Scorer();
    const t = performance.now();
    for (const s of evalSet) {
      const pred = new Set<string>();
      for (const [a, b, k] of tg.tagPiece(s.text)) if (scheme.toOut[k]) pred.add(`${a},${b},${scheme.toOut[k]}`);
      sc.add(goldOut(s), pred);
    }
    const ms = performance.now() - t;
    console.log(`threshold ${thr}: ${d.nonZero} weights, weights gzip ${gzipSync(Buffer.from(d.weights)).length}; ${line(sc)}; ${ms.toFixed(0)} ms`);
  }
}
const data = modelData(quantize(SETTINGS.threshold));
const nonZero = data.nonZero;

const header = `// Generated by scripts/train-ner/train.ts — do not edit; rerun the script.
// Trained on CLUENER2020 (train split: ${trainSet.length} of its ${all.length} sentences; every 10th held out),
// licence of the data unclear (see scripts/train-ner/README.md). Lexicon: CLUENER training-split entity strings
// and the place list in utils/nlp/ner/places.ts; word list: words Intl.Segmenter (ICU ${process.versions.icu}) found in
// the training text. ${nonZero} non-zero Int8 weights of a 2^${SETTINGS.bucketBits} × ${T} table.
/* eslint-disable */
import type { ModelData } from './codec';

`;
const body = `export const MODEL: ModelData = {
  version: ${data.version},
  types: ${JSON.stringify(data.types)},
  output: ${JSON.stringify(data.output)},
  bucketBits: ${data.bucketBits},
  features: ${data.features},
  scale: ${JSON.stringify(data.scale)},
  nonZero: ${data.nonZero},
  transitions: ${JSON.stringify(data.transitions)},
  lexicon: [
${data.lexicon.map((l) => `    ${JSON.stringify(l)},`).join('\n')}
  ],
  words:
    ${JSON.stringify(data.words)},
  weights:
    ${JSON.stringify(data.weights)},
};
`;
const file = header + body;
writeFileSync(outPath, file);
const gz = gzipSync(Buffer.from(file)).length;

// --- score the shipped model through the runtime -------------------------------------------
const tagger = new Tagger(data);
const shipped = new Scorer();
const withScene = new Scorer();
const t1 = performance.now();
let chars = 0;
for (const s of evalSet) {
  chars += s.text.length;
  const spans = tagger.tagPiece(s.text);
  const pred = new Set<string>();
  const predScene = new Set<string>();
  for (const [a, b, k] of spans) {
    const out = scheme.toOut[k];
    if (out) pred.add(`${a},${b},${out}`);
    const out2 = scheme.internal[k] === 'scene' ? 'place' : out;
    if (out2) predScene.add(`${a},${b},${out2}`);
  }
  shipped.add(goldOut(s), pred);
  withScene.add(goldOut(s, ['address', 'scene']), predScene);
}
const tagSecs = (performance.now() - t1) / 1000;

console.log(`\ntrained in ${trainSecs}s; wrote ${outPath}: ${(file.length / 1e6).toFixed(2)}M chars, ${Buffer.byteLength(file)} bytes, gzip ${gz} bytes; ${nonZero} non-zero weights (${clipped} clipped)`);
console.log(`\n${devMode ? 'inner dev' : 'held-out'} (shipped Int8 model, exact span + type):\n${shipped.report(TYPES)}`);
console.log(`\nplace = address + scene (gold and prediction):\n${withScene.report(TYPES)}`);
console.log(`\n(first tagging pass over ${chars} chars: ${(chars / tagSecs).toFixed(0)} chars/s, includes warm-up)`);
