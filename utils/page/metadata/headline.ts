// Where the headline is printed on the page. Dates and bylines are read around it, and it is the
// title as printed. Portals put it in an h1 as often as in an h2–h5, a td, a <b> or a
// div.title, and some have an h1 that is only the logo or a sidebar box, so the headline is the
// line that best agrees with what the page calls itself (<title>, og:title, JSON-LD) and looks
// like one: a heading or title-classed element, with the date line under it.

import { printedDates, RELATIVE_DATE } from './dates';
import type { PageScan } from './scan';
import { normalizeSpace } from './structured';

export interface Headline {
  /** the line as printed */
  text: string;
  start: number;
  end: number;
  /** how far the line agrees with the page's own titles, 0..1 */
  match: number;
  /** the title string the line matched, when it is the line with a badge or a prefix around it */
  matched: string | null;
  score: number;
  /** a date (or 昨天-style relative date) is printed right under it */
  dated: boolean;
}

const BOUNDARY = /[\s_|｜\-–—:：·•»@/\\\]\[【】()（）<>《》]/;
const TAG_BONUS: Record<string, number> = { h1: 1, h2: 0.8, h3: 0.6, h4: 0.6, h5: 0.6, h6: 0.5 };
const TITLED_BONUS = 0.5;
const MIN = 4;
const BREADCRUMB = /^(?:首页|首頁|主页|主頁|当前位置|當前位置|您的位置|你的位置|您现在的位置|位置)|\s[>›»]\s/;
const MAX = 200;
/** how far under a headline its date line may be */
export const DATE_REACH = 260;

const atBoundary = (s: string, i: number) => i <= 0 || i >= s.length || BOUNDARY.test(s[i - 1]) || BOUNDARY.test(s[i]);

/** How well a printed line matches a title string, 0..1, and the part of the title it stands for. */
export function titleMatch(line: string, title: string): { match: number; matched: string | null } {
  if (!title || line.length < MIN) return { match: 0, matched: null };
  if (line === title) return { match: 1, matched: null };
  // The line is the title with a badge or a label beside it ("原创", "【独家】", "标题：").
  if (title.length >= 6 && line.length <= title.length + 4 && (line.startsWith(title) || line.endsWith(title))) return { match: 0.95, matched: title };
  const part = segmentMatch(line, title);
  if (part) return { match: part, matched: null };
  // A label before a part of the title: "标题：帖子标题" on a forum whose <title> adds "- 版块 - 论坛".
  const label = /^(.{1,4}?[:：]\s*)(.+)$/.exec(line);
  const inner = label && segmentMatch(label[2], title);
  return inner ? { match: inner, matched: label![2] } : { match: 0, matched: null };
}

/** A part of the title between separators: the headline without "_频道_网站", or a post title beside the blog's name. */
function segmentMatch(line: string, title: string): number {
  const i = title.indexOf(line);
  if (i < 0 || !atBoundary(title, i) || !atBoundary(title, i + line.length)) return 0;
  // Short parts (a channel, a site name) count for little.
  const cover = line.length / title.length;
  if (line.length < 6 && cover < 0.5) return 0;
  return (i === 0 ? 0.45 : 0.4) + 0.5 * cover;
}

/** The lines of the page that may be its headline, best first. */
export function locateHeadline(scan: PageScan, titles: string[]): Headline | null {
  // A title of a few characters is the site's name ("某某网"), which its logo repeats: no guide.
  const wanted = [...new Set(titles.map(normalizeSpace).filter((t) => t.length >= 7))];
  // Tag bonus of the line a heading or title-classed element starts with.
  const bonus = new Map<number, number>();
  const linked = new Set<number>();
  for (const m of scan.marks) {
    const raw = scan.text.slice(m.start, m.end);
    const lead = raw.length - raw.trimStart().length;
    const at = m.start + lead;
    const b = TAG_BONUS[m.tag] ?? TITLED_BONUS;
    if (b > (bonus.get(at) ?? 0)) bonus.set(at, b);
    if (m.inLink) linked.add(at);
  }
  let best: Headline | null = null;
  const text = scan.text;
  for (let i = 0; i < text.length; ) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const raw = text.slice(i, j);
    const from = i;
    i = j + 1;
    const line = raw.trim();
    if (line.length < MIN || line.length > MAX) continue;
    const start = from + raw.indexOf(line[0]);
    const tag = bonus.get(start) ?? 0;
    let match = 0;
    let matched: string | null = null;
    for (const t of wanted) {
      const r = titleMatch(normalizeSpace(line), t);
      if (r.match > match) ({ match, matched } = r);
    }
    if (!match && !tag) continue;
    const end = start + line.length;
    const gap = dateGap(text, end);
    const dated = gap >= 0;
    // A heading that agrees with no title is a headline only with its date line right under it,
    // and never a breadcrumb ("首页 - 新闻动态", "当前位置：…").
    if (!match && (!dated || BREADCRUMB.test(line))) continue;
    // The nearer the date line, the likelier this is its headline.
    let score = 3 * match + tag + (dated ? 1 - (0.5 * gap) / DATE_REACH : 0) - (linked.has(start) ? 0.6 : 0);
    if (!match) score -= 0.5;
    if (!best || score > best.score) best = { text: normalizeSpace(line), start, end, match, matched, score, dated };
  }
  return best;
}

/** How far under `end` a date (or a 昨天-style relative date) is printed, or -1. */
function dateGap(text: string, end: number): number {
  const below = text.slice(end, end + DATE_REACH).split('\n', 6).join('\n');
  const rel = RELATIVE_DATE.exec(below.slice(0, 120));
  const d = printedDates(below.slice(0, 200)).find((x) => !x.partial || x.label === 'published');
  const at = Math.min(rel ? rel.index : Infinity, d ? d.index : Infinity);
  return at === Infinity ? -1 : at;
}
