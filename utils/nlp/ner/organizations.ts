// Organisations every Chinese news reader knows, written for this project from general knowledge (no list
// was copied). The trainer reads them into the tagger's organisation lexicon (scripts/train-ner/lexicons.ts),
// a learned feature; the entity pipeline also marks the unambiguous company names (not COMMON_WORDS, not
// Latin) where the model found nothing, since the news-convention training data (1998) knows few of today's
// companies.

const LISTS: Record<string, string> = {
  // Party, state and government
  government:
    '中国共产党 中共 中共中央 中央政治局 中央军委 中央纪委 中纪委 全国人大 全国人大常委会 全国政协 国务院 国务院办公厅 国新办 国务院新闻办公室 外交部 国防部 国家发展和改革委员会 国家发展改革委 ' +
    '国家发改委 发改委 教育部 科学技术部 科技部 工业和信息化部 工信部 国家民委 公安部 国家安全部 民政部 司法部 财政部 人力资源和社会保障部 人社部 自然资源部 生态环境部 住房和城乡建设部 住建部 ' +
    '交通运输部 交通部 水利部 农业农村部 农业部 商务部 文化和旅游部 文旅部 国家卫生健康委员会 国家卫健委 卫健委 卫生部 退役军人事务部 应急管理部 中国人民银行 人民银行 央行 审计署 国资委 ' +
    '国务院国资委 海关总署 国家税务总局 税务总局 国家市场监督管理总局 市场监管总局 国家金融监督管理总局 中国证监会 证监会 银保监会 银监会 保监会 国家统计局 统计局 国家知识产权局 国家医保局 ' +
    '国家体育总局 国家广播电视总局 广电总局 国家网信办 网信办 中央网信办 国家能源局 国家药监局 国家林草局 国家航天局 国家邮政局 国家文物局 国家外汇管理局 外汇局 最高人民法院 最高法 最高人民检察院 ' +
    '最高检 中国人民解放军 解放军 武警部队 新华社 新华通讯社 中国科学院 中科院 中国工程院 中国社会科学院 社科院 中国科协 全国总工会 共青团中央 全国妇联 中国红十字会 国家航天局 中国气象局 ' +
    '中央气象台 国家电网 南方电网 中国铁路 国铁集团 中国民航局 民航局 国家铁路局 香港特区政府 澳门特区政府 行政院 立法院 台湾当局 国民党 民进党',
  // International bodies
  international:
    '联合国 联合国安理会 安理会 联合国大会 联合国教科文组织 世界卫生组织 世卫组织 世界贸易组织 世贸组织 国际货币基金组织 世界银行 亚洲开发银行 亚投行 亚洲基础设施投资银行 金砖国家新开发银行 欧盟 ' +
    '欧洲联盟 欧盟委员会 欧洲议会 欧洲央行 北约 北大西洋公约组织 东盟 东南亚国家联盟 非盟 非洲联盟 阿盟 上海合作组织 上合组织 二十国集团 七国集团 石油输出国组织 欧佩克 国际奥委会 国际足联 亚足联 ' +
    '国际原子能机构 国际刑警组织 国际劳工组织 联合国儿童基金会 国际红十字会 世界经济论坛 经合组织 亚太经合组织 美国国会 白宫 五角大楼 美国国务院 美国国防部 美联储 美国联邦储备委员会 美国商务部 ' +
    '美国财政部 美国联邦调查局 联邦调查局 中央情报局 美国航空航天局 美国宇航局 美国食品药品监督管理局 英国议会 日本政府 日本央行 俄罗斯联邦安全局 克里姆林宫',
  // Companies: China
  companiesChina:
    '百度 阿里巴巴 阿里 阿里云 蚂蚁集团 淘宝 天猫 腾讯 腾讯云 华为 荣耀 小米 中兴 中兴通讯 联想 京东 美团 拼多多 字节跳动 今日头条 快手 网易 新浪 微博 搜狐 360 奇虎360 滴滴 ' +
    '滴滴出行 携程 饿了么 哔哩哔哩 B站 爱奇艺 优酷 知乎 小红书 大疆 比亚迪 蔚来 小鹏 理想汽车 吉利 长城汽车 上汽 上汽集团 一汽 东风汽车 广汽 宁德时代 格力 格力电器 美的 海尔 海信 TCL ' +
    '长虹 OPPO vivo 一加 科大讯飞 商汤 商汤科技 旷视 旷视科技 依图 云从科技 寒武纪 地平线 智谱 智谱AI 月之暗面 百川智能 零一万物 深度求索 创新工场 猎豹移动 金山 金山软件 用友 浪潮 ' +
    '中芯国际 紫光 长江存储 京东方 海康威视 大华 顺丰 中通 圆通 韵达 菜鸟 苏宁 国美 万达 恒大 碧桂园 万科 融创 复星 平安 中国平安 中国人寿 中国银行 工商银行 中国工商银行 建设银行 ' +
    '中国建设银行 农业银行 中国农业银行 交通银行 招商银行 浦发银行 中信 中信集团 中信证券 中金公司 国家开发银行 国开行 中国移动 中国联通 中国电信 中国铁塔 中国石油 中石油 中国石化 中石化 ' +
    '中国海油 中海油 国家电投 中国华能 中国中车 中国商飞 中国航天科技集团 中国航天科工集团 航天科技集团 中国电科 中国建筑 中国中铁 中国铁建 中国交建 中国中化 中粮 中粮集团 宝武钢铁 中国宝武 鞍钢 ' +
    '五粮液 茅台 贵州茅台 伊利 蒙牛 娃哈哈 农夫山泉 李宁 安踏 海底捞 瑞幸 瑞幸咖啡 喜茶',
  // Companies: elsewhere (Chinese and English names)
  companiesElsewhere:
    '微软 谷歌 苹果 苹果公司 亚马逊 脸书 元宇宙平台公司 英伟达 英特尔 超威半导体 高通 台积电 三星 三星电子 索尼 松下 丰田 本田 日产 特斯拉 福特 通用汽车 大众 宝马 奔驰 戴姆勒 奥迪 保时捷 ' +
    '波音 空客 西门子 博世 飞利浦 诺基亚 爱立信 摩托罗拉 戴尔 惠普 甲骨文 思科 推特 优步 奈飞 网飞 迪士尼 华纳兄弟 索尼影业 沃尔玛 星巴克 麦当劳 肯德基 可口可乐 百事 宝洁 耐克 阿迪达斯 ' +
    '路易威登 雀巢 联合利华 辉瑞 强生 默沙东 阿斯利康 莫德纳 摩根大通 高盛 摩根士丹利 花旗 花旗银行 汇丰 汇丰银行 渣打银行 瑞银 贝莱德 伯克希尔哈撒韦 软银 任天堂 腾讯音乐 台积电 鸿海 富士康 ' +
    '联发科 宏碁 华硕 OpenAI Microsoft Google Alphabet Apple Amazon Meta Facebook Nvidia NVIDIA Intel AMD Qualcomm ' +
    'IBM Oracle Cisco Tesla SpaceX Twitter Netflix Uber Airbnb Samsung Sony Huawei Alibaba Tencent Baidu ' +
    'ByteDance Xiaomi Lenovo Anthropic DeepMind Midjourney Adobe Salesforce Dell HP Siemens Bosch Boeing ' +
    'Airbus Toyota Honda Volkswagen BMW Nokia Ericsson Motorola Disney Walmart Starbucks LinkedIn Yahoo eBay ' +
    'PayPal Spotify Zoom Arm ASML TSMC SoftBank Nintendo NASA NATO WHO WTO IMF OPEC UNESCO UNICEF FBI CIA BBC ' +
    'CNN Reuters Bloomberg',
  // Universities and research
  universities:
    '北京大学 北大 清华大学 清华 复旦大学 复旦 上海交通大学 上海交大 浙江大学 浙大 南京大学 南大 中国人民大学 人民大学 人大 中国科学技术大学 中国科大 武汉大学 华中科技大学 中山大学 四川大学 ' +
    '山东大学 吉林大学 南开大学 天津大学 厦门大学 同济大学 西安交通大学 哈尔滨工业大学 哈工大 北京航空航天大学 北航 北京理工大学 北京师范大学 北师大 华东师范大学 东南大学 中南大学 湖南大学 ' +
    '重庆大学 兰州大学 大连理工大学 电子科技大学 西北工业大学 华南理工大学 北京邮电大学 中国农业大学 香港大学 港大 香港中文大学 港中文 香港科技大学 港科大 台湾大学 台大 澳门大学 哈佛大学 哈佛 ' +
    '斯坦福大学 斯坦福 麻省理工学院 麻省理工 加州大学伯克利分校 耶鲁大学 普林斯顿大学 哥伦比亚大学 芝加哥大学 牛津大学 牛津 剑桥大学 剑桥 帝国理工学院 东京大学 京都大学 新加坡国立大学 多伦多大学 ' +
    '中国工程物理研究院 北京智源人工智能研究院 智源研究院 中国信息通信研究院 中国信通院 中国疾病预防控制中心 中国疾控中心 疾控中心 美国疾病控制与预防中心',
  // Media
  media:
    '人民日报 新华网 人民网 中央电视台 央视 中央广播电视总台 总台 中国国际电视台 中国日报 光明日报 经济日报 环球时报 中国新闻社 中新社 中新网 解放日报 文汇报 南方日报 南方周末 澎湃新闻 财新 ' +
    '财新网 第一财经 21世纪经济报道 中国青年报 北京日报 北京青年报 新京报 法制日报 科技日报 参考消息 凤凰卫视 凤凰网 香港电台 联合早报 路透社 美联社 法新社 彭博社 共同社 塔斯社 英国广播公司 ' +
    '美国有线电视新闻网 纽约时报 华盛顿邮报 华尔街日报 金融时报 经济学人 卫报 泰晤士报 朝日新闻 读卖新闻 半岛电视台 ' +
    '南方都市报 南都 羊城晚报 广州日报 新快报 深圳特区报 深圳商报 扬子晚报 现代快报 新民晚报 钱江晚报 楚天都市报 华西都市报 齐鲁晚报 ' +
    '大河报 潇湘晨报 成都商报 重庆晨报 北京晚报 北青报 每日经济新闻 界面新闻 红星新闻 封面新闻 上游新闻 极目新闻 ' +
    '大皖新闻 九派新闻 观察者网 中国证券报 上海证券报 证券时报 证券日报 经济观察报 中国经营报 中国新闻周刊 三联生活周刊 财经杂志 ' +
    '36氪 虎嗅 钛媒体 中央人民广播电台 中国之声 东方卫视 湖南卫视 浙江卫视 江苏卫视',
};

/** Names that are also everyday words or too short to stand alone (苹果, 平安, 清华): lexicon feature only. */
const COMMON_WORDS = new Set(
  '经济学人 参考消息 中国之声 财经杂志 苹果 联想 大众 美的 平安 荣耀 快手 小米 金山 长城汽车 中信 知乎 一加 百事 花旗 剑桥 牛津 哈佛 清华 北大 人大 南大 浙大 复旦 中大 央行 白宫 总台 央视 长虹 大华 地平线 智谱 商汤 旷视 依图 菜鸟 淘宝 天猫 微博 网易 新浪 搜狐 国美 万达 恒大 万科 融创 复星 中粮 鞍钢 茅台 伊利 蒙牛 李宁 安踏 喜茶 瑞幸 三星 索尼 松下 丰田 本田 日产 福特 宝马 奔驰 奥迪 波音 空客 西门子 博世 飞利浦 诺基亚 戴尔 惠普 甲骨文 思科 推特 优步 迪士尼 沃尔玛 星巴克 麦当劳 肯德基 可口可乐 宝洁 耐克 雀巢 辉瑞 强生 汇丰 瑞银 软银 任天堂 鸿海 宏碁 华硕 中兴 格力 美团 滴滴 携程 求是 财新 澎湃新闻'.split(' '),
);

/**
 * Products and platforms the news names beside their makers (谷歌安卓, 华为鸿蒙): the model takes them
 * for organisations; they are none (the maker is).
 */
const PRODUCTS = new Set(
  '安卓 鸿蒙 微信 视窗 文心一言 通义千问 昇腾 骁龙'.split(' '),
);

/** Is this (Simplified) name a product or platform, not an organisation? */
export const isProductName = (name: string) => PRODUCTS.has(name);

/** Every name of the list (the lexicon feature), sorted. */
export function organizationNames(): string[] {
  return [...new Set(Object.values(LISTS).flatMap((l) => l.split(' ')))].filter(Boolean).sort();
}

let sure: Set<string> | undefined;
/**
 * A name followed by these is a title or a department (…部长, …部门), not the organisation, or the
 * start of a longer name (人民日报社…, 中国日报网).
 */
const TITLE_AFTER = /[长長门門员員社网網]/;
let longest = 0;

/**
 * The names that may be marked on their own: companies (the kind the 1998 news data lacks; it has
 * ministries, parties and international bodies, and its convention leaves abbreviations such as
 * 欧盟 unmarked), Han, not an everyday word.
 */
function sureNames(): Set<string> {
  if (!sure) {
    const companies = `${LISTS.companiesChina} ${LISTS.companiesElsewhere} ${LISTS.media}`.split(' ');
    sure = new Set(companies.filter((n) => n && !COMMON_WORDS.has(n) && /^[\u3400-\u9fff]{2,}$/.test(n)));
    for (const n of sure) longest = Math.max(longest, n.length);
  }
  return sure;
}

/** Unambiguous known organisation names in Simplified text, longest first, left to right. */
export function knownOrganizationSpans(text: string): Array<{ start: number; end: number }> {
  const names = sureNames();
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < text.length; ) {
    let found = 0;
    for (let len = Math.min(longest, text.length - i); len >= 2; len--) {
      if (names.has(text.slice(i, i + len))) {
        found = len;
        break;
      }
    }
    // …but not as the head of a title or a department (国防部长, 民政部门).
    if (found && !TITLE_AFTER.test(text[i + found] ?? '')) {
      out.push({ start: i, end: i + found });
      i += found;
    } else i++;
  }
  return out;
}
