import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/nlp/sentences';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits at Chinese end marks and keeps offsets', () => {
    const s = '今天天气很好。我们去公园吧！你去吗？他说；好的';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual(['今天天气很好。', '我们去公园吧！', '你去吗？', '他说；', '好的']);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
  });

  it('keeps closing quotes with their sentence and does not split quoted speech', () => {
    expect(texts('他说：“我们会继续努力。大家放心。”然后离开了。')).toEqual(['他说：“我们会继续努力。大家放心。”', '然后离开了。']);
    expect(texts('「你好嗎？」她問。')).toEqual(['「你好嗎？」', '她問。']);
    expect(texts('真的吗？！太好了。')).toEqual(['真的吗？！', '太好了。']);
  });

  it('handles ellipses', () => {
    expect(texts('他想了想……最后还是答应了。')).toEqual(['他想了想……最后还是答应了。']);
    expect(texts('事情还没完…… 第二天又出了事。')).toEqual(['事情还没完……', '第二天又出了事。']);
    expect(texts('“这个嘛……”他犹豫了。')).toEqual(['“这个嘛……”', '他犹豫了。']);
  });

  it('handles Latin text mixed in', () => {
    expect(texts('Meta发布了Llama 2模型。它的参数规模达700亿。The model is open. It costs $3.5 billion to build.')).toEqual([
      'Meta发布了Llama 2模型。',
      '它的参数规模达700亿。',
      'The model is open.',
      'It costs $3.5 billion to build.',
    ]);
    expect(texts('美国 (U.S.) 的数据来自 example.com 网站。')).toEqual(['美国 (U.S.) 的数据来自 example.com 网站。']);
  });

  it('splits at line breaks and survives an unclosed quote', () => {
    expect(texts('第一段。\n第二段')).toEqual(['第一段。', '第二段']);
    const runaway = texts('他说：“没有结束的引号。' + '很长的句子。'.repeat(80));
    expect(runaway.length).toBeGreaterThan(10);
    for (const s of runaway) expect(s.length).toBeLessThan(450);
  });
});
