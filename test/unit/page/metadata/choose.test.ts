import { describe, expect, it } from 'vitest';
import { choose, scanPage, titleMatch } from '../../../../utils/page/metadata';
import { parse } from '../../../helpers/corpus';

describe('choose', () => {
  const c = (value: string, score: number, rule: string) => ({ value, score, rule });

  it('keeps the best candidate and names its rule', () => {
    expect(choose([c('a', 0.6, 'x'), c('b', 0.9, 'y'), c('c', 0.7, 'z')], 0.5)).toEqual({ value: 'b', score: 0.9, rule: 'y' });
  });

  it('keeps nothing below the floor: a value it is unsure of is left out', () => {
    expect(choose([c('a', 0.45, 'x')], 0.5)).toBeNull();
    expect(choose([], 0.5)).toBeNull();
  });

  it('prefers the earlier, stronger rule on a tie', () => {
    expect(choose([c('a', 0.8, 'x'), c('b', 0.8, 'y')], 0.5)?.rule).toBe('x');
  });
});

describe('titleMatch', () => {
  const title = '周末去西山看红叶，分享一条人少的徒步路线 - 户外旅行 - 青柠论坛';
  it('a printed line that is the title without its tail matches well', () => {
    expect(titleMatch('周末去西山看红叶，分享一条人少的徒步路线', title).match).toBeGreaterThan(0.7);
  });
  it('a short part between separators (the board, the site) matches little or not at all', () => {
    expect(titleMatch('户外旅行', title).match).toBe(0);
    expect(titleMatch('青柠论坛', title).match).toBe(0);
  });
  it('a label before the headline is looked past', () => {
    expect(titleMatch('标题：周末去西山看红叶，分享一条人少的徒步路线', title)).toMatchObject({ matched: '周末去西山看红叶，分享一条人少的徒步路线' });
  });
  it('a part that cuts a word in two does not match', () => {
    expect(titleMatch('去西山看红', title).match).toBe(0);
  });
});

describe('scanPage', () => {
  it('reads text as lines, headings with their place, and the hiding places of dates, in one walk', () => {
    const { doc } = parse(`<html><head><meta property="og:title" content="标题"><title>标题_网</title>
      <script>var pubDate = '2005-07-18';</script></head><body>
      <!-- published at 2005-07-31 12:00:00 -->
      <input type="hidden" name="pubtime" value="2022-02-13 10:20:30">
      <h1>标题<span>二</span></h1><div class="time"><span>2019</span><span>09/07</span></div>
      <div style="display:none">藏起来的字</div><p>正文<b>一段</b>。</p><time datetime="2020-01-02">1月2日</time></body></html>`);
    const s = scanPage(doc);
    expect(s.text).toContain('标题二\n');
    expect(s.text).toContain('2019 09/07');
    expect(s.text).toContain('正文一段。');
    expect(s.text).not.toContain('藏起来');
    const h1 = s.marks.find((m) => m.tag === 'h1')!;
    expect(s.text.slice(h1.start, h1.end).trim()).toBe('标题二');
    expect(s.meta.get('og:title')).toBe('标题');
    expect(s.scripts).toHaveLength(1);
    expect(s.comments[0].value).toContain('published at');
    expect(s.inputs.map((i) => i.value)).toEqual(['pubtime=2022-02-13 10:20:30']);
    expect(s.times.map((t) => t.value)).toEqual(['2020-01-02']);
    expect(s.dateSpans).toHaveLength(1);
  });
});
