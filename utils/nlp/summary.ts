// Extractive summary: TextRank over sentences with a CJK-aware similarity (shared character
// bigrams and Latin words, normalized by sentence length), nudged toward the lead, 3–5 sentences
// shown in article order. Runs on the article's paragraphs; points back at their place.

import { splitSentences } from './sentences';

export interface SummarySentence {
  text: string;
  /** paragraph index (paragraphs are the article text's blank-line-separated blocks) */
  paragraph: number;
  /** offset of the sentence in its paragraph */
  start: number;
}

interface Candidate extends SummarySentence {
  grams: Set<string>;
}

const MAX_CANDIDATES = 400;
const SKIP = /^(?:图为|图片来源|圖為|圖片來源|责任编辑|責任編輯|来源[:：]|來源[:：]|原标题|原標題|编辑[:：]|編輯[:：]|记者[:：]|（?本文|点击|點擊|扫码|掃碼|关注|關注)|https?:\/\//;

function grams(s: string): Set<string> {
  const g = new Set<string>();
  const han = s.replace(/[^\u3400-\u9fff]/g, '');
  for (let i = 0; i + 1 < han.length; i++) g.add(han.slice(i, i + 2));
  for (const w of s.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) g.add(w);
  return g;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let common = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (Math.log(a.size) + Math.log(b.size));
}

/** 3–5 key sentences (fewer for short texts), in article order. */
export function summarize(text: string, max = 5): SummarySentence[] {
  const paragraphs = text.split(/\n{2,}/);
  const cands: Candidate[] = [];
  // TextRank is quadratic: on a book-length page, rank the first MAX_CANDIDATES sentences (news
  // puts what matters first).
  for (let paragraph = 0; paragraph < paragraphs.length && cands.length < MAX_CANDIDATES; paragraph++) {
    for (const s of splitSentences(paragraphs[paragraph])) {
      const len = s.text.length;
      if (len < 12 || len > 160 || SKIP.test(s.text)) continue;
      cands.push({ text: s.text, paragraph, start: s.start, grams: grams(s.text) });
    }
  }
  if (!cands.length) return [];
  const n = cands.length;
  const want = Math.max(1, Math.min(max, n, Math.max(3, Math.round(n / 8))));
  // Weighted PageRank over the similarity graph.
  const w: number[][] = cands.map(() => new Array<number>(n).fill(0));
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = similarity(cands[i].grams, cands[j].grams);
      w[i][j] = w[j][i] = s;
      out[i] += s;
      out[j] += s;
    }
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 40; iter++) {
    const next = new Array<number>(n).fill((1 - 0.85) / n);
    for (let j = 0; j < n; j++) {
      if (!out[j]) continue;
      const share = (0.85 * rank[j]) / out[j];
      for (let i = 0; i < n; i++) if (w[i][j]) next[i] += w[i][j] * share;
    }
    rank = next;
  }
  // News puts the point first: the lead paragraphs get a boost that fades.
  const firstPara = cands[0].paragraph;
  const score = cands.map((c, i) => rank[i] * (1 + 0.6 / (1 + (c.paragraph - firstPara))) * (i === 0 ? 1.3 : 1));
  const order = cands.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  const chosen: number[] = [];
  for (const i of order) {
    if (chosen.length >= want) break;
    if (chosen.some((j) => similarity(cands[i].grams, cands[j].grams) > 0.9)) continue; // near-duplicates
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b).map((i) => ({ text: cands[i].text, paragraph: cands[i].paragraph, start: cands[i].start }));
}
