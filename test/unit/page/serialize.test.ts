import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertMarkup, serializeDocument } from '../../../utils/page/serialize';
import { corpusHtml, parse } from '../../helpers/corpus';

const native = (doc: Document) => {
  const dt = doc.doctype;
  return (dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '') + doc.documentElement.outerHTML;
};

describe('serializeDocument', () => {
  it.each(['pixnet', 'youth', 'wikipedia', 'nytimes-1'])('%s: the same HTML as outerHTML, walked or native', (name) => {
    const { doc } = parse(corpusHtml(name));
    const html = native(doc);
    expect(serializeDocument(doc)).toBe(html);
    // with (empty) overrides every element is walked by hand
    expect(serializeDocument(doc, {})).toBe(html);
  });

  it('puts back original text and attributes where overrides say so', () => {
    const { doc } = parse('<html><body><p title="转换后">转换后的文字</p><img alt="b"></body></html>');
    const p = doc.querySelector('p')!;
    const html = serializeDocument(doc, { text: (t) => (t.data === '转换后的文字' ? '原文' : undefined), attributes: (el) => (el === p ? new Map([['title', '原标题']]) : undefined) });
    expect(html).toContain('<p title="原标题">原文</p>');
    expect(p.getAttribute('title')).toBe('转换后'); // the live page is untouched
  });

  it('walking by hand equals outerHTML on random markup (property)', () => {
    const tags = ['div', 'p', 'span', 'b', 'a', 'ul', 'li', 'table', 'tr', 'td', 'br', 'img', 'script', 'style', 'textarea', 'template', 'svg', 'pre'];
    const text = fc.string({ unit: fc.constantFrom('a', '中', '文', '&', '<', '>', '"', "'", ' ', '\u00a0', '\n') });
    const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('el')),
      el: fc.tuple(fc.constantFrom(...tags), fc.array(tie('node'), { maxLength: 4 }), text).map(([t, kids, attr]) => `<${t} title="${attr.replace(/"/g, '&quot;')}">${kids.join('')}</${t}>`),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (parts) => {
        const { doc } = parse(`<!doctype html><html><head><title>t</title></head><body>${parts.join('')}<!-- c --></body></html>`);
        expect(serializeDocument(doc, {})).toBe(native(doc));
      }),
      { numRuns: 200, seed: 7 },
    );
  }, 120_000); // 200 documents through jsdom: seconds on a quiet machine, far more on a busy one

  describe('inert: no event handlers, no javascript: URLs, everything else as it was', () => {
    const page = `<!doctype html><html><head><title>t</title></head><body onload="track()">
      <p class="lead" onclick="steal(&quot;x&quot;)" title="a > b" data-on="keep">正文 onclick="这是文字" <a href="javascript:alert(1)" onmouseover='x()'>链接</a></p>
      <a href=" JavaScript:void(0)">空链接</a><a href="/real.html" ONCLICK="y()">真链接</a>
      <form action="javascript:go()"><button formaction="javascript:x()" onfocus="z()">提交</button></form>
      <script>var s = '<b onclick="q">';</script></body></html>`;

    it.each([
      ['native', { inert: true }],
      ['walked', { inert: true, walk: () => true }],
    ])('%s', (_, overrides) => {
      const { doc } = parse(page);
      const html = serializeDocument(doc, overrides);
      const out = parse(html).doc;
      const attrs = [...out.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`));
      expect(attrs.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([]);
      expect(attrs).toEqual(expect.arrayContaining(['class=lead', 'title=a > b', 'data-on=keep', 'href=/real.html']));
      expect(out.body.textContent).toContain('正文 onclick="这是文字"');
      expect(out.querySelectorAll('a').length).toBe(3);
    });

    it('a real page: the same as its outerHTML with the handlers cut out, walked or native', () => {
      const { doc } = parse(corpusHtml('pixnet'));
      const clean = inertMarkup(native(doc));
      expect(clean.length).toBeLessThan(native(doc).length); // the page has handlers to cut
      expect(serializeDocument(doc, { inert: true })).toBe(clean);
      expect(serializeDocument(doc, { inert: true, walk: () => true })).toBe(clean);
    });
  });
});
