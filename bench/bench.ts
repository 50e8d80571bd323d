// `npm run bench`: medians over the corpus, all measured in one process so ratios hold on a noisy
// machine. A table for people; `--json` prints one object for tools (contract in DESIGN.md: fields
// are added, never renamed; a feature that does not exist yet reports null).

import { Readability } from '@mozilla/readability';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHtml } from '../cli/dom';
import { detectArticle } from '../utils/page/detect';
import { extractArticle } from '../utils/page/extract';
import { corpusHtml, corpusPages, FAKE_URL, ROOT } from '../test/helpers/corpus';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const json = process.argv.includes('--json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median time of `fn` over RUNS runs; `prepare` runs untimed before each. */
function time<T>(prepare: () => T, fn: (x: T) => unknown): number {
  const times: number[] = [];
  fn(prepare()); // warm up the JIT
  for (let i = 0; i < RUNS; i++) {
    const x = prepare();
    const t = performance.now();
    fn(x);
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 100) / 100;
}

function pages() {
  return corpusPages().map((name) => {
    const html = corpusHtml(name);
    const page = parseHtml(html, FAKE_URL);
    const fresh = () => page.doc.cloneNode(true) as Document;
    return {
      name,
      chars: html.length,
      detectMs: time(() => page.doc, (d) => detectArticle(d, FAKE_URL)),
      readabilityMs: time(fresh, (d) => new Readability(d).parse()),
      extractMs: time(fresh, (d) => extractArticle(d, { url: FAKE_URL, sanitizer: page.sanitizer })),
      analyzeMs: null as number | null,
    };
  });
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function bundle() {
  const dir = join(ROOT, '.output/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:js|css|html|json)$/.test(f)) files.push(p);
    }
  };
  walk(dir);
  return {
    contentScriptGzipBytes: gzipBytes(join(dir, 'content-scripts/content.js')),
    totalGzipBytes: files.reduce((n, f) => n + gzipBytes(f), 0),
  };
}

const result = {
  runs: RUNS,
  pages: pages(),
  convert: { charsPerSecond: null, openccCharsPerSecond: null, domToggleMs: null, domRestoreMs: null },
  entities: { charsPerSecond: null },
  quotes: { libraryOpenMs: null, searchMs: null, reanchorMs: null },
  bundle: bundle(),
};

if (json) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  const rows = result.pages.map((p) => ({
    page: p.name,
    chars: p.chars,
    'detect ms': p.detectMs,
    'readability ms': p.readabilityMs,
    'detect / readability': `${((p.detectMs / p.readabilityMs) * 100).toFixed(1)}%`,
    'extract ms': p.extractMs,
  }));
  console.log(`Medians of ${RUNS} runs per page (jsdom in Node ${process.version}).`);
  console.table(rows);
  const med = (k: 'detectMs' | 'readabilityMs' | 'extractMs') => median(result.pages.map((p) => p[k]));
  console.log(`median over pages: detect ${med('detectMs')} ms, readability ${med('readabilityMs')} ms, extract ${med('extractMs')} ms`);
  console.log(`detection / Readability, median over pages: ${(median(result.pages.map((p) => p.detectMs / p.readabilityMs)) * 100).toFixed(1)}%`);
  console.log(`bundle: content script ${result.bundle.contentScriptGzipBytes} B gzipped (goal < 15360), whole extension ${result.bundle.totalGzipBytes} B gzipped`);
}
