// The portal selling itself: SMS offers (发送XX到6666), free mailbox sign-ups, QR codes to scan,
// "click here", app downloads, share bars, follow-us lines, keyword and tag lines.

import { linkShare } from './lines';
import type { LineRule } from './zones';

// The code word is Latin letters and digits or a quoted word, the number a short code: 发送ZX到6666
const SMS = /(?:发送|發送|编辑|編輯|回复|回覆)\s*(?:短信|簡訊)?\s*(?:[A-Za-z0-9]{1,10}|[“"「'][\u4e00-\u9fff]{1,6}[”"」'])\s*(?:到|至)\s*\d{4,}/;
const MAILBOX = /免费(?:邮箱|信箱|电子邮箱)|免費(?:郵箱|信箱)|\d+\s*[MG]B?\s*(?:超大|免费|免費)?(?:邮箱|郵箱|信箱)/;
const SIGN_UP = /(?:注册|註冊|申请|申請)\S{0,6}(?:邮箱|郵箱|信箱)|(?:立即|马上|馬上)(?:注册|註冊|申请|申請|下载|下載|体验|體驗)/;
const SCAN = /(?:扫描|掃描|扫一扫|掃一掃|扫码|掃碼|长按|長按|识别|識別)\S{0,10}(?:二维码|二維碼|小程序)/;
const CLICK = /^[（(]?(?:点击|點擊|戳|点此|點此)\s*(?:这里|這裡|此处|此處|进入|進入|查看|閱讀|阅读|下载|下載|观看|觀看|收听|收聽|关注|關注|订阅|訂閱|播放|看|图片|圖片|链接|鏈接|上方|下方|底部|菜单|菜單|阅读原文|閱讀原文)/;
// Scan "the code below": an instruction to the reader, not a story about QR codes.
const SCAN_HERE = /(?:扫描|掃描|扫|掃|长按|長按|识别|識別)(?:下方|上方|下图|下圖|上图|上圖|文末|左侧|右侧|图中|圖中|图片|圖片)(?:中)?的?(?:二维码|二維碼|小程序码)/;
const APP = /下载\S{0,8}(?:APP|App|app|客户端|客戶端)|下載\S{0,8}(?:APP|App|app|客戶端)|(?:APP|App|客户端|客戶端)\S{0,6}(?:下载|下載|专享|專享)/;
const WECHAT = /^\d+[、.．]\s*回复【[^】]+】|回复【[^】]+】(?:查看|查询|獲取|获取|看看|解锁)|点\s*【?[“"]?在看[”"]?】?|^(?:点赞|點讚|在看|好看)\S{0,4}$/;
const BACK = /^(?:返回|回到)\S{0,10}(?:首页|首頁|频道|頻道|列表|目录|目錄|顶部|頂部)|查看更多\s*[>》]*$|[>》]{2}\s*$/;
const FOLLOW = /(?:关注|關注)\S{0,12}(?:公众号|公眾號|微信|微博|官方|我们|我們)|更多(?:精彩|资讯|資訊|内容|內容)\S{0,10}(?:请|請)?(?:关注|關注|访问|訪問|登录|登錄|下载|下載)|^相关资讯请关注|^相關資訊請關注/;
const TOOLS = /^(?:分享到|分享至|分享|收藏|打印|列印|关闭窗口|關閉窗口|打印本页|打印本頁|复制链接|複製鏈接|\+?复制链接)[:：]?$|^分享到[:：]/;
/** 20190926|某词|某词|某词: keywords strung together, no sentence among them */
const TAG_STRING = /^[^\s|｜，。！？]{1,12}(?:\s*[|｜]\s*[^\s|｜，。！？]{1,12}){2,}$/;
const TAGS = /^(?:文章关键词|文章關鍵詞|关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags?)\s*[:：]/i;

export const promoRules: LineRule[] = [
  { kind: 'sms offer', where: 'anywhere', test: (l) => l.text.length <= 100 && SMS.test(l.text) },
  { kind: 'mailbox promo', where: 'anywhere', test: (l) => l.text.length <= 80 && MAILBOX.test(l.text) },
  { kind: 'sign-up', where: 'edges', test: (l) => l.text.length <= 80 && SIGN_UP.test(l.text) },
  // Prose may tell of QR codes and apps; only the edges of the text ask the reader to scan or download.
  { kind: 'scan this', where: 'anywhere', test: (l) => l.text.length <= 100 && SCAN_HERE.test(l.text) },
  { kind: 'qr code', where: 'edges', test: (l) => l.text.length <= 100 && SCAN.test(l.text) },
  { kind: 'app promo', where: 'edges', test: (l) => l.text.length <= 140 && APP.test(l.text) },
  { kind: 'click here', where: 'anywhere', test: (l) => l.text.length <= 40 && CLICK.test(l.text) },
  { kind: 'wechat prompt', where: 'edges', test: (l) => l.text.length <= 60 && WECHAT.test(l.text) },
  { kind: 'back link', where: 'edges', test: (l) => l.text.length <= 40 && BACK.test(l.text) },
  { kind: 'follow us', where: 'edges', test: (l) => l.text.length <= 80 && FOLLOW.test(l.text) },
  { kind: 'share bar', where: 'anywhere', test: (l) => l.text.length <= 40 && TOOLS.test(l.text) },
  { kind: 'keywords', where: 'edges', test: (l) => l.text.length <= 100 && (TAGS.test(l.text) || TAG_STRING.test(l.text)) },
  // A lone link at the very end that points away: 点击进入“某某”>>
  { kind: 'link out', where: 'edges', test: (l) => l.text.length <= 40 && linkShare(l) > 0.6 && /[>》→]\s*$/.test(l.text) },
];
