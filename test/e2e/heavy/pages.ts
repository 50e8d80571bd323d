// Heavy pages, generated: a 10 MB article, a page of 200,000 nodes, and a page that changes 1,000
// nodes a second. The text is real Chinese news prose from the corpus, repeated.

import { parseHtml } from '../../helpers/jsdom';
import { extractArticle } from '../../../utils/page/extract';
import { corpusHtml, FAKE_URL } from '../../helpers/corpus';

function prose(): string[] {
  const page = parseHtml(corpusHtml('gmw'), FAKE_URL);
  return extractArticle(page.doc, { url: FAKE_URL, sanitizer: page.sanitizer })!.text.split('\n\n');
}

const shell = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_示例新闻网</title></head><body><h1>${title}</h1><p>发布时间：2024-03-18 09:30 来源：示例新闻网</p>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;

/** One article whose body is about 10 MB of paragraphs. */
export function tenMegabytes(): string {
  const paras = prose();
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < 10_000_000; i++) {
    const p = `<p>${paras[i % paras.length]}</p>\n`;
    out.push(p);
    size += Buffer.byteLength(p);
  }
  return shell('超长文章压力测试', `<div class="content">${out.join('')}</div>`);
}

/** 200,000 nodes: an article among thousands of nested list items and spans. */
export function twoHundredThousandNodes(): string {
  const paras = prose();
  const article = paras.map((p) => `<p>${p}</p>`).join('');
  const items: string[] = [];
  // each item: li + a + span + 2 text nodes = 5 nodes
  for (let i = 0; i < 39_000; i++) items.push(`<li><a href="/n/${i}">相关新闻${i}</a><span>评论${i % 97}</span></li>`);
  return shell('二十万节点页面', `<div class="content">${article}</div><ul class="related">${items.join('')}</ul>`);
}

/** A page that adds or rewrites 1,000 nodes a second (ten batches of 100), for as long as it is open. */
export function mutating(): string {
  const paras = prose();
  const script = `
    const feed = document.getElementById('feed');
    const words = ['网络', '软件', '数据库', '信息', '视频', '内存', '程序', '鼠标'];
    let n = 0;
    setInterval(() => {
      for (let i = 0; i < 100; i++) {
        n++;
        let p;
        if (feed.children.length >= 600) { p = feed.firstElementChild; p.textContent = '更新第' + n + '条：' + words[n % 8] + '安全动态，记者持续关注。'; feed.appendChild(p); }
        else { p = document.createElement('p'); p.textContent = '第' + n + '条：关于' + words[n % 8] + '的最新报道，相关部门表示将进一步加强监管。'; feed.appendChild(p); }
        p.dataset.t = String(performance.now()); // when the page last wrote it
      }
    }, 100);`;
  return shell('实时滚动新闻', `<div class="content">${paras.map((p) => `<p>${p}</p>`).join('')}</div><div id="feed"></div>`, script);
}
