import { describe, expect, it } from 'vitest';
import { countEntities, findEntities } from '../../../utils/nlp/entities';
import { latinWords, ruleSpans } from '../../../utils/nlp/rules';
import { traditionalToSimplifiedChars } from '../../../utils/script/convert';

const tagged = (text: string, type?: string) =>
  ruleSpans(text)
    .filter((s) => !type || s.type === type)
    .sort((a, b) => a.start - b.start)
    .map((s) => text.slice(s.start, s.end));

describe('entity rules', () => {
  it('dates', () => {
    expect(tagged('2023年8月15日上午，会议在7月13日召开，上周三又开了一次，今年底前完成。', 'date')).toEqual(['2023年8月15日上午', '7月13日', '上周三', '今年底']);
    expect(tagged('2023年08月15日 14時30分發佈，上週三公布。', 'date')).toEqual(['2023年08月15日 14時30分', '上週三']);
    expect(tagged('二〇二三年十月一日是国庆。', 'date')).toEqual(['二〇二三年十月一日']);
  });

  it('numbers with units, money and percentages', () => {
    expect(tagged('参数规模达700亿，共79个项目，增长30%，投资3.5万元，约百分之三十。', 'number')).toEqual(['700亿', '79个', '30%', '3.5万元', '百分之三十']);
    expect(tagged('售价为$3.5 billion，约合￥250亿。', 'number')).toEqual(['$3.5 billion', '￥250亿']);
  });

  it('works in 《》, and Latin words inside Chinese text as candidates', () => {
    expect(tagged('他在《人民日报》发表文章。', 'work')).toEqual(['《人民日报》']);
    const t = 'Meta发布了Llama 2大模型，OpenAI和DeepMind也有新动作，AI和CEO不算。';
    expect(latinWords(t).map((w) => [t.slice(w.start, w.end), w.product])).toEqual([
      ['Meta', false],
      ['Llama 2', true],
      ['OpenAI', false],
      ['DeepMind', false],
    ]);
    expect(latinWords('The model is open source.')).toEqual([]);
    expect(tagged('Meta发布了Llama 2大模型')).toEqual([]); // patterns alone never make a Latin word an entity
  });
});

describe('findEntities', () => {
  const model = (s: string) => {
    // A stand-in tagger with fixed answers, to test how spans are combined.
    const out = [];
    for (const [w, type] of [['张伟', 'person'], ['国务院新闻办公室', 'organization'], ['北京', 'place']] as const) {
      for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) if (i === s.indexOf(w)) out.push({ start: i, end: i + w.length, type, score: 0.9 });
    }
    return out;
  };

  it('marks every occurrence of a known name (merging is in entities.test.ts)', () => {
    const text = '国务院新闻办公室7月13日在北京举行发布会，张伟出席。会后张伟表示，北京将继续推进。';
    const spans = findEntities(text, { model });
    const got = spans.map((s) => [text.slice(s.start, s.end), s.type]);
    expect(got).toContainEqual(['国务院新闻办公室', 'organization']);
    expect(got.filter(([t]) => t === '张伟')).toHaveLength(2);
    expect(got.filter(([t]) => t === '北京')).toHaveLength(2);
    expect(got).toContainEqual(['7月13日', 'date']);
    expect(countEntities(text, spans)[0]).toMatchObject({ count: 2 });
  });

  it('tags Traditional text through a Simplified shadow and maps spans back one to one', () => {
    const text = '國務院新聞辦公室在北京舉行發布會，張偉出席。';
    const spans = findEntities(text, { model, toSimplified: traditionalToSimplifiedChars() });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['國務院新聞辦公室', '北京', '張偉']);
  });

  it('never returns overlapping spans', () => {
    const text = '《2023年中国经济报告》显示，7月13日国务院发布了700亿元计划。';
    const spans = findEntities(text, { model });
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('《2023年中国经济报告》');
  });
});
