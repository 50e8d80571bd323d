// The publication date. Rules, strongest first:
// - headline-date: the date line printed under the headline (发布时间：…, 2005-04-05 06:40更新,
//   "2019 / 09/07 19:02" split across elements), the year taken from another date when the line
//   prints none ("发布时间：10-08 12:00");
// - jsonld, meta:<key>, time, hidden-input (<input type=hidden name=pubtime>), comment
//   (<!--enpproperty <date>…-->, <!-- published at … -->): what the page declares;
// - above-headline: an e-paper date or a title bar printed just above the headline;
// - labelled-line: the first short "发表于 …" / "本贴由X于…" / "发布时间：…" line anywhere (forum
//   and blog headers and footers, pages whose headline was not found);
// - script: a date assigned in an inline script (JSignDate=escape('2005-07-18 13:03:17'));
// - url: /2005-03-21/, /2005/07/31/, t20170417_.
// Dates from other rules that agree on the day lend each other weight. A page that prints only
// "昨天" under its headline gets no date from scripts, the address or stray labels.

import type { Candidate } from './candidates';
import { dateInUrl, isoFromParts, parseDate, printedDates, RELATIVE_DATE, type PrintedDate } from './dates';
import { DATE_REACH, type Headline } from './headline';
import { linesIn, type PageScan } from './scan';
import type { JsonLdNode } from './structured';

export const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'publish_date',
  'publication_date',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'og:release_date',
  'weibo:article:create_at',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dateupdate', 'datemodified', 'lastmodified'];

const INPUT_NAME = /^(?:pub(?:lish)?_?(?:time|date)|pubdate|publishdate|posttime|post_?date|createtime|releasetime|newsdate|articledate)=/i;
const COMMENT_DATE = /(?:<date>|publish(?:ed)?(?:\s*(?:at|on|time|date))?\s*[:=]?)\s*((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)/i;
const SCRIPT_DATE =
  /([A-Za-z_$][\w$]{0,30})["']?\s*[:=]\s*(?:escape\()?\s*["']((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)["']/g;
/** the variable holds a publication date: its name says date or time, and not some other time */
const SCRIPT_NAME = /^(?:(?:pub(?:lish)?|post|sign|release|create|article|news)[_-]?(?:ed)?[_-]?(?:date|time)\w*|(?:pub)?date)$/i;
const SCRIPT_NOT_PUBLISHED = /now|server|current|update|modif|expire|start|end|today|cache|build|last/i;
const TODAY = /今天是|今日是|今天|今日：|现在是|現在是|农历|農曆|天气|天氣/;
/** a "label date" line short enough to be a header or footer line, not prose */
const SHORT_LINE = 90;

export interface DateInputs {
  scan: PageScan;
  headline: Headline | null;
  ld?: JsonLdNode;
  url: string;
  defaultTz: string | null;
}

export function dateCandidates({ scan, headline, ld, url, defaultTz }: DateInputs): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const partial: PrintedDate[] = [];
  let relative = false;

  if (headline) {
    const below = scan.text.slice(headline.end, headline.end + DATE_REACH);
    const dates = printedDates(below, defaultTz);
    const rel = RELATIVE_DATE.exec(below);
    relative = !!rel && (dates.length === 0 || rel.index < dates[0].index);
    // The headline's own line may end in its date ("标题 2005-04-05"); then the window starts there.
    const anchor = headline.match > 0 ? 0.9 : 0.82;
    let rank = 0;
    for (const d of dates) {
      if (d.partial && !d.iso) {
        partial.push(d);
        continue;
      }
      if (d.label === 'updated' || d.label === 'unrelated') continue;
      // A date inside a sentence is when something happened, not when the page was published.
      if (inProse(below, d)) continue;
      const near = d.index < 120 ? 0 : 0.1;
      out.push({ value: d.iso, score: anchor - near - 0.2 * rank, rule: 'headline-date' });
      rank++;
      if (rank > 2) break;
    }
    const above = linesIn(scan.text, headline.start - 160, headline.start).slice(-3);
    for (const { line } of above) {
      // A bar with today's date ("今天是2005年7月31日 星期日") is when the page was opened.
      if (line.length > SHORT_LINE || TODAY.test(line)) continue;
      for (const d of printedDates(line, defaultTz)) if (!d.partial && d.label !== 'updated' && d.label !== 'unrelated') out.push({ value: d.iso, score: 0.68, rule: 'above-headline' });
    }
    // An element named for the date (id="paperdate", class="time") near the headline: an
    // e-paper's issue date above it, a date box beside it.
    let nearest: { iso: string; gap: number } | null = null;
    for (const [from, to] of scan.dateSpans) {
      const gap = from >= headline.end ? from - headline.end : headline.start - to;
      if (gap < -1 || gap > (from >= headline.end ? 600 : 1500) || (nearest && gap >= nearest.gap)) continue;
      const text = scan.text.slice(from, to);
      if (TODAY.test(text)) continue;
      const d = printedDates(text, defaultTz).find((x) => !x.partial && x.label !== 'updated' && x.label !== 'unrelated');
      if (d) nearest = { iso: d.iso, gap };
    }
    if (nearest) out.push({ value: nearest.iso, score: 0.7, rule: 'date-element' });
  }

  const ldDate = ld?.datePublished ?? ld?.dateCreated;
  if (typeof ldDate === 'string') push(out, parseDate(ldDate, defaultTz), 0.85, 'jsonld');
  for (const key of PUBLISHED_META) {
    const v = scan.meta.get(key);
    if (v && push(out, parseDate(v, defaultTz), 0.8, `meta:${key}`)) break;
  }
  for (const key of MODIFIED_META) {
    const v = scan.meta.get(key);
    // A modified time is the publication time only where nothing else says otherwise.
    if (v && push(out, parseDate(v, defaultTz), 0.52, `meta:${key}`)) break;
  }
  for (const t of scan.times.slice(0, 1)) push(out, parseDate(t.value, defaultTz), 0.75, 'time');
  for (const i of scan.inputs) {
    if (!INPUT_NAME.test(i.value)) continue;
    if (push(out, parseDate(i.value.slice(i.value.indexOf('=') + 1), defaultTz), 0.75, 'hidden-input')) break;
  }
  for (const c of scan.comments) {
    const m = COMMENT_DATE.exec(c.value);
    if (m && push(out, parseDate(m[1], defaultTz), 0.75, 'comment')) break;
  }

  if (!relative) {
    const strong = out.some((c) => c.score >= 0.75);
    if (!strong) {
      const labelled = firstLabelledLine(scan.text, defaultTz);
      if (labelled) out.push({ value: labelled, score: 0.62, rule: 'labelled-line' });
    }
    const fromScript = scriptDate(scan, defaultTz);
    if (fromScript) out.push({ value: fromScript, score: 0.58, rule: 'script' });
    const fromUrl = dateInUrl(url);
    if (fromUrl) out.push({ value: fromUrl, score: 0.6, rule: 'url' });
  }

  // A date line without a year ("发布时间：10-08 12:00") takes it from a date that has the same
  // month and day; it is then the page's printed time.
  for (const p of partial) {
    const full = out.find((c) => {
      const m = /^\d{4}-(\d{2})-(\d{2})/.exec(c.value);
      return m && +m[1] === p.partial!.month && +m[2] === p.partial!.day;
    });
    if (!full || !p.partial?.time) continue;
    const [h, mi] = p.partial.time.split(':').map(Number);
    const iso = isoFromParts(+full.value.slice(0, 4), p.partial.month, p.partial.day, h, mi, 0, defaultTz);
    if (iso) out.push({ value: iso, score: 0.88, rule: 'headline-date+year' });
  }
  return agree(out);
}

/** The date opens or sits in a sentence ("2019年2月27日下午，街道一行…"): when something happened. */
function inProse(text: string, d: PrintedDate): boolean {
  const start = text.lastIndexOf('\n', d.index) + 1;
  let end = text.indexOf('\n', d.end);
  if (end < 0) end = text.length;
  const before = text.slice(start, d.index).trim();
  const after = text.slice(d.end, end);
  if (/[:：]$/.test(before)) return false;
  return /[，。；！？]/.test(after) && (after.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 15;
}

function push(out: Candidate<string>[], iso: string | null, score: number, rule: string): boolean {
  if (!iso) return false;
  out.push({ value: iso, score, rule });
  return true;
}

/** Candidates from different rules that agree on the day gain a little each (at most 0.1). */
function agree(cands: Candidate<string>[]): Candidate<string>[] {
  return cands.map((c) => {
    const day = c.value.slice(0, 10);
    const rules = new Set(cands.filter((o) => o !== c && o.rule !== c.rule && o.value.slice(0, 10) === day).map((o) => o.rule));
    return { ...c, score: Math.min(0.99, c.score + 0.05 * Math.min(2, rules.size)) };
  });
}

/** The first short line anywhere that labels a date as posted or published. */
function firstLabelledLine(text: string, defaultTz: string | null): string | null {
  const re = /发表于|發表於|发表时间|發表時間|发布时间|發佈時間|發布時間|发布日期|發佈日期|本[贴帖]由|posted|published/gi;
  for (let m; (m = re.exec(text)); ) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > SHORT_LINE) continue;
    const line = text.slice(lineStart, lineEnd);
    const d = printedDates(line, defaultTz).find((x) => !x.partial && x.index >= m!.index - lineStart);
    if (d) return d.iso;
  }
  return null;
}

function scriptDate(scan: PageScan, defaultTz: string | null): string | null {
  for (const s of scan.scripts) {
    SCRIPT_DATE.lastIndex = 0;
    for (let m; (m = SCRIPT_DATE.exec(s.value)); ) {
      const name = m[1].replace(/^j(?=sign)/i, '');
      if (!SCRIPT_NAME.test(name) || SCRIPT_NOT_PUBLISHED.test(name)) continue;
      const iso = parseDate(m[2], defaultTz);
      if (iso) return iso;
    }
  }
  return null;
}
