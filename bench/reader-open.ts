// "Click to painted" for the reader view, in real Chromium: the time from the command the toolbar
// button, Alt+R and the menu all run (in the service worker) to the reader's `jingdu:painted` mark
// (the first frame after the article is in the document). Both ends read the same wall clock.
//
// Two ways in: `prepared` is what a reader gets on a page that has settled (the reader was loaded
// and read the article in idle time, hidden; the default); `cold` is the same click with
// preparation turned off in the settings (the frame, the snapshot and the extraction all follow
// the click), as on a page clicked the moment it loaded.

import { chromiumPath } from '../scripts/chromium';
import { startServer } from '../scripts/serve';
import { launch, readerFrame, setSettings, tabIdOf, waitForPrepared, waitForReader, waitForVerdict, type Browser } from '../test/e2e/harness';
import { DEFAULT_SETTINGS } from '../utils/settings/schema';

export interface ReaderOpen {
  /** per page, the median of its opens */
  pages: Array<{ name: string; ms: number }>;
  /** median time from the click to each step, over all opens */
  phases: Record<string, number>;
  medianMs: number;
  p95Ms: number;
}

/** The reader's performance marks, in order (entrypoints/reader/main.tsx), and what they mean. */
const STEPS = {
  cold: { module: 'reader script running', snapshot: 'page snapshot received', analyzed: 'article extracted', painted: 'painted' },
  prepared: { shown: 'reader told it is shown', painted: 'painted' },
};

type Hooks = { jingdu: { toggleReader(id: number): Promise<void> } };

async function run(b: Browser, origin: string, names: string[], runs: number, median: (xs: number[]) => number, how: 'prepared' | 'cold'): Promise<ReaderOpen> {
  await setSettings(b, { reader: { ...DEFAULT_SETTINGS.reader, prepare: how === 'prepared' } });
  const marks = Object.keys(STEPS[how]);
  const pages: ReaderOpen['pages'] = [];
  const phases: number[][] = marks.map(() => []);
  for (const name of names) {
    const page = await b.context.newPage();
    await page.goto(`${origin}/corpus/${name}/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (how === 'prepared') await waitForPrepared(b, page, 30_000);
      const clicked = await b.worker.evaluate((id) => {
        const t = Date.now();
        void (globalThis as unknown as Hooks).jingdu.toggleReader(id);
        return t;
      }, tabId);
      const frame = await waitForReader(b, page, 30_000);
      await frame.waitForFunction(() => performance.getEntriesByName('jingdu:painted').length > 0, null, { timeout: 30_000 });
      // The reader's marks on the same clock: where the time went.
      const at = await frame.evaluate((names) => names.map((n) => performance.timeOrigin + performance.getEntriesByName(`jingdu:${n}`)[0].startTime), marks);
      at.forEach((t, i) => phases[i].push(t - clicked));
      times.push(at[at.length - 1] - clicked);
      await b.worker.evaluate((id) => (globalThis as unknown as Hooks).jingdu.toggleReader(id), tabId);
      while (readerFrame(b, page)) await page.waitForTimeout(20);
    }
    pages.push({ name, ms: Math.round(median(times)) });
    await page.close();
  }
  const sorted = pages.map((p) => p.ms).sort((a, b) => a - b);
  const steps: Record<string, string> = STEPS[how];
  return {
    pages,
    phases: Object.fromEntries(marks.map((m, i) => [steps[m], Math.round(median(phases[i]))])),
    medianMs: median(sorted),
    p95Ms: sorted[Math.ceil(0.95 * sorted.length) - 1],
  };
}

export async function readerOpen(names: string[], runs: number, median: (xs: number[]) => number): Promise<{ prepared: ReaderOpen; cold: ReaderOpen } | null> {
  try {
    chromiumPath();
  } catch {
    return null; // no browser here: the figure is null, as the bench contract says
  }
  const server = await startServer();
  const b = await launch();
  try {
    return {
      prepared: await run(b, server.origin, names, runs, median, 'prepared'),
      cold: await run(b, server.origin, names, runs, median, 'cold'),
    };
  } finally {
    await b.close();
    await server.close();
  }
}
