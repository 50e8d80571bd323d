import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/page/extract';
import { outline, readingBlocks } from '../../../utils/nlp/outline';
import { summarize } from '../../../utils/nlp/summary';
import { corpusHtml, FAKE_URL, parse } from '../../helpers/corpus';

function article(name: string) {
  const page = parse(corpusHtml(name));
  const a = extractArticle(page.doc, { url: FAKE_URL, sanitizer: page.sanitizer })!;
  const root = parse(`<body>${a.html}</body>`).doc.body;
  return { a, root };
}

const body = (html: string) => parse(`<body>${html}</body>`).doc.body;

describe('outline', () => {
  it('uses the bold one-line subheads of a Chinese portal that has no headings (youth)', () => {
    const { root } = article('youth');
    const items = outline(root);
    expect(items.map((i) => i.text)).toEqual(expect.arrayContaining(['出国前后关注点大不同', '出国前：政治科目会出啥考题？', '出国后：国家未来将如何发展？']));
    const blocks = readingBlocks(root);
    for (const i of items) expect(blocks[i.block].textContent).toContain(i.text);
  });

  it('uses real headings when the article has them, levels from 2', () => {
    const items = outline(body('<h3>背景</h3><p>正文。</p><h4>细节</h4><p>更多。</p><h3>结论</h3>'));
    expect(items.map((i) => [i.level, i.text])).toEqual([[2, '背景'], [3, '细节'], [2, '结论']]);
  });

  it('reads section markers: 第X部分, 一、, （一）, 1.', () => {
    const items = outline(
      body(
        '<p>第一部分 总体要求</p><p>一、加强组织领导。各地区各部门要把这项工作摆在突出位置，切实抓紧抓好，确保各项任务落到实处。</p><p>（一）明确责任分工</p><p>1. 建立工作台账</p><p>这是一段普通的正文，没有任何标记，也不是粗体。</p><p>二、强化督促检查</p>',
      ),
    );
    expect(items.map((i) => [i.level, i.text])).toEqual([
      [2, '第一部分 总体要求'],
      [3, '一、加强组织领导'],
      [4, '（一）明确责任分工'],
      [5, '1. 建立工作台账'],
      [3, '二、强化督促检查'],
    ]);
  });

  it('finds nothing where there is nothing, and ignores pages that bold everything', () => {
    expect(outline(body('<p>只有正文。</p><p>还是正文。</p>'))).toEqual([]);
    expect(outline(body('<p><b>粗体一</b></p><p><b>粗体二</b></p><p><b>粗体三</b></p><p><b>粗体四</b></p><p>正文。</p>'))).toEqual([]);
  });
});

describe('summary', () => {
  it.each(['gmw', 'qq', 'youth', 'pixnet'])('%s: 3 to 5 sentences from the article, in article order', (name) => {
    const { a } = article(name);
    const s = summarize(a.text);
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.length).toBeLessThanOrEqual(5);
    const paragraphs = a.text.split('\n\n');
    for (const x of s) expect(paragraphs[x.paragraph].slice(x.start, x.start + x.text.length)).toBe(x.text);
    const positions = s.map((x) => x.paragraph * 1e6 + x.start);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
  });

  it('prefers the sentences the article is about over captions and boilerplate', () => {
    const { a } = article('gmw');
    const s = summarize(a.text).map((x) => x.text).join('');
    expect(s).toMatch(/宇航员|太空|酒/);
    expect(s).not.toMatch(/责任编辑/);
  });

  it('handles short and empty texts', () => {
    expect(summarize('')).toEqual([]);
    expect(summarize('只有一句话，而且很短的新闻内容在这里。')).toHaveLength(1);
  });
});
