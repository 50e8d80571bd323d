import { describe, expect, it } from 'vitest';
import { offsetsOf, pageText, rangeOf } from '../../../utils/page/page-text';
import { parse } from '../../helpers/corpus';

describe('page text', () => {
  const { doc } = parse('<html><body><p>第一段<b>加粗</b>文字。</p><script>var x = "不算";</script><p>第二段文字。</p></body></html>');
  const pt = pageText(doc.body);

  it('joins the text nodes, skipping scripts', () => {
    expect(pt.text).toBe('第一段加粗文字。第二段文字。');
  });

  it('turns a selection into offsets and offsets back into the same text', () => {
    const range = doc.createRange();
    range.setStart(doc.querySelector('b')!.firstChild!, 1);
    range.setEnd(doc.querySelectorAll('p')[1].firstChild!, 3);
    const o = offsetsOf(pt, range)!;
    expect(pt.text.slice(o.start, o.end)).toBe('粗文字。第二段');
    const back = rangeOf(pt, o.start, o.end)!;
    expect([back.startContainer, back.startOffset, back.endContainer, back.endOffset]).toEqual([range.startContainer, range.startOffset, range.endContainer, range.endOffset]);
  });

  it('handles element-boundary selections', () => {
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelectorAll('p')[1]);
    const o = offsetsOf(pt, range)!;
    expect(pt.text.slice(o.start, o.end)).toBe('第二段文字。');
  });
});
