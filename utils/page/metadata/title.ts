// The headline. Rules, strongest first:
// - headline: the printed line that agrees with <title> / og:title (see headline.ts), as printed;
// - dated-heading: a heading with the date line under it, where no printed line agrees with the
//   page's titles (a <title> such as "新闻动态--学会官网" that names only the section);
// - og:title and <title> without their "_频道_网站" / "- 版块 - 论坛" tails;
// - Readability's own title, last.

import type { Candidate } from './candidates';
import type { Headline } from './headline';
import { normalizeSpace } from './structured';

const SEPARATOR = /\s*(?:[_|｜]|::|\s[-–—@·»]\s|[–—]{1,2}|-{2,})\s*/;
const LEADING_SEPARATOR = /^\s*(?:[_|｜@·»:\-–—]|::)/;
/** A hyphen without spaces ends a title only before a short, site-like tail ("…交通-新华网"). */
const TIGHT_TAIL = /^(.{6,}?)-([^-]{2,20})$/;
export const SITE_TAIL =
  /(?:网|網|报|報|刊|频道|頻道|新闻|新聞|在线|在線|中心|门户|網站|网站|社区|社區|论坛|論壇|电视台|電視台|广播|廣播|通讯社|通訊社|客户端|官网|官網|\.com|\.cn|\.net|\.tw|\.hk|news|blog|online|times|post|daily)$/i;

/** The segments of a title and the separators between them: [part, sep, part, sep, part…]. */
export function titlePieces(title: string): string[] {
  return title.split(new RegExp(`(${SEPARATOR.source})`));
}

/**
 * The headline without the site and channel tail: "标题_科技_腾讯网" → "标题". A heading on the
 * page that the title starts with wins (it knows where the headline ends even when the headline
 * itself has "_" in it); otherwise short, site-like tail segments are dropped.
 */
export function stripTitleTail(rawTitle: string, headings: string[] = [], siteName?: string | null): string {
  const title = normalizeSpace(rawTitle);
  for (const h of headings) {
    if (h.length < title.length && title.startsWith(h) && LEADING_SEPARATOR.test(title.slice(h.length))) return h;
  }
  const pieces = titlePieces(title);
  let end = pieces.length; // exclusive, always at a part
  while (end > 1) {
    const seg = pieces[end - 1].trim();
    const siteLike = SITE_TAIL.test(seg) || seg.length <= 6 || (!!siteName && seg.includes(siteName));
    if (!siteLike || seg.length > 20) break;
    end -= 2;
  }
  let head = pieces.slice(0, end).join('').trim();
  const tight = TIGHT_TAIL.exec(head);
  if (tight && (SITE_TAIL.test(tight[2]) || (!!siteName && tight[2].includes(siteName)))) head = tight[1].trim();
  return head.length >= 2 ? head : title;
}

export interface TitleInputs {
  title: string;
  og: string | null;
  headline: Headline | null;
  siteName: string | null;
  /** Readability's title, when it ran */
  readability?: string | null;
}

export function titleCandidates({ title, og, headline, siteName, readability }: TitleInputs): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const head = headline ? [headline.text] : [];
  if (headline && headline.match >= 0.6) {
    // A line that is the title with a badge beside it stands for the title string it holds.
    out.push({ value: headline.matched ?? headline.text, score: 0.5 + 0.45 * headline.match + (headline.dated ? 0.05 : 0), rule: 'headline' });
  } else if (headline && headline.match === 0 && headline.dated) {
    out.push({ value: headline.text, score: 0.72, rule: 'dated-heading' });
  }
  if (og) {
    const v = stripTitleTail(og, head, siteName);
    if (v.length >= 2) out.push({ value: v, score: 0.68, rule: 'og:title' });
  }
  let whole = false;
  if (title) {
    const v = stripTitleTail(title, head, siteName);
    whole = v === normalizeSpace(title);
    if (v.length >= 2) out.push({ value: v, score: whole ? 0.6 : 0.66, rule: 'title-tag' });
  }
  if (readability) {
    // Readability cuts tails the rules above do not know; trust it over a <title> left whole.
    const v = normalizeSpace(readability);
    out.push({ value: v, score: whole && v.length < normalizeSpace(title).length ? 0.63 : 0.5, rule: 'readability' });
  }
  return out;
}
