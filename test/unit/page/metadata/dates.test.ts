import { describe, expect, it } from 'vitest';
import { dateInUrl, printedDates, RELATIVE_DATE } from '../../../../utils/page/metadata';

describe('printedDates: the ways portals print a date', () => {
  it.each([
    ['2005-04-05 06:40更新 来源：江城晚报', '2005-04-05T06:40:00+08:00'],
    ['发布时间：2022-02-13 04:22:18   来源：', '2022-02-13T04:22:18+08:00'],
    ['BUSINESS.YUANFAN.EXAMPLE　2004年7月16日08:19', '2004-07-16T08:19:00+08:00'],
    ['发表于 2005-9-15 11:46:00', '2005-09-15T11:46:00+08:00'],
    ['本贴由大卫于2005年8月12日16:12:21在〖杂谈〗发表.', '2005-08-12T16:12:21+08:00'],
    ['2022年02月13日 星期日', '2022-02-13'],
    ['2019\n09/07\n19:02', '2019-09-07T19:02:00+08:00'],
    ['发布时间：2019-05-18 来源：学会', '2019-05-18'],
    ['2019年09月11日01:53 新浪科技', '2019-09-11T01:53:00+08:00'],
  ])('%s', (text, iso) => {
    expect(printedDates(text)[0]?.iso).toBe(iso);
  });

  it('labels each date by what stands before it', () => {
    const [a, b] = printedDates('2019-09-07 09:25:09 来源：某网 最后更新: 2019-09-07 09:27:48');
    expect(a.label).toBeNull();
    expect(b.label).toBe('updated');
    expect(printedDates('发表于 2005-9-15')[0].label).toBe('posted');
    expect(printedDates('发布时间：2022-02-13')[0].label).toBe('published');
  });

  it('reads a date printed without its year (or with two digits) only as a partial one', () => {
    const [d] = printedDates('发布时间：10-0812:00');
    expect(d.partial).toEqual({ month: 10, day: 8, time: '12:00' });
    expect(d.iso).toBe('');
    expect(printedDates('发布时间：18-03-08 23:16')[0].iso).toBe('2018-03-08T23:16:00+08:00');
  });

  it('is not fooled by numbers that are not dates', () => {
    expect(printedDates('第2023-13-45期 编号 120190907 电话 010-64870663')).toEqual([]);
    expect(printedDates('价格 1.2019.05 元')).toEqual([]);
  });
});

describe('dateInUrl', () => {
  it.each([
    ['https://news.example.cn/c/2005-03-21/10215423110s.shtml', '2005-03-21'],
    ['https://blog.example.cn/2005/07/31/some-post/', '2005-07-31'],
    ['https://www.example.gov.cn/zwgk/t20170417_4567.html', '2017-04-17'],
    ['https://news.example.cn/world/2019-12/10/c_1125327450.htm', '2019-12-10'],
    ['https://news.example.cn/a/20190907/123.html', '2019-09-07'],
    ['https://news.example.cn/a/201909071234567.html', null],
    ['https://news.example.cn/a/1.html', null],
    ['not a url', null],
  ])('%s', (url, iso) => {
    expect(dateInUrl(url)).toBe(iso);
  });
});

describe('relative dates', () => {
  it.each(['昨天', '前天 18:20', '3小时前', '刚刚'])('%s is relative', (s) => expect(RELATIVE_DATE.test(s)).toBe(true));
  it('a date is not', () => expect(RELATIVE_DATE.test('2022-02-13 昨日新闻')).toBe(false));
});
