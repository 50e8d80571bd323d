// "Click to painted" for the reader view, in real Chromium: the time from the command the toolbar
// button, Alt+R and the menu all run (in the service worker) to the reader's `jingdu:painted` mark
// (the first frame after the article is in the document). Both ends read the same wall clock.

import { chromiumPath } from '../scripts/chromium';
import { startServer } from '../scripts/serve';
import { launch, readerFrame, tabIdOf, waitForReader, waitForVerdict } from '../test/e2e/harness';

export interface ReaderOpen {
  /** per page, the median of its opens */
  pages: Array<{ name: string; ms: number }>;
  /** median time from the click to each step, over all opens */
  phases: Record<string, number>;
  medianMs: number;
  p95Ms: number;
}

/** The reader's performance marks, in order (entrypoints/reader/main.tsx). */
const MARKS = ['module', 'snapshot', 'analyzed', 'painted'];

type Hooks = { jingdu: { toggleReader(id: number): Promise<void> } };

export async function readerOpen(names: string[], runs: number, median: (xs: number[]) => number): Promise<ReaderOpen | null> {
  try {
    chromiumPath();
  } catch {
    return null; // no browser here: the figure is null, as the bench contract says
  }
  const server = await startServer();
  const b = await launch();
  try {
    const pages: ReaderOpen['pages'] = [];
    const phases: number[][] = [[], ...MARKS.map(() => [])];
    for (const name of names) {
      const page = await b.context.newPage();
      await page.goto(`${server.origin}/corpus/${name}/`);
      const tabId = await tabIdOf(b, page);
      await waitForVerdict(b, tabId);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const clicked = await b.worker.evaluate((id) => {
          const t = Date.now();
          void (globalThis as unknown as Hooks).jingdu.toggleReader(id);
          return t;
        }, tabId);
        const frame = await waitForReader(b, page, 30_000);
        await frame.waitForFunction(() => performance.getEntriesByName('jingdu:painted').length > 0, null, { timeout: 30_000 });
        // The reader's marks on the same clock: where the time went.
        const at = await frame.evaluate((names) => [performance.timeOrigin, ...names.map((n) => performance.timeOrigin + performance.getEntriesByName(`jingdu:${n}`)[0].startTime)], MARKS);
        at.forEach((t, i) => phases[i].push(t - clicked));
        times.push(at[at.length - 1] - clicked);
        await b.worker.evaluate((id) => (globalThis as unknown as Hooks).jingdu.toggleReader(id), tabId);
        while (readerFrame(b, page)) await page.waitForTimeout(20);
      }
      pages.push({ name, ms: Math.round(median(times)) });
      await page.close();
    }
    const sorted = pages.map((p) => p.ms).sort((a, b) => a - b);
    const steps = ['frame created', ...MARKS.map((m) => (m === 'module' ? 'reader script running' : m === 'snapshot' ? 'page snapshot received' : m === 'analyzed' ? 'article extracted' : 'painted'))];
    return {
      pages,
      phases: Object.fromEntries(steps.map((step, i) => [step, Math.round(median(phases[i]))])),
      medianMs: median(sorted),
      p95Ms: sorted[Math.ceil(0.95 * sorted.length) - 1],
    };
  } finally {
    await b.close();
    await server.close();
  }
}
