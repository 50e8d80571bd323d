import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/page/extract';
import { plainText } from '../../../utils/page/plain-text';
import { CHINESE_PAGES, corpusHtml, FAKE_URL, fixtureHtml, parse } from '../../helpers/corpus';
import { charF1 } from '../../helpers/f1';

function extract(html: string, url = FAKE_URL) {
  const page = parse(html, url);
  const article = extractArticle(page.doc, { url, sanitizer: page.sanitizer });
  expect(article).not.toBeNull();
  return article!;
}

describe('extraction matches Readability’s expected output on the Chinese corpus pages', () => {
  it.each(CHINESE_PAGES)('%s: character F1 ≥ 0.95 against expected.html', (name) => {
    const article = extract(corpusHtml(name));
    const gold = plainText(parse(corpusHtml(name, 'expected.html')).doc.body);
    expect(gold.length).toBeGreaterThan(500);
    expect(charF1(article.text, gold)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('metadata of the Chinese corpus pages', () => {
  it('gmw: headline without "_探索者 _光明网", the printed date line, and no byline from an editor in <meta name=author>', () => {
    const a = extract(corpusHtml('gmw'));
    // <meta name="author" content="肖春芳"> is the page's 责任编辑：肖春芳, not a writer.
    expect(a).toMatchObject({ title: '宇航员在太空中喝酒会怎么样？后果很严重', byline: null, authors: [], siteName: '光明网', published: '2017-03-10T09:58:00+08:00', lang: 'zh' });
    expect(a.metadataSources).toEqual({ title: 'headline', byline: null, published: 'headline-date', siteName: 'title-tail' });
  });

  it('qq: title without "_科技_腾讯网", date from the line under the headline in China time', () => {
    const a = extract(corpusHtml('qq'));
    expect(a.title).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
    expect(a.siteName).toBe('腾讯网');
    expect(a.published).toBe('2016-10-14T07:17:00+08:00');
  });

  it('youth: channel and site tails dropped even without a headline element', () => {
    const a = extract(corpusHtml('youth'));
    // <meta name="author" content="青网校园崔宁宁"> names the page's editor (责任编辑：崔宁宁).
    expect(a).toMatchObject({ title: '海外留学生看两会：出国前后关注点大不同', siteName: '中国青年网', byline: null, published: '2017-03-10T08:42:00+08:00' });
  });

  it('pixnet: keeps the "_" inside the headline, site from og:site_name, lang zh-TW', () => {
    const a = extract(corpusHtml('pixnet'));
    expect(a).toMatchObject({ title: '新竹尖石_美樹營地賞楓 (2)', siteName: '史蒂文的家_藍天', lang: 'zh-TW' });
  });
});

describe('reader content keeps what readers need', () => {
  const html = `<!doctype html><html lang="zh-CN"><head><title>测试文章_新闻_示例网</title></head><body>
    <nav><a href="/">首页</a><a href="/news">新闻</a></nav>
    <div class="content">
      <h1>测试文章</h1>
      ${'<p>这是一段足够长的新闻正文，用来让正文提取器认出文章主体。记者在现场看到，很多市民排队等候，秩序井然，场面十分热闹。</p>'.repeat(6)}
      <figure><img src="/img/photo.jpg" alt="现场照片" onerror="alert(1)"><figcaption>图为现场照片。</figcaption></figure>
      <p>详见<a href="/report.html" onclick="steal()">完整报告</a>与<a href="javascript:alert(1)">恶意链接</a>。</p>
      <ul><li>第一点：交通管制。</li><li>第二点：公交改线。</li></ul>
      <table><tr><th>项目</th><th>数量</th></tr><tr><td>车辆</td><td>79个</td></tr></table>
      <blockquote><p>“我们会继续努力。”发言人说。</p></blockquote>
      <script>alert('x')</script>
    </div></body></html>`;

  it('keeps images with captions, links, lists, tables and blockquotes, and drops scripts and handlers', () => {
    const a = extract(html, 'https://news.example.cn/a/1.html');
    const { doc } = parse(`<body>${a.html}</body>`);
    const img = doc.querySelector('figure img');
    expect(img?.getAttribute('src')).toBe('https://news.example.cn/img/photo.jpg');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(doc.querySelector('figcaption')?.textContent).toBe('图为现场照片。');
    const link = [...doc.querySelectorAll('a')].find((x) => x.textContent === '完整报告');
    expect(link?.getAttribute('href')).toBe('https://news.example.cn/report.html');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(doc.querySelectorAll('li')).toHaveLength(2);
    expect(doc.querySelector('td')?.textContent).toBe('车辆');
    expect(doc.querySelector('blockquote')?.textContent).toContain('继续努力');
    expect(a.html).not.toMatch(/onerror|onclick|javascript:|<script/i);
    expect(a.title).toBe('测试文章');
    expect(a.text.split('\n\n')[0]).toMatch(/^这是一段足够长的新闻正文/);
  });
});

describe('fixture portals', () => {
  it('the cluttered portal article: headline, byline, date line and body without the furniture', () => {
    const a = extract(fixtureHtml('article-portal-div-content.html'), 'https://news.example.cn/a/1.html');
    expect(a.title.length).toBeGreaterThan(5);
    expect(a.title).not.toMatch(/_|网$/);
    expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(a.text).not.toMatch(/版权所有|ICP备/);
  });
});
