// 导读 / 導讀 / 摘要 boxes above the story: the lead again, often cut off with "...". The story that
// follows says it in full, so the box goes, and with it any line that is a cut-off copy of a later one.

import { isProse } from './zones';
import type { LineContext, LineRule } from './zones';

const LABEL = /^[【\[［（(]?\s*(?:本文)?(?:导读|導讀|摘要|内容提要|內容提要|提要|导语|導語|核心提示|内容摘要|內容摘要)\s*[】\]］）)]?\s*[:：]?\s*/;
const CUT = /(?:\.{3,}|…+|。。。)\s*[)）\]】]?$/;

const bare = (s: string) => s.replace(LABEL, '').replace(CUT, '').replace(/[\s\p{P}]+/gu, '');

/** No paragraph of prose comes before the line. */
const first = (ctx: LineContext) => !ctx.lines.slice(0, ctx.i).some(isProse);

/** The line, without its label and its "...", is in a later line. */
function repeatedLater(ctx: LineContext): boolean {
  const t = bare(ctx.lines[ctx.i].text);
  if (t.length < 12) return false;
  const probe = t.slice(0, Math.min(t.length, 40));
  return ctx.lines.slice(ctx.i + 1).some((l) => bare(l.text).includes(probe));
}

export const teaserRules: LineRule[] = [
  {
    kind: 'teaser box',
    where: 'anywhere',
    test: (l, ctx) => {
      if (!LABEL.test(l.text)) return false;
      const rest = l.text.replace(LABEL, '');
      // The label alone on its line, with the teaser on the next: both go (the next is a cut copy).
      if (!rest) return first(ctx) && !!ctx.lines[ctx.i + 1] && (CUT.test(ctx.lines[ctx.i + 1].text) || repeatedLater({ ...ctx, i: ctx.i + 1 }));
      return first(ctx) || CUT.test(l.text) || repeatedLater(ctx);
    },
  },
  {
    kind: 'cut-off copy',
    where: 'anywhere',
    test: (l, ctx) => CUT.test(l.text) && repeatedLater(ctx),
  },
  {
    kind: 'teaser after its label',
    where: 'anywhere',
    test: (_, ctx) => {
      const prev = ctx.lines[ctx.i - 1];
      return !!prev && LABEL.test(prev.text) && prev.text.replace(LABEL, '') === '' && (CUT.test(ctx.lines[ctx.i].text) || repeatedLater(ctx)) && !ctx.lines.slice(0, ctx.i - 1).some(isProse);
    },
  },
];
