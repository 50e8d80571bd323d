import { describe, expect, it } from 'vitest';
import { citation, normalizeQuote, type Quote } from '../../../utils/quotes/model';
import { buildIndex, facets, searchQuotes } from '../../../utils/quotes/search';
import { exportCsv, exportJson, exportMarkdown, importJson, QuoteImportError } from '../../../utils/quotes/transfer';
import { traditionalToSimplifiedChars } from '../../../utils/script/convert';

const fold = traditionalToSimplifiedChars();
let n = 0;
const q = (text: string, extra: Partial<Quote> = {}): Quote =>
  normalizeQuote({
    id: `id${++n}`,
    text,
    url: 'https://news.example.cn/a/1.html',
    selector: { quote: { exact: text, prefix: '', suffix: '' }, position: { start: n * 10, end: n * 10 + text.length } },
    title: '长江中游城市群首条跨省城际铁路开通',
    site: '华中在线',
    byline: '张三',
    published: '2023-07-27T09:42:00+08:00',
    createdAt: n * 1000,
    ...extra,
  })!;

describe('search', () => {
  const quotes = [
    q('经济持续恢复发展，就业形势稳定。', { tags: ['经济'] }),
    q('兩岸經濟發展的新機遇。', { site: '寶島日報', tags: ['两岸'] }),
    q('Meta 发布了 Llama 2 模型。', { note: '开源大模型' }),
  ];
  const index = buildIndex(quotes, fold);

  it('ignores script: 发展 finds 發展, and 發展 finds 发展', () => {
    expect(searchQuotes(index, { query: '发展' }).map((x) => x.text)).toHaveLength(2);
    expect(searchQuotes(index, { query: '經濟發展' }).map((x) => x.id)).toEqual([quotes[1].id]);
  });

  it('ignores punctuation and case, and searches notes, titles and tags', () => {
    expect(searchQuotes(index, { query: 'llama2' })).toHaveLength(1);
    expect(searchQuotes(index, { query: '开源' })).toHaveLength(1);
    expect(searchQuotes(index, { query: '城际铁路' })).toHaveLength(3);
    expect(searchQuotes(index, { query: '发展就业' })).toHaveLength(1); // across the comma in 发展，就业
  });

  it('filters by site, tag and date and sorts', () => {
    expect(searchQuotes(index, { site: '寶島日報' })).toHaveLength(1);
    expect(searchQuotes(index, { tag: '经济' })).toHaveLength(1);
    expect(searchQuotes(index, { from: quotes[1].createdAt })).toHaveLength(2);
    expect(searchQuotes(index, { sort: 'oldest' })[0].id).toBe(quotes[0].id);
    expect(searchQuotes(index, {})[0].id).toBe(quotes[2].id);
    expect(facets(quotes)).toEqual({ sites: ['华中在线', '寶島日報'].sort(), tags: ['两岸', '经济'].sort() });
  });
});

describe('citation and export', () => {
  const one = q('铁路正式开通运营。', { note: '<script>alert(1)</script>', tags: ['交通'] });

  it('cites as — 作者，《标题》，站点，日期，URL', () => {
    expect(citation(one)).toBe('— 张三，《长江中游城市群首条跨省城际铁路开通》，华中在线，2023-07-27，https://news.example.cn/a/1.html');
  });

  it('exports Markdown grouped by article with citation lines', () => {
    const md = exportMarkdown([one, q('第二条摘录。')]);
    expect(md.match(/^## /gm)).toHaveLength(1);
    expect(md).toContain('> 铁路正式开通运营。\n>\n> — 张三，《');
    expect(md).toContain('#交通');
  });

  it('exports CSV that spreadsheets read, with formulas defused', () => {
    const csv = exportCsv([one, q('=HYPERLINK("x")')]);
    expect(csv.startsWith('\ufefftext,')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv.split('\r\n').length).toBe(4);
  });

  it('JSON round-trips and re-import merges without duplicates', () => {
    const all = [one, q('另一条。')];
    const file = exportJson(all);
    expect(importJson([], file)).toMatchObject({ added: 2, updated: 0, skipped: 0 });
    expect(importJson(all, file)).toMatchObject({ quotes: [], added: 0, skipped: 2 });
    // The same passage saved twice under different ids is one quote.
    const again = JSON.stringify({ kind: 'jingdu-quotes', version: 1, quotes: [{ ...one, id: 'other' }] });
    expect(importJson(all, again).added).toBe(0);
    // A newer edit of the same quote wins.
    const edited = JSON.stringify({ kind: 'jingdu-quotes', version: 1, quotes: [{ ...one, note: '新笔记', updatedAt: one.updatedAt + 1 }] });
    expect(importJson(all, edited)).toMatchObject({ updated: 1, quotes: [{ note: '新笔记' }] });
    expect(() => importJson(all, '{"kind":"other"}')).toThrow(QuoteImportError);
    expect(importJson([], JSON.stringify({ kind: 'jingdu-quotes', quotes: [{ text: 1 }, null] })).skipped).toBe(2);
  });
});
