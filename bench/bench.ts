// `npm run bench`: medians over the corpus, all measured in one process so ratios hold on a noisy
// machine. A table for people; `--json` prints one object for tools (contract in the README: fields
// are added, never renamed; a feature that does not exist yet reports null).

import { Readability } from '@mozilla/readability';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// The page figures stand for the extension's pipeline in a browser: jsdom, the browser-faithful
// reference (the command's lighter DOM is measured as the command itself, in bench/cli.ts).
import { parseHtml } from '../test/helpers/jsdom';
import { detectArticle } from '../utils/page/detect';
import { extractArticle } from '../utils/page/extract';
import { CHINESE_PAGES, CORPUS, corpusHtml, corpusPages, FAKE_URL, ROOT } from '../test/helpers/corpus';
import { ConverterBuilder } from 'opencc-js/core';
import * as openccPreset from 'opencc-js/preset';
import { converterFor, loadedBytes } from '../utils/script/engine';
import { firstConvertAfterRestart } from './background-cold';
import { cli } from './cli';
import { prepareConverter } from '../utils/script/convert';
import { DomConverter } from '../utils/script/dom';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { analyzeDocument } from '../utils/analyze';
import { findEntities } from '../utils/nlp/entities';
import { summarizeEntities } from '../utils/nlp/salience';
import { entityOptions } from '../utils/nlp/tagger';
import { createTextHost } from '../utils/script/host';
import { readerMemory } from './reader-memory';
import { readerOpen } from './reader-open';
import { learnBench } from './learn';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const json = process.argv.includes('--json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median time of `fn` over RUNS runs; `prepare` runs untimed before each. A promise is awaited (and only then). */
async function time<T>(prepare: () => T, fn: (x: T) => unknown): Promise<number> {
  const times: number[] = [];
  await fn(prepare()); // warm up the JIT
  for (let i = 0; i < RUNS; i++) {
    const x = prepare();
    const t = performance.now();
    const r = fn(x);
    if (r instanceof Promise) await r;
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 100) / 100;
}

async function pages() {
  // What `jingdu analyze` runs: extract, repair pinyin leaks, outline, summary, entities.
  const transform = createTextHost(() => ({ phrases: [], tsCharactersExt: false }));
  const out = [];
  for (const name of corpusPages()) {
    const html = corpusHtml(name);
    const page = parseHtml(html, FAKE_URL);
    const fresh = () => page.doc.cloneNode(true) as Document;
    out.push({
      name,
      chars: html.length,
      detectMs: await time(() => page.doc, (d) => detectArticle(d, FAKE_URL)),
      readabilityMs: await time(fresh, (d) => new Readability(d).parse()),
      extractMs: await time(fresh, (d) => extractArticle(d, { url: FAKE_URL, sanitizer: page.sanitizer })),
      analyzeMs: await time(fresh, (d) => analyzeDocument(d, { url: FAKE_URL, sanitizer: page.sanitizer, repair: true, transform, entities: entityOptions() })),
    });
  }
  return out;
}

/**
 * The entity tagger (rules, model with span scores, gazetteer) over the corpus's Chinese article
 * texts; and what the reader's worker and marks do on the longest article of the corpus (the
 * Chinese Readability pages and the real news pages' hand-checked bodies): tag it and pick its key
 * entities.
 */
async function entities() {
  const texts = CHINESE_PAGES.map((name) => {
    const page = parseHtml(corpusHtml(name), FAKE_URL);
    return extractArticle(page.doc, { url: FAKE_URL, sanitizer: page.sanitizer })!.text;
  });
  const chars = texts.reduce((n, x) => n + x.length, 0);
  const options = entityOptions();
  const ms = await time(() => texts, (xs) => xs.forEach((x) => findEntities(x, options)));
  const bodies = join(CORPUS, 'news-pages/body');
  const articles = [
    ...CHINESE_PAGES.map((name, i) => ({ name, text: texts[i] })),
    ...readdirSync(bodies).map((f) => ({ name: `news-pages/${f.replace(/\.txt$/, '')}`, text: readFileSync(join(bodies, f), 'utf8').split(/\n+/).join('\n\n') })),
  ];
  const longest = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const tagMs = await time(() => longest.text, (x) => summarizeEntities(x, findEntities(x, options)));
  const spans = findEntities(longest.text, options);
  const summary = summarizeEntities(longest.text, spans);
  return {
    charsPerSecond: Math.round(chars / (ms / 1000)),
    chars,
    /** the reader's tagging of the longest corpus article: spans with scores, then key entities */
    longestArticle: { name: longest.name, chars: longest.text.length, tagMs, spans: spans.length, keyEntities: summary.filter((e) => e.key).length },
  };
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

/** About 2 M characters of Simplified news and prose: the corpus's Chinese articles and OpenCC's golden text. */
function conversionText(): string {
  const parts = [readFileSync(join(CORPUS, 'opencc/golden/us_constitution_zhs.txt'), 'utf8')];
  for (const name of CHINESE_PAGES.filter((n) => n !== 'pixnet')) parts.push(parseHtml(corpusHtml(name), FAKE_URL).doc.body.textContent ?? '');
  const one = parts.join('\n');
  return one.repeat(Math.ceil(2_000_000 / one.length));
}

function openccCommand(text: string): number | null {
  try {
    execFileSync('opencc', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-bench-'));
  writeFileSync(join(dir, 'in.txt'), text);
  const times: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const t = performance.now();
    execFileSync('opencc', ['-c', 's2twp.json', '-i', join(dir, 'in.txt'), '-o', join(dir, 'out.txt')]);
    times.push(performance.now() - t);
  }
  return Math.round(text.length / (median(times) / 1000));
}

async function convert() {
  const text = conversionText();
  const lines = text.split('\n');
  const s2twp = await converterFor({ from: 'cn', to: 'twp' });
  const converterBytes = await loadedBytes();
  const ms = await time(() => lines, (ls) => ls.map(s2twp));
  // opencc-js, the oracle the compiled converter matches, on the same text in the same run.
  const openccJs = ConverterBuilder(openccPreset as unknown as Parameters<typeof ConverterBuilder>[0])({ from: 'cn', to: 'twp' });
  const jsMs = await time(() => lines, (ls) => ls.map(openccJs));
  // Whole-page toggle and restore on the largest Chinese corpus page, in jsdom.
  const largest = CHINESE_PAGES.map((name) => ({ name, html: corpusHtml(name) })).sort((a, b) => b.html.length - a.html.length)[0];
  const target = (await prepareConverter({ to: 'traditional' })).convert;
  const page = parseHtml(largest.html, FAKE_URL);
  const toggles: number[] = [];
  const restores: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dom = new DomConverter(page.doc, { transform: async (texts) => texts.map((x) => target(x, 'simplified')), lang: 'zh-Hant' });
    let t = performance.now();
    await dom.start();
    toggles.push(performance.now() - t);
    t = performance.now();
    await dom.restore();
    restores.push(performance.now() - t);
  }
  return {
    charsPerSecond: Math.round(text.length / (ms / 1000)),
    openccCharsPerSecond: openccCommand(text),
    openccJsCharsPerSecond: Math.round(text.length / (jsMs / 1000)),
    /** what the loaded s2twp dictionaries hold (typed arrays and their blob) */
    converterBytes,
    domToggleMs: Math.round(median(toggles) * 100) / 100,
    domRestoreMs: Math.round(median(restores) * 100) / 100,
    textChars: text.length,
    domPage: largest.name,
  };
}

/** 10,000 generated quotes: open the library (read all from IndexedDB, build the search index), search, and re-anchor one page's quotes. */
async function quotes() {
  await import('fake-indexeddb/auto');
  const { openQuoteStore } = await import('../utils/quotes/store');
  const { normalizeQuote } = await import('../utils/quotes/model');
  const { buildIndex, searchQuotes } = await import('../utils/quotes/search');
  const { anchor, comparable, describe } = await import('../utils/quotes/anchor');
  const { traditionalToSimplifiedChars } = await import('../utils/script/convert');
  const fold = traditionalToSimplifiedChars();
  const texts = CHINESE_PAGES.map((name) => {
    const page = parseHtml(corpusHtml(name), FAKE_URL);
    return extractArticle(page.doc, { url: FAKE_URL, sanitizer: page.sanitizer })!.text;
  });
  const all = [];
  for (let i = 0; i < 10_000; i++) {
    const text = texts[i % texts.length];
    const start = (i * 7919) % Math.max(1, text.length - 80);
    const sel = describe(text, start, start + 20 + (i % 60));
    all.push(normalizeQuote({ id: `q${i}`, text: sel.quote.exact, selector: sel, url: `https://news.example.cn/a/${i % 400}.html`, title: `文章 ${i % 400}`, site: ['光明网', '腾讯网', '中国青年网', '痞客邦'][i % 4], tags: i % 3 ? ['经济'] : [], note: i % 5 ? '' : '笔记', createdAt: 1_700_000_000_000 + i * 60_000 })!);
  }
  const store = await openQuoteStore('bench');
  await store.put(all);
  const opens: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const loaded = await store.all();
    buildIndex(loaded, fold);
    opens.push(performance.now() - t);
  }
  const index = buildIndex(all, fold);
  const queries = ['发展', '經濟', '太空', '两会 学生', 'deepmind', '不存在的词语'];
  const searchMs = await time(() => null, () => queries.forEach((q) => searchQuotes(index, { query: q })));
  // Re-anchoring: every quote of one page (25 quotes) in a text that changed a little.
  const page = texts[1];
  const pageQuotes = all.filter((q) => q.selector.quote.exact && page.includes(q.selector.quote.exact)).slice(0, 25);
  const changed = '【编者按】'.repeat(3) + page.slice(0, 500) + page.slice(520);
  const reanchorMs = await time(() => null, () => {
    const prepared = comparable(changed, fold);
    for (const q of pageQuotes) anchor(changed, q.selector, { fold, prepared });
  });
  store.close();
  return {
    count: all.length,
    libraryOpenMs: Math.round(median(opens) * 100) / 100,
    searchMs: Math.round((searchMs / queries.length) * 100) / 100,
    reanchorMs,
    reanchorQuotes: pageQuotes.length,
  };
}

const skipBrowser = process.argv.includes('--no-browser');

/**
 * The first page conversion (Simplified → Taiwan) after the service worker was stopped, in
 * Chromium; and the same command with the worker left running, to tell the restart's share.
 */
async function coldConvert(): Promise<{ cold: number; warm: number }> {
  const { launch } = await import('../test/e2e/harness');
  const { startServer } = await import('../scripts/serve');
  const server = await startServer();
  const b = await launch();
  try {
    const url = `${server.origin}/corpus/gmw/`;
    const cold = await firstConvertAfterRestart(b, url, '#articleTitle', 'taiwan', RUNS);
    const warm = await firstConvertAfterRestart(b, url, '#articleTitle', 'taiwan', RUNS, false);
    return { cold: Math.round(median(cold.runs)), warm: Math.round(median(warm.runs)) };
  } finally {
    await b.close();
    await server.close();
  }
}
const result = {
  runs: RUNS,
  pages: await pages(),
  convert: await convert(),
  entities: await entities(),
  quotes: await quotes(),
  bundle: bundle(),
  // after bundle(), which builds the extension when it is missing
  readerOpen: skipBrowser ? null : await readerOpen(corpusPages(), 3, median),
  background: await (async () => {
    const r = skipBrowser ? null : await coldConvert();
    return { firstConvertAfterRestartMs: r?.cold ?? null, convertWithWorkerRunningMs: r?.warm ?? null };
  })(),
  // With 1 and 10 article tabs; the field is the figure with 10.
  memory: await (async () => {
    const r = skipBrowser ? null : await readerMemory(corpusPages(), [1, 10]);
    return { preparedReaderBytes: r?.preparedReaderBytes ?? null, preparedReaderBytesPerTabCount: r?.perTab ?? null, extensionProcessBytes: r?.extensionProcessBytes ?? null };
  })(),
  cli: await cli(RUNS, median),
  learn: skipBrowser ? null : await learnBench(CHINESE_PAGES, median),
};
const open = result.readerOpen?.prepared;

const ratio = median(result.pages.map((p) => p.detectMs / p.readabilityMs));
const c = result.convert;
/** Issue 7's budget: each figure with its goal. */
const budget = [
  { figure: 'injected script (gzip)', value: `${(result.bundle.contentScriptGzipBytes / 1024).toFixed(1)} KB`, goal: '< 15 KB', ok: result.bundle.contentScriptGzipBytes < 15 * 1024 },
  { figure: 'detection / Readability (median over pages)', value: `${(ratio * 100).toFixed(1)}%`, goal: '< 5%', ok: ratio < 0.05 },
  { figure: 'reader open, click to painted (p95 over pages, Chromium, page settled)', value: open ? `${open.p95Ms} ms` : 'not measured', goal: '< 150 ms', ok: open ? open.p95Ms < 150 : null },
  { figure: 'reader open, cold (p95 over pages, Chromium, preparation off; to the first screen where one is shown)', value: result.readerOpen ? `${result.readerOpen.cold.p95Ms} ms` : 'not measured', goal: '≤ 200 ms', ok: result.readerOpen ? result.readerOpen.cold.p95Ms <= 200 : null },
  { figure: `whole-page toggle, largest page (${c.domPage}, jsdom)`, value: `${c.domToggleMs} ms`, goal: '< 100 ms', ok: c.domToggleMs < 100 },
  { figure: 'conversion vs Debian opencc (s2twp)', value: c.openccCharsPerSecond ? `${(c.charsPerSecond / c.openccCharsPerSecond).toFixed(1)}×` : 'opencc not installed', goal: '≥ 3×', ok: c.openccCharsPerSecond ? c.charsPerSecond >= 3 * c.openccCharsPerSecond : null },
  { figure: 'quote search, 10,000 quotes', value: `${result.quotes.searchMs} ms`, goal: '< 50 ms', ok: result.quotes.searchMs < 50 },
  // Issue 17's goals, as ratios measured in this one run.
  { figure: 'conversion vs opencc-js (s2twp, same text)', value: `${(c.charsPerSecond / c.openccJsCharsPerSecond).toFixed(1)}×`, goal: '≥ 2×', ok: c.charsPerSecond >= 2 * c.openccJsCharsPerSecond },
  { figure: 'converter memory (s2twp dictionaries)', value: `${(c.converterBytes / 2 ** 20).toFixed(1)} MB`, goal: '≤ 10 MB', ok: c.converterBytes <= 10 * 2 ** 20 },
  { figure: 'first conversion after a service-worker restart (Chromium)', value: result.background.firstConvertAfterRestartMs === null ? 'not measured' : `${result.background.firstConvertAfterRestartMs} ms`, goal: '≤ 150 ms', ok: result.background.firstConvertAfterRestartMs === null ? null : result.background.firstConvertAfterRestartMs <= 150 },
  { figure: 'prepared reader memory per tab, 10 article tabs (Chromium)', value: result.memory.preparedReaderBytes === null ? 'not measured' : `${(result.memory.preparedReaderBytes / 2 ** 20).toFixed(1)} MB`, goal: '≤ 15 MB', ok: result.memory.preparedReaderBytes === null ? null : result.memory.preparedReaderBytes <= 15 * 2 ** 20 },
  { figure: `jingdu convert of one line / bare node start (${result.cli.convertMs} / ${result.cli.nodeMs} ms)`, value: `${(result.cli.convertMs / result.cli.nodeMs).toFixed(1)}×`, goal: '≤ 4×', ok: result.cli.convertMs <= 4 * result.cli.nodeMs },
  { figure: `jingdu analyze of a typical page / bare node start (${result.cli.analyzeMs} / ${result.cli.nodeMs} ms)`, value: `${(result.cli.analyzeMs / result.cli.nodeMs).toFixed(1)}×`, goal: '≤ 8×', ok: result.cli.analyzeMs <= 8 * result.cli.nodeMs },
  { figure: `jingdu analyze, ${result.cli.batchPages} pages in one process`, value: `${result.cli.batchPagesPerSecond} pages/s`, goal: '≥ 20 pages/s', ok: result.cli.batchPagesPerSecond >= 20 },
  { figure: 'look-up card after a click (median, dictionary loaded)', value: result.learn ? `${result.learn.lookupCardMs} ms` : 'not measured', goal: '≤ 50 ms', ok: result.learn ? result.learn.lookupCardMs <= 50 : null },
  { figure: 'readings over the Chinese corpus articles: longest main-thread task', value: result.learn ? `${result.learn.readingsLongestTaskMs} ms` : 'not measured', goal: 'none ≥ 50 ms', ok: result.learn ? result.learn.readingsLongestTaskMs < 50 : null },
];

if (json) {
  process.stdout.write(JSON.stringify({ ...result, budget }, null, 2) + '\n');
} else {
  const rows = result.pages.map((p) => ({
    page: p.name,
    chars: p.chars,
    'detect ms': p.detectMs,
    'readability ms': p.readabilityMs,
    'detect / readability': `${((p.detectMs / p.readabilityMs) * 100).toFixed(1)}%`,
    'extract ms': p.extractMs,
    'analyze ms': p.analyzeMs,
    'reader open ms': open?.pages.find((r) => r.name === p.name)?.ms ?? null,
    'cold open ms': result.readerOpen?.cold.pages.find((r) => r.name === p.name)?.ms ?? null,
  }));
  console.log(`Medians of ${RUNS} runs per page (jsdom in Node ${process.version}).`);
  console.table(rows);
  const med = (k: 'detectMs' | 'readabilityMs' | 'extractMs' | 'analyzeMs') => Math.round(median(result.pages.map((p) => p[k])) * 100) / 100;
  console.log(`median over pages: detect ${med('detectMs')} ms, readability ${med('readabilityMs')} ms, extract ${med('extractMs')} ms, analyze ${med('analyzeMs')} ms`);
  console.log(`detection / Readability, median over pages: ${(median(result.pages.map((p) => p.detectMs / p.readabilityMs)) * 100).toFixed(1)}%`);
  console.log(`conversion s2twp: ${(c.charsPerSecond / 1e6).toFixed(2)} M chars/s over ${(c.textChars / 1e6).toFixed(1)} M chars; opencc-js ${(c.openccJsCharsPerSecond / 1e6).toFixed(2)} M chars/s; Debian opencc command: ${c.openccCharsPerSecond === null ? 'not installed' : `${(c.openccCharsPerSecond / 1e6).toFixed(2)} M chars/s (ratio ${(c.charsPerSecond / c.openccCharsPerSecond).toFixed(1)}×, goal ≥ 3×)`}`);
  const k = result.cli;
  console.log(`jingdu as a process (median of ${RUNS}): bare node ${k.nodeMs} ms, opencc ${k.openccMs ?? '—'} ms, convert of one line ${k.convertMs} ms, analyze of ${k.analyzePage} ${k.analyzeMs} ms; one batch process over ${k.batchPages} pages: ${k.batchPagesPerSecond} pages/s`);
  console.log(`background: first conversion after a service-worker restart ${result.background.firstConvertAfterRestartMs ?? '—'} ms, with the worker running ${result.background.convertWithWorkerRunningMs ?? '—'} ms (Chromium, command to headline painted)`);
  console.log(`whole-page toggle of ${c.domPage} (jsdom): ${c.domToggleMs} ms, restore ${c.domRestoreMs} ms`);
  const qs = result.quotes;
  console.log(`quotes (${qs.count}, fake-indexeddb in Node): library open ${qs.libraryOpenMs} ms, search ${qs.searchMs} ms a query (goal < 50), re-anchor ${qs.reanchorQuotes} quotes of a changed page ${qs.reanchorMs} ms`);
  const la = result.entities.longestArticle;
  console.log(`entities: ${(result.entities.charsPerSecond / 1e3).toFixed(0)} K chars/s over ${result.entities.chars} chars of article text; the reader's tagging of the longest corpus article (${la.name}, ${la.chars} chars): ${la.tagMs} ms, ${la.spans} spans, ${la.keyEntities} key entities`);
  for (const [how, r] of Object.entries(result.readerOpen ?? {})) {
    const what = how === 'prepared' ? 'prepared in advance (default, page settled)' : 'cold (preparation off)';
    const first = how === 'cold' ? ` (first screen on ${r.firstScreens} of ${r.pages.length} pages, else the article; the whole article: median ${r.articleMedianMs} ms, p95 ${r.articleP95Ms} ms)` : '';
    console.log(`reader open, ${what} (Chromium, click to painted): median ${r.medianMs} ms, p95 ${r.p95Ms} ms over ${r.pages.length} pages${first}; median ms from the click to: ${Object.entries(r.phases).map(([step, ms]) => `${step} ${ms}`).join(', ')}`);
  }
  const mem = result.memory;
  if (mem.preparedReaderBytesPerTabCount)
    console.log(`prepared reader memory a tab (Chromium, whole browser, prepared less not): ${Object.entries(mem.preparedReaderBytesPerTabCount).map(([n, v]) => `${n} tab${n === '1' ? '' : 's'} ${(v / 2 ** 20).toFixed(1)} MB`).join(', ')}; the extension's process with the most tabs prepared ${((mem.extensionProcessBytes ?? 0) / 2 ** 20).toFixed(0)} MB`);
  console.log(`bundle: content script ${result.bundle.contentScriptGzipBytes} B gzipped (goal < 15360), whole extension ${result.bundle.totalGzipBytes} B gzipped`);
  console.log('\nBudget (issues 7 and 17):');
  console.table(budget.map((b) => ({ figure: b.figure, value: b.value, goal: b.goal, within: b.ok === null ? '—' : b.ok ? 'yes' : 'NO' })));
}
