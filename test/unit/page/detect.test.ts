import { describe, expect, it } from 'vitest';
import { detectArticle, detectArticleSteps, readPageSteps } from '../../../utils/page/detect';
import { corpusHtml, corpusPages, fixtureHtml, fixtureNames, parse } from '../../helpers/corpus';

describe('detectArticle on the corpus (every page is an article)', () => {
  it.each(corpusPages())('%s is an article', (name) => {
    const { doc } = parse(corpusHtml(name));
    const v = detectArticle(doc);
    expect(v.isArticle, v.reasons.join('; ')).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(50);
  });
});

describe('detectArticle on written fixtures', () => {
  const positives = fixtureNames('article-');
  const negatives = fixtureNames('not-');

  it('has realistic fixtures of both kinds', () => {
    expect(positives.length).toBeGreaterThanOrEqual(6);
    expect(negatives.length).toBeGreaterThanOrEqual(10);
  });

  it.each(positives)('%s is an article', (name) => {
    const v = detectArticle(parse(fixtureHtml(name), `https://news.example.cn/a/2023/${name}`).doc);
    expect(v.isArticle, v.reasons.join('; ')).toBe(true);
  });

  it.each(negatives)('%s is not an article', (name) => {
    const v = detectArticle(parse(fixtureHtml(name), `https://www.example.cn/${name}`).doc);
    expect(v.isArticle, `score ${v.score}: ${v.reasons.join('; ')}`).toBe(false);
  });
});

describe('detectArticle on bad input', () => {
  it('says no to a frameset', () => {
    const v = detectArticle(parse('<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>').doc);
    expect(v).toMatchObject({ isArticle: false });
    expect(v.reasons[0]).toMatch(/frameset/);
  });

  it('says no to an empty page and a page without text', () => {
    expect(detectArticle(parse('').doc).isArticle).toBe(false);
    const v = detectArticle(parse('<html><body><div><img src="a.png"></div></body></html>').doc);
    expect(v.isArticle).toBe(false);
    expect(v.reasons.join()).toMatch(/no paragraphs/);
  });

  it('reads the link density of a container above <body> from the whole page', () => {
    // A <body> classed like furniture loses to <html> as the container of paragraphs placed right in it.
    const p = '<p>这是一段很长的新闻正文，讲述了一件事情的来龙去脉。记者在现场看到，许多人围在一起讨论。</p>';
    const { doc } = parse(`<html><body class="has-sidebar">${p.repeat(16)}<a href="/more">相关新闻</a></body></html>`);
    const steps = readPageSteps(doc, 'https://news.example.cn/a/1.html');
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value.container).toBe(doc.documentElement);
    expect(r.value.verdict.reasons.join('; ')).not.toMatch(/link-heavy/);
    expect(r.value.verdict.isArticle).toBe(true);
  });

  it('gives the same verdict in slices as in one go', () => {
    const { doc } = parse(corpusHtml('qq'));
    const steps = detectArticleSteps(doc);
    let slices = 0;
    let r = steps.next();
    while (!r.done) {
      slices++;
      r = steps.next();
    }
    expect(slices).toBeGreaterThan(0);
    expect(r.value).toEqual(detectArticle(parse(corpusHtml('qq')).doc));
  });
});
