// Is this a writer's name? Bylines on Chinese pages hold outlets (新京报), channels (新浪科技),
// self-media accounts (扬眼企鹅号), editors, the site's own name, ids and domains as often as
// people. A name from a labelled slot (作者：, 记者) only has to not be one of those; a name with
// no label (<meta name=author>, a bracketed sign-off) must also look like a Chinese personal name:
// a common surname and one or two characters, or a foreign name written with "·".

// Single-character surnames common enough to sign articles. Characters that mostly begin
// outlets and places rather than names (新, 中, 国, 东, 南, 北, 华夏…) are left out on purpose.
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫阎严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施牛洪季温翟安颜倪俞邢管裴路鲁葛章莫房柳甘祝包宁尚舒阮柯纪梅童凌毕单游霍窦岳向卜盛宫聂焦关车乔齐冉柴左饶骆易邬申闵晏隋简屈蓝艾栾粟敖伍连苗鲍景詹刁桂滕冷耿符宗佟靳荆鄢涂狄郁查娄尤晋濮巫邰芦卓蒲薄麦庄米池乐练雍谷谈匡宿解卫辛仇谌阚戚喻应苟巴鞠仲厉荣寇古廉劳项姬奚桑伏况穆卞瞿柏褚缪郜钮虞茅蔺帅丛迟费燕衣康丰赖揭牟蒙湛晁禹冀郎冼扈糜綦柴郗甄尉芮鄂岑郦姒殷谯楚晏黄',
   ...'張劉陳楊黃趙吳週許鄭謝韓馮鄧曾蕭葉蘇魏呂盧姜鍾譚陸範賈韋鄒孫馬羅龔邵錢湯龐樊蘭顏嚴聶焦閻關車喬齊饒駱鄔閔藍欒鮑詹劉滕馮鄺戚厲榮寇廖魯葛莊蔣蔡餘杜程袁潘於董'],
);
const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '长孙', '長孫', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '獨孤', '呼延', '澹台', '赫连', '赫連', '钟离', '鍾離', '闻人', '聞人', '轩辕', '軒轅'];

const HAN = /^[\u3400-\u9fff]+$/;
const FOREIGN = /^[\u3400-\u9fff]{1,8}(?:[·•・][\u3400-\u9fff]{1,8}){1,3}$/;
const LATIN = /^[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}$/;

/** Outlets, organisations, channels and accounts end like this; people do not. */
const ORG_END =
  /(?:报|報|网|網|社|台|刊|新闻|新聞|日报|日報|晚报|晚報|周刊|週刊|频道|頻道|客户端|客戶端|中心|公司|集团|集團|传媒|傳媒|媒体|媒體|资讯|資訊|财经|財經|科技|时报|時報|杂志|雜誌|在线|在線|电视|電視|广播|廣播|电台|電台|协会|協會|学会|學會|大学|大學|学院|學院|中学|小学|医院|醫院|银行|銀行|政府|支部|委员会|委員會|研究所|研究院|办公室|辦公室|工作室|编辑部|編輯部|联盟|聯盟|俱乐部|官网|官網|官微|平台|部|局|委|办|辦|厅|廳|院|所|站|处|處|署|司|馆|館)$/;
/** Self-media account kinds: the account is not a writer (gold convention: accounts go in notes). */
const ACCOUNT = /(?:企鹅号|企鵝號|头条号|頭條號|百家号|百家號|网易号|網易號|搜狐号|搜狐號|大鱼号|大魚號|一点号|一點號|公众号|公眾號|自媒体|自媒體|微信号|微信號|微博|官方)$/;
const NOT_A_NAME =
  /^(?:未知|佚名|匿名|不详|不詳|网络|網絡|网友|網友|本站|本网|本網|本报|本報|本刊|小编|小編|编辑|編輯|记者|記者|作者|通讯员|通訊員|整理|综合|綜合|转载|轉載|原创|原創|来源|來源|责任|責任|供稿|投稿|图片|圖片|视频|視頻|官方|新闻|新聞|推荐|推薦|关注|關注|查看|更多|阅读|閱讀|分享|举报|舉報|评论|評論|收藏|订阅|訂閱|我已授权|我已授權|授权|授權|点击|點擊|返回|首页|首頁|专题|專題|热点|熱點|网络整理|網絡整理|最新文章|热门文章|熱門文章|相关文章|相關文章|文章|简介|簡介|介绍|介紹|专栏|專欄|主页|主頁|资料|資料|其他|更多|全部|admin|administrator|root|user|guest|editor|author|name|staff|anonymous|unknown|null|undefined|none)$/i;

/** Titles before a name in a byline: "本报记者", "澎湃新闻记者", "观察者网专栏作者", "南都见习记者". */
const TITLE_PREFIX =
  /^(?:[^\s，,、]{0,12}?(?:首席|资深|資深|高级|高級|特约|特約|特派|驻[\u4e00-\u9fff]{1,6}|駐[\u4e00-\u9fff]{1,6}|见习|見習|实习|實習|专栏|專欄|签约|簽約|全媒体|融媒体|职工|職工)?(?:记者|記者|通讯员|通訊員|作者|撰稿人|撰稿|评论员|評論員|特约评论员|实习生|實習生))\s*/;
const TRAILING = /(?:等|报道|報導|報道|摄影|攝影|撰文|执笔|執筆|整理|采写|採寫|编译|編譯|综合|綜合|整合|发自\S*|發自\S*)$/;

/** Words that fill name slots on pages without being anyone's name (未知, 网络, admin…). */
export function isPlaceholder(s: string): boolean {
  return NOT_A_NAME.test(s.trim()) || ACCOUNT.test(s.trim());
}

export function hasSurname(name: string): boolean {
  if (COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return name.length >= 3 && name.length <= 4;
  return SURNAMES.has(name[0]) && name.length >= 2 && name.length <= 3;
}

/** A writer's name from a labelled slot, cleaned of titles ("本报记者 王明" → "王明"), or null. */
export function cleanName(raw: string): string | null {
  let s = raw.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  s = s.replace(/^[【\[（(「『《"“'‘]+|[】\]）)」』》"”'’]+$/g, '').trim();
  for (let i = 0; i < 2; i++) s = s.replace(TITLE_PREFIX, '').trim();
  s = s.replace(TRAILING, '').trim();
  // "刘通摄", "王磊/图": a photographer's credit, not a writer's.
  if (/[摄攝]$|[/／]\s*[图圖]$/.test(s)) return null;
  if (!s || s.length > 30 || /\d|@|:|：|\/|http|www|\.(?:com|cn|net|org)/i.test(s)) return null;
  if (NOT_A_NAME.test(s) || ACCOUNT.test(s)) return null;
  if (HAN.test(s)) {
    if (s.length < 2 || s.length > 6) return null;
    if (s.length >= 3 && ORG_END.test(s)) return null;
    return s;
  }
  if (FOREIGN.test(s)) return s;
  if (LATIN.test(s) && s.length >= 3) {
    // An all-capital word is an acronym (an outlet or a site), not a person.
    if (/^[A-Z]+$/.test(s.replace(/[ .'-]/g, '')) && s.length <= 6) return null;
    return s;
  }
  return null;
}

/** A name that stands alone, with no label to say it is a writer: it must look like a person's. */
export function personName(raw: string): string | null {
  const s = cleanName(raw);
  if (!s) return null;
  if (HAN.test(s)) return hasSurname(s) ? s : null;
  if (FOREIGN.test(s)) return s;
  // A Latin handle counts only from the page's own author field, where it is meant as the name.
  return LATIN.test(s) ? s : null;
}

const BARE_TITLE = /^(?:本报|本報|本刊|本台)?(?:记者|記者|通讯员|通訊員|实习生|實習生|见习记者|見習記者|特约记者|特約記者)$/;
const SPLIT = /[\s\u3000、,，;；&＆/／|｜]+/;

/** Several names in one slot: "段彦超 廖艳", "叨叨姐、胡一刀&李小飞刀". Any bad part spoils all. */
export function namesIn(raw: string, strict = false): string[] | null {
  const cleaned = raw.trim().replace(TITLE_PREFIX, '');
  const parts = cleaned.split(SPLIT).filter(Boolean);
  if (!parts.length || parts.length > 6) return null;
  // A Latin name keeps its spaces: "John Smith" is one name.
  if (LATIN.test(cleaned.trim()) && !/[、,，;；&＆]/.test(cleaned)) {
    const one = strict ? personName(cleaned) : cleanName(cleaned);
    return one ? [one] : null;
  }
  const out: string[] = [];
  for (const p of parts) {
    // "记者 张三 通讯员 李四": the second title separates names, it is not one.
    if (BARE_TITLE.test(p)) continue;
    const n = strict ? personName(p) : cleanName(p);
    if (!n) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out.length ? out : null;
}
