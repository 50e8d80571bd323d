import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../utils/nlp/highlight';
import { offsetsOf, pageText } from '../../../utils/page/page-text';
import { readingsOf } from '../../../utils/readings/annotate';
import { applyReadings, removeReadings, textWithoutReadings } from '../../../utils/readings/dom';

const html = '<p>我在<mark class="jd-ent">银行</mark>工作，<a href="#x">AI</a>很重要。</p><h2>长大</h2><pre>代码</pre>';

function body() {
  const dom = new JSDOM(`<div id="b">${html}</div>`);
  (globalThis as { performance?: Performance }).performance ??= dom.window.performance;
  return dom.window.document.getElementById('b')!;
}

describe('readings on a rendered article', () => {
  it('puts ruby over each read character, inside marks, and the text stays the same for quotes and entities', async () => {
    const b = body();
    const before = { page: pageText(b).text, blocks: blockText(b).text };
    const bt = blockText(b);
    const made = await applyReadings(bt, readingsOf(bt.text, 'pinyin'), { cancelled: false });
    expect(made).toBe(11);
    expect(b.querySelector('mark ruby.jd-ruby rt')!.textContent).toBe('yín');
    expect(b.querySelector('a')!.textContent).toBe('AI');
    expect(b.querySelector('pre')!.innerHTML).toBe('代码'); // code is left alone
    expect(pageText(b).text).toBe(before.page);
    expect(blockText(b).text).toBe(before.blocks);
    expect(textWithoutReadings(b.querySelector('h2')!)).toBe('长大');
    expect(b.querySelector('h2 rt')!.textContent).toBe('zhǎng');
    // A selection over ruby maps to offsets of the characters only.
    const range = b.ownerDocument.createRange();
    const rubies = b.querySelectorAll('mark ruby');
    range.setStartBefore(rubies[0]);
    range.setEndAfter(rubies[1]);
    const pt = pageText(b);
    const at = offsetsOf(pt, range)!;
    expect(pt.text.slice(at.start, at.end)).toBe('银行');
  });

  it('takes them out again, leaving the DOM as it was', async () => {
    const b = body();
    const original = b.innerHTML;
    const bt = blockText(b);
    await applyReadings(bt, readingsOf(bt.text, 'zhuyin'), { cancelled: false });
    expect(b.innerHTML).not.toBe(original);
    removeReadings(b);
    expect(b.innerHTML).toBe(original);
  });

  it('stops when cancelled', async () => {
    const b = body();
    const bt = blockText(b);
    expect(await applyReadings(bt, readingsOf(bt.text, 'pinyin'), { cancelled: true })).toBe(0);
    expect(b.innerHTML).not.toContain('ruby');
  });
  it('cuts a long paragraph into slices and reads every character of it, a character beyond the BMP too', async () => {
    const text = '新闻报道称，科技企业正在加快布局人工智能应用。'.repeat(20) + '𠀋';
    const dom = new JSDOM(`<div id="b"><p>${text}</p></div>`);
    const b = dom.window.document.getElementById('b')!;
    const original = b.innerHTML;
    const bt = blockText(b);
    const readings = readingsOf(bt.text, 'pinyin');
    const wanted = readings.filter(Boolean).length;
    expect(wanted).toBeGreaterThan(400); // more than three slices' worth in one text node
    expect(await applyReadings(bt, readings, { cancelled: false })).toBe(wanted);
    expect(b.querySelectorAll('ruby.jd-ruby')).toHaveLength(wanted);
    expect(textWithoutReadings(b)).toBe(text);
    removeReadings(b);
    expect(b.innerHTML).toBe(original);
  });
});
