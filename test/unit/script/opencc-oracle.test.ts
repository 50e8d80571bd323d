// The compiled converter against opencc-js, the oracle (a test dependency only): every pair the
// product can ask for, on OpenCC's golden text and test inputs, ~1.2 M characters of news text, the
// Traditional outputs fed back in, and random text made of dictionary keys and the odd characters
// the matcher treats specially (surrogate pairs, ideographic description sequences).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterBuilder } from 'opencc-js/core';
import * as fullPreset from 'opencc-js/preset';
import { describe, expect, it } from 'vitest';
import { configName, converterFor, type Locale, type Pair } from '../../../utils/script/engine';
import { CORPUS } from '../../helpers/corpus';

const oracle = ConverterBuilder(fullPreset as unknown as Parameters<typeof ConverterBuilder>[0]);
const LOCALES: Locale[] = ['cn', 't', 'tw', 'twp', 'hk', 'hkp', 'jp'];
// opencc-js has no Simplified↔Japanese conversion; every other ordered pair is one we compile.
const PAIRS: Pair[] = LOCALES.flatMap((from) => LOCALES.filter((to) => to !== from && !(from === 'cn' && to === 'jp') && !(from === 'jp' && to === 'cn')).map((to) => ({ from, to })));

const lines = (file: string) => readFileSync(join(CORPUS, file), 'utf8').split('\n');
const texts = (file: string) => lines(file).filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);

/** All the Simplified news text the corpus has (~1.2 M characters): the news pages' bodies, CLUENER (Sina), People's Daily 1998, MSRA, Weibo. */
function newsLines(): string[] {
  const out: string[] = [];
  const bodies = readdirSync(join(CORPUS, 'news-pages/body')).flatMap((f) => lines(`news-pages/body/${f}`));
  const corpora = ['cluener/train.jsonl', 'ner/pd1998-clauses.jsonl', 'ner/pd1998-dev.jsonl', 'ner/msra-part.jsonl', 'ner/weibo-train.jsonl', 'ner/weibo-dev.jsonl', 'ner/weibo-test.jsonl'];
  for (const l of [...bodies, ...corpora.flatMap(texts)]) {
    out.push(l);
  }
  return out;
}

const golden = lines('opencc/golden/us_constitution_zhs.txt');
const { cases } = JSON.parse(readFileSync(join(CORPUS, 'opencc/testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1')) as { cases: Array<{ input: string; expected: Record<string, string> }> };
const caseTexts = cases.flatMap((c) => [c.input, ...Object.values(c.expected)]);

function firstDifference(mine: (s: string) => string, ref: (s: string) => string, inputs: string[]): string | null {
  for (const s of inputs) if (mine(s) !== ref(s)) return s;
  return null;
}

describe('compiled OpenCC = opencc-js', () => {
  it('compiles all the pairs', () => expect(PAIRS).toHaveLength(40));

  it.each(PAIRS.map((p) => ({ ...p, name: configName(p) })))('$name on the golden text and every test case text', async (pair) => {
    const mine = await converterFor(pair);
    const ref = oracle(pair);
    const traditional = golden.map(oracle({ from: 'cn', to: 't' }));
    expect(firstDifference(mine, ref, [...golden, ...traditional, ...caseTexts])).toBeNull();
  });

  it('s2t, s2twp, s2hk, t2s, tw2sp and hk2s on ~1.2 M characters of news text and its Traditional forms (~2.4 M in all)', async () => {
    const news = newsLines();
    expect(news.reduce((n, l) => n + l.length, 0)).toBeGreaterThanOrEqual(1_200_000);
    for (const pair of [{ from: 'cn', to: 't' }, { from: 'cn', to: 'twp' }, { from: 'cn', to: 'hk' }] as Pair[]) {
      const mine = await converterFor(pair);
      const ref = oracle(pair);
      const out = news.map(ref);
      expect(news.map(mine)).toEqual(out);
      const back = pair.to === 'twp' ? { from: 'twp', to: 'cn' } : pair.to === 'hk' ? { from: 'hk', to: 'cn' } : { from: 't', to: 'cn' };
      expect(firstDifference(await converterFor(back as Pair), oracle(back as Pair), out)).toBeNull();
    }
  }, 120_000);

  it('on random text of dictionary words, surrogate pairs and description sequences', async () => {
    // Pieces that exercise longest match across words, segment edges and the special steps.
    const pieces = [...new Set([...golden.join('').slice(0, 3000)])].concat(['合众国', '干什么', '頭髮', '⿰氵青', '⿱⿰', '𠮷', '𡃁', '\ud840', '\udc00', '著', '后', '於', 'a', ' ', '台湾', '臺灣', '硬盘', '軟體', '裏', '里']);
    const arb = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));
    const converters = await Promise.all(PAIRS.map(async (p) => [await converterFor(p), oracle(p)] as const));
    fc.assert(
      fc.property(arb, (s) => converters.every(([mine, ref]) => mine(s) === ref(s))),
      { numRuns: 300 },
    );
  });
});
