// Reference point: a plain averaged-perceptron character tagger (BIOES, person / organization /
// place only, character n-gram and class features — slots 0–12 of features.ts — no lexicon and no
// word features), trained on the same 90% and scored on the same held-out split as train.ts.
//   npx tsx scripts/train-ner/baseline.ts

import { CORPUS } from '../../test/helpers/corpus';
import { extract, featureCount, prepare } from '../../utils/nlp/ner/features';
import { tagCount } from '../../utils/nlp/ner/decode';
import { SCHEMES, Scorer, goldOut, goldTags, isHeldOut, loadJsonl, predOut, type Sentence } from './lib';
import { train, type Example } from './perceptron';

const scheme = SCHEMES.t3;
const T = tagCount(scheme.internal.length);
const B = 1 << 20;
const USE = 13; // slots 0–12: bias, unigrams, bigrams, trigram, character classes
const all = loadJsonl(`${CORPUS}/cluener/train.jsonl`);
const trainSet = all.filter((s) => !isHeldOut(s));
const evalSet = all.filter(isHeldOut);
const F = featureCount(0);

function toExample(s: Sentence): Example {
  const n = s.text.length;
  const feats = new Uint32Array(n * F);
  extract(prepare(s.text), feats);
  const rows = new Int32Array(n * USE);
  for (let i = 0; i < n; i++) for (let k = 0; k < USE; k++) rows[i * USE + k] = (feats[i * F + k] & (B - 1)) * T;
  return { n, F: USE, rows, gold: goldTags(s, scheme) };
}

const trainEx = trainSet.map(toExample);
const evalEx = evalSet.map(toExample);
const m = train(trainEx, T, B, { epochs: 10, seed: 1 });
const sc = new Scorer();
const pred = new Int32Array(1024);
evalEx.forEach((ex, i) => {
  m.decode(ex, pred);
  sc.add(goldOut(evalSet[i]), predOut(pred, ex.n, scheme));
});
console.log(`plain averaged perceptron, held-out:\n${sc.report(['person', 'organization', 'place'])}`);
