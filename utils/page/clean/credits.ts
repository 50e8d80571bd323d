// Lines that credit rather than tell: the original headline (原标题), the source, the editors, the
// photographer, and the byline printed again at the top of the text. A reader has the headline and
// byline in the reader's own header; in the body they are noise, and no summary should quote them.

import type { LineRule } from './zones';

// An optional opening bracket: （原标题：…） 【编辑：…】 [责任编辑：…]
const OPEN = String.raw`^[（(【\[［〔]?\s*`;
const EDITOR = String.raw`(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|審校|终审|終審|监制|監製|值班编辑|美编|美編|排版|实习编辑|編審|编审|统筹|統籌|策划|策劃|制图|製圖|设计)`;
const SOURCE = String.raw`(?:本文|本稿|文章|信息|资料|資料|图片|圖片|图文|圖文|视频|視頻|稿件|内容|內容)?(?:来源|來源|出处|出處|稿源|图源|圖源)(?:于|於)?`;
const WRITER = String.raw`(?:文|作者|撰文|撰稿|执笔|執筆|采写|採寫|记者|記者|通讯员|通訊員|编译|編譯|口述|整理|原创|原創)`;
const NAME = String.raw`[\u4e00-\u9fffA-Za-z·•\d_]{1,16}`;

const ORIGINAL_TITLE = new RegExp(`${OPEN}(?:本文)?(?:原标题|原標題|原题|原題)(?:为|為)?\\s*[:：《“"]`);
const EDITOR_LINE = new RegExp(`${OPEN}${EDITOR}\\s*[:：|｜/／]`);
/** 编辑 某某 校对 某某: a line made of label–name pairs only (writers are not among the labels: a
 * reporter's sign-off at the end belongs to the story) */
const CREDIT_PAIRS = new RegExp(`^[（(【\\[]?(?:\\s*(?:${EDITOR}|${SOURCE}|摄影|攝影|图|圖)\\s*[:：|｜/／]?\\s*${NAME}(?:[、，,&＆]${NAME})*\\s*[）)】\\]]?)+$`);
const HAS_EDITOR = /(?:责任编辑|責任編輯|责编|責編)\s*[:：]/;
const SOURCE_LINE = new RegExp(`${OPEN}${SOURCE}\\s*[:：|｜]`);
const FROM_THE_WEB = /^[（(]?(?:本文|信息|内容|內容|文章|部分)?(?:图片|圖片|图文|圖文)?\S{0,2}(?:来源|來源|来自|來自)(?:于|於)?(?:网络|網絡|網路|互联网|互聯網)[）)]?[。.]?$/;
/** （综合整理自某报、某网等） （据新华社） （本文来自某网） */
const COMPILED_FROM = /^[（(](?:综合整理自|綜合整理自|综合自|綜合自|整理自|编译自|編譯自|摘编自|摘編自|转自|轉自|转载自|轉載自|据|據|本文来自|本文來自|来自|來自)[^（()）]{1,60}[）)]$/;

// Photo credits and the captions that carry them.
const PHOTO_CREDIT = [
  /[/／]\s*(?:摄|攝)$/, // 某某/摄
  /\s(?:摄|攝)$/, // 中新社记者 某某 摄
  /[（(][^（()）]{1,20}(?:摄|攝)[）)]$/, // （某某摄）
  /\S(?:供图|供圖)[）)]?(?:\s+\S{1,8})?$/, // 某某供图 (某报)
  /[\s/／:：](?:摄影|攝影)$/,
  /^(?:摄影|攝影|图|圖|图片|圖片|图文|圖文|视频|視頻)\s*[/／:：|｜]/, // 图/某某 摄影：某某
  /^(?:资料图|資料圖)(?:片)?[:：]?/,
  /[（(](?:视频截图|視頻截圖|截图|截圖|资料图|資料圖|网络图片|網絡圖片|图片来自网络)[）)]$/,
  /^[▲△▼]/, // ▲ marks a caption on many portals
  /^(?:视频|視頻)\s*[-－—:：|｜]/, // the title of an embedded video
  /\S\s+(?:资料|資料)(?:图|圖|照片)?$/, // 某某。某图片社 资料
  /(?:本文|文中|以上)(?:图片|圖片|配图|配圖)(?:除特别标注外|除特別標註外|除署名外|均|皆|来自|來自)/, // 本文图片除特别标注外，均为…
];

const BYLINE = [
  new RegExp(`^[【\\[［]?\\s*${WRITER}\\s*[|｜/／:：]\\s*[^】\\]］]{1,40}[】\\]］]?$`), // 【文/某某】 执笔/某某
  /^\S{0,14}(?:记者|記者|通讯员|通訊員|特约撰稿人?|特約撰稿人?|专栏作者|專欄作者|作者|特派记者)\s*[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5})*$/, // 某报记者 某某 某某
];

// Two credit fields or more on one short line: 某某供稿 摄影/某某 编辑/某某
const FIELD = /(?:供稿|供图|供圖|通讯员|通訊員|摄影|攝影|摄|攝|编辑|編輯|责编|責編|校对|校對|审核|審核|来源|來源|作者)\s*[:：/／|｜]|\S(?:供稿|供图|供圖)(?:\s|$)/g;
const fields = (t: string) => t.match(FIELD)?.length ?? 0;

const short = (n: number) => (t: string) => t.length <= n;

export const creditRules: LineRule[] = [
  { kind: 'original headline', where: 'anywhere', test: (l) => short(120)(l.text) && ORIGINAL_TITLE.test(l.text) },
  { kind: 'editor', where: 'anywhere', test: (l) => short(60)(l.text) && (EDITOR_LINE.test(l.text) || HAS_EDITOR.test(l.text)) },
  { kind: 'credits', where: 'anywhere', test: (l) => short(50)(l.text) && CREDIT_PAIRS.test(l.text) && /[:：|｜/／]|\s/.test(l.text) },
  { kind: 'credit fields', where: 'anywhere', test: (l) => short(60)(l.text) && !/[。！？]/.test(l.text) && fields(l.text) >= 2 },
  { kind: 'source', where: 'anywhere', test: (l) => short(80)(l.text) && (SOURCE_LINE.test(l.text) || FROM_THE_WEB.test(l.text) || COMPILED_FROM.test(l.text)) },
  { kind: 'photo credit', where: 'anywhere', test: (l) => short(80)(l.text) && PHOTO_CREDIT.some((re) => re.test(l.text)) },
  { kind: 'byline', where: 'head', test: (l) => short(40)(l.text) && BYLINE.some((re) => re.test(l.text)) },
];
