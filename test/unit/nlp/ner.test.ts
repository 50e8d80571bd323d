// The NER tagger (utils/nlp/ner): held-out scores on CLUENER, the People's-Daily-style set,
// hand examples, determinism, chunking and the size/memory budget.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES, ROOT } from '../../helpers/corpus';
import { Scorer, goldOut, isHeldOut, loadJsonl } from '../../../scripts/train-ner/lib';
import { placeSpans, tagEntities, tagEntitiesWithPlaces, type NerSpan } from '../../../utils/nlp/ner/index';
import { MODEL } from '../../../utils/nlp/ner/model.generated';
import { Tagger, chunks, MAX_CHUNK } from '../../../utils/nlp/ner/tagger';
import { fixedTransitions, transitions, viterbi, viterbiFixed, tagsToSpans } from '../../../utils/nlp/ner/decode';

// Measured with the committed model (scripts/train-ner/README.md); the floors sit 0.01 below.
const HELD_OUT = { person: 0.8022, organization: 0.8, place: 0.5468, micro: 0.7539 };
const PD_STYLE = { model: 0.6342, withPlaces: 0.7995 };
const FLOOR = 0.01;

const keys = (spans: NerSpan[]) => new Set(spans.map((s) => `${s.start},${s.end},${s.type}`));
const show = (text: string, spans: NerSpan[]) => spans.map((s) => `${text.slice(s.start, s.end)}/${s.type}`);

describe('held-out CLUENER split (every 10th sentence, never trained on)', () => {
  const heldOut = loadJsonl(`${CORPUS}/cluener/train.jsonl`).filter(isHeldOut);
  const sc = new Scorer();
  for (const s of heldOut) sc.add(goldOut(s), keys(tagEntities(s.text)));

  it('has the expected size', () => {
    expect(heldOut.length).toBe(1074);
  });

  for (const type of ['person', 'organization', 'place'] as const) {
    it(`${type} F1 stays at its measured level`, () => {
      expect(sc.f1(type).f).toBeGreaterThanOrEqual(HELD_OUT[type] - FLOOR);
    });
  }

  it('micro F1 stays at its measured level', () => {
    expect(sc.f1().f).toBeGreaterThanOrEqual(HELD_OUT.micro - FLOOR);
  });
});

describe("People's-Daily-style set (every place is LOC)", () => {
  const PD: Record<string, string> = { PER: 'person', LOC: 'place', ORG: 'organization' };
  const set = loadJsonl(`${FIXTURES}/ner/pd-style.jsonl`);
  const score = (tag: (t: string) => NerSpan[]) => {
    const sc = new Scorer();
    for (const s of set) sc.add(new Set(s.spans.map((sp) => `${sp.start},${sp.end},${PD[sp.type]}`)), keys(tag(s.text)));
    return sc.f1().f;
  };

  it('has at least 150 sentences', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
  });

  it('model alone', () => {
    expect(score(tagEntities)).toBeGreaterThanOrEqual(PD_STYLE.model - FLOOR);
  });

  it('model + place gazetteer', () => {
    const withPlaces = score(tagEntitiesWithPlaces);
    expect(withPlaces).toBeGreaterThanOrEqual(PD_STYLE.withPlaces - FLOOR);
    expect(withPlaces).toBeGreaterThan(score(tagEntities));
  });
});

describe('hand examples', () => {
  it('finds people and places in a diplomatic sentence', () => {
    const text = '国家主席习近平在北京会见了美国总统奥巴马。';
    expect(show(text, tagEntities(text))).toEqual(['习近平/person', '北京/place', '奥巴马/person']);
  });

  it('finds the place in the bare headline (the names are a known gap, see the model card)', () => {
    // 习近平 without a title at the start and 拜登 are names the 2009–2010 training news never has;
    // the model misses both here. Only what it does find is pinned.
    const text = '习近平在北京会见了美国总统拜登';
    expect(show(text, tagEntities(text))).toContain('北京/place');
  });

  it('finds a company', () => {
    const text = '阿里巴巴集团宣布，将在杭州建设新的研发中心。';
    expect(show(text, tagEntities(text))).toEqual(['阿里巴巴集团/organization', '杭州/place']);
  });

  it('finds government bodies, a bank and universities', () => {
    const text = '国务院总理温家宝在上海考察。中国人民银行宣布下调存款准备金率，北京大学和复旦大学联合举办研讨会。';
    expect(show(text, tagEntities(text))).toEqual([
      '国务院/organization',
      '温家宝/person',
      '上海/place',
      '中国人民银行/organization',
      '北京大学/organization',
      '复旦大学/organization',
    ]);
  });

  it('copes with Latin letters and digits inside Chinese text', () => {
    const text = '2023年3月，NBA球星詹姆斯在洛杉矶接受了ESPN记者的采访，湖人队以112比98获胜。';
    const spans = tagEntities(text);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
    expect(show(text, spans)).toContain('詹姆斯/person');
  });
});

describe('input handling', () => {
  it('returns nothing for empty or blank input', () => {
    expect(tagEntities('')).toEqual([]);
    expect(tagEntities('   \n\n ')).toEqual([]);
    expect(tagEntities('。。！？')).toEqual([]);
  });

  it('gives UTF-16 offsets into the original text, in order, not overlapping', () => {
    const text = '据新华社报道，\n\n  国家主席习近平在北京人民大会堂会见了法国总统马克龙。😀王小明在上海工作！';
    const spans = tagEntities(text);
    expect(spans.length).toBeGreaterThan(2);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(show(text, spans)).toContain('习近平/person');
    expect(show(text, spans)).toContain('上海/place');
  });

  it('tags long inputs in pieces with the same result as sentence by sentence', () => {
    const sentences = ['习近平在北京会见了美国总统拜登。', '阿里巴巴集团宣布了新的计划！', '王小明在上海工作；'];
    const long = sentences.join('').repeat(200);
    const spans = tagEntities(long);
    let offset = 0;
    const expected: NerSpan[] = [];
    for (let r = 0; r < 200; r++) {
      for (const s of sentences) {
        for (const sp of tagEntities(s)) expected.push({ ...sp, start: sp.start + offset, end: sp.end + offset });
        offset += s.length;
      }
    }
    expect(spans).toEqual(expected);
  });

  it('splits text without sentence ends into pieces of at most MAX_CHUNK', () => {
    const text = '中国'.repeat(1000);
    const pieces = chunks(text);
    expect(pieces.length).toBeGreaterThan(5);
    for (const [a, b] of pieces) expect(b - a).toBeLessThanOrEqual(MAX_CHUNK);
    expect(pieces[0][0]).toBe(0);
    expect(pieces[pieces.length - 1][1]).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i][0]).toBe(pieces[i - 1][1]);
    expect(() => tagEntities(text)).not.toThrow();
  });

  it('keeps closing quotes with their sentence and drops surrounding blanks', () => {
    const text = '他说：“我来自北京。”  然后走了！\n';
    const pieces = chunks(text).map(([a, b]) => text.slice(a, b));
    expect(pieces).toEqual(['他说：“我来自北京。”', '然后走了！']);
  });
});

describe('determinism', () => {
  const texts = loadJsonl(`${CORPUS}/cluener/train.jsonl`)
    .filter(isHeldOut)
    .slice(0, 200)
    .map((s) => s.text);

  it('a fresh tagger gives the same spans as the shared one', () => {
    const fresh = new Tagger(MODEL);
    for (const t of texts) expect(fresh.tag(t)).toEqual(tagEntities(t));
  });

  it('repeated calls give the same spans', () => {
    const first = texts.map((t) => tagEntities(t));
    const second = texts.map((t) => tagEntities(t));
    expect(second).toEqual(first);
  });

  it('the integer decoder agrees with the float decoder, ties included', () => {
    const T = 25;
    const tr = transitions(T);
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 9;
    for (let round = 0; round < 50; round++) {
      const n = 1 + (round % 17);
      const em = Int32Array.from({ length: n * T }, () => rand() - 4); // small values: many ties
      const trans = Int32Array.from({ length: T * T }, () => rand() - 4);
      const start = Int32Array.from({ length: T }, () => rand() - 4);
      const end = Int32Array.from({ length: T }, () => rand() - 4);
      const a = new Int32Array(n);
      const b = new Int32Array(n);
      viterbi(em, n, tr, trans, start, end, a);
      viterbiFixed(em, n, fixedTransitions(T, trans, start, end), b, new Int32Array(n * T), new Int32Array(n * T));
      expect([...b]).toEqual([...a]);
      // always a legal BIOES sequence: every span closes
      const spans = tagsToSpans(a, n);
      const covered = spans.reduce((x, [s, e]) => x + e - s, 0);
      expect(covered).toBe([...a].filter((t) => t !== 0).length);
    }
  });
});

describe('places gazetteer', () => {
  it('finds countries, provinces and cities by longest match', () => {
    const text = '中国经济和美国市场；广东省深圳市与日本东京';
    expect(show(text, placeSpans(text))).toEqual(['中国/place', '美国/place', '广东省/place', '深圳市/place', '日本/place', '东京/place']);
  });

  it('adds places only where the model found nothing overlapping', () => {
    const text = '中国银行在英国伦敦开设了分行，中国经济持续增长。';
    const spans = tagEntitiesWithPlaces(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(show(text, spans)).toContain('中国/place');
  });
});

describe('budget', () => {
  const file = readFileSync(`${ROOT}/utils/nlp/ner/model.generated.ts`);

  it('the generated model is at most 1 MiB gzipped', () => {
    expect(gzipSync(file).length).toBeLessThanOrEqual(1_048_576);
  });

  it('says it is generated, by which script and from what data', () => {
    const head = file.subarray(0, 600).toString('utf8');
    expect(head).toContain('Generated by scripts/train-ner/train.ts');
    expect(head).toContain('CLUENER2020');
  });

  it('the unpacked model takes well under 10 MB', () => {
    const t = new Tagger(MODEL);
    expect(t.bytes()).toBeLessThan(10 * 1024 * 1024);
  });
});
