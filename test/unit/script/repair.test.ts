import { describe, expect, it } from 'vitest';
import { pinyinReadings } from '../../../utils/script/readings';
import { countAnnotations, looksAnnotated, repairAnnotations } from '../../../utils/script/repair';
import { restoreCharacter } from '../../../utils/script/restore';
import { fixtureHtml, parse } from '../../helpers/corpus';

const repair = (texts: string[], minHits?: number) => repairAnnotations(texts, pinyinReadings, minHits);

describe('pinyin annotation repair', () => {
  it('removes the converter’s readings on a machine-converted page and keeps real parentheses', () => {
    const { doc } = parse(fixtureHtml('article-pinyin-annotated.html'));
    const paragraphs = [...doc.querySelectorAll('.TRS_Editor p')].map((p) => p.textContent ?? '');
    const text = paragraphs.join('\n');
    expect(countAnnotations(text, pinyinReadings)).toBeGreaterThanOrEqual(20);
    const { texts, removed } = repair(paragraphs);
    const out = texts.join('\n');
    expect(removed).toBe(countAnnotations(text, pinyinReadings));
    expect(out).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    for (const kept of ['(AI)', '(2023)', '(微博)', '（記者 王明）']) if (text.includes(kept)) expect(out).toContain(kept);
    expect(text).toContain('(AI)');
    expect(out).toMatch(/發布|網絡|進一步/);
  });

  it.each([
    ['發(fā)布會', '發布會'],
    ['網(wǎng)絡', '網絡'],
    ['長(zhǎng)江', '長江'],
    ['長(cháng)城', '長城'],
    ['進（jìn）一步', '進一步'],
  ])('%s → %s', (input, output) => {
    expect(repair([input, '發(fā)展', '經(jīng)濟'], 1).texts[0]).toBe(output);
  });

  it('keeps an annotation whose syllable is not a reading of the character', () => {
    expect(repair(['這是錯(fā)的標註', '發(fā)展', '經(jīng)濟', '網(wǎng)絡']).texts[0]).toBe('這是錯(fā)的標註');
  });

  it('leaves a page with only one or two deliberate annotations alone', () => {
    const texts = ['這個字讀作龘(dá)，意思是龍騰飛的樣子。', '今天天氣很好。'];
    expect(repair(texts)).toEqual({ texts, removed: 0 });
  });

  it('ignores parentheses without tone-marked pinyin', () => {
    expect(looksAnnotated('人工智能(AI)在2023(2023)年與微博(微博)合作 (abc)')).toBe(0);
    expect(repair(['人工智能(AI)', '微博(weibo)', '年(nian)'], 1).removed).toBe(0);
  });
});

describe('a Latin letter with a reading where a character was (F(xiàn)在)', () => {
  const repairAll = (texts: string[]) => repairAnnotations(texts, pinyinReadings, 1, restoreCharacter);

  it('puts the character back where its neighbours make it clear, in the script of the text', () => {
    const { doc } = parse(fixtureHtml('article-pinyin-latin-leaks.html'));
    const paragraphs = [...doc.querySelectorAll('.article p')].map((p) => p.textContent ?? '');
    const { texts, removed } = repairAll(paragraphs);
    const out = texts.join('\n');
    expect(out).toContain('現在已有多家科技企業');
    expect(out).toContain('表現，而不是');
    expect(out).toContain('實現落地');
    expect(out).toContain('Facebook母公司Meta');
    expect(out).not.toMatch(/[A-Za-z\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]/);
    expect(removed).toBe(countAnnotations(paragraphs.join('\n'), pinyinReadings));
    expect(repairAll(['F(xiàn)在的情况', '发(fā)展', '经(jīng)济']).texts[0]).toBe('现在的情况');
  });

  it('keeps the letter of a Latin word and drops only its annotation', () => {
    expect(repairAll(['F(xiàn)acebook和G(gǔ)oogle', '發(fā)展', '經(jīng)濟']).texts[0]).toBe('Facebook和Google');
  });

  it('leaves a letter alone when no single character is clear, and real brackets always', () => {
    expect(repairAll(['代號X(xī)', '發(fā)展', '經(jīng)濟']).texts[0]).toBe('代號X(xī)');
    expect(repairAll(['B(2023)年', 'iPhone(AI)', '發(fā)展']).texts.slice(0, 2)).toEqual(['B(2023)年', 'iPhone(AI)']);
  });
});
