import { describe, expect, it } from 'vitest';
import { declaredVariant, prepareConverter, needsConversion } from '../../../utils/script/convert';
import { detectScript } from '../../../utils/script/detect';
import { CORRECTIONS } from '../../../utils/script/phrases';
import { pairFor } from '../../../utils/script/targets';
import { corpusHtml, parse } from '../../helpers/corpus';

const textOf = (name: string) => parse(corpusHtml(name)).doc.body.textContent ?? '';

describe('detectScript', () => {
  it('reads the script from the characters of real pages, not from lang', () => {
    expect(detectScript(textOf('gmw'))).toBe('simplified');
    expect(detectScript(textOf('qq'))).toBe('simplified');
    expect(detectScript(textOf('pixnet'))).toBe('traditional');
  });
  it('says mixed, none and ignores shared characters', () => {
    expect(detectScript('我们在这里讨论這個問題，兩岸的說法不同，这个词那个词')).toBe('mixed');
    expect(detectScript('Hello world, 123')).toBe('none');
    expect(detectScript('中文大学')).toBe('none'); // 学 alone is not enough to decide
    expect(detectScript('台北市的天气很好，我们去公园')).toBe('simplified');
    expect(detectScript('台北市的天氣很好，我們去公園')).toBe('traditional');
  });
});

describe('prepareConverter', () => {
  it('converts Simplified to each target with OpenCC’s regional rules', async () => {
    const text = '鼠标和软件的发展';
    expect((await prepareConverter({ to: 'traditional' })).convert(text)).toBe('鼠標和軟件的發展');
    expect((await prepareConverter({ to: 'taiwan' })).convert(text)).toBe('滑鼠和軟體的發展');
    expect((await prepareConverter({ to: 'hongkong' })).convert(text)).toBe('鼠標和軟件的發展');
  });

  it('converts Traditional to Simplified, from an explicit variant with its phrases', async () => {
    expect((await prepareConverter({ to: 'simplified' })).convert('滑鼠和軟體的發展')).toBe('滑鼠和软体的发展');
    expect((await prepareConverter({ to: 'simplified', from: 'taiwan' })).convert('滑鼠和軟體的發展')).toBe('鼠标和软件的发展');
  });

  it('never converts text already in the target script (s2twp would turn 台灣 into 臺灣)', async () => {
    const tw = await prepareConverter({ to: 'taiwan' });
    expect(tw.convert('我們住在台灣的台北')).toBe('我們住在台灣的台北');
    expect(tw.convert('我们住在台湾的台北')).toBe('我們住在臺灣的臺北');
    expect((await prepareConverter({ to: 'simplified' })).convert('我们住在台湾')).toBe('我们住在台湾');
    expect(needsConversion('台北', 'taiwan')).toBe(false);
    // shared characters only: follow the page they are on (regional phrases still apply)
    expect(needsConversion('康涅狄格州', 'taiwan', 'simplified')).toBe(true);
    expect(needsConversion('康涅狄格州', 'taiwan', 'traditional')).toBe(false);
    expect(tw.convert('康涅狄格州', 'simplified')).toBe('康乃狄克州');
  });

  it('an explicit source converts regardless, as OpenCC’s command does', async () => {
    expect((await prepareConverter({ to: 'taiwan', from: 'simplified' })).convert('台湾')).toBe('臺灣');
  });

  it('maps variants pairwise', () => {
    expect(pairFor('simplified', 'taiwan')).toEqual({ from: 'cn', to: 'twp' });
    expect(pairFor('taiwan', 'simplified')).toEqual({ from: 'twp', to: 'cn' });
    expect(pairFor('hongkong', 'simplified')).toEqual({ from: 'hk', to: 'cn' });
    expect(pairFor('traditional', 'taiwan')).toEqual({ from: 't', to: 'tw' });
    expect(pairFor('taiwan', 'traditional')).toEqual({ from: 'tw', to: 't' });
    expect(pairFor('hongkong', 'hongkong')).toBeNull();
  });
});

describe('correction table for OpenCC issue #1497', () => {
  // The wrong outputs OpenCC gives without the table, and what the table gives.
  it.each([
    ['改变量子比特', 'taiwan', '改變數子位元', '改變量子位元'],
    ['少数组织', 'taiwan', '少陣列織', '少數組織'],
    ['被发明', 'traditional', '被髮明', '被發明'],
    ['展示了如何', 'traditional', '展示瞭如何', '展示了如何'],
    ['去干涉', 'hongkong', '去幹涉', '去干涉'],
  ] as const)('%s → %s', async (input, to, wrong, right) => {
    const withTable = await prepareConverter({ to });
    expect(withTable.convert(`研究人员${input}。`)).toBe(`研究人員${right}。`);
    const { converterFor } = await import('../../../utils/script/engine');
    expect((await converterFor(withTable.pair!))(input)).toBe(wrong);
  });

  it('has exactly the five entries of the issue, and leaves 头发明显 to OpenCC', async () => {
    expect(CORRECTIONS).toHaveLength(5);
    expect((await prepareConverter({ to: 'traditional' })).convert('他的头发明显变白了')).toBe('他的頭髮明顯變白了');
  });
});

describe('user phrases', () => {
  it('apply keyed from either script, and only to the targets of their script', async () => {
    const phrases = [
      { from: '脸书', to: '臉書' },
      { from: '臉書', to: '脸书' },
      { from: '張小明', to: '張曉明' },
    ];
    const tw = await prepareConverter({ to: 'taiwan', phrases });
    expect(tw.convert('他在脸书上发帖')).toBe('他在臉書上發帖');
    const cn = await prepareConverter({ to: 'simplified', phrases });
    expect(cn.convert('他在臉書上發文')).toBe('他在脸书上发文');
    // keyed in Traditional, found in Simplified text
    expect(tw.convert('张小明说')).toBe('張曉明說');
  });

  it('a name that must not change stays as written', async () => {
    const tw = await prepareConverter({ to: 'taiwan', phrases: [{ from: '乾隆', to: '乾隆' }, { from: '范冰冰', to: '范冰冰' }] });
    expect(tw.convert('范冰冰演乾隆的皇后')).toBe('范冰冰演乾隆的皇后');
  });
});

describe('one view agrees with itself (issue 14): Traditional or mixed text goes through Simplified', () => {
  // A machine-converted page: 雜志 and 周刊 where Taiwan writes 雜誌 and 週刊, one paragraph with a
  // stray Simplified character, one already right.
  const page = ['地方雜志社的周刊很受歡迎。', '这份周刊的读者遍布两岸。', '那份週刊也擺在雜誌攤上。'];
  const context = detectScript(page.join('\n'));

  it.each([
    ['taiwan', ['地方雜誌社的週刊很受歡迎。', '這份週刊的讀者遍佈兩岸。', '那份週刊也擺在雜誌攤上。']],
    ['hongkong', ['地方雜誌社的週刊很受歡迎。', '這份週刊的讀者遍佈兩岸。', '那份週刊也擺在雜誌攤上。']],
    ['traditional', ['地方雜誌社的週刊很受歡迎。', '這份週刊的讀者遍佈兩岸。', '那份週刊也擺在雜誌攤上。']],
  ] as const)('to %s, every paragraph the same way', async (to, expected) => {
    expect(context).not.toBe('simplified');
    const c = await prepareConverter({ to });
    expect(page.map((p) => c.convert(p, context, 'zh-CN'))).toEqual(expected);
  });

  it('leaves a page alone that declares the target variant, converting only its stray Simplified words', async () => {
    const tw = await prepareConverter({ to: 'taiwan' });
    expect(tw.convert('我們住在台灣的台北。', 'traditional', 'zh-TW')).toBe('我們住在台灣的台北。');
    expect(tw.convert('我們住在台灣的台北，这里很熱鬧。', 'traditional', 'zh-Hant-TW')).toBe('我們住在台灣的台北，這裡很熱鬧。');
    // Without that declaration the view goes through Simplified, consistently.
    expect(tw.convert('我們住在台灣的台北。', 'traditional', null)).toBe('我們住在臺灣的臺北。');
    // A Taiwan page shown in Hong Kong forms goes back through Taiwan's own phrases.
    expect((await prepareConverter({ to: 'hongkong' })).convert('軟體和硬碟', 'traditional', 'zh-TW')).toBe('軟件和硬盤');
  });

  it('reads the variant a lang tag declares', () => {
    expect(['zh-TW', 'zh-Hant-TW', 'zh-tw', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-CN', 'en-TW', '', null].map(declaredVariant)).toEqual(['taiwan', 'taiwan', 'taiwan', 'hongkong', 'hongkong', null, null, null, null, null]);
  });
});
