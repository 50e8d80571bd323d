// The hostile fixture pages through the whole pipeline in Node: nothing dangerous survives in the
// reader HTML, and the pipeline does not stumble on clobbered or namespace-confused markup.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { FIXTURES, parse } from '../../helpers/corpus';

const DIR = join(FIXTURES, 'hostile');

describe.each(readdirSync(DIR).filter((f) => f.endsWith('.html')))('%s', (name) => {
  it('is analysed as an article with only safe HTML', async () => {
    let out = '';
    const code = await run(['analyze', join(DIR, name), '--url', 'http://127.0.0.1/hostile/' + name], { stdin: () => new Uint8Array(), out: (t) => void (out += t), err: () => {} });
    expect(code).toBe(0);
    const a = JSON.parse(out);
    expect(a.isArticle).toBe(true);
    expect(a.text.length).toBeGreaterThan(500);
    // Payloads may survive as text (a vector quoted inside <xmp> is just words); as markup, none does.
    const { doc } = parse(`<body>${a.html}</body>`);
    expect(doc.querySelectorAll('script, iframe, object, embed, form, style, base, meta, link, svg, math, template, frame, input, button').length).toBe(0);
    for (const el of doc.body.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name, `${el.tagName} ${attr.name}`).not.toMatch(/^on|^style$|^srcdoc$|^formaction$|^xlink/i);
        if (attr.name === 'href') expect(attr.value, `${el.tagName} href`).toMatch(/^(?:https?:|mailto:|tel:)/i);
        // inert raster images may be inline data; nothing else
        if (attr.name === 'src') expect(attr.value, `${el.tagName} src`).toMatch(/^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif);)/i);
      }
    }
    expect(readFileSync(join(DIR, name), 'utf8')).toMatch(/JINGDU-PWNED/);
  });
});
