// Correctness is OpenCC's own: every upstream test case and golden file for every config
// opencc-js covers, through the same engine the extension uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converterFor, tsCharactersExt, type Pair } from '../../../utils/script/engine';
import { CORPUS } from '../../helpers/corpus';

const PAIRS: Record<string, Pair> = {
  s2t: { from: 'cn', to: 't' }, t2s: { from: 't', to: 'cn' }, s2tw: { from: 'cn', to: 'tw' }, tw2s: { from: 'tw', to: 'cn' },
  s2twp: { from: 'cn', to: 'twp' }, tw2sp: { from: 'twp', to: 'cn' }, s2hk: { from: 'cn', to: 'hk' }, hk2s: { from: 'hk', to: 'cn' },
  s2hkp: { from: 'cn', to: 'hkp' }, hk2sp: { from: 'hkp', to: 'cn' }, t2tw: { from: 't', to: 'tw' }, tw2t: { from: 'tw', to: 't' },
  t2hk: { from: 't', to: 'hk' }, hk2t: { from: 'hk', to: 't' }, t2jp: { from: 't', to: 'jp' }, jp2t: { from: 'jp', to: 't' },
};

/** Cases that expect OpenCC's opt-in TSCharactersExt (tofu-risk characters); they pass with it on. */
const NEEDS_TS_CHARACTERS_EXT = ['BYVoid_OpenCC_PR_1228_existing_behaviors', 'BYVoid_OpenCC_PR_1229_existing_behaviors', 'BYVoid_OpenCC_PR_464_xi_vs_xi'];

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}
// The upstream file has trailing commas.
const { cases } = JSON.parse(readFileSync(join(CORPUS, 'opencc/testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1')) as { cases: Case[] };
const rows = cases.flatMap((c) => Object.entries(c.expected).map(([config, expected]) => ({ id: c.id, config, input: c.input, expected })));

describe('OpenCC test cases', () => {
  it('covers all 543 pairs of the 16 configs', () => {
    expect(rows).toHaveLength(543);
    expect(new Set(rows.map((r) => r.config))).toEqual(new Set(Object.keys(PAIRS)));
  });

  it.each(rows.filter((r) => !(r.config === 't2s' && NEEDS_TS_CHARACTERS_EXT.includes(r.id))))('$config $id', async ({ config, input, expected }) => {
    const convert = await converterFor(PAIRS[config]);
    expect(convert(input)).toBe(expected);
  });

  it.each(NEEDS_TS_CHARACTERS_EXT)('t2s %s: deliberately fails by default, passes with TSCharactersExt opted in', async (id) => {
    const row = rows.find((r) => r.id === id && r.config === 't2s')!;
    const t2s = await converterFor(PAIRS.t2s);
    expect(t2s(row.input)).not.toBe(row.expected);
    const ext = await tsCharactersExt();
    expect(ext(t2s(row.input))).toBe(row.expected);
  });
});

describe('OpenCC golden files', () => {
  const input = readFileSync(join(CORPUS, 'opencc/golden/us_constitution_zhs.txt'), 'utf8').split('\n');
  it.each(['s2t', 's2tw', 's2twp', 's2hk'])('%s matches line by line', async (config) => {
    const expected = readFileSync(join(CORPUS, `opencc/golden/us_constitution_zhs.${config}.txt`), 'utf8').split('\n');
    const convert = await converterFor(PAIRS[config]);
    expect(input.length).toBeGreaterThan(100);
    expect(input.map(convert)).toEqual(expected);
  });
});
