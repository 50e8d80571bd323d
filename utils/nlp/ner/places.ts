// A small hand-written place gazetteer (Simplified Chinese): countries and regions, China's
// provinces and major cities, world capitals and major cities. CLUENER leaves most country and city
// names unlabelled when they modify a noun (中国经济). Part of the tagger's place lexicon (the
// trainer reads it: scripts/train-ner/lexicons.ts).
// Written for this project from general knowledge; no data set was copied.

import type { NerSpan } from './types';

const COUNTRIES =
  '中国 美国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 意大利 西班牙 葡萄牙 加拿大 澳大利亚 澳洲 新西兰 印度 巴基斯坦 孟加拉国 斯里兰卡 ' +
  '尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋 卡塔尔 巴林 科威特 ' +
  '土耳其 塞浦路斯 希腊 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 肯尼亚 坦桑尼亚 乌干达 卢旺达 布隆迪 刚果 ' +
  '安哥拉 赞比亚 津巴布韦 莫桑比克 马达加斯加 南非 纳米比亚 博茨瓦纳 尼日利亚 加纳 科特迪瓦 塞内加尔 马里 尼日尔 乍得 喀麦隆 ' +
  '加蓬 几内亚 塞拉利昂 利比里亚 贝宁 多哥 布基纳法索 毛里塔尼亚 索马里 吉布提 厄立特里亚 马拉维 莱索托 毛里求斯 塞舌尔 ' +
  '佛得角 冈比亚 几内亚比绍 赤道几内亚 中非 科摩罗 墨西哥 古巴 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 ' +
  '巴拉圭 乌拉圭 圭亚那 苏里南 巴拿马 哥斯达黎加 尼加拉瓜 洪都拉斯 萨尔瓦多 危地马拉 伯利兹 牙买加 海地 多米尼加 巴哈马 ' +
  '特立尼达和多巴哥 巴巴多斯 瑞典 挪威 芬兰 丹麦 冰岛 荷兰 比利时 卢森堡 瑞士 奥地利 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 ' +
  '保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚 波黑 黑山 北马其顿 马其顿 阿尔巴尼亚 乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 ' +
  '爱沙尼亚 爱尔兰 马耳他 摩纳哥 列支敦士登 安道尔 圣马力诺 梵蒂冈 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 ' +
  '土库曼斯坦 吉尔吉斯斯坦 塔吉克斯坦 蒙古 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 ' +
  '斐济 巴布亚新几内亚 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯 图瓦卢 瑙鲁 帕劳 马绍尔群岛 苏联';

const REGIONS =
  '亚洲 欧洲 非洲 美洲 北美 北美洲 南美 南美洲 拉美 拉丁美洲 大洋洲 中东 东南亚 东亚 南亚 中亚 西亚 东北亚 北非 东非 西非 ' +
  '南部非洲 东欧 西欧 北欧 南欧 中欧 中东欧 亚太 南极 北极 太平洋 大西洋 印度洋 北冰洋 地中海 加勒比 加勒比海 波斯湾 红海 ' +
  '南海 东海 黄海 渤海 台湾海峡 朝鲜半岛 巴尔干 中南半岛 长江 黄河 珠江 长三角 珠三角 京津冀 粤港澳大湾区 大湾区 华北 华东 ' +
  '华南 华中 西南 西北 东北 喜马拉雅 青藏高原 内地 大陆 两岸';

/** China's provinces, autonomous regions, municipalities and SARs: short name → full forms. */
const PROVINCES =
  '北京:北京市 天津:天津市 上海:上海市 重庆:重庆市 河北:河北省 山西:山西省 内蒙古:内蒙古自治区 辽宁:辽宁省 吉林:吉林省 ' +
  '黑龙江:黑龙江省 江苏:江苏省 浙江:浙江省 安徽:安徽省 福建:福建省 江西:江西省 山东:山东省 河南:河南省 湖北:湖北省 湖南:湖南省 ' +
  '广东:广东省 广西:广西壮族自治区 海南:海南省 四川:四川省 贵州:贵州省 云南:云南省 西藏:西藏自治区 陕西:陕西省 甘肃:甘肃省 ' +
  '青海:青海省 宁夏:宁夏回族自治区 新疆:新疆维吾尔自治区 台湾:台湾省 香港:香港特别行政区,香港特区 澳门:澳门特别行政区,澳门特区';

/** Chinese cities (each also matches with 市). Names that are common words (三明, 长治, 大同…) are left out. */
const CN_CITIES =
  '石家庄 唐山 保定 邯郸 秦皇岛 张家口 承德 沧州 廊坊 衡水 邢台 雄安 太原 临汾 运城 晋城 呼和浩特 包头 鄂尔多斯 赤峰 ' +
  '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 铁岭 葫芦岛 长春 延边 哈尔滨 齐齐哈尔 大庆 牡丹江 佳木斯 ' +
  '南京 苏州 无锡 常州 徐州 南通 扬州 镇江 泰州 盐城 淮安 连云港 宿迁 昆山 杭州 宁波 温州 绍兴 嘉兴 湖州 金华 台州 丽水 ' +
  '衢州 舟山 义乌 合肥 芜湖 蚌埠 淮南 马鞍山 安庆 黄山 阜阳 滁州 六安 福州 厦门 泉州 漳州 莆田 龙岩 南平 宁德 南昌 九江 ' +
  '赣州 景德镇 上饶 吉安 济南 青岛 烟台 潍坊 淄博 威海 临沂 济宁 泰安 日照 聊城 菏泽 枣庄 东营 滨州 郑州 洛阳 开封 ' +
  '新乡 安阳 南阳 许昌 焦作 平顶山 商丘 信阳 周口 驻马店 武汉 宜昌 襄阳 荆州 十堰 黄石 孝感 黄冈 恩施 长沙 株洲 湘潭 ' +
  '衡阳 岳阳 常德 张家界 郴州 怀化 邵阳 益阳 永州 娄底 广州 深圳 珠海 汕头 佛山 东莞 江门 湛江 茂名 肇庆 惠州 梅州 ' +
  '清远 韶关 揭阳 潮州 阳江 汕尾 河源 南宁 桂林 柳州 北海 梧州 玉林 钦州 防城港 海口 三亚 儋州 成都 绵阳 德阳 宜宾 泸州 ' +
  '乐山 南充 自贡 攀枝花 达州 遂宁 内江 眉山 雅安 广安 贵阳 遵义 六盘水 安顺 毕节 铜仁 昆明 丽江 曲靖 玉溪 西双版纳 ' +
  '拉萨 日喀则 西安 宝鸡 咸阳 延安 汉中 榆林 渭南 兰州 天水 嘉峪关 酒泉 敦煌 西宁 银川 乌鲁木齐 喀什 伊犁 克拉玛依 吐鲁番 ' +
  '和田 台北 高雄 台中 台南 新北 基隆 新竹 温江';

/** Districts and areas that are place names in any context. */
const CN_AREAS =
  '海淀区 朝阳区 东城区 西城区 丰台区 通州区 浦东 浦东新区 徐汇区 静安区 黄浦区 滨海新区 雄安新区 中关村 陆家嘴 前海 ' +
  '南山区 福田区 罗湖区 天河区 越秀区 九龙 新界 港岛';

const WORLD_CITIES =
  '华盛顿 纽约 洛杉矶 芝加哥 旧金山 波士顿 西雅图 休斯敦 迈阿密 费城 底特律 亚特兰大 拉斯维加斯 硅谷 夏威夷 加州 加利福尼亚 ' +
  '得克萨斯 德克萨斯 佛罗里达 阿拉斯加 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 伦敦 曼彻斯特 伯明翰 爱丁堡 巴黎 马赛 里昂 ' +
  '柏林 慕尼黑 法兰克福 汉堡 科隆 罗马 威尼斯 佛罗伦萨 都灵 马德里 巴塞罗那 里斯本 阿姆斯特丹 鹿特丹 布鲁塞尔 维也纳 ' +
  '日内瓦 苏黎世 伯尔尼 达沃斯 斯德哥尔摩 奥斯陆 哥本哈根 赫尔辛基 雷克雅未克 都柏林 华沙 布拉格 布达佩斯 布加勒斯特 ' +
  '索非亚 贝尔格莱德 雅典 莫斯科 圣彼得堡 基辅 明斯克 安卡拉 伊斯坦布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼 耶路撒冷 ' +
  '特拉维夫 加沙 利雅得 吉达 迪拜 阿布扎比 多哈 开罗 的黎波里 阿尔及尔 拉巴特 卡萨布兰卡 喀土穆 亚的斯亚贝巴 内罗毕 ' +
  '达累斯萨拉姆 坎帕拉 基加利 金沙萨 罗安达 卢萨卡 哈拉雷 比勒陀利亚 约翰内斯堡 开普敦 拉各斯 阿布贾 阿克拉 达喀尔 ' +
  '东京 大阪 京都 横滨 名古屋 神户 札幌 福冈 冲绳 北海道 首尔 釜山 仁川 平壤 河内 胡志明市 万象 金边 曼谷 仰光 内比都 ' +
  '吉隆坡 雅加达 巴厘岛 马尼拉 新德里 孟买 加尔各答 班加罗尔 伊斯兰堡 卡拉奇 达卡 科伦坡 加德满都 喀布尔 乌兰巴托 ' +
  '阿斯塔纳 阿拉木图 塔什干 比什凯克 杜尚别 阿什哈巴德 第比利斯 埃里温 巴库 悉尼 墨尔本 堪培拉 布里斯班 珀斯 惠灵顿 ' +
  '巴西利亚 里约热内卢 圣保罗 布宜诺斯艾利斯 圣地亚哥 利马 波哥大 加拉加斯 基多 哈瓦那 蒙得维的亚';

let names: Set<string> | undefined;
let maxLen = 0;

function load(): Set<string> {
  if (names) return names;
  const s = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 2) s.add(w);
  };
  for (const list of [COUNTRIES, REGIONS, CN_AREAS, WORLD_CITIES]) for (const w of list.split(' ')) add(w);
  for (const entry of PROVINCES.split(' ')) {
    const [short, full] = entry.split(':');
    add(short);
    for (const f of full.split(',')) add(f);
  }
  for (const w of CN_CITIES.split(' ')) {
    add(w);
    add(`${w}市`);
  }
  for (const w of s) if (w.length > maxLen) maxLen = w.length;
  names = s;
  return s;
}

/** Does the gazetteer hold this exact string? */
export function isPlaceName(s: string): boolean {
  return load().has(s);
}

/** All gazetteer names (for tests and the trainer). */
export function placeNames(): string[] {
  return [...load()].sort();
}

/** Place names found by greedy longest match, left to right. UTF-16 offsets, end exclusive. */
export function placeSpans(text: string): NerSpan[] {
  const set = load();
  const out: NerSpan[] = [];
  let i = 0;
  while (i < text.length) {
    let found = 0;
    for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
      if (set.has(text.slice(i, i + len))) {
        found = len;
        break;
      }
    }
    if (found) {
      out.push({ start: i, end: i + found, type: 'place', score: 1 });
      i += found;
    } else i++;
  }
  return out;
}
