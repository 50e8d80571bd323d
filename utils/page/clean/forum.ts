// The chrome around a forum post or a blog post: 主题/作者/时间 headers, view and reply counters,
// 发表于 lines, "本帖最后由…编辑", [回复] [引用] buttons, and the post footer of old blogs
// (分类：… | 评论(3) | 引用(0) | 阅读(120)). The post itself stays.
import type { Line } from './lines';
import { isProse, type LineRule } from './zones';

// A field of post chrome: a label with a value after a colon, or a counter.
const FIELDS: RegExp[] = [
  /(?:作者|發帖人|发帖人|楼主|樓主|发表人|發表人|帖主)\s*[:：]/,
  /(?:时间|時間|发表于|發表於|发表时间|發表時間|发帖时间|發帖時間|posted)\s*[:：@]?\s*\d/i,
  /(?:浏览|瀏覽|查看|阅读|閱讀|点击|點擊|人气|人氣|views?|hits?)\s*(?:数|數|次数|次數)?\s*[:：(（\[]?\s*\d+/i,
  /(?:回复|回覆|跟帖|评论|評論|留言|replies|comments?)\s*(?:数|數)?\s*[:：(（\[]?\s*\d+/i,
  /(?:引用|trackbacks?)\s*[:：(（\[]\s*\d+/i,
  /(?:积分|積分|帖子|精华|精華|注册时间|註冊時間|在线时间|在線時間|UID|金钱|金錢|威望)\s*[:：]?\s*\d/,
  /(?:分类|分類|标签|標籤|固定链接|永久链接|固定鏈接)\s*[:：|｜]/,
];

const EDITED = /^[（(\[]?\s*本(?:贴|帖|帖子|貼|文)(?:最后|最後)?由\s*\S{1,24}\s*(?:于|於)\s*\d{2,4}/;
const POSTED = /^(?:发表于|發表於|发表时间|發表時間|发帖时间|發帖時間|posted (?:on|at|by))\s*[:：@]?\s*\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}/i;
// One field of a poster's profile beside the post: 帖子 486, 积分 1290, UID 3021, 注册时间 2003-7-2
const PROFILE = /^(?:帖子|貼子|积分|積分|精华|精華|UID|金钱|金錢|威望|注册时间|註冊時間|在线时间|在線時間|阅读权限|閱讀權限|经验|經驗|发帖|發帖|回帖|主题数|主題數|贡献|貢獻|魅力|来自|來自)\s*[:：]?\s*[\d-]+(?:\s*\S{0,3})?$/i;
const lineShort = (t: string) => t.length <= 16 && !/[，。！？；,]/.test(t);
const BUTTONS = /^(?:[\[【［]?\s*(?:回复|回覆|引用|编辑|編輯|举报|舉報|报告|報告|顶|頂|踩|支持|反对|反對|收藏|分享|TOP|top|顶部|頂部|返回顶部|返回頂部|只看该作者|只看該作者|楼主|樓主|\d+\s*(?:楼|樓|#))\s*[\]】］]?\s*[|｜]?\s*){2,}$/;
const SUBJECT = /^(?:主题|主題|标题|標題|帖子主题|帖子主題)\s*[:：]/;
const FLOOR = /^(?:楼主|樓主|沙发|沙發|板凳|地板|\d+\s*(?:楼|樓|#))(?:\s|$)/;

/** The poster's box (name, rank, 帖子/积分/UID lines): short lines around two profile fields or more. */
function profileRuns(lines: Line[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; ) {
    if (!lineShort(lines[i].text)) {
      i++;
      continue;
    }
    let j = i;
    let fields = 0;
    while (j < lines.length && lineShort(lines[j].text)) if (PROFILE.test(lines[j++].text)) fields++;
    if (fields >= 2) runs.push([i, j]);
    i = j;
  }
  return runs;
}

/**
 * A thread page: the poster's box and the post header mark where each post starts. The first post
 * is the article; from the second post on it is the replies. The boxes go wherever they are.
 */
export function threadChrome(lines: Line[]): Line[] {
  const out = new Set<Line>();
  const starts: number[] = [];
  for (const [a, b] of profileRuns(lines)) {
    for (let k = a; k < b; k++) out.add(lines[k]);
    starts.push(a);
  }
  lines.forEach((l, i) => {
    if (l.text.length <= 60 && POSTED.test(l.text)) starts.push(i);
  });
  starts.sort((a, b) => a - b);
  const firstProse = lines.findIndex(isProse);
  // The next post starts at the first post mark after the first post's prose.
  const next = firstProse < 0 ? -1 : starts.find((i) => i > firstProse) ?? -1;
  if (next >= 0 && starts.filter((i) => i < firstProse).length > 0) for (let k = next; k < lines.length; k++) out.add(lines[k]);
  return [...out];
}

export function chromeFields(text: string): number {
  let n = 0;
  for (const re of FIELDS) if (re.test(text)) n++;
  return n;
}

export const forumRules: LineRule[] = [
  { kind: 'post header', where: 'anywhere', test: (l) => l.text.length <= 120 && !/[。！？]/.test(l.text) && chromeFields(l.text) >= 2 },
  { kind: 'edited by', where: 'anywhere', test: (l) => l.text.length <= 80 && EDITED.test(l.text) },
  { kind: 'posted at', where: 'anywhere', test: (l) => l.text.length <= 60 && POSTED.test(l.text) },
  { kind: 'post buttons', where: 'anywhere', test: (l) => l.text.length <= 60 && BUTTONS.test(l.text) },
  { kind: 'subject', where: 'head', test: (l) => l.text.length <= 100 && SUBJECT.test(l.text) },
  { kind: 'floor', where: 'edges', test: (l) => l.text.length <= 40 && FLOOR.test(l.text) },
];
