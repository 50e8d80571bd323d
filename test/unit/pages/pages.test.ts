import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../helpers/jsdom';
import { analyzePages } from '../../../cli/pages';
import { decodeFetched } from '../../../utils/pages/decode';
import { followPages, type Fetched } from '../../../utils/pages/follow';
import { findPagination, pageNumberOf } from '../../../utils/pages/pager';
import { bareTitle, sameArticle } from '../../../utils/pages/same-article';
import { readHtmlInput } from '../../../utils/page/input';
import { analyzeDocument } from '../../../utils/analyze';
import { createTextHost } from '../../../utils/script/host';
import { CHINESE_PAGES, CORPUS, corpusHtml, FIXTURES } from '../../helpers/corpus';
import { entityOptions } from '../../../utils/nlp/tagger';

const DIR = join(FIXTURES, 'multipage');
const NEWS = join(CORPUS, 'news-pages/pages');
const text = (file: string) => readHtmlInput(readFileSync(join(DIR, file))).text;
const pagination = (html: string, url: string) => findPagination(parseHtml(html, url).doc, url);
const transform = createTextHost(() => ({ phrases: [], tsCharactersExt: false }));

describe('page addresses', () => {
  it('knows a sibling page by the page number in its address', () => {
    expect(pageNumberOf('https://a.example/n/story_2.html', 'https://a.example/n/story.html')).toBe(2);
    expect(pageNumberOf('https://a.example/n/c1-311-3.html', 'https://a.example/n/c1-311.html')).toBe(3);
    expect(pageNumberOf('https://a.example/n/story_3.shtml', 'https://a.example/n/story_2.shtml')).toBe(3);
    expect(pageNumberOf('https://a.example/n/index_1.html', 'https://a.example/n/index.html')).toBe(1);
    expect(pageNumberOf('https://a.example/view?id=9&page=2', 'https://a.example/view?id=9')).toBe(2);
    expect(pageNumberOf('https://a.example/story/123/2', 'https://a.example/story/123')).toBe(2);
    expect(pageNumberOf('https://a.example/n/story.html', 'https://a.example/n/story_2.html')).toBe(1);
  });
  it('does not take other articles, other sites or long ids for pages', () => {
    expect(pageNumberOf('https://a.example/n/other.html', 'https://a.example/n/story.html')).toBeNull();
    expect(pageNumberOf('https://b.example/n/story_2.html', 'https://a.example/n/story.html')).toBeNull();
    expect(pageNumberOf('https://a.example/n/2019_09_07_516892.shtml', 'https://a.example/n/2019_09_07_516891.shtml')).toBeNull();
    expect(pageNumberOf('https://a.example/view?id=10', 'https://a.example/view?id=9')).toBe(10); // a small-number query is a page…
    expect(pageNumberOf('https://a.example/view?id=10&x=1', 'https://a.example/view?id=9')).toBeNull(); // …only when it is the one change
    expect(pageNumberOf('https://a.example/m/story_2.html', 'https://a.example/n/story.html')).toBeNull();
  });
});

describe('the article pager', () => {
  it('finds 第1页/共3页 with numbered links and 下一页, not the 热门 or comment pagers', () => {
    const p = pagination(text('story.html'), 'https://news.example/a/story.html');
    expect(p).toMatchObject({ next: 'https://news.example/a/story_2.html', current: 1, total: 3 });
    expect(p!.numbered).toEqual({ 2: 'https://news.example/a/story_2.html', 3: 'https://news.example/a/story_3.html' });
  });
  it('reads a GBK page 2 and knows it is page 2', () => {
    const bytes = readFileSync(join(DIR, 'story_2.html'));
    const html = decodeFetched(bytes, 'text/html');
    expect(html).toContain('直播间里的春茶');
    expect(pagination(html, 'https://news.example/a/story_2.html')).toMatchObject({ next: 'https://news.example/a/story_3.html', current: 2, total: 3 });
    // The server's charset wins over a guess, as in a browser.
    expect(decodeFetched(bytes, 'text/html; charset=GBK')).toBe(html);
  });
  it('has no next page on the last page', () => {
    expect(pagination(text('story_3.html'), 'https://news.example/a/story_3.html')).toMatchObject({ next: null, current: 3, total: 3 });
  });
  it('finds index_1.html numbering and ?page=2 pagers', () => {
    expect(pagination(text('loop/index.html'), 'https://edu.example/c/index.html')).toMatchObject({ next: 'https://edu.example/c/index_1.html', current: 1, total: 3 });
    expect(pagination(text('column.html'), 'https://city.example/d/column.html')).toMatchObject({ next: 'https://city.example/d/column.html?page=2', total: 2 });
  });
  it('takes a 下一页 inside a page counter even when it leads elsewhere (reading the page decides)', () => {
    expect(pagination(text('report.html'), 'https://news.example/b/report.html')).toMatchObject({ next: 'https://news.example/b/harbor.html', total: 2 });
  });
  it('finds the real pagers of the corpus pages that have one', () => {
    const at = (f: string, url: string) => pagination(readFileSync(join(NEWS, f), 'utf8'), url);
    // 上一页 1/2 下一页 (a mobile layout: the next page is on the same host)
    expect(at('gamersky-1.html', 'https://wap.gamersky.com/news/Content-1220000.html')).toMatchObject({ next: 'https://wap.gamersky.com/news/Content-1220000_2.html', current: 1, total: 2 });
    // <span class="active">1</span> <a href="…_2.shtml">2</a>, 下一页 only in an onclick
    expect(at('guancha-1.html', 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml')).toMatchObject({ next: 'https://www.guancha.cn/WangWen/2019_09_07_516891_2.shtml', current: 1, total: 2 });
    // 【1】【2】【3】【4】 and an image "next page" link
    expect(at('people-1.html', 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html')).toMatchObject({ next: 'http://culture.people.com.cn/n1/2019/0615/c1013-31153719-2.html', current: 1, total: 4 });
  });
  it('finds no pager on the other corpus pages and the page fixtures', () => {
    const found: string[] = [];
    for (const f of readdirSync(NEWS).filter((f) => f.endsWith('.html') && !/^(?:gamersky|guancha|people)-1\./.test(f))) {
      if (pagination(readFileSync(join(NEWS, f), 'utf8'), `https://site.example/news/${f}`)) found.push(f);
    }
    for (const d of CHINESE_PAGES) if (pagination(corpusHtml(d), `http://fakehost/test/${d}.html`)) found.push(d);
    const pages = join(FIXTURES, 'pages');
    for (const f of readdirSync(pages).filter((f) => f.endsWith('.html'))) if (pagination(readFileSync(join(pages, f), 'utf8'), `https://site.example/${f}`)) found.push(f);
    // A channel list has a pager of its own; it pages through other articles and is never followed (below).
    expect(found).toEqual(['not-channel-list.html']);
  }, 600_000); // ~80 pages parsed by jsdom: seconds alone, minutes on a shared machine
});

describe('the same article', () => {
  it('strips page markers from headlines', () => {
    expect(bareTitle('山城茶农的新生意(2)')).toBe(bareTitle('山城茶农的新生意'));
    expect(bareTitle('山城茶农的新生意 第2页')).toBe(bareTitle('山城茶农的新生意'));
    expect(bareTitle('Tea farmers - Page 2 of 3')).toBe(bareTitle('Tea farmers'));
  });
  it('tells another article apart by headline, and by a date days away', () => {
    expect(sameArticle({ title: '沿海小城的夜市经济', published: null }, { title: '白沙湾港口扩建工程开工', published: null })).toBe(false);
    expect(sameArticle({ title: '山城茶农的新生意', published: '2023-07-27T09:42:00+08:00' }, { title: '山城茶农的新生意(3)', published: '2023-07-27T09:42:00+08:00' })).toBe(true);
    expect(sameArticle({ title: '山城茶农的新生意', published: '2023-07-27' }, { title: '山城茶农的新生意', published: '2023-09-01' })).toBe(false);
  });
});

describe('following pages', () => {
  const read = async (html: string, url: string) => {
    const page = parseHtml(html, url);
    const p = findPagination(page.doc, url);
    const analysis = await analyzeDocument(page.doc, { url, sanitizer: page.sanitizer, read: false });
    return { analysis, pagination: p };
  };
  const site = (files: Record<string, string | number>) => {
    const fetched: string[] = [];
    const source = async (url: string | null): Promise<Fetched | null> => {
      if (!url) return null;
      fetched.push(url);
      const f = files[url];
      if (typeof f === 'number') return { ok: false, url, problem: 'http', status: f };
      return f ? { ok: true, url, html: text(f) } : { ok: false, url, problem: 'network' };
    };
    return { source, fetched };
  };
  const follow = async (first: string, url: string, files: Record<string, string | number>, max?: number) => {
    const { source, fetched } = site(files);
    const start = await read(text(first), url);
    const states = [];
    for await (const s of followPages({ first: { url, ...start }, source, read, max })) states.push(s);
    return { states, last: states.at(-1)!, fetched };
  };

  it('joins three pages in order, one fetch at a time, and says which page it is fetching', async () => {
    const { last, fetched, states } = await follow('story.html', 'https://news.example/a/story.html', {
      'https://news.example/a/story_2.html': 'story_2.html',
      'https://news.example/a/story_3.html': 'story_3.html',
    });
    expect(fetched).toEqual(['https://news.example/a/story_2.html', 'https://news.example/a/story_3.html']);
    expect(states.map((s) => s.loading)).toEqual([2, 3, null]);
    expect(last.parts).toHaveLength(3);
    expect(last.pages).toMatchObject({ total: 3, next: null, stopped: null });
  });
  it('stops where the pager loops, without fetching the repeat', async () => {
    const { last, fetched } = await follow('loop/index.html', 'https://edu.example/c/index.html', {
      'https://edu.example/c/index_1.html': 'loop/index_1.html',
      'https://edu.example/c/index_2.html': 'loop/index_2.html',
    });
    expect(fetched).toHaveLength(2);
    expect(last.parts).toHaveLength(3);
    expect(last.pages.stopped).toMatchObject({ reason: 'repeat', url: 'https://edu.example/c/index_1.html' });
  });
  it('leaves out a "next page" that is another article', async () => {
    const { last } = await follow('report.html', 'https://news.example/b/report.html', { 'https://news.example/b/harbor.html': 'harbor.html' });
    expect(last.parts).toHaveLength(1);
    expect(last.pages.stopped).toMatchObject({ reason: 'other-article', page: 2 });
  });
  it('keeps what it has when a page fails, and says which', async () => {
    const { last } = await follow('column.html', 'https://city.example/d/column.html', { 'https://city.example/d/column.html?page=2': 500 });
    expect(last.parts).toHaveLength(1);
    expect(last.pages.stopped).toMatchObject({ reason: 'failed', problem: 'http', status: 500, page: 2 });
  });
  it('stops at a page that repeats an earlier one under another address, and at the limit', async () => {
    const again = await follow('story.html', 'https://news.example/a/story.html', { 'https://news.example/a/story_2.html': 'story.html' });
    expect(again.last.pages.stopped).toMatchObject({ reason: 'repeat' });
    const limited = await follow('story.html', 'https://news.example/a/story.html', { 'https://news.example/a/story_2.html': 'story_2.html', 'https://news.example/a/story_3.html': 'story_3.html' }, 2);
    expect(limited.last.parts).toHaveLength(2);
    expect(limited.last.pages.stopped).toMatchObject({ reason: 'limit', url: 'https://news.example/a/story_3.html' });
  });
  it('never follows the pager of a page that is not an article (a list of other articles)', async () => {
    const url = 'https://site.example/tech/index.shtml';
    const page = await read(readFileSync(join(FIXTURES, 'pages/not-channel-list.html'), 'utf8'), url);
    expect(page.pagination?.next).toBe('https://site.example/tech/index_2.shtml'); // the list's own pager is found, and still not followed
    const { source, fetched } = site({});
    const states = [];
    for await (const s of followPages({ first: { url, ...page }, source, read })) states.push(s);
    expect(fetched).toEqual([]);
    expect(states.at(-1)!.parts).toHaveLength(1);
  });
  it('never fetches another site', async () => {
    const html = text('story.html').replaceAll('href="story_', 'href="https://other.example/a/story_');
    const page = await read(html, 'https://news.example/a/story.html');
    const { source, fetched } = site({});
    const states = [];
    for await (const s of followPages({ first: { url: 'https://news.example/a/story.html', ...page }, source, read })) states.push(s);
    expect(fetched).toEqual([]);
    expect(states.at(-1)!.pages.stopped?.reason ?? 'none').not.toBe('failed');
  });
});

describe('a joined article', () => {
  it('covers every page: text, outline, summary and entities', async () => {
    const a = await analyzePages(
      { html: text('story.html'), url: 'https://news.example/a/story.html' },
      [{ html: text('story_2.html'), url: 'file:///2' }, { html: text('story_3.html'), url: 'file:///3' }],
      { to: null, transform, entities: entityOptions() },
    );
    expect(a.pages.urls).toEqual(['https://news.example/a/story.html', 'https://news.example/a/story_2.html', 'https://news.example/a/story_3.html']);
    expect(a.title).toBe('山城茶农的新生意');
    expect(a.text).toContain('青岚镇坐落在山城西南');
    expect(a.text).toContain('直播间里的春茶');
    expect(a.text).toContain('青岚的路会越走越宽');
    expect(a.outline.map((o) => o.text)).toEqual(['二、直播间里的春茶', '三、茶园变成了景区']);
    expect(a.html.match(/<section>/g)).toHaveLength(3);
    expect(a.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['青岚镇', '张桂英'])); // from pages 1 and 3
    // The summary may take sentences from any page.
    expect(a.summary.length).toBeGreaterThan(0);
    expect(a.text).not.toMatch(/热门文章|网友评论|下一页/);
  });
});
