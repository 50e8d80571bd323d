// The entity pipeline's rules around the model: Latin names only with a lexicon or the words
// around them behind them, glosses in brackets and pinyin annotations never inside a name, and
// every span's score carried through merging and repetition.

import { describe, expect, it } from 'vitest';
import { findEntities, KNOWN_ORGANIZATION_SCORE, LATIN_SCORE } from '../../../utils/nlp/entities';
import { isProductName, knownOrganizationSpans } from '../../../utils/nlp/ner/organizations';
import { blockedChars } from '../../../utils/nlp/ner/blocked';
import type { Span } from '../../../utils/nlp/rules';

const show = (text: string, spans: Span[]) => spans.map((s) => `${text.slice(s.start, s.end)}/${s.type}`);
const known = new Set(['OpenAI', 'Meta', 'Microsoft']);
const isOrganization = (w: string) => known.has(w);

describe('Latin names', () => {
  it('are organisations when the lexicon knows them or the words around them say so', () => {
    const text = 'OpenAI和Meta发布新模型，人工智能公司Zenlytic宣布融资，Quorvex首席执行官出席。';
    const spans = findEntities(text, { isOrganization });
    expect(show(text, spans).filter((s) => s.endsWith('/organization'))).toEqual(['OpenAI/organization', 'Meta/organization', 'Zenlytic/organization', 'Quorvex/organization']);
    expect(spans.find((s) => text.slice(s.start, s.end) === 'OpenAI')!.score).toBe(LATIN_SCORE.lexicon);
    expect(spans.find((s) => text.slice(s.start, s.end) === 'Zenlytic')!.score).toBe(LATIN_SCORE.context);
  });

  it('are not organisations on their own: platforms, services, games', () => {
    const text = '新功能先登陆iOS和Android，企业可以从IaaS(基础设施即服务)入手，玩家在DotA里组队。';
    const spans = findEntities(text, { isOrganization });
    expect(spans.filter((s) => s.type === 'organization')).toEqual([]);
    // a platform named before a product word is at most a low-score work, never marked by default
    for (const s of spans) if (/^[A-Za-z]/.test(text.slice(s.start, s.end))) expect(s.score).toBeLessThan(0.8);
  });

  it('a model span that is only a Latin word needs the same support', () => {
    const text = '苹果更新了iOS，Meta也跟进。';
    const model = (t: string): Span[] => ['iOS', 'Meta'].map((w) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length, type: 'organization' as const, score: 0.99 }));
    expect(show(text, findEntities(text, { model, isOrganization }))).toEqual(['Meta/organization']);
  });

  it('the kind of company written before a Latin name is no name of its own', () => {
    const text = '芯片公司Zorvane发布新品，星衡公司Lumo团队也来了。';
    const at = (w: string): Span => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'organization', score: 0.8 });
    // 星衡公司 is a name the lexicon knows: it stays (and Lumo after it is a name too, by its context)
    const spans = findEntities(text, { model: () => [at('芯片公司'), at('星衡公司')], isOrganization: (w) => w === '星衡公司' });
    expect(show(text, spans).filter((s) => s.endsWith('/organization'))).toEqual(['Zorvane/organization', '星衡公司/organization', 'Lumo/organization']);
  });

  it('a product or platform is not its maker (谷歌安卓, 华为鸿蒙)', () => {
    const text = '应用将接入安卓和鸿蒙，星衡科技也在其列。';
    const at = (w: string): Span => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'organization', score: 0.9 });
    const spans = findEntities(text, { model: () => [at('安卓'), at('鸿蒙'), at('星衡科技')], isProduct: isProductName });
    expect(show(text, spans)).toEqual(['星衡科技/organization']);
  });

  it('a model span never cuts a Latin word in two', () => {
    const text = '他们在Metaverse里开会。';
    const model = (t: string): Span[] => [{ start: t.indexOf('Meta'), end: t.indexOf('Meta') + 4, type: 'organization', score: 0.99 }];
    expect(findEntities(text, { model, isOrganization })).toEqual([]);
  });
});

describe('brackets and pinyin annotations', () => {
  it('blocks brackets, pinyin annotations and the Latin letters glued to them', () => {
    const text = 'F(xiàn)acebook母公司发(fā)布了IaaS(基础设施即服务)和县（市）';
    const b = blockedChars(text)!;
    const blocked = [...text].filter((_, i) => b[i]).join('');
    expect(blocked).toBe('F(xiàn)acebook(fā)()（）');
    expect(blockedChars('没有括号的句子')).toBeNull();
  });

  it('no repeated name is marked across an annotation', () => {
    const text = '华为宣布新计划。华(huá)为的员工很高兴，华为也很高兴。';
    const model = (): Span[] => [{ start: 0, end: 2, type: 'organization', score: 0.9 }];
    const spans = findEntities(text, { model });
    expect(show(text, spans)).toEqual(['华为/organization', '华为/organization']);
    expect(spans.map((s) => s.start)).toEqual([0, text.lastIndexOf('华为')]);
  });

  it('Latin words touching an annotation are not names', () => {
    const text = 'F(xiàn)acebook母公司Meta发布新品。';
    const spans = findEntities(text, { isOrganization });
    expect(show(text, spans)).toEqual(['Meta/organization']);
  });
});

describe('scores', () => {
  it('carry through: merged organisations take the lower, repeated names the best found', () => {
    const text = '国务院新闻办公室举行发布会。会后张伟表示，张伟将出席。';
    // 国务院 from the list of well-known names, 新闻办公室 from the model: one organisation
    const knownOrganizations = () => [{ start: 0, end: 3 }];
    const model = (t: string): Span[] => [
      { start: 3, end: 8, type: 'organization', score: 0.7 },
      { start: t.indexOf('张伟'), end: t.indexOf('张伟') + 2, type: 'person', score: 0.88 },
    ];
    const spans = findEntities(text, { model, knownOrganizations });
    expect(spans.map((s) => [text.slice(s.start, s.end), s.score])).toEqual([
      ['国务院新闻办公室', 0.7],
      ['张伟', 0.88],
      ['张伟', 0.88],
    ]);
  });

  it('two organisations the model itself cut apart stay two (曼联 and 利物浦 are two clubs)', () => {
    const text = '曼联利物浦两队周日交手。';
    const model = (): Span[] => [
      { start: 0, end: 2, type: 'organization', score: 0.95 },
      { start: 2, end: 5, type: 'organization', score: 0.9 },
    ];
    expect(show(text, findEntities(text, { model }))).toEqual(['曼联/organization', '利物浦/organization']);
  });
});

describe('around the model', () => {
  it('well-known companies it left out are added, never an everyday word, a title or a department', () => {
    const text = '华为和百度今天宣布合作，国防部长和民政部门出席，苹果很好吃。';
    expect(knownOrganizationSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['华为', '百度']);
    const spans = findEntities(text, { knownOrganizations: knownOrganizationSpans });
    expect(spans.filter((s) => s.type === 'organization').map((s) => [text.slice(s.start, s.end), s.score])).toEqual([
      ['华为', KNOWN_ORGANIZATION_SCORE],
      ['百度', KNOWN_ORGANIZATION_SCORE],
    ]);
  });

  it('a two-character "person" without a Chinese surname is not confident unless the model is sure', () => {
    const text = '李鹏谈非典，拉宾到访。';
    const at = (w: string, score: number): Span => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'person', score });
    const spans = findEntities(text, { model: () => [at('李鹏', 0.9), at('非典', 0.9), at('拉宾', 0.99)] });
    expect(spans.map((s) => [text.slice(s.start, s.end), s.score])).toEqual([
      ['李鹏', 0.9],
      ['非典', 0.45],
      ['拉宾', 0.99],
    ]);
  });

  it('a name does not take the word after it (冯越则在…, 王丽称…); a three-character name stays whole', () => {
    const text = '董事长冯越则表示反对，发言人王丽称已收到，李德才也说过。';
    const at = (w: string): Span => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'person', score: 0.8 });
    const spans = findEntities(text, { model: () => [at('冯越则'), at('王丽称'), at('李德才')] });
    expect(show(text, spans)).toEqual(['冯越/person', '王丽/person', '李德才/person']);
  });

  it('a name cut short where the article gives it in full takes the full form', () => {
    const text = '周明远看好前景。周明远来了，周明远还会来。'; // no verb of saying: the model alone names him
    const second = text.indexOf('周明远', 1);
    const model = (): Span[] => [
      { start: 0, end: 3, type: 'person', score: 0.6 },
      { start: second, end: second + 2, type: 'person', score: 0.99 },
    ];
    const spans = findEntities(text, { model });
    // every mention as sure as the surest finding of the name
    expect(spans.map((s) => [text.slice(s.start, s.end), s.score])).toEqual([
      ['周明远', 0.99],
      ['周明远', 0.99],
      ['周明远', 0.99],
    ]);
  });
});

describe('companies and their short names', () => {
  const at = (t: string, w: string, from = 0) => t.indexOf(w, from);
  it('a company named in full makes its short name the company in every mention (龙湖集团 … 龙湖), unless the short name is a known place (长沙银行 … 长沙)', () => {
    const text = '龙湖集团公布业绩。龙湖楼盘的业主维权，龙湖回应。长沙银行在长沙开会。';
    const model = (t: string): Span[] => [
      { start: 0, end: 4, type: 'organization', score: 0.9 },
      { start: at(t, '龙湖', 5), end: at(t, '龙湖', 5) + 2, type: 'place', score: 0.8 },
      { start: at(t, '长沙银行'), end: at(t, '长沙银行') + 4, type: 'organization', score: 0.9 },
      { start: at(t, '在长沙') + 1, end: at(t, '在长沙') + 3, type: 'place', score: 0.95 },
    ];
    const spans = findEntities(text, { model, isPlace: (n) => n === '长沙' });
    expect(show(text, spans)).toEqual(['龙湖集团/organization', '龙湖/organization', '龙湖/organization', '长沙银行/organization', '长沙/place']);
  });

  it('a short form the model did not take for a name stays a word (信托 of 信托公司)', () => {
    const text = '这家信托公司称，信托产品到期。';
    const model = (t: string): Span[] => [{ start: at(t, '信托公司'), end: at(t, '信托公司') + 4, type: 'organization', score: 0.8 }];
    expect(show(text, findEntities(text, { model }))).toEqual(['信托公司/organization']);
  });

  it('a listed name is no place however sure the model is (南都记者), and not the start of a longer name (人民日报社)', () => {
    const text = '南都记者了解到，人民日报社的记者也在。';
    const model = (): Span[] => [{ start: 0, end: 2, type: 'place', score: 0.95 }];
    const spans = findEntities(text, { model, knownOrganizations: knownOrganizationSpans });
    expect(show(text, spans)).toEqual(['南都/organization']);
    expect(spans[0].score).toBe(KNOWN_ORGANIZATION_SCORE);
  });
});

describe('names that are not the thing they name', () => {
  it('a person at the head of a prize, a law or a design is not the person (诺贝尔奖, 达芬奇架构); a reward given to someone is (王明奖金)', () => {
    const text = '对标诺贝尔奖，芯片搭载达芬奇架构，公司发给王明奖金。';
    const model = (t: string): Span[] => ['诺贝尔', '达芬奇', '王明'].map((w) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length, type: 'person' as const, score: 0.9 }));
    expect(show(text, findEntities(text, { model }))).toEqual(['王明/person']);
  });

  it('directions are a region, not an organisation (中东部地区, 云南东北部)', () => {
    const text = '中东部地区降温，云南东北部的昭通下雪。';
    const model = (t: string): Span[] => ['中东部', '东北部'].map((w) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length, type: 'organization' as const, score: 0.8 }));
    expect(show(text, findEntities(text, { model })).filter((x) => x.endsWith('/organization'))).toEqual([]);
  });

  it('a part of a region is the region (河北中南部, 江汉大部 → 河北, 江汉), not an organisation', () => {
    const text = '河北中南部、江汉大部有雨。';
    const model = (t: string): Span[] => ['河北中南部', '江汉大部'].map((w) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length, type: 'organization' as const, score: 0.8 }));
    expect(show(text, findEntities(text, { model }))).toEqual(['河北/place', '江汉/place']);
  });

  it('a quotation mark or bracket at the edge of a span is the sentence\'s, not the name\'s (“星河联盟”, 「东湖」)', () => {
    const text = '人称“星河联盟”的团体在「东湖」集会。';
    const model = (t: string): Span[] => [
      { start: t.indexOf('“'), end: t.indexOf('盟') + 1, type: 'organization', score: 0.9 },
      { start: t.indexOf('「'), end: t.indexOf('」') + 1, type: 'place', score: 0.9 },
      { start: t.indexOf('」'), end: t.indexOf('」') + 1, type: 'place', score: 0.9 },
    ];
    expect(show(text, findEntities(text, { model }))).toEqual(['星河联盟/organization', '东湖/place']);
  });

  it('a name never holds a space (第四条　监察委员会)', () => {
    const text = '第四条　监察委员会依照法律规定。';
    const model = (t: string): Span[] => [{ start: t.indexOf('条'), end: t.indexOf('会') + 1, type: 'organization', score: 0.9 }];
    expect(findEntities(text, { model }).filter((s) => s.type === 'organization')).toEqual([]);
  });
});

describe('the news convention', () => {
  it('a government named by its place is the place (英国政府 → 英国); other governments stay organisations', () => {
    const text = '英国政府和联合政府都表态了。';
    const model = (t: string): Span[] => [
      { start: 0, end: 4, type: 'organization', score: 0.9 },
      { start: t.indexOf('联合政府'), end: t.indexOf('联合政府') + 4, type: 'organization', score: 0.7 },
    ];
    const spans = findEntities(text, { model, isPlace: (n) => n === '英国' });
    expect(show(text, spans)).toEqual(['英国/place', '联合政府/organization']);
    expect(spans[0].score).toBe(0.9);
  });

  it('a kind of institution alone or by its level is no name (各级人民法院, 向银行借款, 上一级监察委员会); one with its owner is (最高人民法院, 招商银行); CLUENER keeps 法院', () => {
    const text = '各级人民法院和最高人民法院受理后，他向银行和招商银行借款，又去了医院，报上一级监察委员会批准。';
    const words = ['人民法院', '最高人民法院', '银行', '招商银行', '医院', '上一级监察委员会'];
    const model = (t: string): Span[] => {
      const spans: Span[] = [];
      for (const w of words) for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) spans.push({ start: i, end: i + w.length, type: 'organization', score: 0.9 });
      // the longest at each place, as a tagger gives them
      return spans.filter((a) => !spans.some((b) => b !== a && b.start <= a.start && a.end <= b.end));
    };
    expect(show(text, findEntities(text, { model }))).toEqual(['最高人民法院/organization', '招商银行/organization']);
    expect(show(text, findEntities(text, { model, convention: 'cluener' }))).toContain('人民法院/organization');
  });
});

describe('names that cut a word', () => {
  it('a place or organisation the model is unsure of that begins or ends inside a word is dropped; a sure one stays', () => {
    const text = '新民主主义革命时期，校长江波说中国队赢了。';
    const at = (s: string, type: Span['type'], score: number): Span => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type, score });
    const model = (): Span[] => [at('新民', 'place', 0.61), at('长江', 'place', 0.64), at('中国', 'place', 0.98)];
    expect(show(text, findEntities(text, { model }))).toEqual(['中国/place']);
  });

  it('with the shipped tagger: 新民 of 新民主主义, 长江 of 校长江波, 天猫联合蜂 are no names; 江门电视台 and 中国共产党 are', async () => {
    const { entityOptions } = await import('../../../utils/nlp/tagger');
    const names = (text: string) => show(text, findEntities(text, entityOptions())).filter((s) => /person|organization|place/.test(s));
    expect(names('新民主主义革命时期，中国共产党领导人民建立了革命根据地。')).toEqual(['中国共产党/organization']);
    expect(names('职业学校校长江波说，至少要培养一批技术骨干。')).not.toContain('长江/place');
    expect(names('天猫联合蜂鸟发布新品。')).toEqual([]);
    expect(names('据江门电视台报道，江门市今天迎来降雨。')).toEqual(['江门电视台/organization', '江门市/place']);
  });
});
