// Shared test data: the corpus lives beside the project (../shared/corpus), fixtures in test/fixtures.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from './jsdom';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared corpus: $JINGDU_CORPUS, else ../shared/corpus beside the checkout, else /work/shared/corpus. */
export const CORPUS = [process.env.JINGDU_CORPUS, resolve(ROOT, '../shared/corpus'), '/work/shared/corpus'].find((p): p is string => !!p && existsSync(p)) ?? resolve(ROOT, '../shared/corpus');
export const READABILITY = join(CORPUS, 'readability');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const PAGES = join(FIXTURES, 'pages');

/** The URL Readability's own test suite parses its pages under. */
export const FAKE_URL = 'http://fakehost/test/page.html';

/** Corpus pages that have a source.html (all are articles). */
export function corpusPages(): string[] {
  return readdirSync(READABILITY).filter((n) => existsSync(join(READABILITY, n, 'source.html'))).sort();
}

export const CHINESE_PAGES = ['gmw', 'qq', 'youth', 'pixnet'];

export function corpusHtml(name: string, file = 'source.html'): string {
  return readFileSync(join(READABILITY, name, file), 'utf8');
}

export function fixtureNames(prefix: string): string[] {
  return readdirSync(PAGES).filter((n) => n.startsWith(prefix) && n.endsWith('.html')).sort();
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(PAGES, name), 'utf8');
}

export function parse(html: string, url = FAKE_URL) {
  return parseHtml(html, url);
}
