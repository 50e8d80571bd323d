// The `jingdu` command parses pages with parse5 into linkedom (cli/dom.ts), not jsdom: several
// times faster. It may do so only while `jingdu analyze` gives the same answer as on jsdom, the
// browser-faithful reference, on every real page we have: the news pages and Readability's own.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml as commandDom } from '../../cli/dom';
import { analyzeDocument } from '../../utils/analyze';
import { entityOptions } from '../../utils/nlp/tagger';
import { readHtmlInput } from '../../utils/page/input';
import { createTextHost } from '../../utils/script/host';
import { CORPUS, READABILITY } from '../helpers/corpus';
import { parseHtml as jsdom } from '../helpers/jsdom';

const NEWS = join(CORPUS, 'news-pages/pages');
const files = [
  ...readdirSync(NEWS).filter((f) => f.endsWith('.html')).map((f) => join(NEWS, f)),
  ...readdirSync(READABILITY).map((d) => join(READABILITY, d, 'source.html')).filter(existsSync),
].sort();
const transform = createTextHost(() => ({ phrases: [], tsCharactersExt: false }));
const URL = 'https://news.example/2024/05/article.html';

/** Attributes in name order: the command's DOM keeps set attributes in another order, which means nothing. */
const sorted = (html: string) =>
  html.replace(/<([a-z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)+)\s*(\/?)>/g, (_m, tag: string, attrs: string, slash: string) => `<${tag} ${(attrs.trim().match(/[^\s=>]+(?:="[^"]*")?/g) ?? []).sort().join(' ')}${slash}>`);

async function analyzeWith(parse: typeof jsdom, html: string) {
  const page = parse(html, URL);
  try {
    const a = await analyzeDocument(page.doc, { url: URL, sanitizer: page.sanitizer, to: null, repair: true, transform, entities: entityOptions() });
    return { ...a, html: sorted(a.html), outline: a.outline.map(({ level, text }) => ({ level, text })) };
  } finally {
    page.close();
  }
}

describe("the command's DOM", () => {
  it('has real pages to compare', () => expect(files.length).toBeGreaterThanOrEqual(80));

  it.each(files.map((f) => [f.slice(CORPUS.length + 1), f]))('analyzes %s exactly as jsdom does', async (_name, file) => {
    const html = readHtmlInput(readFileSync(file)).text;
    expect(await analyzeWith(commandDom, html)).toEqual(await analyzeWith(jsdom, html));
  }, 60_000);

  it('reads the address, a <base>, the title and lowercase tags as a browser does', () => {
    const { doc } = commandDom('<title>\n 标题  一 </title><base href="/sub/"><p><svg><path/></svg>', 'https://news.example/a/b.html');
    expect([doc.URL, doc.baseURI, doc.title]).toEqual(['https://news.example/a/b.html', 'https://news.example/sub/', '标题 一']);
    expect(doc.createElement('DIV').localName).toBe('div');
    expect(doc.body.innerHTML).toBe('<p><svg><path></path></svg></p>'); // the standard's parser and serializer
    expect(doc.querySelector('p')!.getAttributeNames()).toEqual([]);
  });
});
