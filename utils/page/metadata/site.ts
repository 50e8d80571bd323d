// The site's name. Rules, strongest first:
// - og:site_name, meta:<key> (sitename, application-name…), jsonld-publisher: what the page declares;
// - title-tail: the site segment that ends the <title> ("…_人工智能實驗室_展會信息港" → 展會信息港),
//   past a domain ("_长江网_cjn.cn") and an English twin ("澎湃新闻-The Paper");
// - title-rest: what the <title> holds after the printed headline ("标题 某某医院");
// - copyright: where the page names itself ("版权所有：中国地理学会", "© 2016 明日大盘", "人民网版权所有");
// - meta-author-site: an author field that holds the site or outlet rather than a person.
// A channel of a brand ("网易新闻", "网易财经") gives way to the brand itself where the page also
// names that ("网易版权所有").

import type { Candidate } from './candidates';
import type { Headline } from './headline';
import { personName } from './names';
import type { PageScan } from './scan';
import type { JsonLdNode } from './structured';
import { normalizeSpace } from './structured';
import { SITE_TAIL, titlePieces } from './title';

const SITE_META = ['sitename', 'site_name', 'site-name', 'application-name', 'apple-mobile-web-app-title'];
const DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|tw|hk|cc|info|tv)(?:\.[a-z]{2})?$/i;
const CHANNEL = /^(?:新闻|新聞|财经|財經|科技|订阅|訂閱|资讯|資訊|体育|體育|娱乐|娛樂|频道|頻道|首页|首頁|汽车|房产|教育|健康|时尚|文化|军事|历史|旅游|游戏|评论|视频|图片|博客|论坛|社区)$/;
const COMPANY = /(?:股份)?(?:有限)?(?:责任)?公司$|集团$|集團$|Corporation$|Inc\.?$|Ltd\.?$|Limited$|Co\.,? Ltd\.?$/i;
const NAME = String.raw`[\u4e00-\u9fffA-Za-z](?:[\u4e00-\u9fffA-Za-z0-9·&.\-]|(?<=[A-Za-z.]) (?=[A-Za-z])){1,24}?`;
const COPYRIGHT = [
  new RegExp(String.raw`(?:版权所有|版權所有|主办单位|主辦單位|主办|主辦)[ \t\u3000\u00a0]*[:：]?[ \t\u3000\u00a0]*(?:©|\(c\)|copyright)?[ \t\u3000\u00a0]*(?:\d{4}[ \t]*(?:[-–~][ \t]*\d{4})?)?[ \t\u3000\u00a0]*(${NAME})(?=\s|$|[,，。|·]|版权|版權|地址|电话|電話|备案|備案|ICP|京|沪|粤|Copyright|All)`, 'i'),
  new RegExp(String.raw`(?:©|copyright)\s*(?:©)?\s*\d{4}\s*(?:[-–~]\s*\d{4})?\s*(${NAME})(?=\s*(?:版权所有|版權所有|All|$|[,，。|]|\s京|\s沪|\s粤|\s?ICP))`, 'i'),
  new RegExp(String.raw`(?:^|[\s|©])([\u4e00-\u9fff]{2,16}?)\s*版[权權]所有`),
];

export interface SiteInputs {
  scan: PageScan;
  title: string;
  headline: Headline | null;
  ld?: JsonLdNode;
}

/** A site name written as a domain (a brand, a dot, .com/.cn/.net/.org) is the brand before its top-level part. */
function brandOfDomain(s: string): string | null {
  const m = /^(?:www\.)?([A-Za-z][A-Za-z0-9-]{1,20})\.(?:com|cn|net|org)$/i.exec(s);
  return m ? m[1] : null;
}

function siteSegment(seg: string): string | null {
  let s = normalizeSpace(seg);
  // "股票频道-和讯网": a channel joined to the site by a bare hyphen.
  const tight = /-([^-]{2,20})$/.exec(s);
  if (tight && SITE_TAIL.test(tight[1]) && /[\u4e00-\u9fff]/.test(tight[1])) s = tight[1];
  // "中国地理学会官网": the site's own name without "official site".
  s = s.replace(/(?<=.{2})(?:官方网站|官方網站|官网|官網)$/, '');
  // "澎湃新闻-The Paper": the Chinese name with its English twin.
  const twin = /^([\u4e00-\u9fff][^-]*?)\s*-\s*[A-Za-z][A-Za-z .]*$/.exec(s);
  if (twin) s = twin[1];
  if (!s || s.length > 20) return null;
  return s;
}

export function siteCandidates({ scan, title, headline, ld }: SiteInputs): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const add = (v: string | null | undefined, score: number, rule: string) => {
    const s = v && normalizeSpace(v);
    if (s && s.length >= 2 && s.length <= 30) out.push({ value: s, score, rule });
  };
  add(scan.meta.get('og:site_name'), 0.9, 'og:site_name');
  for (const key of SITE_META) {
    const v = scan.meta.get(key);
    if (v) {
      add(v, 0.82, `meta:${key}`);
      break;
    }
  }
  const tw = scan.meta.get('twitter:site');
  if (tw && !tw.startsWith('@')) add(tw, 0.7, 'meta:twitter:site');
  const pub = ld?.publisher;
  const pubName = pub && typeof pub === 'object' && !Array.isArray(pub) ? (pub as JsonLdNode).name : undefined;
  if (typeof pubName === 'string') add(pubName, 0.8, 'jsonld-publisher');

  // The title's segments, last first: the site closes the title on Chinese portals.
  const full = normalizeSpace(title);
  const pieces = titlePieces(full).filter((_, i) => i % 2 === 0).map((p) => p.trim()).filter(Boolean);
  if (pieces.length > 1) {
    const domains: string[] = [];
    for (let i = pieces.length - 1; i >= 1; i--) {
      if (DOMAIN.test(pieces[i])) {
        domains.push(pieces[i]);
        continue;
      }
      const s = siteSegment(pieces[i]);
      if (s && (SITE_TAIL.test(s) || SITE_TAIL.test(pieces[i]))) add(s, 0.72, 'title-tail');
      else if (s && i === pieces.length - 1 && headline && headline.match > 0 && !headline.text.includes(s)) add(s, 0.6, 'title-tail');
      break;
    }
    if (!out.some((c) => c.rule === 'title-tail')) for (const d of domains) add(brandOfDomain(d), 0.52, 'title-tail');
  }
  // What the title holds after the printed headline: "标题 湖南省某某医院".
  if (headline && headline.match > 0 && full.startsWith(headline.text) && full.length > headline.text.length + 1) {
    const rest = full.slice(headline.text.length).replace(/^[\s_|｜\-–—:：·»]+/, '');
    const segs = titlePieces(rest).filter((_, i) => i % 2 === 0).map((p) => p.trim()).filter(Boolean);
    const last = segs[segs.length - 1];
    // A short word there is a channel ("纪检"), not the site.
    if (last && !DOMAIN.test(last) && (SITE_TAIL.test(last) || last.length >= 4) && !out.some((c) => c.rule === 'title-tail')) add(siteSegment(last), SITE_TAIL.test(last) ? 0.68 : 0.6, 'title-rest');
  }

  // A feed the page links to is titled after the site ("新闻中心_新浪网").
  for (const f of scan.feeds.slice(0, 2)) {
    const seg = titlePieces(normalizeSpace(f)).filter((_, i) => i % 2 === 0).pop()?.trim();
    const s = seg && siteSegment(seg);
    if (s && SITE_TAIL.test(s) && s !== normalizeSpace(f)) add(s, 0.5, 'feed-title');
  }

  const copyright = scan.meta.get('copyright');
  const footer = scan.text.slice(-4000);
  for (const text of [copyright ?? '', footer]) {
    const name = copyrightName(text);
    if (name) {
      add(name, 0.58, 'copyright');
      break;
    }
  }

  const author = scan.meta.get('author');
  if (author && !personName(author) && (SITE_TAIL.test(author) || out.some((c) => c.value === author || c.value.startsWith(author)))) {
    add(brandOfDomain(author) ?? author, 0.55, 'meta-author-site');
  }
  return brandFirst(agree(out));
}

function copyrightName(text: string): string | null {
  for (const re of COPYRIGHT) {
    const m = re.exec(text);
    if (!m) continue;
    let name = normalizeSpace(m[1]).replace(/[.\-·&\s]+$/, '');
    if (/^(?:all|rights|reserved|版权|版權|本站|本网|本網)/i.test(name)) continue;
    if (/有限|股份|控股/.test(name)) continue;
    if (COMPANY.test(name)) {
      // "网易公司" is the brand 网易; "某某控股有限公司" names a company, not the site.
      const brand = name.replace(/公司$/, '');
      if (/有限|股份|控股|集团|集團|[A-Za-z]/.test(brand) || brand.length < 2) continue;
      name = brand;
    }
    if (name.length >= 2 && name.length <= 20) return name;
  }
  return null;
}

/** The same name from different rules lends each a little weight. */
function agree(cands: Candidate<string>[]): Candidate<string>[] {
  return cands.map((c) => {
    const n = cands.filter((o) => o !== c && o.rule !== c.rule && o.value === c.value).length;
    return { ...c, score: Math.min(0.98, c.score + 0.05 * Math.min(2, n)) };
  });
}

/** `channel` is a channel of the site `site`: "网易新闻" of "网易", "新浪新闻" of "新浪网". */
function isChannelOf(channel: string, site: string): boolean {
  if (channel.length <= site.length) return false;
  const stem = /[网網]$/.test(site) && !channel.startsWith(site) ? site.slice(0, -1) : site;
  return stem.length >= 2 && channel.startsWith(stem) && CHANNEL.test(channel.slice(stem.length));
}

/** "网易新闻" and "网易" both found: the brand wins over its channel. */
function brandFirst(cands: Candidate<string>[]): Candidate<string>[] {
  const top = Math.max(0, ...cands.map((c) => c.score));
  return cands.map((c) => {
    if (cands.some((o) => isChannelOf(c.value, o.value))) return { ...c, score: Math.min(c.score, 0.4) };
    return cands.some((o) => isChannelOf(o.value, c.value)) ? { ...c, score: Math.max(c.score, Math.min(0.97, top + 0.01)) } : c;
  });
}
