// Entities in an article: the trained tagger (people, organizations, places) over a Simplified
// shadow of the text, well-known organisations it left out (its 1998 news data knows few of today's
// companies), patterns for dates, numbers and 《works》, Latin names where a lexicon or the words
// around them say they are organisations, then one clean set of spans:
// overlaps resolved by priority, adjacent organizations merged, and every other occurrence of a
// known name marked too. Every span carries a score (how sure the finder is, 0–1).

import { blockedChars } from './ner/blocked';
import { contextNames } from './ner/name-context';
import { hasSurname } from './ner/surnames';
import { latinWords, ruleSpans, type EntityType, type Span } from './rules';
import { CONFIDENT } from './salience';
import type { Convention } from './tagger';

export type { EntityType, Span };

export interface EntityOptions {
  /** the model's annotation convention (default news): CLUENER's keeps 英国政府 one organisation */
  convention?: Convention;
  /** the trained tagger over Simplified text (person / organization / place, with scores) */
  model?: (simplified: string) => Span[];
  /** Traditional → Simplified per character (length-preserving); Traditional text is tagged through it */
  toSimplified?: Map<string, string>;
  /** is this Latin word a known organisation (OpenAI, Meta)? (the tagger's lexicon) */
  isOrganization?: (word: string) => boolean;
  /** is this (Simplified) name a known place? (the tagger's lexicon) */
  isPlace?: (name: string) => boolean;
  /** unambiguous names of well-known organisations in Simplified text (marked where the model found nothing) */
  knownOrganizations?: (simplified: string) => Array<{ start: number; end: number }>;
  /** is this (Simplified) name a product or platform, never an organisation by itself (安卓, 鸿蒙)? */
  isProduct?: (name: string) => boolean;
}

export interface EntityCount {
  text: string;
  type: EntityType;
  count: number;
}

const PRIORITY: Record<string, number> = { work: 7, date: 6, number: 5, model: 4, known: 3, context: 2, latin: 1 };

/** Scores given to Latin names: known to the lexicon, or only said by the words around them. */
export const LATIN_SCORE = { lexicon: 0.95, context: 0.9, product: 0.5 };
const GOVERNMENT = /^(.{2,8}?)(?:政府|当局)$/;
/** A company's name with the kind of company after it (龙湖集团, 顺丰控股): the name alone is its short form. */
const COMPANY = /^([\u3400-\u9fff]{2,4})(?:集团|集團|股份有限公司|有限公司|控股|股份|公司)$/;
/** Factor on the score of a two-character person without a Chinese surname (非典). */
const UNLIKELY_PERSON = 0.5;
/** …unless the model is this sure of it (拉宾, 科尔 in a sentence that says who they are). */
const SURE_PERSON = 0.97;
/** Score of a well-known organisation's name the model left unmarked (华为, 科大讯飞). */
export const KNOWN_ORGANIZATION_SCORE = 0.85;

// The words around a Latin name that say it is an organisation: 人工智能公司OpenAI, Meta旗下, Nvidia首席执行官.
const ORG_BEFORE = /(?:公司|企业|企業|巨头|巨頭|集团|集團|创企|初创|初創|实验室|實驗室|机构|機構|厂商|廠商)\s*$/;
/** 中东部, 河北中南部, 江汉大部: a part of a region (the region before it, if any, is the place). */
const DIRECTION = /^(.{2,}?)?(?:[东南西北中]+|大)部$/;
/** The kind of an institution, said without whose it is, or only by its level (上一级监察委员会): the news
 * corpora hardly ever mark these alone. */
const INSTITUTION_KIND = /^(?:上一?级|下一?级|本级|同级|各级)?(?:(?:人民)?(?:法院|检察院)|(?:常务|监察)?委员会|银行|医院|学校|公司|集团|公安局|派出所|邮政局)$/;
/** What follows a name that titles a thing (诺贝尔奖, 达芬奇架构, 牛顿定律), not a reward (王明奖金). */
const NAMED_THING = /^(?:奖(?![励金品惩状])|架构|定律|定理|效应|猜想|方程|常数)/;
/** Characters that follow a subject (冯越则在…, 王丽称…): never the last character of a three-character name. */
const AFTER_NAME = /^[则則称稱说說等也还還就都又却卻]$/;
const ORG_AFTER = /^\s*(?:公司|集团|集團|旗下|创始人|創始人|联合创始人|聯合創始人|首席执行官|首席執行官|CEO|总裁|總裁|董事长|董事長|发言人|發言人|股价|股價|市值|官方)/;

/** Quotation marks and brackets: at a span's edge they are the sentence's, not the name's (“八国联盟). */
const EDGE_MARK = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u;
function withoutEdgeMarks(text: string, s: Span): Span | null {
  let { start, end } = s;
  while (start < end && EDGE_MARK.test(text[start])) start++;
  while (end > start && EDGE_MARK.test(text[end - 1])) end--;
  if (start === end) return null;
  return start === s.start && end === s.end ? s : { ...s, start, end };
}

/** Two findings that each may be right: the name is wrong only if both are. */
const noisyOr = (a: number, b: number) => Math.round((1 - (1 - a) * (1 - b)) * 1000) / 1000;

function shadow(text: string, map?: Map<string, string>): string {
  if (!map) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += map.get(text[i]) ?? text[i];
  return out;
}

const isAlnum = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);
const LATIN_ONLY = /^[A-Za-z0-9][A-Za-z0-9 .&-]*$/;

/** Does [start, end) cut a Latin word or a number in two? */
const splitsWord = (text: string, start: number, end: number) =>
  (isAlnum(text[start - 1]) && isAlnum(text[start])) || (isAlnum(text[end - 1]) && isAlnum(text[end]));

const words = new Intl.Segmenter('zh', { granularity: 'word' });
/** How much of the text around an edge the segmenter reads to place its word boundaries. */
const EDGE_CONTEXT = 4;

/** Does [start, end) begin or end inside a word of the text (新民 in 新民主主义: 新|民主|主义)? */
function cutsWord(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - EDGE_CONTEXT);
  const to = Math.min(text.length, end + EDGE_CONTEXT);
  let startsWord = start === from;
  let endsWord = end === to;
  for (const w of words.segment(text.slice(from, to))) {
    const i = from + w.index;
    if (i === start) startsWord = true;
    if (i === end) endsWord = true;
  }
  return !startsWord || !endsWord;
}

type Ranked = Span & { rank: number };

/** All entity spans, sorted, never overlapping. Offsets are UTF-16 offsets in `text`. */
export function findEntities(text: string, options: EntityOptions = {}): Span[] {
  if (!text) return [];
  const simplified = shadow(text, options.toSimplified);
  const blocked = blockedChars(text);
  const touchesBlocked = (a: number, b: number) => {
    if (!blocked) return false;
    for (let i = Math.max(0, a - 1); i < Math.min(text.length, b + 1); i++) if (blocked[i]) return true;
    return false;
  };
  /** A Latin word is an organisation when the lexicon knows it or the words around it say so. */
  const latinOrg = (a: number, b: number): number => {
    if (options.isOrganization?.(text.slice(a, b))) return LATIN_SCORE.lexicon;
    if (ORG_BEFORE.test(text.slice(Math.max(0, a - 6), a)) || ORG_AFTER.test(text.slice(b, b + 8))) return LATIN_SCORE.context;
    return 0;
  };

  const ranked: Ranked[] = [];
  for (const s of ruleSpans(text)) ranked.push({ ...s, rank: PRIORITY[s.type] });
  for (const w of latinWords(text)) {
    if (touchesBlocked(w.start, w.end)) continue;
    const org = latinOrg(w.start, w.end);
    if (org) ranked.push({ start: w.start, end: w.end, type: 'organization', score: org, rank: PRIORITY.latin });
    else if (w.product) ranked.push({ start: w.start, end: w.end, type: 'work', score: LATIN_SCORE.product, rank: PRIORITY.latin });
  }
  // Well-known company names (华为, 科大讯飞): the model is not sure of today's companies, the list is.
  const listed = (options.knownOrganizations?.(simplified) ?? []).filter((s) => !splitsWord(text, s.start, s.end) && !touchesBlocked(s.start + 1, s.end - 1));
  const knownAt = new Uint8Array(text.length);
  for (const k of listed) knownAt.fill(1, k.start, k.end);
  for (const k of listed) ranked.push({ ...k, type: 'organization', score: KNOWN_ORGANIZATION_SCORE, rank: PRIORITY.known });
  // People the sentence names by title or by a verb of saying (记者 孙冰, 侯方说): they complete the model.
  const named = options.model ? contextNames(simplified).filter((c) => !splitsWord(text, c.start, c.end) && !touchesBlocked(c.start, c.end)) : [];
  const namedAt = new Float32Array(text.length);
  for (const c of named) namedAt.fill(c.score, c.start, c.end);
  for (const c of named) ranked.push({ ...c, type: 'person', rank: PRIORITY.context });
  for (const found of options.model?.(simplified) ?? []) {
    const trimmed = withoutEdgeMarks(text, found);
    if (!trimmed || splitsWord(text, trimmed.start, trimmed.end)) continue;
    let s = trimmed;
    // The model agreeing with the list makes the name surer (either may be right: noisy-or); a
    // less sure model span across a listed name gives way to it (华 / 为 where the text says 华为).
    const same = listed.find((k) => k.start === s.start && k.end === s.end);
    if (same && s.type === 'organization') s = { ...s, score: noisyOr(s.score, KNOWN_ORGANIZATION_SCORE) };
    // The list's names are no places: the same name taken for one, however sure, is the organisation
    // (南都 of 南都记者 is the paper). A person may share one (（苏宁）, a reporter's sign-off).
    else if ((same && s.type === 'place') || (s.score < KNOWN_ORGANIZATION_SCORE && knownAt.subarray(s.start, s.end).some((x) => x === 1))) continue;
    // The same with a name its context vouches for (董事长傅盛: the model's 0.43 becomes sure).
    const person = named.find((c) => c.start === s.start && c.end === s.end);
    if (person && s.type === 'person') s = { ...s, score: noisyOr(s.score, person.score) };
    else if (namedAt.subarray(s.start, s.end).some((x) => x > s.score)) continue;
    // 人工智能公司OpenAI: a Latin name the lexicon or its context vouches for stands alone.
    const tail = /[A-Za-z][A-Za-z0-9 .&-]*$/.exec(text.slice(s.start, s.end));
    if (tail && tail.index > 0 && /[\u3400-\u9fff]$/.test(text.slice(s.start, s.start + tail.index))) {
      const a = s.start + tail.index;
      const org = latinOrg(a, s.end);
      if (org) {
        ranked.push({ start: a, end: s.end, type: 'organization', score: Math.max(org, s.score), rank: PRIORITY.model });
        continue;
      }
    }
    if (LATIN_ONLY.test(text.slice(s.start, s.end))) {
      // The model alone does not make a Latin word a name (iOS, DotA, IaaS).
      const org = latinOrg(s.start, s.end);
      if (org) ranked.push({ start: s.start, end: s.end, type: 'organization', score: Math.max(org, s.score), rank: PRIORITY.model });
      continue;
    }
    const str = text.slice(s.start, s.end);
    const simple = simplified.slice(s.start, s.end); // what the lists and patterns read
    // 新民 of 新民主主义, 长江 of 校长江波, 级监察委员会: a place or organisation the model is not sure
    // of that begins or ends inside a word is a piece of the words around it. (A sure one stays:
    // names the segmenter does not know, 中国队's 中国, are cut as often.)
    if ((s.type === 'place' || s.type === 'organization') && s.score < CONFIDENT && cutsWord(simplified, s.start, s.end)) continue;
    // 安卓, 鸿蒙: a product is not its maker.
    if (s.type === 'organization' && options.isProduct?.(simple)) continue;
    // 人工智能公司OpenAI: the kind of company before a Latin name describes it; it is not a name itself.
    if (s.type === 'organization' && /^[A-Za-z]/.test(text[s.end] ?? '') && ORG_BEFORE.test(str) && !options.isOrganization?.(str) && !knownAt.subarray(s.start, s.end).some((x) => x === 1)) continue;
    // 各级人民法院, 向银行贷款: a kind of institution alone is no name in the news convention (CLUENER
    // marks some: 法院 as government, now and then).
    if (s.type === 'organization' && options.convention !== 'cluener' && INSTITUTION_KIND.test(simple)) continue;
    // 英国政府, 中国政府: in the news convention the country is the place and 政府 a plain noun.
    const gov = s.type === 'organization' && options.convention !== 'cluener' && GOVERNMENT.exec(simple);
    if (gov && options.isPlace?.(gov[1])) {
      ranked.push({ start: s.start, end: s.start + gov[1].length, type: 'place', score: s.score, rank: PRIORITY.model });
      continue;
    }
    // 诺贝尔奖, 达芬奇架构: a name at the head of a prize, a law or a design is not the person.
    if (s.type === 'person' && NAMED_THING.test(simplified.slice(s.end, s.end + 3))) continue;
    // 中东部, 西南部: directions are a region, not an organisation; in 河北中南部 the place is 河北.
    const region = s.type === 'organization' ? DIRECTION.exec(simple) : null;
    if (region) {
      const place = region[1]?.length ?? 0;
      if (place) ranked.push({ start: s.start, end: s.start + place, type: 'place', score: s.score, rank: PRIORITY.model });
      continue;
    }
    // 条　监察委员会: a name never holds a space.
    if (/\s/.test(str)) continue;
    // 冯越则在…: a surname, a given name and the word after it; the name is the first two.
    if (s.type === 'person' && /^[\u3400-\u9fff]{3}$/.test(str) && AFTER_NAME.test(str[2]) && hasSurname(simple)) s = { ...s, end: s.end - 1 };
    // 非典, 志士: two Han characters that do not start with a surname are rarely a person.
    const unlikely = s.type === 'person' && s.score < SURE_PERSON && /^[\u3400-\u9fff]{2}$/.test(text.slice(s.start, s.end)) && !hasSurname(simplified.slice(s.start, s.end));
    ranked.push({ ...s, score: unlikely ? s.score * UNLIKELY_PERSON : s.score, rank: PRIORITY.model });
  }

  // Highest priority first, then longest: the winner keeps its place.
  ranked.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  let spans: Array<Span & { rank: number }> = [];
  for (const s of ranked) {
    let free = s.end > s.start;
    for (let i = s.start; i < s.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    spans.push({ start: s.start, end: s.end, type: s.type, score: s.score, rank: s.rank });
  }
  spans.sort((a, b) => a.start - b.start);

  // 国务院 (a well-known name) + 新闻办公室 (the model's) are one organization (as sure as the less sure part).
  spans = spans.reduce<typeof spans>((acc, s) => {
    const last = acc[acc.length - 1];
    // (not across a change of script: 人工智能公司 + OpenAI are a description and a name; nor two the
    // model itself cut apart: 曼联 + 利物浦 are two clubs)
    if (last && last.type === 'organization' && s.type === 'organization' && last.end === s.start && isAlnum(text[s.start - 1]) === isAlnum(text[s.start]) && !(last.rank === PRIORITY.model && s.rank === PRIORITY.model)) {
      last.end = s.end;
      last.score = Math.min(last.score, s.score);
    } else acc.push({ ...s });
    return acc;
  }, []);

  // A name found once is the same name everywhere in the article (as sure as its surest finding).
  const known = new Map<string, { type: EntityType; score: number }>();
  for (const s of spans) {
    const t = text.slice(s.start, s.end);
    if ((s.type === 'person' || s.type === 'organization' || s.type === 'place' || s.type === 'work') && t.length >= 2) {
      const k = known.get(t);
      if (!k || (k.type === s.type && s.score > k.score)) known.set(t, { type: s.type, score: s.score });
    }
  }
  // 龙湖 where the article names 龙湖集团 is the company's short name, not a place or a person, in
  // every mention (长沙 of 长沙银行 is a place the gazetteer knows, and stays the city).
  for (const [t, k] of [...known]) {
    const short = k.type === 'organization' ? COMPANY.exec(t)?.[1] : undefined;
    if (!short || options.isPlace?.(shadow(short, options.toSimplified)) || known.get(short)?.type === 'organization') continue;
    // Only where the model took it for a name: 信托 of 信托公司 is a plain word.
    let named = false;
    for (const s of spans) if ((s.type === 'place' || s.type === 'person') && text.slice(s.start, s.end) === short) [s.type, named] = ['organization', true];
    if (named) known.set(short, { ...k });
  }
  // 周明 where the article also names 周明远 is the longer name cut short: take the long form.
  const byLength = [...known].sort((a, b) => b[0].length - a[0].length);
  const byHead = new Map<string, typeof byLength>(); // names by their first two characters, longest first
  for (const entry of byLength) {
    const head = entry[0].slice(0, 2);
    const list = byHead.get(head);
    if (list) list.push(entry);
    else byHead.set(head, [entry]);
  }
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const next = spans[k + 1]?.start ?? text.length;
    for (const [t, { type, score }] of byHead.get(text.slice(s.start, s.start + 2)) ?? []) {
      if (t.length <= s.end - s.start || type !== s.type || s.start + t.length > next || !text.startsWith(t, s.start)) continue;
      s.end = s.start + t.length;
      s.score = Math.max(s.score, score);
      known.get(t)!.score = s.score; // the full name is as sure as its surest finding
      break;
    }
  }
  const occupied = new Uint8Array(text.length);
  for (const s of spans) {
    occupied.fill(1, s.start, s.end);
    // …and every mention of it as sure (侯方 after his title and in a later 侯方说)
    const k = known.get(text.slice(s.start, s.end));
    if (k && k.type === s.type) s.score = Math.max(s.score, k.score);
  }
  const extra: Span[] = [];
  for (const [t, { type, score }] of byLength) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
      let free = !splitsWord(text, i, i + t.length) && !touchesBlocked(i + 1, i + t.length - 1);
      for (let k = i; k < i + t.length && free; k++) if (occupied[k]) free = false;
      if (!free) continue;
      occupied.fill(1, i, i + t.length);
      extra.push({ start: i, end: i + t.length, type, score });
    }
  }
  return [...spans.map(({ rank: _, ...s }) => s), ...extra].sort((a, b) => a.start - b.start);
}

/** Entities grouped by text and type with counts, most frequent first. */
export function countEntities(text: string, spans: Span[]): EntityCount[] {
  const counts = new Map<string, EntityCount & { first: number }>();
  for (const s of spans) {
    const t = text.slice(s.start, s.end);
    const key = `${s.type}\u0000${t}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { text: t, type: s.type, count: 1, first: s.start });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ text: t, type, count }) => ({ text: t, type, count }));
}
