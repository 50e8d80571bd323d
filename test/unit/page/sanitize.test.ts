import { describe, expect, it } from 'vitest';
import { parseHtml as commandDom } from '../../../cli/dom';
import { parseHtml as jsdom } from '../../helpers/jsdom';

// The same sanitizer on the browser-faithful reference DOM and on the `jingdu` command's own.
const reference = jsdom('<!doctype html><body></body>', 'https://example.cn/').sanitizer;
const command = commandDom('<!doctype html><body></body>', 'https://example.cn/').sanitizer;
/** Attributes in name order: the command's DOM keeps them in another order, which means nothing. */
const sorted = (html: string) => html.replace(/<([a-z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)+)\s*>/g, (_m, tag: string, attrs: string) => `<${tag} ${(attrs.trim().match(/[^\s=>]+(?:="[^"]*")?/g) ?? []).sort().join(' ')}>`);

// Vectors from DOMPurify's own test suite and the usual XSS cheat sheets.
const VECTORS = [
  '<img src=x onerror=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)><circle r=10></circle></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  JaVaScRiPt:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<img id="__proto__" name="cookie" src="https://example.cn/a.png">',
  '<form name="document"><input name="cookie"></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
  '<p><template><img src=x onerror=alert(1)></template></p>',
];

describe.each([
  ['the reference DOM', reference],
  ["the command's DOM", command],
])('sanitizer on %s', (_name, sanitizer) => {
  it.each(VECTORS)('neutralizes %s', (dirty) => {
    const html = sanitizer.html(dirty);
    expect(html).not.toMatch(/\son\w+\s*=|javascript:|<script|<iframe|<object|<embed|<form|<style|<base|<meta|srcdoc|style=|\bid=|\bname=/i);
  });

  it('keeps reading content and makes links and images safe to show', () => {
    const html = sanitizer.html(
      '<figure><img src="https://img.example.cn/1.jpg" alt="图"><figcaption>说明</figcaption></figure><p><a href="https://example.cn/a">链接</a> <b>粗</b><ruby>漢<rt>hàn</rt></ruby></p><table><tr><td colspan="2">格</td></tr></table>',
    );
    expect(html).toContain('<figcaption>说明</figcaption>');
    expect(sorted(html)).toMatch(/<img[^>]+referrerpolicy="no-referrer"[^>]+src="https:\/\/img\.example\.cn\/1\.jpg"/);
    expect(sorted(html)).toContain('<a href="https://example.cn/a" rel="noopener noreferrer" target="_blank">链接</a>');
    expect(html).toContain('<rt>hàn</rt>');
    expect(html).toContain('colspan="2"');
  });

  it('drops images with non-http sources but keeps their text', () => {
    expect(sanitizer.html('<p>前<img src="file:///etc/passwd" alt="x">后</p>')).not.toContain('file:');
  });
});

describe("the command's DOM", () => {
  it('sanitizes exactly as the reference does', () => {
    for (const dirty of VECTORS) expect(sorted(command.html(dirty)), dirty).toBe(sorted(reference.html(dirty)));
  });

  it('keeps the content of an element it removes, and sanitizes that content too', () => {
    // DOMPurify keeps a removed element's children by inserting copies after it: a walk that does
    // not see nodes put in meanwhile would let the copies through as they came.
    const dirty = '<div><font><img src=x onerror=alert(1)><b onclick=alert(2)>粗</b></font><form><p>表</p></form>后</div>';
    const html = command.html(dirty);
    expect(sorted(html)).toBe(sorted(reference.html(dirty)));
    expect(html).not.toMatch(/onerror|onclick|<font|<form/);
    expect(html).toContain('<b>粗</b><p>表</p>后');
  });
});
