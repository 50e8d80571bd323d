// One fixture per kind of page the metadata rules know (test/fixtures/pages/meta-*.html, text
// written for this project): each page's title, date, writers and site name, and the rule that
// found each, through the whole extraction as the reader and `jingdu analyze` run it.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../utils/page/extract';
import { fixtureHtml, fixtureNames, parse } from '../../../helpers/corpus';

interface Expect {
  url?: string;
  title?: string;
  published?: string | null;
  authors?: string[];
  siteName?: string | null;
  /** rules as metadataSources names them; only the fields given are checked */
  sources?: Partial<Record<'title' | 'byline' | 'published' | 'siteName', string | null>>;
}

const CASES: Record<string, Expect> = {
  // Dates
  'meta-date-td-line.html': {
    title: '江城地铁三号线今起试运营 沿线设站十八座',
    published: '2005-04-05T06:40:00+08:00',
    siteName: '晨光网',
    sources: { title: 'headline', published: 'headline-date' },
  },
  'meta-date-box-time.html': { published: '2022-02-13T20:04:17+08:00', sources: { published: 'headline-date' } },
  'meta-date-title-bar.html': { title: '钢材出口订单回暖 沿海钢厂开工率回升', published: '2004-07-16T08:19:00+08:00', sources: { published: 'above-headline' } },
  'meta-date-epaper.html': { title: '春运返程高峰到来 铁路加开夜间列车', published: '2022-02-13', sources: { published: 'date-element' } },
  'meta-date-hidden-input.html': { published: '2022-02-13T10:20:30+08:00', sources: { published: 'hidden-input' } },
  'meta-date-enpproperty.html': { published: '2022-02-13T10:20:30+08:00', authors: ['王明远'], sources: { published: 'comment', byline: 'comment-author' } },
  'meta-date-published-comment.html': { published: '2005-07-31T12:00:00+08:00', sources: { published: 'comment' } },
  'meta-date-script.html': { published: '2005-07-18T13:03:17+08:00', sources: { published: 'script' } },
  'meta-date-url.html': { url: 'https://news.binjiang.example/society/2005-03-21/0930123.shtml', published: '2005-03-21', sources: { published: 'url' } },
  'meta-date-relative.html': { published: null, sources: { published: null } },
  'meta-date-list-only.html': { published: null, authors: [] },
  'meta-date-yearless.html': { published: '2019-10-08T12:00:00+08:00', authors: [], sources: { published: 'headline-date+year' } },
  'meta-date-prose.html': { title: '南区街道一行到创新产业园开展调研', published: '2019-03-06', siteName: '石桥网' },
  // Forums and blogs
  'meta-forum-thread.html': {
    title: '周末去西山看红叶，分享一条人少的徒步路线',
    published: '2005-09-15T11:46:00+08:00',
    authors: ['大卫'],
    siteName: '青柠论坛',
    sources: { byline: 'poster' },
  },
  'meta-forum-old-bbs.html': { title: '[原创]老城区的早点摊子，一年比一年少了', published: '2005-08-12T16:12:21+08:00', authors: ['大卫'], sources: { byline: 'poster' } },
  'meta-blog-post.html': {
    title: '在旧书店遇见一本三十年前的日记',
    published: '2006-03-02T21:15:00+08:00',
    authors: ['林小溪'],
    siteName: '拾叶博客',
    sources: { title: 'headline', byline: 'poster' },
  },
  'meta-headline-dated-heading.html': { title: '秋季土壤墒情监测培训班在北湖举办', published: '2021-10-12', sources: { title: 'dated-heading' } },
  // Bylines
  'meta-byline-meta-junk.html': { authors: [], sources: { byline: null } },
  'meta-byline-prose.html': { authors: [] },
  'meta-byline-link-box.html': { authors: [] },
  'meta-byline-comments.html': { authors: [] },
  'meta-byline-account.html': { authors: [] },
  'meta-byline-labels.html': { authors: ['张明', '李华'], sources: { byline: 'byline-line' } },
  'meta-byline-wen-slash.html': { authors: ['陈静'] },
  'meta-byline-name-slash.html': { authors: ['何晓光'], sources: { byline: 'byline-line' } },
  'meta-byline-reporter.html': { authors: ['刘洋', '孙立'], sources: { byline: 'dateline' } },
  'meta-byline-span.html': { authors: ['周凯'], sources: { byline: 'byline-line' } },
  'meta-byline-after-body.html': { authors: ['郑亮', '马晓雯'], sources: { byline: 'after-body' } },
  // Site names
  'meta-site-title-tail.html': { siteName: '會展資訊港', sources: { siteName: 'title-tail' } },
  'meta-site-copyright.html': { siteName: '青禾农业科学学会', sources: { siteName: 'copyright' } },
  'meta-site-brand-channel.html': { siteName: '晨曦' },
};

function run(name: string, url = 'https://news.example.cn/a/1.html') {
  const page = parse(fixtureHtml(name), url);
  const a = extractArticle(page.doc, { url, sanitizer: page.sanitizer });
  page.close();
  expect(a, name).not.toBeNull();
  return a!;
}

describe('metadata rules on their fixtures', () => {
  it('every meta-* fixture has a case here', () => {
    expect(fixtureNames('meta-').sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', (name, want) => {
    const a = run(name, want.url);
    if (want.title !== undefined) expect(a.title).toBe(want.title);
    if (want.published !== undefined) expect(a.published).toBe(want.published);
    if (want.authors !== undefined) {
      expect(a.authors).toEqual(want.authors);
      expect(a.byline).toBe(want.authors.length ? want.authors.join('、') : null);
    }
    if (want.siteName !== undefined) expect(a.siteName).toBe(want.siteName);
    for (const [field, rule] of Object.entries(want.sources ?? {})) expect(a.metadataSources[field as 'title'], field).toBe(rule);
  });

  it('names no source for a field it did not fill', () => {
    for (const name of Object.keys(CASES)) {
      const a = run(name, CASES[name].url);
      expect(a.metadataSources.published === null, name).toBe(a.published === null);
      expect(a.metadataSources.byline === null, name).toBe(a.byline === null);
      expect(a.metadataSources.siteName === null, name).toBe(a.siteName === null);
    }
  });
});
