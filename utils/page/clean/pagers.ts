// Ways out of the article: [上一篇] [下一篇], page lists, slideshow links (第1页/共1页 <‹上一页|下一页>>
// 幻灯欣赏), and the 【字体：大 中 小】【打印】【关闭】 tool bars of older portals.

import type { LineRule } from './zones';

const PREV_NEXT = /^[\[【［(（]?\s*(?:上一篇|下一篇|上一條|下一條|上一条|下一条|上篇|下篇|前一篇|后一篇|後一篇|上一则|下一则|上一則|下一則|上一頁|下一頁)\s*[\]】］)）]?\s*(?:[:：]|$|\s|[\[【［])/;
const PAGE_OF = /第\s*\d+\s*[页頁]\s*[/／]?\s*共\s*\d+\s*[页頁]|共\s*\d+\s*[页頁]\s*[/／]?\s*第\s*\d+\s*[页頁]/;
const SLIDESHOW = /幻灯(?:欣赏|播放|片欣赏)|幻燈(?:欣賞|播放)|(?:进入|進入|查看)(?:图集|圖集|高清图集)|上一[页頁张張][^。]{0,12}下一[页頁张張]/;
const PAGE_LIST = /^(?:(?:首页|首頁|上一页|上一頁|下一页|下一頁|末页|末頁|尾页|尾頁|\[\d+\]|\d{1,3}|…|\.\.\.|[<‹«>›»|｜]+)\s*){2,}$/;
const TOOL_BAR = /^[【\[［](?:字体|字體|字号|字號|打印|列印|关闭|關閉|收藏|推荐|推薦|纠错|糾錯|大\s*中\s*小|返回顶部|返回頂部)/;

export const pagerRules: LineRule[] = [
  { kind: 'prev/next', where: 'anywhere', test: (l) => l.text.length <= 80 && PREV_NEXT.test(l.text) },
  { kind: 'page of pages', where: 'anywhere', test: (l) => l.text.length <= 80 && (PAGE_OF.test(l.text) || SLIDESHOW.test(l.text)) },
  { kind: 'page list', where: 'anywhere', test: (l) => l.text.length <= 80 && /\s|[|｜]/.test(l.text) && PAGE_LIST.test(l.text) && /[页頁]/.test(l.text) },
  { kind: 'tool bar', where: 'anywhere', test: (l) => l.text.length <= 80 && TOOL_BAR.test(l.text) },
];
