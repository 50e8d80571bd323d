// People named by the words around them (utils/nlp/ner/name-context.ts), on sentences written for
// this project in the shape news gives them: a reporter's credit, a title before a name, a quote
// closed by "X说". The names are picked with given-name characters the training data rarely has.

import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/nlp/entities';
import { CONTEXT_SCORE, contextNames } from '../../../utils/nlp/ner/name-context';
import { CONFIDENT } from '../../../utils/nlp/salience';
import { entityOptions } from '../../../utils/nlp/tagger';

const names = (text: string) => contextNames(text).map((n) => text.slice(n.start, n.end));

describe('names from their context', () => {
  it('takes the name after a title, a credit or a reporter label', () => {
    expect(names('科大讯飞副总裁侯方说，竞争才刚开始。')).toEqual(['侯方']);
    expect(names('猎豹移动董事长兼CEO傅盛认为，大模型不是万能的。')).toEqual(['傅盛']);
    expect(names('文/本报记者 孙冰')).toEqual(['孙冰']);
    expect(names('新华社记者谭朔摄')).toEqual(['谭朔']);
    expect(names('财政部部长蓝佛安表示，')).toEqual(['蓝佛安']);
    expect(names('董事长王和平说')).toEqual(['王和平']);
    expect(names('副总裁侯方在会上介绍')).toEqual(['侯方']);
    expect(names('司令员欧阳立平说')).toEqual(['欧阳立平']);
  });

  it('takes every name of a credit that lists several', () => {
    expect(names('（记者 孙冰、侯方 通讯员 钱塘）')).toEqual(['孙冰', '侯方', '钱塘']);
  });

  it('takes a name between a clause boundary and a verb of saying, less surely', () => {
    const text = '“竞争才刚开始，”侯方说。';
    expect(contextNames(text)).toEqual([{ start: text.indexOf('侯方'), end: text.indexOf('侯方') + 2, score: CONTEXT_SCORE.says }]);
    expect(CONTEXT_SCORE.says).toBeLessThan(CONFIDENT);
    expect(CONTEXT_SCORE.title).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('leaves out words, forms of address and places that look like a surname and a name', () => {
    for (const text of ['官方表示，高层认为，方面称', '，金融界认为，文章指出', '，白宫表示', '集团副总经理方总说', '，饶先生表示', '“注意安全，”冯警官提醒', '上海市长宁区', '美国财政部长曾表示', '相关负责人向记者表示', '记者第一时间赶到现场', '记者了解到'])
      expect(names(text), text).toEqual([]);
  });

  it('makes the reader mark such a name by default, and everywhere the article repeats it', () => {
    const text = '科大讯飞副总裁侯方在会上介绍了新模型。“竞争才刚开始，”侯方说。';
    const spans = findEntities(text, entityOptions()).filter((s) => s.type === 'person');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['侯方', '侯方']);
    for (const s of spans) expect(s.score).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('is sure of a name the model was unsure of when a title stands before it', () => {
    const text = '猎豹移动董事长傅盛和创新工场董事长李开复出席。';
    const fu = findEntities(text, entityOptions()).find((s) => text.slice(s.start, s.end) === '傅盛');
    expect(fu?.type).toBe('person');
    expect(fu!.score).toBeGreaterThanOrEqual(CONTEXT_SCORE.title);
  });
});
