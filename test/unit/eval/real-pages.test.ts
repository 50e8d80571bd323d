// The floors reached on real pages (`npm run eval`): accuracy may only go up. Raise a floor when a
// change reaches a better figure; never lower one to let a change through.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreAll, totals, type PageScore, type Totals } from '../../../scripts/eval/score';

let scores: PageScore[];
let t: Totals;

beforeAll(async () => {
  scores = await scoreAll();
  t = totals(scores);
}, 600_000);

describe('real news pages (../shared/corpus/news-pages, gold.jsonl)', () => {
  it('articles are detected and list/forum pages are not', () => {
    expect(t.detected).toBeGreaterThanOrEqual(60);
    expect(t.negativesRight).toBe(t.negatives);
  });

  it('headlines', () => {
    expect(t.titleExact).toBeGreaterThanOrEqual(60);
  });

  it('publication dates: right where shown, never invented', () => {
    expect(t.dateRight).toBeGreaterThanOrEqual(57);
    expect(t.dateWrong).toBeLessThanOrEqual(0);
    expect(t.dateInvented).toBe(0);
  });

  it('writers', () => {
    expect(t.authorsRight).toBeGreaterThanOrEqual(20);
    expect(t.authorsWrongPages).toBeLessThanOrEqual(0);
  });

  it('site names', () => {
    expect(t.siteNameRight).toBeGreaterThanOrEqual(44);
  });

  it('body text', () => {
    expect(t.bodyF1).toBeGreaterThanOrEqual(0.99);
    expect(t.clutterPages).toBeLessThanOrEqual(5);
  });

  it('summaries: sentences of the article, not teasers, datelines, credits or headlines', () => {
    expect(t.junkSummary).toBeLessThanOrEqual(1);
  });
});

describe('Chinese Readability test pages', () => {
  it('are articles, with the body Readability expects', () => {
    for (const s of scores.filter((x) => x.name.startsWith('readability/'))) {
      expect(s.isArticle.got, s.name).toBe(true);
      expect(s.bodyF1, s.name).toBeGreaterThanOrEqual(0.95);
    }
  });
});
