// Reading dates: machine values (meta, JSON-LD, URLs) and the ways Chinese pages print them.

const pad = (n: number | string) => String(n).padStart(2, '0');

export function isoFromParts(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, tz?: string | null): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number.isNaN(h) || h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return date;
  return `${date}T${pad(h)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${tz ?? ''}`;
}

const ISO_LIKE =
  /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * A date from metadata as ISO 8601. Keeps the page's own offset; where a Chinese page gives a
 * wall-clock time without one, `defaultTz` (+08:00 for Chinese pages) is applied.
 */
export function parseDate(value: string, defaultTz: string | null = null): string | null {
  const v = value.trim();
  let m = ISO_LIKE.exec(v);
  if (m) {
    let tz = m[7] ?? defaultTz;
    if (tz && tz !== 'Z' && !tz.includes(':')) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return isoFromParts(+m[1], +m[2], +m[3], m[4] === undefined ? undefined : +m[4], +(m[5] ?? 0), +(m[6] ?? 0), tz);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  const cn = findDateInText(v, defaultTz);
  if (cn) return cn.iso;
  const t = Date.parse(v);
  if (!Number.isNaN(t) && /[a-z]{3}/i.test(v)) return new Date(t).toISOString().replace('.000Z', 'Z');
  return null;
}

// 2023-07-27 09:42, 2023年7月27日 09:42, 2023/07/27 9時42分, with an optional label before it.
const VISIBLE_DATE =
  /(?:(发布|發佈|發布|发表|發表|更新|时间|時間|日期|刊登|出版|於|于)[^\d\n]{0,8})?((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?(?:\s*(?:[上下]午)?\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/g;

export interface FoundDate {
  iso: string;
  index: number;
  labelled: boolean;
}

/** First plausible date written in running text; labelled dates (发布时间…) win over bare ones. */
export function findDateInText(text: string, defaultTz: string | null = '+08:00'): FoundDate | null {
  let first: FoundDate | null = null;
  VISIBLE_DATE.lastIndex = 0;
  for (let m; (m = VISIBLE_DATE.exec(text)); ) {
    const hasTime = m[5] !== undefined;
    const iso = isoFromParts(+m[2], +m[3], +m[4], hasTime ? +m[5] : undefined, hasTime ? +m[6] : undefined, hasTime ? +(m[7] ?? 0) : undefined, defaultTz);
    if (!iso) continue;
    const found = { iso, index: m.index, labelled: Boolean(m[1]) };
    if (found.labelled) return found;
    first ??= found;
  }
  return first;
}

/** How a printed date is introduced, read from the text just before it. */
export type DateLabel = 'published' | 'updated' | 'posted' | 'unrelated' | 'other' | null;

export interface PrintedDate {
  iso: string;
  /** where the date starts in the text */
  index: number;
  end: number;
  label: DateLabel;
  /** the year was not printed (given later from another date) or printed with two digits */
  partial?: { month: number; day: number; time: string | null };
}

// Year, month, day, with the ways portals print them: 2005-9-15, 2005年7月16日, 2005.07.16, and
// split across elements as "2019 09/07". The time may follow without a space ("16日08:19").
const PRINTED =
  /(?<!\d)(?<!\d[.:：])((?:19|20)\d{2})(?:\s*[-/.年]\s*|\s+(?=\d{1,2}\s*[/-]))(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?![.:：]\d)\s*[日号號]?(?:\s*(?:[上下]午|T)?\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/g;
// "发布时间：10-08 12:00" (no year) and "发布时间：18-03-08 23:16" (two-digit year): only after a label.
const SHORT =
  /(发布时间|發佈時間|发布日期|发表时间|發表時間|发表于|發表於|时间|時間|日期)\s*[:：]?\s*(?:(\d{2})-)?(\d{1,2})-(\d{1,2})\s*(\d{1,2})[:：](\d{2})(?![\d:])/g;

/** times that are not the article's: a poster's sign-up, a deadline, an event's start */
const UNRELATED = /(?:注册|註冊|登录|登錄|上线|加入|入会|生日|出生|截止|截至|有效期|到期|开始|開始|结束|結束|报名|報名|活动|活動|开奖|開獎|考试|考試)[^\n\d]{0,6}$/;
const UPDATED = /(?:更新|修改|修订|編輯於|编辑于|最后|最後|updated?|modified)[^\n\d]{0,8}$/i;
const PUBLISHED = /(?:发布|發佈|發布|发表|發表|刊发|刊登|出版|上线|時間|时间|日期|published|posted|date)[^\n\d]{0,8}$/i;
const POSTED = /(?:发表于|發表於|发表|發表|于|於|posted|by|由)\s*$/i;

// Only the text before a date labels it: a time followed by 更新 ("06:40更新") is the old portals'
// publication stamp, not an edit.
function labelBefore(text: string, index: number): DateLabel {
  const before = text.slice(Math.max(0, index - 14), index);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (UNRELATED.test(line)) return 'unrelated';
  if (UPDATED.test(line)) return 'updated';
  if (POSTED.test(line)) return 'posted';
  if (PUBLISHED.test(line)) return 'published';
  return line.trim() ? 'other' : null;
}

/** Every date printed in `text`, in order, with the label before each. */
export function printedDates(text: string, defaultTz: string | null = '+08:00'): PrintedDate[] {
  const out: PrintedDate[] = [];
  PRINTED.lastIndex = 0;
  for (let m; (m = PRINTED.exec(text)); ) {
    const hasTime = m[4] !== undefined;
    const iso = isoFromParts(+m[1], +m[2], +m[3], hasTime ? +m[4] : undefined, hasTime ? +m[5] : undefined, hasTime ? +(m[6] ?? 0) : undefined, defaultTz);
    if (iso) out.push({ iso, index: m.index, end: m.index + m[0].length, label: labelBefore(text, m.index) });
  }
  SHORT.lastIndex = 0;
  for (let m; (m = SHORT.exec(text)); ) {
    const at = m.index + m[1].length;
    if (out.some((d) => d.index <= at + 4 && d.end > at)) continue;
    const month = +m[3];
    const day = +m[4];
    const time = `${pad(m[5])}:${m[6]}`;
    if (month < 1 || month > 12 || day < 1 || day > 31 || +m[5] > 23 || +m[6] > 59) continue;
    const y = m[2] ? 2000 + +m[2] : 0;
    const iso = y ? isoFromParts(y, month, day, +m[5], +m[6], 0, defaultTz) : '';
    if (iso === null) continue;
    out.push({ iso, index: at, end: m.index + m[0].length, label: 'published', partial: { month, day, time } });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** 昨天, 3小时前, 刚刚: the page shows when, but not as a date. */
export const RELATIVE_DATE = /(?:^|[\s|·])(?:昨天|前天|今天|刚刚|剛剛|\d{1,2}\s*(?:分钟|分鐘|小时|小時|天)前)(?:\s|$|\d)/;

/** A date in the page's address: /2005-03-21/, /2005/07/31/, /20170417/, t20170417_, /201704/17/. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[-/_](\d{1,2})[-/_](\d{1,2})(?=[/_.-]|$)/.exec(path) ??
    /(?:^|[/_t])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(\d{2})\/(\d{2})\//.exec(path);
  return m ? isoFromParts(+m[1], +m[2], +m[3]) : null;
}
