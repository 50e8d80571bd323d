// Lists of other articles inside the text: a label (相关新闻, 延伸阅读, 此前报道 …) and the headlines
// after it, with their excerpts; and at the edges of the text, runs of link lines and their dates
// (site navigation above the story, "more from this column" under it).

import { linkShare, type Line } from './lines';
import { isProse, type Zone } from './zones';

const LABEL = /^[【\[［]?\s*(?:延伸阅读|延伸閱讀|延伸\s*[·•]\s*推荐|相关阅读|相關閱讀|相关新闻|相關新聞|相关报道|相關報導|相關報道|相关文章|相關文章|相关链接|相關鏈接|相關連結|相关内容|相關內容|相关专题|相關專題|相关视频|推荐阅读|推薦閱讀|热门推荐|熱門推薦|热点推荐|精彩推荐|精彩推薦|今日推荐|猜你喜欢|猜你喜歡|你可能(?:还|也)?(?:喜欢|感兴趣)|更多阅读|更多閱讀|往期回顾|往期回顧|往期推荐|往期精选|此前报道|此前報導|此前报导|前期报道|相关资讯|相關資訊|点击进入专题|點擊進入專題|进入专题|APP精彩推荐|热门文章|熱門文章|最新文章|推荐文章|相关推荐|相關推薦)\s*[】\]］]?\s*[:：>》]*/;

const isLink = (l: Line) => linkShare(l) >= 0.6;
const DATE_ONLY = /^[\d\s\-/:.年月日]+$/;
/** A line that belongs to a list of links: a link, its date, a counter, or a few words of label. */
const listy = (l: Line) => isLink(l) || DATE_ONLY.test(l.text) || (l.text.length <= 8 && !/[。，！？]/.test(l.text));

/**
 * A line of prose under a related headline is its excerpt when the list goes on after it, or when
 * no story is left after it; otherwise it is where the story starts again.
 */
function isExcerpt(lines: Line[], j: number): boolean {
  const next = lines[j + 1];
  return (next !== undefined && isLink(next)) || !lines.slice(j + 1).some(isProse);
}

/** Related lists: the label, the links after it, and an excerpt right under a link. */
export function relatedLists(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text.length > 60 || !LABEL.test(l.text)) continue;
    const rest = l.text.replace(LABEL, '');
    // 此前报道：<a>某某</a> on one line is a list of one; a label with other words after it is prose.
    if (rest && linkShare(l) < 0.5 && rest.length > 4) continue;
    out.push(l);
    let j = i + 1;
    let afterLink = false;
    for (; j < lines.length; j++) {
      const m = lines[j];
      if (listy(m)) afterLink = isLink(m) || afterLink;
      else if (afterLink && m.text.length <= 200 && isExcerpt(lines, j)) afterLink = false;
      else break;
      out.push(m);
    }
    i = j - 1;
  }
  return out;
}

const ENDS_DATED = /^.{4,60}?\s*[(（\[]?\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2})?[)）\]]?$/;

/**
 * Lists of other articles by their dates: headline, date, headline, date… (or each headline ending
 * in its date), two items or more, with the short label above them (更多文章, 观察员 …).
 */
export function datedLists(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    let items = 0;
    for (;;) {
      const a = lines[j];
      const b = lines[j + 1];
      if (a && b && !DATE_ONLY.test(a.text) && a.text.length <= 80 && DATE_ONLY.test(b.text)) {
        j += 2;
        items++;
      } else if (a && a.text.length <= 80 && ENDS_DATED.test(a.text) && !/[。！？]/.test(a.text)) {
        j += 1;
        items++;
      } else break;
    }
    // A timeline in the story (date, event, date, event…) has the story going on after it.
    if (items >= 2 && (!lines.slice(j).some(isProse) || lines.slice(i, j).filter(isLink).length * 2 >= items)) {
      let k = i;
      while (k > 0 && lines[k - 1].text.length <= 10 && !/[。，！？]/.test(lines[k - 1].text)) k--;
      out.push(...lines.slice(k, j));
      i = j;
    } else i++;
  }
  return out;
}

/** Runs of list lines at the head or tail, with at least two links among them. */
export function linkRuns(lines: Line[], zones: Zone[]): Line[] {
  const out: Line[] = [];
  let run: Line[] = [];
  let links = 0;
  const end = () => {
    if (links >= 2) out.push(...run);
    run = [];
    links = 0;
  };
  lines.forEach((l, i) => {
    if (zones[i] === 'body' || !listy(l) || /附件|附件下载|附件下載/.test(l.text)) return end();
    run.push(l);
    if (isLink(l)) links++;
  });
  end();
  return out;
}
