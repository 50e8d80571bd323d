// `npm run eval`: accuracy on real pages, per page and in total (see score.ts).
// `--json` prints one object {pages, totals}; `--why` adds what was got beside the gold for every miss.

import { scoreAll, totals, type PageScore } from './score';

const args = new Set(process.argv.slice(2));
const scores = await scoreAll();
const t = totals(scores);

if (args.has('--json')) {
  process.stdout.write(JSON.stringify({ pages: scores, totals: t }, null, 2) + '\n');
} else {
  const mark = (v: boolean | null) => (v === null ? '·' : v ? '✔' : '✘');
  const rows = scores.map((s) => [
    s.name,
    s.isArticle.gold === s.isArticle.got ? '✔' : s.isArticle.gold ? '✘ missed' : '✘ called article',
    mark(s.titleExact),
    s.date ?? '·',
    s.authorsRight === null ? (s.authorsWrong.length ? `✘ ${s.authorsWrong.join('、')}` : '·') : s.authorsRight ? '✔' : `✘ ${s.authorsWrong.join('、') || 'missing'}`,
    s.goldSiteName && s.isArticle.gold ? (s.siteName === s.goldSiteName ? '✔' : '✘') : '·',
    s.bodyF1 === null ? '·' : s.bodyF1.toFixed(3),
    s.clutter.length ? String(s.clutter.length) : '',
    s.junkSummary.length ? String(s.junkSummary.length) : '',
  ]);
  const head = ['page', 'article', 'title', 'date', 'authors', 'site', 'body F1', 'clutter', 'junk sum.'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(width[i] - [...c].length)).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`
articles detected       ${t.detected}/${t.articles}   list/forum pages right ${t.negativesRight}/${t.negatives}
title exact             ${t.titleExact}/${t.titles}
date right              ${t.dateRight}/${t.datesShown}   wrong ${t.dateWrong}   missing ${t.dateMissing}   shown where the page has none ${t.dateInvented}
authors right           ${t.authorsRight}/${t.withAuthors}   pages with a wrong name ${t.authorsWrongPages}
site name right         ${t.siteNameRight}/${t.siteNames}
body char-F1 (mean)     ${t.bodyF1.toFixed(3)} over ${t.bodies} bodies   pages with boilerplate left ${t.clutterPages}
junk summary sentences  ${t.junkSummary}`);
  if (args.has('--why')) for (const s of scores) why(s);
}

function why(s: PageScore): void {
  const out: string[] = [];
  if (s.titleExact === false) out.push(`title   got ${JSON.stringify(s.title)}\n          want ${JSON.stringify(s.goldTitle)}`);
  if (s.date && s.date !== 'right' && s.date !== 'none') out.push(`date    got ${s.published} want ${s.goldPublished}`);
  if (s.authorsRight === false || s.authorsWrong.length) out.push(`authors got ${JSON.stringify(s.authors)} want ${JSON.stringify(s.goldAuthors)}`);
  if (s.goldSiteName && s.isArticle.gold && s.siteName !== s.goldSiteName) out.push(`site    got ${JSON.stringify(s.siteName)} want ${JSON.stringify(s.goldSiteName)}`);
  if (s.clutter.length) out.push(`clutter ${s.clutter.map((c) => JSON.stringify(c)).join(' ')}`);
  for (const j of s.junkSummary) out.push(`summary ${JSON.stringify(j)}`);
  if (out.length) console.log(`\n${s.name}\n  ${out.join('\n  ')}`);
}
