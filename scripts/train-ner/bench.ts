// Measures the shipped tagger: model file size (raw and gzip), memory once loaded, tagging speed.
//   node --expose-gc --import tsx scripts/train-ner/bench.ts

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CORPUS, ROOT } from '../../test/helpers/corpus';
import { loadJsonl } from './lib';

const gc = (globalThis as { gc?: () => void }).gc;
const mem = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ab: m.arrayBuffers, rss: m.rss };
};

const file = readFileSync(`${ROOT}/utils/nlp/ner/model.generated.ts`);
console.log(`model file: ${file.length} bytes, gzip ${gzipSync(file).length} bytes (budget 1048576)`);

const before = mem();
const { tagEntities } = await import('../../utils/nlp/ner/index');
const afterImport = mem();
tagEntities('习近平在北京会见了美国总统拜登。');
const afterLoad = mem();
const mb = (x: number) => (x / 1048576).toFixed(2);
console.log(
  `memory: module import +${mb(afterImport.heap - before.heap + afterImport.ab - before.ab)} MB (the model string); ` +
    `unpacked model +${mb(afterLoad.heap - afterImport.heap + afterLoad.ab - afterImport.ab)} MB (heap ${mb(afterLoad.heap - afterImport.heap)} + array buffers ${mb(afterLoad.ab - afterImport.ab)}); ` +
    `total ${mb(afterLoad.heap - before.heap + afterLoad.ab - before.ab)} MB${gc ? '' : ' (run with --expose-gc for stable numbers)'}`,
);

// Speed: the corpus sentences joined into paragraphs of ~10 sentences (news-like running text),
// tagged in slices of ~40,000 characters, many times. The machine is shared (2 cores), so besides
// the median this reports the best slice, which is the least disturbed by other processes.
const sents = loadJsonl(`${CORPUS}/cluener/train.jsonl`).map((s) => s.text);
const paras: string[] = [];
for (let i = 0; i < sents.length; i += 10) paras.push(sents.slice(i, i + 10).join('。'));
const total = paras.reduce((a, p) => a + p.length, 0);
let spans = 0;
for (const p of paras) spans += tagEntities(p).length; // warm-up: one full pass
const slices: string[][] = [];
for (let i = 0; i < paras.length; i += 100) slices.push(paras.slice(i, i + 100));
const rates: number[] = [];
const rounds = Number(process.argv[2] ?? '3');
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const sl of slices) {
    const chars = sl.reduce((a, p) => a + p.length, 0);
    const t = performance.now();
    for (const p of sl) spans += tagEntities(p).length;
    rates.push(chars / ((performance.now() - t) / 1000));
  }
}
const wall = (total * rounds) / ((performance.now() - t0) / 1000);
rates.sort((a, b) => a - b);
const k = (x: number) => `${Math.round(x / 1000)}K`;
console.log(
  `speed: ${rounds} passes over ${total} chars in ${slices.length} slices: overall ${k(wall)} chars/s; per slice median ${k(rates[rates.length >> 1])}, ` +
    `best ${k(rates[rates.length - 1])}, worst ${k(rates[0])} chars/s; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`,
);
