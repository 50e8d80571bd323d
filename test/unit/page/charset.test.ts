import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, declaredCharset } from '../../../utils/page/charset';
import { readHtmlInput, UnreadableInput } from '../../../utils/page/input';
import { corpusHtml } from '../../helpers/corpus';

const BODY = '<p>新华社北京7月27日电 国家统计局发布数据显示，上半年国内生产总值同比增长5.5%，经济持续恢复向好。</p>';
const BODY_TW = '<p>中央社台北8月15日電 行政院今天召開會議，通過明年度總預算案，經濟部表示將持續推動產業發展。</p>';
// The title is written in both scripts' shared characters so Big5 can encode it.
const page = (meta: string, body = BODY) => `<!doctype html><html><head>${meta}<title>新聞 News</title></head><body>${body}</body></html>`;
const text = (bytes: Uint8Array) => decodeHtml(bytes).text;

describe('decodeHtml', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const html = page('<meta charset="utf-8">');
    const bytes = new TextEncoder().encode(html);
    expect(text(bytes)).toBe(html);
    expect(text(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(html);
  });

  it.each([
    ['<meta charset="gbk">', 'gbk'],
    ['<meta charset="GB2312">', 'gb2312'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gb2312'],
    ['<meta charset="gb18030">', 'gb18030'],
  ])('reads GB pages declared by %s', (meta, declared) => {
    const html = page(meta);
    const d = decodeHtml(iconv.encode(html, 'gb18030'));
    expect(d.text).toBe(html);
    expect(d.declared).toBe(declared);
    expect(d.charset).toBe('gb18030');
  });

  it('reads Big5 pages by http-equiv', () => {
    const html = page('<meta http-equiv="content-type" content="text/html; charset=big5">', BODY_TW);
    expect(text(iconv.encode(html, 'big5'))).toBe(html);
  });

  it('guesses GB18030 vs Big5 when nothing is declared', () => {
    expect(text(iconv.encode(page('', BODY), 'gbk'))).toContain('国家统计局发布数据');
    expect(text(iconv.encode(page('', BODY_TW), 'big5'))).toContain('行政院今天召開會議');
  });

  it('trusts UTF-8 bytes over a gb2312 declaration they contradict (the qq corpus page)', () => {
    const html = corpusHtml('qq');
    const bytes = new TextEncoder().encode(html);
    expect(declaredCharset(bytes)).toBe('gb2312');
    const d = decodeHtml(bytes);
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain('DeepMind新电脑已可利用记忆自学');
  });

  it('reads UTF-16 with a BOM', () => {
    const html = page('');
    expect(text(new Uint8Array(iconv.encode(html, 'utf-16le', { addBOM: true })))).toBe(html);
  });
});

describe('readHtmlInput says clearly what is not an HTML page', () => {
  const reason = (input: Uint8Array | string) => {
    try {
      readHtmlInput(typeof input === 'string' ? new TextEncoder().encode(input) : input);
      return 'accepted';
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableInput);
      return (e as Error).message;
    }
  };
  it.each([
    [new Uint8Array(), /empty/],
    ['   \n  ', /white space/],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
    [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /PDF/],
    [new Uint8Array([1, 2, 0, 0, 5, 0, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]), /binary/],
    ['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>hi</text></svg>', /SVG image/],
    ['<?xml version="1.0"?><rss version="2.0"><channel><title>新闻</title></channel></rss>', /XML document \(<rss>\)/],
    ['{"title": "新闻"}', /JSON/],
    ['只是一段纯文本，没有任何标记。', /no HTML markup/],
  ])('%#: %s', (input, expected) => {
    expect(reason(input)).toMatch(expected);
  });

  it('accepts HTML, XHTML and fragments', () => {
    expect(reason(page(''))).toBe('accepted');
    expect(reason('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>你好</p></body></html>')).toBe('accepted');
    expect(reason('<p>只有一个段落</p>')).toBe('accepted');
  });
});
