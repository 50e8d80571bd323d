// `jingdu` as people run it: whole processes, timed from spawn to exit, beside bare Node's start
// (`node -e ""`) and Debian's `opencc` measured in the same run, so the ratios hold on a busy
// machine. The batch figure is one `jingdu analyze <folder>` process over the news pages.

import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, ROOT } from '../test/helpers/corpus';

const JINGDU = join(ROOT, 'bin/jingdu.mjs');
const LINE = '中华人民共和国的软件产业在网络时代快速发展。\n';

function wall(cmd: string, args: string[], input?: string): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], cwd: ROOT });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function hasOpencc(): boolean {
  try {
    execFileSync('opencc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function cli(runs: number, median: (xs: number[]) => number) {
  const pagesDir = join(CORPUS, 'news-pages/pages');
  const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
  // A typical page: the median in size of the news pages.
  const bySize = [...pages].sort((a, b) => statSync(join(pagesDir, a)).size - statSync(join(pagesDir, b)).size);
  const typical = bySize[bySize.length >> 1];
  // Untimed first: builds the bundle if a source changed, and warms the file cache.
  wall(process.execPath, [JINGDU, 'convert', '--to', 'taiwan'], LINE);
  wall(process.execPath, [JINGDU, 'analyze', join(pagesDir, typical)]);
  const opencc = hasOpencc();
  const node: number[] = [];
  const openccMs: number[] = [];
  const convert: number[] = [];
  const analyze: number[] = [];
  // Interleaved, so a burst of load on the machine falls on all of them alike.
  for (let i = 0; i < runs; i++) {
    node.push(wall(process.execPath, ['-e', '']));
    if (opencc) openccMs.push(wall('opencc', ['-c', 's2twp.json'], LINE));
    convert.push(wall(process.execPath, [JINGDU, 'convert', '--to', 'taiwan'], LINE));
    analyze.push(wall(process.execPath, [JINGDU, 'analyze', join(pagesDir, typical)]));
  }
  const t = performance.now();
  const batch = spawnSync(process.execPath, [JINGDU, 'analyze', pagesDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  const batchMs = performance.now() - t;
  const lines = batch.stdout.toString().trimEnd().split('\n').length;
  const round = (x: number) => Math.round(x);
  return {
    nodeMs: round(median(node)),
    openccMs: opencc ? round(median(openccMs)) : null,
    convertMs: round(median(convert)),
    analyzeMs: round(median(analyze)),
    analyzePage: typical,
    batchPages: lines,
    batchPagesPerSecond: Math.round((lines / (batchMs / 1000)) * 10) / 10,
  };
}
