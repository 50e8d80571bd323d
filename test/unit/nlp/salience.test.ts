// Key entities: confident people, organisations and places that the headline, the lead, the count
// and the spread through the text make salient; everything else is listed after them.

import { describe, expect, it } from 'vitest';
import { CONFIDENT, KEY_MAX, keySpans, summarizeEntities } from '../../../utils/nlp/salience';
import type { Span } from '../../../utils/nlp/rules';

/** Spans for every occurrence of each word, with one score per word. */
function spansOf(text: string, words: Array<[string, Span['type'], number]>): Span[] {
  const out: Span[] = [];
  for (const [w, type, score] of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) out.push({ start: i, end: i + w.length, type, score });
  return out.sort((a, b) => a.start - b.start);
}

const para = (s: string) => s + '这是一段用来凑足篇幅的普通文字，讲的是行业里的一般情况和背景。'.repeat(2);

describe('summarizeEntities', () => {
  const text = [
    para('星河科技今天在云港市发布新产品。'),
    para('星河科技董事长陈海澜说，产品明年上市。'),
    para('分析人士许文认为前景不错。'),
    para('陈海澜表示还会继续投入。星河科技将扩大招聘。'),
    para('5月1日起，白塔县也将试点。'),
  ].join('\n\n');
  const spans = spansOf(text, [
    ['星河科技', 'organization', 0.97],
    ['云港市', 'place', 0.95],
    ['陈海澜', 'person', 0.93],
    ['许文', 'person', 0.91],
    ['白塔县', 'place', 0.55],
    ['5月1日', 'date', 1],
  ]);
  const list = summarizeEntities(text, spans, '星河科技发布新品');

  it('counts every entity and lists the key ones first', () => {
    expect(list.map((e) => [e.text, e.count, e.key])).toEqual([
      ['星河科技', 3, true], // headline, lead, three mentions across the text
      ['陈海澜', 2, true], // twice, in two thirds of the text
      ['云港市', 1, false],
      ['许文', 1, false],
      ['5月1日', 1, false],
      ['白塔县', 1, false],
    ]);
  });

  it('never makes a date, a figure or an unsure name key, however often it comes up', () => {
    const many = Array.from({ length: 8 }, () => para('白塔县和5月1日又出现了。')).join('\n\n');
    const s = spansOf(many, [['白塔县', 'place', CONFIDENT - 0.01], ['5月1日', 'date', 1]]);
    expect(summarizeEntities(many, s, '白塔县5月1日').filter((e) => e.key)).toEqual([]);
    const sure = spansOf(many, [['白塔县', 'place', CONFIDENT]]);
    expect(summarizeEntities(many, sure).filter((e) => e.key).map((e) => e.text)).toEqual(['白塔县']);
  });

  it('keeps at most KEY_MAX key entities, the most salient', () => {
    const names = Array.from({ length: KEY_MAX + 5 }, (_, i) => `机构${String.fromCharCode(0x4e00 + i * 7)}甲`);
    const body = [para('开头一段没有名字。'), ...names.map((n, i) => para(`${n}`.repeat(3 + (i % 4))))].join('\n\n');
    const s = spansOf(body, names.map((n): [string, Span['type'], number] => [n, 'organization', 0.99]));
    const all = summarizeEntities(body, s);
    const key = all.filter((e) => e.key);
    expect(key.length).toBe(KEY_MAX);
    expect(Math.max(...all.filter((e) => !e.key).map((e) => e.count))).toBeLessThanOrEqual(Math.min(...key.map((e) => e.count)));
  });

  it('keySpans picks every mention of the key entities and nothing else', () => {
    const ks = keySpans(text, spans, list).map((s) => text.slice(s.start, s.end));
    expect(ks).toEqual(['星河科技', '星河科技', '陈海澜', '陈海澜', '星河科技']);
  });
});
