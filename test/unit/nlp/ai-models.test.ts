// A tech-news article written for this project (test/fixtures/ner/ai-models.txt) in the style of
// the one issue 13 measured: companies and ministries, seven people (one expert quoted five times, a
// `记者 X` byline, two-character names after a title, one followed by 则), English and Chinese product
// names, a gloss in parentheses and pinyin annotations leaked into the text. Every person and nearly
// every organisation is found; none of the junk kinds ever is.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/corpus';
import { findEntities } from '../../../utils/nlp/entities';
import { summarizeEntities } from '../../../utils/nlp/salience';
import { entityOptions } from '../../../utils/nlp/tagger';

const [title, ...paragraphs] = readFileSync(`${FIXTURES}/ner/ai-models.txt`, 'utf8').trim().split('\n');
const text = paragraphs.join('\n\n');
const spans = findEntities(text, entityOptions());
const summary = summarizeEntities(text, spans, title);
const names = (type: string) => new Set(summary.filter((e) => e.type === type).map((e) => e.text));

describe('the AI-models article', () => {
  it('finds every person, the byline reporter included, with the full name', () => {
    expect([...names('person')].sort()).toEqual(['周明远', '林晓舟', '宋凯', '陈岩', '沈嘉言', '冯越', '韩立群'].sort());
    expect(summary.find((e) => e.text === '周明远')).toMatchObject({ count: 5, key: true });
  });

  it('finds at least 12 of its 14 organisations (13 today)', () => {
    const orgs = ['百度', '阿里云', '华为', '科大讯飞', '科技部', '中国人工智能学会', '微软', '谷歌', 'OpenAI', 'Meta', '创新工场', '猎豹移动', '上海交通大学人工智能研究院', '华为云'];
    const found = orgs.filter((o) => names('organization').has(o));
    expect(found.length, `found ${found.join(' ')}`).toBeGreaterThanOrEqual(13);
    // 华为和百度今天宣布合作: both, not one
    const sentence = '华为和百度今天宣布合作';
    const at = text.indexOf(sentence);
    expect(spans.filter((s) => s.start >= at && s.end <= at + sentence.length && s.type === 'organization').map((s) => text.slice(s.start, s.end))).toEqual(['华为', '百度']);
  });

  it('the key entities are the expert and the companies the article is about', () => {
    const key = summary.filter((e) => e.key).map((e) => e.text);
    expect(key).toEqual(expect.arrayContaining(['周明远', '百度', '华为']));
    expect(key.length).toBeLessThanOrEqual(8); // calm: a handful, not every name
  });

  it('never marks the junk kinds', () => {
    for (const s of spans) {
      const t = text.slice(s.start, s.end);
      expect(t, 'no bracket, gloss or pinyin annotation inside a name').not.toMatch(/[()（）āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
      expect(t, 'no byline word in a name').not.toMatch(/记者/);
      if (s.type === 'organization' && /^[A-Za-z]/.test(t)) expect(['OpenAI', 'Meta']).toContain(t); // not iOS, IaaS, GPT-4o, Gemini, Open
      if (s.type === 'person') expect(t).not.toBe('师生员工');
      if (s.type === 'organization') expect(t).not.toBe('师生员工');
      if (s.type === 'organization') expect(t, 'a product is not its maker (谷歌安卓)').not.toBe('安卓');
      if (s.type === 'organization') expect(t, 'the kind of company before a name is not a name').not.toMatch(/^人工智能公司/);
    }
    expect(spans.some((s) => text.slice(s.start, s.end).includes('acebook'))).toBe(false);
  });
});
