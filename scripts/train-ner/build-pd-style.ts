// Builds test/fixtures/ner/pd-style.jsonl from the hand-written, marked-up sentences in
// test/fixtures/ner/pd-style.src.txt ({PER:…}, {LOC:…}, {ORG:…}), in CLUENER's JSON format.
//   npx tsx scripts/train-ner/build-pd-style.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { FIXTURES } from '../../test/helpers/corpus';

const src = readFileSync(`${FIXTURES}/ner/pd-style.src.txt`, 'utf8');
const out: string[] = [];
for (const raw of src.split('\n')) {
  const line = raw.trim();
  if (!line || line.startsWith('#')) continue;
  let text = '';
  const label: Record<string, Record<string, number[][]>> = {};
  const re = /\{(PER|LOC|ORG):([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    text += line.slice(last, m.index);
    const start = text.length;
    text += m[2];
    ((label[m[1]] ??= {})[m[2]] ??= []).push([start, text.length - 1]);
    last = m.index + m[0].length;
  }
  text += line.slice(last);
  if (/[{}]/.test(text)) throw new Error(`bad markup: ${line}`);
  out.push(JSON.stringify({ text, label }));
}
writeFileSync(`${FIXTURES}/ner/pd-style.jsonl`, out.join('\n') + '\n');
console.log(`wrote ${out.length} sentences`);
