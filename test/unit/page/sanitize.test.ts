import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';

const { sanitizer } = parseHtml('<!doctype html><body></body>', 'https://example.cn/');

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

describe('sanitizer', () => {
  it.each(VECTORS)('neutralizes %s', (dirty) => {
    const html = sanitizer.html(dirty);
    expect(html).not.toMatch(/\son\w+\s*=|javascript:|<script|<iframe|<object|<embed|<form|<style|<base|<meta|srcdoc|style=|\bid=|\bname=/i);
  });

  it('keeps reading content and makes links and images safe to show', () => {
    const html = sanitizer.html(
      '<figure><img src="https://img.example.cn/1.jpg" alt="图"><figcaption>说明</figcaption></figure><p><a href="https://example.cn/a">链接</a> <b>粗</b><ruby>漢<rt>hàn</rt></ruby></p><table><tr><td colspan="2">格</td></tr></table>',
    );
    expect(html).toContain('<figcaption>说明</figcaption>');
    expect(html).toMatch(/<img[^>]+src="https:\/\/img\.example\.cn\/1\.jpg"[^>]+referrerpolicy="no-referrer"/);
    expect(html).toMatch(/<a href="https:\/\/example\.cn\/a" target="_blank" rel="noopener noreferrer">链接<\/a>/);
    expect(html).toContain('<rt>hàn</rt>');
    expect(html).toContain('colspan="2"');
  });

  it('drops images with non-http sources but keeps their text', () => {
    expect(sanitizer.html('<p>前<img src="file:///etc/passwd" alt="x">后</p>')).not.toContain('file:');
  });
});
