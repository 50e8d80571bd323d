import { describe, expect, it } from 'vitest';
import { readingsOf } from '../../../utils/readings/annotate';
import { inlineReadings, rubyReadings } from '../../../utils/readings/format';
import { readingScript } from '../../../utils/readings/systems';
import { zhuyinOf } from '../../../utils/readings/zhuyin';
import { traditionalToSimplifiedChars } from '../../../utils/script/convert';

const fold = traditionalToSimplifiedChars();

describe('readings', () => {
  it('reads polyphones by their word: 银行 háng, 行长 zhǎng, 重新 chóng, 重要 zhòng', () => {
    expect(inlineReadings('银行行长说重要的事情要重新考虑', 'pinyin')).toBe(
      '银(yín)行(háng)行(háng)长(zhǎng)说(shuō)重(zhòng)要(yào)的(de)事(shì)情(qíng)要(yào)重(chóng)新(xīn)考(kǎo)虑(lǜ)',
    );
    expect(inlineReadings('长大了', 'pinyin')).toBe('长(zhǎng)大(dà)了(le)');
    expect(inlineReadings('很长的路', 'pinyin')).toBe('很(hěn)长(cháng)的(de)路(lù)');
  });

  it('reads Traditional text through its Simplified shadow, offsets unchanged', () => {
    expect(inlineReadings('銀行行長說', 'pinyin', fold)).toBe('銀(yín)行(háng)行(háng)長(zhǎng)說(shuō)');
    const r = readingsOf('銀行A1，行長', 'pinyin', fold);
    expect(r).toEqual(['yín', 'háng', null, null, null, 'háng', 'zhǎng']);
  });

  it('gives only Han characters a reading, one per UTF-16 unit of the input', () => {
    const text = 'AI 模型𠀀好。';
    const r = readingsOf(text, 'pinyin');
    expect(r.length).toBe(text.length);
    expect(r.slice(0, 3)).toEqual([null, null, null]);
    expect(r[3]).toBe('mó');
    expect(r[4]).toBe('xíng');
    expect(r[text.indexOf('好')]).toBe('hǎo');
    expect(r[text.indexOf('。')]).toBeNull();
  });

  it('writes zhuyin with tone marks and the neutral dot first, as Taiwan prints it', () => {
    expect(inlineReadings('我們的學校', 'zhuyin', fold)).toBe('我(ㄨㄛˇ)們(ㄇㄣ˙)的(˙ㄉㄜ)學(ㄒㄩㄝˊ)校(ㄒㄧㄠˋ)'.replace('ㄇㄣ˙', '˙ㄇㄣ'));
    expect(zhuyinOf('zhī')).toBe('ㄓ');
    expect(zhuyinOf('lǜ')).toBe('ㄌㄩˋ');
    expect(zhuyinOf('hm')).toBeNull();
  });

  it('reads Cantonese in jyutping, spaces and Latin left alone', () => {
    expect(inlineReadings('我哋 去食飯 OK', 'jyutping')).toBe('我(ngo5)哋(dei6) 去(heoi3)食(sik6)飯(faan6) OK');
  });

  it('writes ruby HTML with the text escaped', () => {
    expect(rubyReadings('<b>好</b>', 'pinyin')).toBe('&lt;b&gt;<ruby>好<rp>(</rp><rt>hǎo</rt><rp>)</rp></ruby>&lt;/b&gt;');
  });

  it('chooses the script a reading is for', () => {
    expect(readingScript('taiwan', 'simplified', 'zh-CN')).toBe('taiwan');
    expect(readingScript('original', 'traditional', 'zh-HK')).toBe('hongkong');
    expect(readingScript('original', 'traditional', 'zh-Hant-TW')).toBe('taiwan');
    expect(readingScript('original', 'simplified', null)).toBe('simplified');
  });
});
