// Entities that patterns find better than a model: dates (2023年8月15日, 7月13日, 上周三),
// numbers with their units (700亿, 79个, 30%, 3.5万元, 百分之三十), titles in 《》, and the Latin
// words inside Chinese text that may be names (Meta, Llama 2, OpenAI; entities.ts decides which
// are). Works on Simplified and Traditional alike.

export const ENTITY_TYPES = ['person', 'organization', 'place', 'date', 'number', 'work'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Span {
  start: number;
  end: number;
  type: EntityType;
  /** How sure the finder is, 0–1: the model's probability of the span; 1 for a pattern (a date, a figure, a 《title》). */
  score: number;
}

/** A Latin word written like a name inside Chinese text (Meta, OpenAI, iOS): the caller decides what it is. */
export interface LatinWord {
  start: number;
  end: number;
  /** followed by a product word (芯片, 系统…) or carrying a version number (GPT-4, iPhone 15) */
  product: boolean;
}

const CN_DIGIT = '〇零一二三四五六七八九十百千两兩';
// Chinese numerals only from two characters: 零件, 一名, 两个 are words, not figures.
const N = `(?:\\d+(?:[.,]\\d+)*|[${CN_DIGIT}]{2,})`;

const DATE = new RegExp(
  [
    `\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号號](?:\\s*[上下]午)?(?:\\s*\\d{1,2}\\s*[时時点點:：]\\s*(?:\\d{1,2}\\s*分?)?)?`,
    `[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号號])?)?`,
    `\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:[上中下]旬|底|初)?`,
    `\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号號](?:\\s*[上下]午)?(?:\\s*\\d{1,2}\\s*[时時点點:：]\\s*(?:\\d{1,2}\\s*分?)?)?`,
    `\\d{4}-\\d{1,2}-\\d{1,2}(?:\\s+\\d{1,2}:\\d{2})?`,
    `\\d{4}\\s*年(?:代|初|底|[上下]半年)?`,
    `\\d{1,2}\\s*月(?:[上中下]旬|份|底|初)?(?![\\d亿万元])`,
    `(?:[上下本这這今前]|上上|下下)(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]?`,
    `(?:星期|礼拜|禮拜)[一二三四五六日天]`,
    `(?<![\\u4e00-\\u9fff])周[一二三四五六日](?![\\u4e00-\\u9fff]{0}[年月])`,
    `(?:今|昨|前|明|后|後|大前|大后|大後)天(?:[上下]午|早上|晚上|凌晨)?`,
    `(?:今|去|前|明|后|後)年(?:[上下]半年|底|初)?`,
    `(?:上|下|本|这|這)个?月`,
    `(?:凌晨|清晨|上午|中午|下午|晚上|傍晚|深夜)\\s*\\d{1,2}\\s*[时時点點](?:\\s*\\d{1,2}\\s*分|半)?`,
  ].join('|'),
  'g',
);

const UNIT =
  '(?:万亿|亿|萬億|億|万|萬|千|百)?(?:多|余|餘)?\\s*(?:美元|元|人民币|人民幣|港元|港币|港幣|新台币|新台幣|台币|台幣|欧元|歐元|日元|英镑|英鎊|个|個|人|人次|家|名|位|件|台|辆|輛|架|艘|座|所|项|項|条|條|次|倍|吨|噸|公里|千米|米|平方米|平方公里|公顷|公頃|亩|畝|克|千克|公斤|斤|岁|歲|天|小时|小時|分钟|分鐘|秒|个月|個月|周|週|年|%|％|‰|℃|度|个百分点|個百分點|百分点|百分點|户|戶|套|部|张|張|所|间|間|块|塊|股|手|份|篇|场|場|届|屆|期|批|支|只|头|頭|亿元|万元)';
const NUMBER = new RegExp(
  [
    `(?:US\\$|HK\\$|NT\\$|\\$|￥|¥|€|£)\\s*\\d+(?:[.,]\\d+)*\\s*(?:万亿|亿|萬億|億|万|萬|千|百|billion|million|trillion)?`,
    `(?:百分之|千分之)[${CN_DIGIT}点點\\d.]+`,
    `${N}(?:\\s*(?:万亿|亿|萬億|億|万|萬|千|百))?${UNIT}`,
    `\\d+(?:[.,]\\d+)*\\s*(?:万亿|亿|萬億|億|万|萬)(?![\\u4e00-\\u9fff]{0}[年月日])`,
    `\\d+(?:\\.\\d+)?\\s*[%％]`,
  ].join('|'),
  'g',
);

const WORK = /《[^《》\n]{1,40}》/g;

// Latin words written like names: Meta, OpenAI, DeepMind, Llama 2, GPT-4, iPhone 15, iOS.
const LATIN = /(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[ -](?:[A-Z][A-Za-z0-9]*|\d+(?:\.\d+)?)(?![A-Za-z]))*(?![A-Za-z0-9])/g;
const COMMON = new Set([
  'AI', 'CEO', 'CTO', 'CFO', 'COO', 'GDP', 'CPI', 'PPI', 'PMI', 'APP', 'App', 'PC', 'TV', 'VR', 'AR', 'IT', 'ID', 'OK', 'USB', 'GPS', 'API',
  'IP', 'CPU', 'GPU', 'PDF', 'PPT', 'QQ', 'DIY', 'VIP', 'UP', 'PK', 'MV', 'KTV', 'WiFi', 'Wi-Fi', 'A', 'B', 'C', 'I', 'The', 'A股', 'IPO',
]);
const PRODUCT_AFTER = /^\s*(?:大模型|模型|系统|系統|平台|芯片|晶片|手机|手機|应用|應用|软件|軟體|軟件|游戏|遊戲|汽车|汽車|机型|機型|系列)/;

function matches(re: RegExp, text: string, type: EntityType, keep = (_m: RegExpExecArray) => true): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)); ) {
    if (!m[0].trim()) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const s = m[0].trim();
    if (keep(m)) out.push({ start: m.index + lead, end: m.index + lead + s.length, type, score: 1 });
  }
  return out;
}

/** Dates, figures and 《titles》. */
export function ruleSpans(text: string): Span[] {
  const works = matches(WORK, text, 'work');
  const dates = matches(DATE, text, 'date');
  // 一名 / 两个 / 一位 are articles and classifiers, not figures anyone looks for.
  const numbers = matches(NUMBER, text, 'number', (m) => !/^[一两兩几幾]?[个個名位家件台辆輛架艘座所项項条條次场場份篇]?$/.test(m[0]) && !/^[一二三四五六七八九十]年$/.test(m[0]));
  return [...works, ...dates, ...numbers];
}

/** Latin words written like names inside Chinese text (not in a Latin sentence, not common abbreviations). */
export function latinWords(text: string): LatinWord[] {
  const out: LatinWord[] = [];
  LATIN.lastIndex = 0;
  for (let m; (m = LATIN.exec(text)); ) {
    const word = m[0];
    if (COMMON.has(word) || word.length < 2) continue;
    // Only inside Chinese text: a Latin sentence is not "a name in Chinese text".
    const around = text.slice(Math.max(0, m.index - 3), m.index) + text.slice(m.index + word.length, m.index + word.length + 3);
    if (!/[\u3400-\u9fff]/.test(around)) continue;
    out.push({ start: m.index, end: m.index + word.length, product: PRODUCT_AFTER.test(text.slice(m.index + word.length)) || /\d/.test(word.slice(1)) });
  }
  return out;
}
