// What a reader prepared in advance costs a tab, in real Chromium: the memory of the whole browser
// (the proportional set size of every process it started: the pages, the extension's own process
// where all reader frames and their workers live) with N article tabs open and their readers
// prepared, less the same N tabs opened with preparation off, divided by N. Garbage is collected
// in every page and frame before each reading, so the figure is what stays held, not what waits
// for the collector. Linux only (/proc); elsewhere the figure is null.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../scripts/chromium';
import { startServer } from '../scripts/serve';
import { launch, setSettings, tabIdOf, waitForPrepared, waitForVerdict, type Browser } from '../test/e2e/harness';
import { DEFAULT_SETTINGS } from '../utils/settings/schema';

export interface ReaderMemory {
  /** per tab, at the largest count measured */
  preparedReaderBytes: number;
  /** per tab with 1 and 10 tabs */
  perTab: Record<number, number>;
  /** the extension's own process (all reader frames and their workers) with the most tabs, prepared */
  extensionProcessBytes: number;
}

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(pid), ppid, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const pss = (pid: number) => {
  try {
    return 1024 * Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/** The browser this process started, and everything it started (Chromium's own processes only). */
function browserProcesses(): Proc[] {
  const all = processes();
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (ours.has(p.ppid) && !ours.has(p.pid)) (ours.add(p.pid), (grew = true));
  }
  return all.filter((p) => p.pid !== process.pid && ours.has(p.pid) && /chrom/i.test(p.cmd));
}

async function collectGarbage(b: Browser, pages: Page[]) {
  for (const page of pages)
    for (const frame of page.frames()) {
      // A reader frame is another process (out-of-process iframe): its own session.
      const cdp = await b.context.newCDPSession(frame).catch(() => null);
      if (!cdp) continue;
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      await cdp.detach().catch(() => {});
    }
  await b.worker.evaluate(() => new Promise((r) => setTimeout(r, 500)));
}

async function measure(b: Browser, pages: Page[]) {
  await collectGarbage(b, pages);
  const procs = browserProcesses();
  return {
    total: procs.reduce((s, p) => s + pss(p.pid), 0),
    extension: procs.filter((p) => p.cmd.includes('--extension-process')).reduce((s, p) => s + pss(p.pid), 0),
  };
}

async function openTabs(b: Browser, origin: string, names: string[], prepared: boolean): Promise<Page[]> {
  await setSettings(b, { reader: { ...DEFAULT_SETTINGS.reader, prepare: prepared } });
  const pages: Page[] = [];
  for (const name of names) {
    const page = await b.context.newPage();
    await page.goto(`${origin}/corpus/${name}/`);
    await waitForVerdict(b, await tabIdOf(b, page));
    pages.push(page);
  }
  // Settled: every reader prepared (or, off, the time one would have taken), their workers done.
  for (const page of pages) if (prepared) await waitForPrepared(b, page, 60_000);
  // Longer than the tagger worker's idle stop (platform/entities.ts), counted from the last tab's tagging.
  await pages[0].waitForTimeout(10_000);
  return pages;
}

export async function readerMemory(names: string[], counts = [1, 10]): Promise<ReaderMemory | null> {
  try {
    chromiumPath();
  } catch {
    return null;
  }
  if (!existsSync('/proc/self/smaps_rollup')) return null;
  const server = await startServer();
  const b = await launch();
  try {
    // The first reader of a session also wakes what all tabs share (the background's dictionaries,
    // the extension process itself): once, before anything is measured.
    for (const page of await openTabs(b, server.origin, names.slice(0, 1), true)) await page.close();
    const perTab: Record<number, number> = {};
    let extensionProcessBytes = 0;
    for (const n of counts) {
      const tabs = Array.from({ length: n }, (_, i) => names[i % names.length]);
      const held: Record<string, number> = {};
      for (const prepared of [false, true]) {
        const pages = await openTabs(b, server.origin, tabs, prepared);
        const m = await measure(b, pages);
        held[String(prepared)] = m.total;
        if (prepared) extensionProcessBytes = m.extension;
        for (const page of pages) await page.close();
        await b.worker.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
      }
      perTab[n] = Math.round((held.true - held.false) / n);
    }
    return { preparedReaderBytes: perTab[counts[counts.length - 1]], perTab, extensionProcessBytes };
  } finally {
    await b.close();
    await server.close();
  }
}
