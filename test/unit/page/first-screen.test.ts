// The reader's first screen (utils/page/first-screen.ts, analyzeFirstScreen): what it shows while
// the whole page is read must be what the whole page's article then shows: the same headline, and
// only paragraphs the article has. Held on every real page of the corpus, and on small pages of
// each kind it handles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeFirstScreen, type Analysis } from '../../../utils/analyze';
import { readPageSteps } from '../../../utils/page/detect';
import { firstScreenHtml } from '../../../utils/page/first-screen';
import { CORPUS, READABILITY } from '../../helpers/corpus';
import { parseHtml } from '../../helpers/jsdom';

const URL = 'https://news.example.cn/a/1.html';
const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

function reading(doc: Document) {
  const steps = readPageSteps(doc, URL);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The first screen as the reader gets it (null: none), and the whole page's analysis. */
async function both(html: string, hidden: (el: Element) => boolean = () => false): Promise<{ first: Analysis | null; fragment: string | null; full: Analysis }> {
  const live = parseHtml(html, URL);
  const fragment = firstScreenHtml(live.doc, reading(live.doc).lead, { skip: hidden });
  live.close();
  let first: Analysis | null = null;
  if (fragment !== null) {
    const f = parseHtml(fragment, URL);
    first = await analyzeFirstScreen(f.doc, { url: URL, sanitizer: f.sanitizer });
    f.close();
  }
  const w = parseHtml(html, URL);
  const full = await analyzeDocument(w.doc, { url: URL, sanitizer: w.sanitizer, read: false });
  w.close();
  return { first, fragment, full };
}

const paragraphs = (a: Analysis) => a.text.split('\n\n').map(squash).filter(Boolean);

describe('first screen on the real pages of the corpus', () => {
  const pages = [
    ...readdirSync(join(CORPUS, 'news-pages/pages')).map((f) => join(CORPUS, 'news-pages/pages', f)),
    ...readdirSync(READABILITY).map((d) => join(READABILITY, d, 'source.html')).filter(existsSync),
  ];

  it('has the article headline and only the article paragraphs, on most articles', async () => {
    let shown = 0;
    let inArticle = 0;
    let all = 0;
    const wrongTitles: string[] = [];
    for (const path of pages) {
      const { first, full } = await both(readFileSync(path, 'utf8'));
      if (!first) continue;
      shown++;
      if (squash(first.title) !== squash(full.title)) wrongTitles.push(`${path}: ${first.title} ≠ ${full.title}`);
      const article = squash(full.text);
      for (const p of paragraphs(first)) {
        all++;
        if (article.includes(p)) inArticle++;
      }
      // What a first screen cannot know is left out rather than guessed.
      expect([first.byline, first.published, first.siteName]).toEqual([null, null, null]);
    }
    expect(wrongTitles).toEqual([]);
    // Floors reached on 2026-12-03 (80 pages: 71 shown, all 874 of their paragraphs in the article).
    expect(shown).toBeGreaterThanOrEqual(71);
    expect(inArticle / all).toBeGreaterThanOrEqual(0.998);
  }, 300_000);
});

const page = (head: string, body: string) => `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${head}</title><script>var big = "${'x'.repeat(5000)}";</script><style>p{}</style></head><body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav>${body}<footer>版权所有 © 新闻网</footer></body></html>`;
const para = (i: number) => `<p>这是第${i}段正文，记者在现场看到，市民们排起长队等待入场，工作人员维持秩序，活动持续到傍晚才结束。</p>`;

describe('first screen, by kind of page', () => {
  it('a headline above paragraphs: the headline, the lead picture and the first paragraphs, without scripts, styles or the page around them', async () => {
    const { first, fragment } = await both(page('市民排队参观新馆_新闻网', `<div class="main">&lt;script src="/ad.js"&gt;&lt;/script&gt;<h1>市民排队参观新馆</h1><div class="content"><p><img src="https://news.example.cn/lead.jpg"></p>${Array.from({ length: 80 }, (_, i) => para(i + 1)).join('')}</div></div><aside>${para(99)}</aside>`));
    expect(first?.title).toBe('市民排队参观新馆');
    expect(paragraphs(first!)[0]).toBe(squash('这是第1段正文，记者在现场看到，市民们排起长队等待入场，工作人员维持秩序，活动持续到傍晚才结束。'));
    expect(paragraphs(first!).length).toBeLessThan(40); // a first screen, not the article
    expect(first!.html).toContain('lead.jpg');
    // Nor text beside them (here what a script's document.write left on the page).
    expect(fragment).not.toMatch(/var big|<style|首页|版权所有|第99段|ad\.js/);
  });

  it('lines separated by <br> in one block: the block whole when it is short', async () => {
    const lines = [1, 2, 3, 4].map((i) => `第${i}行正文，记者在现场看到，市民们排起长队等待入场，工作人员维持秩序。`).join('<br><br>');
    const { first, full } = await both(page('新馆开放首日_新闻网', `<h1>新馆开放首日</h1><div class="text">${lines}</div>`));
    expect(first?.title).toBe('新馆开放首日');
    expect(squash(first!.text)).toBe(squash(full.text));
  });

  it('a <title> whose headline holds a separator, on a blog platform: the printed headline is found under the blog name', async () => {
    // 标题 @ 博客 :: 平台 ::, the headline with an underscore in it: no piece of the <title> is the
    // headline, but the page prints it, in an <h2> under the blog's <h1>s.
    const title = '太平山_翠峰湖步道 (3) @ 小林的家_晴天 :: 某某部落 ::';
    const body = `<h1>某某部落</h1><h1>小林的家_晴天</h1><div class="post"><h2><a href="/post/1">太平山_翠峰湖步道 (3)</a></h2><div class="body">${Array.from({ length: 12 }, (_, i) => para(i + 1)).join('')}</div></div>`;
    const { first, full } = await both(page(title, body));
    expect(full.title).toBe('太平山_翠峰湖步道 (3)');
    expect(first?.title).toBe(full.title);
  });

  it('the headline where the prose starts, in a box of its own: the box is in the first screen, headline and all', async () => {
    // A headline long enough to count as prose starts the prose, and its box (headline and date
    // line) is the first part of the first screen: it holds the headline, it does not follow it.
    const head = '午间公告：新馆开放首日市民排起长队，工作人员维持秩序到傍晚';
    const column = `<div class="left"><div class="crumbs">您所在的位置：<a href="/">首页</a> &gt; <a href="/k">快讯</a></div><div class="tit"><h2>${head}</h2><div class="info">2019-09-26 12:11 来源：新闻网</div></div><div class="txt">新馆今天开放，市民一早排起长队等待入场，工作人员在门口维持秩序。馆内展出三百多件文物，许多是首次公开展出。讲解员说，开放首日预约名额已经全部约满，活动一直持续到傍晚才结束。</div><div class="note"><p>声明：本网力求信息真实、准确，文章提及内容仅供参考。</p></div><div class="tuijian"><h2>为你推荐</h2>${[1, 2, 3].map((i) => `<dl><dd class="tit"><a href="/${i}">推荐文章标题第${i}条，点击阅读全文</a></dd></dl>`).join('')}</div></div>`;
    const { first, full } = await both(page(`${head}_新闻网`, column));
    expect(full.title).toBe(head);
    expect(first?.title).toBe(head);
    expect(paragraphs(first!).some((p) => p.startsWith('新馆今天开放'))).toBe(true);
    expect(paragraphs(first!).filter((p) => !paragraphs(full).includes(p))).toEqual([]);
  });

  it('a headline the pipeline reads with the site name in it is not shown: the whole page may read it otherwise', async () => {
    const { first } = await both(page('新馆开放首日-某某传媒', `<div class="crumbs">首页 &gt; 新闻 &gt; 新馆开放首日</div><div>${[1, 2, 3].map(para).join('')}</div>`));
    expect(first === null || !first.title.includes('某某传媒')).toBe(true);
  });

  it('a paragraph hidden from readers is left out, as the whole snapshot leaves it out', async () => {
    const html = page('新馆开放首日_新闻网', `<h1>新馆开放首日</h1><div class="content">${para(1)}<p class="secret">隐藏的推广文字，读者看不到这一段，也不应该在阅读视图里出现。</p>${para(3)}</div>`);
    const { first } = await both(html, (el) => el.classList.contains('secret'));
    expect(first?.text).not.toMatch(/隐藏/);
    expect(first?.text).toMatch(/第1段[^]*第3段/);
  });

  it('no headline: no first screen', async () => {
    const { first } = await both(page('新闻网', `<div>${[1, 2, 3].map(para).join('')}</div>`));
    expect(first).toBeNull();
  });
});
