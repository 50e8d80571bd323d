// Each kind of clutter utils/page/clean/ removes, on a page written for it (test/fixtures/pages):
// the clutter goes and every paragraph of the article stays.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../utils/page/clean';
import { detectArticle } from '../../../utils/page/detect';
import { extractArticle } from '../../../utils/page/extract';
import { outline } from '../../../utils/nlp/outline';
import { summarize } from '../../../utils/nlp/summary';
import { fixtureHtml, parse } from '../../helpers/corpus';

const URL = 'https://news.example.cn/a/2023/1.html';

function read(name: string) {
  const page = parse(fixtureHtml(name), URL);
  const a = extractArticle(page.doc, { url: URL, sanitizer: page.sanitizer });
  expect(a).not.toBeNull();
  const paragraphs = a!.text.split('\n\n');
  const root = parse(`<body>${a!.html}</body>`).doc.body;
  return { ...a!, paragraphs, root };
}

const isArticle = (name: string) => detectArticle(parse(fixtureHtml(name), URL).doc).isArticle;

describe('clutter in the article text, by kind', () => {
  it('the portal\'s link home glued to the last lines, and the other story after it; a link home at the top stays', () => {
    const a = read('article-back-link.html');
    expect(a.text).not.toMatch(/返回东江网|查看更多|夜跑灯带|东江晚报/);
    // the writer's sign-off belongs to the story (credits.ts)
    expect(a.paragraphs).toHaveLength(5);
    expect(a.paragraphs.slice(-2)).toEqual([expect.stringMatching(/^街道办事处.*好去处。$/), '作者：林小溪']);
    const prose = '<p>这是正文的一段，讲的是老街的茶馆重新开张的事情，街坊们都很高兴。</p>';
    const top = parse(`<body><div><p>老街茶馆上周末重新开张，街坊们一早就排起了长队，茶楼里又坐满了喝早茶的老人。<a href="/">返回东江网首页&gt;&gt;</a></p>${prose.repeat(4)}</div></body>`).doc.body.firstElementChild!;
    expect(cleanArticle(top, { title: '老街茶馆' }).map((r) => r.kind)).not.toContain('back link');
    expect(top.textContent).toMatch(/老人。返回东江网首页>>这是正文/);
  });

  it('a blog comment thread and its trackbacks after the post', () => {
    const a = read('article-blog-old-comments.html');
    expect(a.text).not.toMatch(/已有3件评论|说：|引用通告|引用地址|发表评论|昵称/);
    expect(a.paragraphs).toHaveLength(5);
    expect(a.paragraphs.at(-1)).toMatch(/^离开的时候，外婆/);
  });

  it('a date and source line inside <article>, editor and copyright lines after it', () => {
    const a = read('article-dateline-inside.html');
    expect(a.text).not.toMatch(/2015-06-01|来源：|责编|版权所有/);
    expect(a.paragraphs[0]).toMatch(/^每周三下午/);
    expect(a.paragraphs).toHaveLength(5);
  });

  it('a forum thread: the poster boxes, post headers, buttons and the replies go, the first post stays', () => {
    const a = read('article-forum-thread.html');
    expect(a.text).not.toMatch(/UID|帖子 \d|积分|中级会员|发表于|本帖最后由|\[ 回复 \]|谢谢分享|回复小鹿|收藏了/);
    expect(a.paragraphs).toHaveLength(5);
    expect(a.paragraphs[0]).toMatch(/^上个月请了年假/);
    expect(a.paragraphs.at(-1)).toMatch(/^最后说几点装备/);
  });

  it('an old portal: 责编 line, SMS and free-mailbox promos, 上一篇/下一篇, print bar, related news', () => {
    const a = read('article-portal-2005-clutter.html');
    expect(a.title).toBe('老城区菜市场完成改造 早市摊位免收三个月租金');
    expect(a.text).not.toMatch(/责编|6666|免费邮箱|上一篇|下一篇|打印本页|关闭窗口|相关新闻|新闻排行/);
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs.at(-1)).toMatch(/^据了解/);
  });

  it('a 导读 box repeating the lead, the photo credit, the editor line and the related list', () => {
    const a = read('article-teaser-box.html');
    expect(a.text).not.toMatch(/导读|孟雨晴\/摄|责任编辑|相关阅读|版权所有/);
    expect(a.paragraphs).toHaveLength(6);
    // The lead is there once, as the article's first paragraph, not twice.
    expect(a.text.split('河湾湿地公园试行无人机巡护满一年')).toHaveLength(2);
    expect(a.paragraphs.at(-1)).toMatch(/^下一步/);
  });

  it('a photo story: the captions under its pictures become <figcaption>, the slideshow pager goes', () => {
    const a = read('article-photo-slideshow.html');
    const captions = [...a.root.querySelectorAll('figcaption')].map((f) => f.textContent?.trim());
    expect(captions).toEqual(['修缮后的古城墙南段夜景。', '市民在城墙下的步道散步。', '工人在检查新更换的城砖。']);
    expect(a.text).not.toMatch(/夜景。|散步。|城砖。|第1页|上一页|幻灯欣赏|相关图片/);
    expect(a.text).toMatch(/^历时十个月的古城墙修缮工程/);
    for (const s of summarize(a.text)) expect(s.text).not.toMatch(/^(?:修缮后的|市民在|工人在)/);
  });

  it('a layout’s table cells that Readability keeps without their <table> become blocks', () => {
    const a = read('blog-several-posts.html');
    expect(a.html).not.toMatch(/<t[dhr][\s>]|<tbody/);
    for (const post of ['春天的第一锅荠菜馄饨', '发面的温度', '腌了一坛雪里蕻']) expect(a.text).toContain(post);
    expect(a.text).not.toMatch(/posted by|评论\(\d\)|Powered by/);
  });
});

describe('detection and outline of a regulation (no headings, 第X章/第X条 structure)', () => {
  it('is an article, also when each article of it is a <div> of its own', () => {
    expect(isArticle('article-regulation-chapters.html')).toBe(true);
    expect(isArticle('article-regulation-tw.html')).toBe(true);
  });

  it('outlines chapters, sections and articles, not the items inside an article', () => {
    const items = outline(read('article-regulation-chapters.html').root);
    const texts = items.map((i) => i.text);
    expect(texts.slice(0, 2)).toEqual(['第一章 总则', '第一条 为了规范社区公共图书室的设立和管理']);
    expect(texts).toContain('第一节 设立');
    expect(texts.filter((t) => /^第.+章/.test(t))).toHaveLength(4);
    expect(texts.filter((t) => /^第.+条/.test(t))).toHaveLength(11);
    expect(texts.some((t) => t.startsWith('（'))).toBe(false);
    const level = (t: string) => items.find((i) => i.text.startsWith(t))!.level;
    expect(level('第一章')).toBeLessThan(level('第一节'));
    expect(level('第一节')).toBeLessThan(level('第四条'));
  });

  it('reads spaced and numeric markers (第 一 章, 第 3 條) and 第X款', () => {
    const texts = outline(read('article-regulation-tw.html').root).map((i) => i.text);
    expect(texts).toContain('第 一 章 總則');
    expect(texts).toContain('第 1 條 為維護社區公園環境整潔');
    expect(texts).toContain('第一款 前條公告之開放時間');
    expect(texts.some((t) => /^[一二三]、/.test(t))).toBe(false);
  });

  it('does not take a news sentence that cites an article for a heading', () => {
    const root = parse('<body><p>第十二条规定，摊位租金由市场管理处统一公示。</p><p>正文还在继续。</p></body>').doc.body;
    expect(outline(root)).toEqual([]);
  });
});
