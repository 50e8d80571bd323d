// The writers. Rules, strongest first:
// - dateline: "新京报讯（记者 陆一夫）", "（职工通讯员 李琴雯 刘会）" at the start of the text;
// - byline-line: a labelled line near the headline: 作者：A B, 文/…, 记者 …, 执笔/…, 撰文：…;
// - name-outlet: "石佳/中国青年报" printed right under the headline;
// - sign-off: the end of the text: "（张巨峰）", "采写：南都见习记者 林子沛", "(文/图 A B)";
// - poster: the blog or forum poster: "<name> 发表于 …", "本贴由<name>于…", "楼主：<name>";
// - meta-author / jsonld-author / itemprop-author / comment-author / readability: the page's own author fields,
//   trusted only when they hold a person's name (not the site, an outlet, a domain or an id).
// Editors (责任编辑/编辑/责编), photographers (摄/图) and accounts are never writers.

import type { Candidate } from './candidates';
import type { Headline } from './headline';
import { isPlaceholder, namesIn, personName } from './names';
import type { PageScan } from './scan';
import { ldNames, type JsonLdNode } from './structured';

// A writer label and what follows it on the same line. 文 needs a separator ("文/李华", "文：李华")
// so that prose such as 文旅消费 is not read as a byline.
// A writer label, the separator after it, and the rest of its line (or of the next line, where the
// name is printed on its own under the label). 文 needs a separator ("文/李华", "文：李华") so that
// prose such as 文旅消费 is not read as a byline.
const WRITER_LABEL =
  /(?:作\s*者|撰\s*文|撰稿人|撰\s*稿|执\s*笔|執\s*筆|采\s*写|採\s*寫|记\s*者|記\s*者|通讯员|通訊員|(?<![\u4e00-\u9fff])文\s*[/／]\s*图|(?<![\u4e00-\u9fff])文(?=\s*[:：/／|｜]))\s*[】\]]?\s*([:：/／|｜])?[ \t\u3000\u00a0]*(\n)?[ \t\u3000\u00a0]*([^\n]{1,60})/g;
// Where the names in a byline slot end.
const NAMES_END =
  /\s*(?:[|｜。，,()（）\]】>》]|来源|來源|出处|出處|编辑|編輯|责任|責任|责编|責編|发布|發佈|發布|时间|時間|日期|摄影?|攝影?|图[/／:：]|圖[/／:：]|字号|字體|字体|阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|分享|报道|報導|[電电](?=\s|$)|发自|發自|综合|綜合|整合|整理|供图|\d{4}[-/.年]|\d{1,2}月|$)/;
const DATELINE = /[（(【\[]([^（()）【】\[\]\n]{0,40}?(?:记者|記者|通讯员|通訊員|作者|文\s*[/／]\s*图|文\s*[/／])[^（()）【】\[\]\n]{0,40})[)）】\]]/g;
const EDITOR =
  /(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|審校|编审|編審|监制|監製|值班编辑)\s*[:：]\s*([^\s|，,;；)）\]】]{2,8})/g;
const PHOTOGRAPHER = /(?:摄影|攝影|摄像|攝像|图片|圖片|(?<!文\s*[/／]\s*)图|(?<!文\s*[/／]\s*)圖|摄|攝)\s*[:：/／]\s*([\u4e00-\u9fff]{2,4})|([\u4e00-\u9fff]{2,4})\s*[/／]?\s*[摄攝](?![影像])/g;
// The poster of a blog post or a forum thread: "楼主：大卫", "大卫 发表于 2005-9-15 11:46",
// "本贴由大卫于2005年8月12日…". The first one on the page is the post's own; replies come later.
const POSTER =
  /(?:(?:^|\n)\s*(?:楼主|樓主|发帖人|發帖人|博主)|posted by)\s*[:：]?\s*([\w\u4e00-\u9fff·.-]{2,20})(?=\s|$)|(?:^|\n|[|｜ ])([\w\u4e00-\u9fff·.-]{2,20}?)\s*(?:发表于|發表於|posted (?:at|on))\s*(?=(?:19|20)\d{2})|本[贴帖]由\s*([\w\u4e00-\u9fff·.-]{2,20}?)\s*[于於]\s*(?=(?:19|20)\d{2})/gi;
const POSTER_NOT = /^(?:\d+|楼主|樓主|作者|游客|遊客|匿名|admin|guest|回复|回覆|引用|举报|舉報|原帖|本帖|最后|最後)$/i;
/** "石佳/中国青年报": a name and the outlet it writes for, on the line under the headline. */
const NAME_OUTLET = /^([\u4e00-\u9fff·]{2,6})\s*[/／]\s*([\u4e00-\u9fff]{2,12}(?:报|報|网|網|社|台|刊|新闻|新聞|杂志|雜誌))$/;
const NEAR = 600;
/** the heading of a comment section */
const COMMENTS = /(?:网友|網友|读者|讀者|最新|热门|熱門|精彩|全部|发表|發表)(?:评论|評論|留言|跟帖|跟貼)|(?:评论|評論|留言)(?:区|區|列表)|comments/i;
const BYLINE_PARAGRAPH = /^[【\[（(]?\s*(?:[\u4e00-\u9fff]{0,8}(?:记者|記者|通讯员|通訊員|作者|撰稿|撰文|执笔|執筆|采写|採寫)|文\s*[/／:：])/;

export interface BylineInputs {
  scan: PageScan;
  headline: Headline | null;
  ld?: JsonLdNode;
  /** the site's name and the title's tail, which an author field must not repeat */
  siteNames: string[];
  /** the article's paragraphs (after Readability), for the dateline and the sign-off */
  paragraphs?: string[];
  /** Readability's byline */
  readability?: string | null;
}

/** Names labelled as writers in `text`, with where each label sits. */
/** "张三/文 李四/图": the name before its role. */
const NAME_ROLE = /(?:^|[\s(（【\[])((?:[\u4e00-\u9fff·]{2,6}[\s、]+){0,2}[\u4e00-\u9fff·]{2,6})\s*[/／]\s*文(?![\u4e00-\u9fff])/g;

export function labelled(text: string): Array<{ names: string[]; at: number }> {
  const out: Array<{ names: string[]; at: number }> = [];
  NAME_ROLE.lastIndex = 0;
  for (let m; (m = NAME_ROLE.exec(text)); ) {
    const names = namesIn(m[1], true);
    if (names?.length) out.push({ names, at: m.index });
  }
  WRITER_LABEL.lastIndex = 0;
  for (let m; (m = WRITER_LABEL.exec(text)); ) {
    const slot = m[3].split(NAMES_END)[0];
    // Without a separator the label may be prose ("记者了解到"): then only a person's name will do,
    // and it must end where bylines end (the line, a space, a bracket), not run on as a sentence.
    const loose = !!m[1];
    const rest = m[3].slice(slot.length);
    if (!loose && /^[，,。；;、！？]/.test(rest)) continue;
    // "该作者文章", "原作者女儿": a determiner before the label makes it prose.
    if (!loose && /[该該此原其]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const names = slot ? namesIn(slot, !loose) : null;
    if (names?.length) out.push({ names, at: m.index });
  }
  return out.sort((a, b) => a.at - b.at);
}

function datelines(text: string): string[][] {
  const out: string[][] = [];
  DATELINE.lastIndex = 0;
  for (let m; (m = DATELINE.exec(text)); ) {
    const names: string[] = [];
    for (const l of labelled(m[1])) for (const n of l.names) if (!names.includes(n)) names.push(n);
    if (names.length) out.push(names);
  }
  return out;
}

/** Names the page gives as editors or photographers: never writers. */
export function notWriters(text: string): Set<string> {
  const out = new Set<string>();
  for (const re of [EDITOR, PHOTOGRAPHER]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      const n = (m[1] ?? m[2] ?? '').trim();
      if (n) out.add(n);
    }
  }
  return out;
}

export function bylineCandidates({ scan, headline, ld, siteNames, paragraphs = [], readability }: BylineInputs): Candidate<string[]>[] {
  const out: Candidate<string[]>[] = [];
  const text = scan.text;
  const add = (names: string[] | null | undefined, score: number, rule: string) => {
    if (names?.length) out.push({ value: names, score, rule });
  };

  if (headline) {
    const below = text.slice(headline.end, headline.end + NEAR);
    for (const l of labelled(below)) add(l.names, l.at < 250 ? 0.85 : 0.72, 'byline-line');
    const above = text.slice(Math.max(0, headline.start - 200), headline.start);
    for (const l of labelled(above)) add(l.names, 0.66, 'byline-line');
    const first = below.split('\n', 4).map((s) => s.trim());
    for (const line of first) {
      const m = NAME_OUTLET.exec(line);
      if (m) add([personName(m[1])].filter((x): x is string => !!x), 0.75, 'name-outlet');
    }
    for (const names of datelines(text.slice(headline.end, headline.end + 1500))) add(names, 0.86, 'dateline');
    // The poster's line of a forum thread or a blog post sits right around its title.
    const around = text.slice(Math.max(0, headline.start - 300), headline.end + 200);
    const poster = posterAt(around);
    if (poster && !COMMENTS.test(around.slice(0, poster.at))) add([poster.name], 0.7, 'poster');
  }

  // The article's own text: its opening dateline and its closing sign-off.
  const opening = paragraphs.slice(0, 2).join('\n').slice(0, 300);
  for (const names of datelines(opening)) add(names, 0.84, 'dateline');
  const closing = paragraphs.slice(-4);
  for (let i = closing.length - 1; i >= 0; i--) {
    const p = closing[i];
    const tail = p.slice(-80);
    for (const l of labelled(tail)) add(l.names, 0.74, 'sign-off');
    for (const names of datelines(tail)) add(names, 0.78, 'sign-off');
    // "……举行。（张巨峰）": a bracketed name closing the last paragraphs.
    const m = /[（(]\s*([\u4e00-\u9fff·]{2,4}(?:[\s、，,][\u4e00-\u9fff·]{2,4}){0,2})\s*[)）]\s*$/.exec(p);
    if (m) add(namesIn(m[1], true), 0.7, 'sign-off');
  }

  // A paragraph of its own that is a byline ("采写：南都记者 余毅菁 向雪妮", "【文/专栏作者 王文】").
  paragraphs.forEach((p, i) => {
    if (p.length > 40 || !BYLINE_PARAGRAPH.test(p)) return;
    const edge = i < 3 ? 0.82 : i >= paragraphs.length - 6 ? 0.78 : 0.7;
    for (const l of labelled(p)) add(l.names, edge, 'byline-paragraph');
  });

  // Names printed after the body on the page ("作者：余毅菁 向雪妮" under the last paragraph), which
  // the extracted text may have left out.
  const bodyEnd = endOfBody(text, paragraphs);
  if (bodyEnd >= 0) {
    const after = text.slice(bodyEnd, bodyEnd + 240);
    for (const l of labelled(after)) add(l.names, l.at < 120 ? 0.74 : 0.66, 'after-body');
    for (const names of datelines(after.slice(0, 120))) add(names, 0.74, 'after-body');
  }
  // An old board's "本贴由大卫于2005年8月12日…发表" footer names the poster however far down it is.
  if (headline && !out.some((c) => c.rule === 'poster')) {
    const m = /本[贴帖]由\s*([\w\u4e00-\u9fff·.-]{2,20}?)\s*[于於]\s*(?:19|20)\d{2}/.exec(text.slice(headline.end, headline.end + 30_000));
    if (m && !isPlaceholder(m[1]) && !POSTER_NOT.test(m[1])) add([m[1]], 0.68, 'poster');
  }
  // A blog post's "林小溪 发表于 …" footer, after the post and before its comments.
  if (headline && bodyEnd > headline.end && !out.some((c) => c.rule === 'poster')) {
    const tail = text.slice(bodyEnd, bodyEnd + 300);
    const poster = posterAt(tail);
    // …but not a commenter's: nothing may announce comments between the post and the name.
    if (poster && !COMMENTS.test(tail.slice(0, poster.at))) add([poster.name], 0.62, 'poster');
  }

  if (!headline) {
    const poster = posterIn(text.slice(0, 30_000));
    if (poster) add([poster], 0.6, 'poster');
  }

  // The page's author fields, trusted only with a person's name in them.
  const metaAuthor = scan.meta.get('author') ?? scan.meta.get('article:author') ?? scan.meta.get('og:article:author') ?? scan.meta.get('dc.creator');
  if (metaAuthor) add(namesIn(metaAuthor, true), 0.6, 'meta-author');
  const ldAuthors = ldNames(ld?.author).map((n) => personName(n));
  if (ldAuthors.length && ldAuthors.every(Boolean)) add(ldAuthors as string[], 0.65, 'jsonld-author');
  // <!--enpproperty …<author>王明</author>…-->: the CMS's author field, left in a comment.
  for (const c of scan.comments) {
    const m = /<author>\s*([^<]{2,30}?)\s*<\/author>/i.exec(c.value);
    if (m) {
      add(namesIn(m[1], true), 0.6, 'comment-author');
      break;
    }
  }
  for (const a of scan.authors.slice(0, 1)) add(namesIn(a.value.replace(/^(?:作者|by)\s*[:：]?\s*/i, ''), true), 0.6, 'itemprop-author');
  if (readability) {
    const l = labelled(readability);
    add(l.length ? l[0].names : namesIn(readability, true), 0.55, 'readability');
  }

  const banned = notWriters(text);
  const sites = siteNames.filter((s) => s.length >= 2);
  return out
    .map((c) => ({ ...c, value: c.value.filter((n) => !banned.has(n) && !sites.some((s) => s.includes(n) || n.includes(s))) }))
    .filter((c) => c.value.length > 0);
}

/** Where the article's last paragraph ends in the page's text, or -1. */
function endOfBody(text: string, paragraphs: string[]): number {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || last.length < 12) return -1;
  const at = text.lastIndexOf(last.slice(0, 24));
  return at < 0 ? -1 : at + last.length;
}

function posterAt(text: string): { name: string; at: number } | null {
  POSTER.lastIndex = 0;
  for (let m; (m = POSTER.exec(text)); ) {
    const n = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (n && !POSTER_NOT.test(n) && !isPlaceholder(n) && !/^\d|[\d:]$/.test(n)) return { name: n, at: m.index };
  }
  return null;
}

function posterIn(text: string): string | null {
  return posterAt(text)?.name ?? null;
}

/** The display string for a list of writers. */
export function bylineOf(names: string[]): string | null {
  if (!names.length) return null;
  return names.join(names.every((n) => /^[A-Za-z]/.test(n)) ? ', ' : '、');
}

const BYLINE_LINE =
  /(?:(?:作者|撰文|记者|記者|通讯员|通訊員|编译|編譯|口述|整理)\s*[:：/／|]?|(?<![\u4e00-\u9fff])文\s*[:：/／|])\s*([\u4e00-\u9fffA-Za-z·•][\u4e00-\u9fffA-Za-z·• ]{0,20}?)(?=\s|　|$|[，,。)）\]】|｜/／]|来源|來源|编辑|編輯|责任|責任|发布|發佈|时间|時間)/;

/** "作者：张三" / "记者 李四" / "文/王五" printed near the headline (the article detector's quick test). */
export function findBylineInText(text: string): string | null {
  const m = BYLINE_LINE.exec(text);
  if (!m) return null;
  const name = m[1].trim();
  return name.length >= 2 && name.length <= 20 ? name : null;
}
