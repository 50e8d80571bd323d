import { describe, expect, it } from 'vitest';
import { read } from '../../../utils/citations/cite';
import { authorsOf, itemsOf } from '../../../utils/citations/csl';
import { copyText, exportCitations, type ToScript } from '../../../utils/citations/formats';
import { normalizeQuote, type Quote } from '../../../utils/quotes/model';
import { prepareConverter } from '../../../utils/script/convert';

const LONG_URL = 'https://news.example/a/2023/07/27/mountain-town-tea-farmers-new-business-story-123456789.html?from=feed&id=42';
const saved = new Date(2024, 0, 5, 12).getTime(); // noon, local time: the access date is 2024-01-05 anywhere
const quote = (over: Partial<Quote> = {}): Quote =>
  normalizeQuote({
    text: '刚开始，直播间里只有十几个人',
    selector: { quote: { exact: '刚开始，直播间里只有十几个人', prefix: '', suffix: '' }, position: { start: 0, end: 14 } },
    url: LONG_URL,
    title: '山城茶农的新生意',
    site: '示例日报',
    byline: '记者 王小明',
    authors: ['王小明', '欧阳明月'],
    published: '2023-07-27T09:42:00+08:00',
    createdAt: saved,
    ...over,
  })!;

const nameText = (n: Record<string, string>) => n.literal ?? [n.family, n.given].filter(Boolean).join(' ');
/** The fields a reference manager needs, as citation-js reads them back. */
const fields = (item: Record<string, unknown>) => ({
  title: item.title,
  author: ((item.author as Array<Record<string, string>>) ?? []).map(nameText),
  site: item['container-title'] ?? item['collection-title'],
  issued: item.issued,
  accessed: item.accessed,
  URL: item.URL,
});

describe('citation data of quotes', () => {
  it('takes writers from the byline only when it holds nothing but names', () => {
    expect(authorsOf({ byline: '记者 王小明' })).toEqual(['王小明']);
    expect(authorsOf({ byline: '文/李华 张三' })).toEqual(['李华', '张三']);
    expect(authorsOf({ byline: '本报记者 欧阳明月、通讯员 赵四' })).toEqual(['欧阳明月', '赵四']);
    expect(authorsOf({ byline: 'Ann Lee and Bo Chen' })).toEqual(['Ann Lee', 'Bo Chen']);
    expect(authorsOf({ byline: '责任编辑：赵六' })).toEqual([]);
    expect(authorsOf({ byline: '新华社' })).toEqual([]);
    expect(authorsOf({ byline: '来源：示例日报' })).toEqual([]);
    expect(authorsOf({ byline: '记者 王明', authors: ['王明'] })).toEqual(['王明']);
  });

  it('makes one reference per article: quotes from its pages share the first page', () => {
    const items = itemsOf([
      quote(),
      quote({ text: '茶园变成了景区', url: 'https://news.example/a/story_3.html', articleUrl: LONG_URL }),
      quote({ text: '港口扩建', url: 'https://news.example/b/harbor.html', title: '白沙湾港口扩建工程开工', authors: [], byline: null, published: null }),
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: 'webpage',
      title: '山城茶农的新生意',
      author: [{ literal: '王小明' }, { literal: '欧阳明月' }],
      'container-title': '示例日报',
      issued: { 'date-parts': [[2023, 7, 27]] },
      accessed: { 'date-parts': [[2024, 1, 5]] },
      URL: LONG_URL,
    });
    expect(items[0].note).toBe('“刚开始，直播间里只有十几个人”\n“茶园变成了景区”');
    expect(items[1].author).toBeUndefined();
    expect(items[1].issued).toBeUndefined();
  });
});

describe('exports through citation-js, and back', () => {
  const quotes = [quote(), quote({ text: 'A second article', url: 'https://news.example/en/tea.html', title: 'Tea farmers find new buyers', site: 'Example Daily', authors: ['Ann Lee'], published: '2023-08-01' })];
  const expected = itemsOf(quotes).map((i) => fields({ ...i }));

  it('CSL-JSON comes back field for field', async () => {
    const out = await exportCitations(quotes, 'csl');
    expect(out.ext).toBe('json');
    expect(JSON.parse(out.text)[0].author).toEqual([{ literal: '王小明' }, { literal: '欧阳明月' }]);
    expect(read(out.text).map(fields)).toEqual(expected);
  });

  it('BibLaTeX keeps Chinese names whole and comes back with the same fields', async () => {
    const out = await exportCitations(quotes, 'bibtex');
    expect(out.ext).toBe('bib');
    expect(out.text).toContain('author = {{王小明} and {欧阳明月}}');
    expect(out.text).not.toMatch(/王,|{王}/);
    expect(out.text).toContain('title = {山城茶农的新生意}');
    expect(out.text).toContain('urldate = {2024-01-05}');
    expect(read(out.text).map(fields)).toEqual(expected);
  });

  it('RIS keeps names whole, long addresses on one line, and comes back with the same fields', async () => {
    const out = await exportCitations(quotes, 'ris');
    expect(out.ext).toBe('ris');
    expect(out.text).toContain('AU  - 王小明\r\n');
    expect(out.text).toContain(`UR  - ${LONG_URL}\r\n`);
    expect(out.text).toContain('T2  - 示例日报\r\n');
    expect(out.text).toContain('Y2  - 2024/1/5/\r\n'); // where Zotero and EndNote read the access date
    expect(read(out.text).map(fields)).toEqual(expected);
  });
});

describe('copy citation', () => {
  it('offers GB/T 7714-2015 for electronic resources beside Jingdu’s own line', async () => {
    expect(await copyText(quote(), 'gbt7714')).toBe(
      `刚开始，直播间里只有十几个人\n王小明, 欧阳明月. 山城茶农的新生意[EB/OL]. 示例日报, 2023-07-27[2024-01-05]. ${LONG_URL}.`,
    );
    expect(await copyText(quote(), 'jingdu')).toBe(`刚开始，直播间里只有十几个人\n— 记者 王小明，《山城茶农的新生意》，示例日报，2023-07-27，${LONG_URL}`);
  });
  it('lists three writers and 等, and leaves out what the page does not say', async () => {
    const many = quote({ authors: ['甲一', '乙二', '丙三', '丁四'] });
    expect((await copyText(many, 'gbt7714')).split('\n')[1]).toMatch(/^甲一, 乙二, 丙三, 等\. 山城茶农的新生意\[EB\/OL\]/);
    const bare = quote({ authors: [], byline: null, published: null, site: null });
    expect((await copyText(bare, 'gbt7714')).split('\n')[1]).toBe(`山城茶农的新生意[EB/OL]. [2024-01-05]. ${LONG_URL}.`);
  });
  it('is written in the script the quote was saved in', async () => {
    const converters = new Map<string, Awaited<ReturnType<typeof prepareConverter>>>();
    const convert: ToScript = async (texts, script) => {
      const c = converters.get(script) ?? (await prepareConverter({ to: script as 'traditional', from: 'auto' }));
      converters.set(script, c);
      return texts.map((t) => c.convert(t));
    };
    const q = quote({ text: '剛開始，直播間裡只有十幾個人', script: 'traditional' });
    const line = (await copyText(q, 'gbt7714', convert)).split('\n')[1];
    expect(line).toBe(`王小明, 歐陽明月. 山城茶農的新生意[EB/OL]. 示例日報, 2023-07-27[2024-01-05]. ${LONG_URL}.`);
    expect((await copyText(q, 'jingdu', convert)).split('\n')[1]).toContain('《山城茶農的新生意》，示例日報');
  });
});
