// "Click to painted" for the reader view, in real Chromium: the time from the command the toolbar
// button, Alt+R and the menu all run (in the service worker) to the reader's `jingdu:painted` mark
// (the first frame after the article is in the document). Both ends read the same wall clock.
//
// Two ways in: `prepared` is what a reader gets on a page that has settled (the reader was loaded
// and read the article in idle time, hidden; the default); `cold` is the same click with
// preparation turned off in the settings (the frame, the snapshot and the extraction all follow
// the click), as on a page clicked the moment it loaded. A cold reader paints the headline and
// first paragraphs first, where the page has them (utils/page/first-screen.ts): its time is to
// that paint (`jingdu:first-screen`), and `article*` are to the whole article's.

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
  /** the same to the whole article painted (equal to the above when prepared) */
  articleMedianMs: number;
  articleP95Ms: number;
  /** pages whose reader showed a first screen before the article */
  firstScreens: number;
}

/** The reader's performance marks, in order (entrypoints/reader/main.tsx), and what they mean. */
const STEPS = {
  cold: { module: 'reader script running', 'first-screen': 'first screen painted', snapshot: 'page snapshot received', analyzed: 'article extracted', painted: 'painted' },
  prepared: { shown: 'reader told it is shown', painted: 'painted' },
};

type Hooks = { jingdu: { toggleReader(id: number): Promise<void> } };

async function run(b: Browser, origin: string, names: string[], runs: number, median: (xs: number[]) => number, how: 'prepared' | 'cold'): Promise<ReaderOpen> {
  await setSettings(b, { reader: { ...DEFAULT_SETTINGS.reader, prepare: how === 'prepared' } });
  const marks = Object.keys(STEPS[how]);
  const pages: ReaderOpen['pages'] = [];
  const articles: number[] = [];
  let firstScreens = 0;
  const phases: number[][] = marks.map(() => []);
  for (const name of names) {
    const page = await b.context.newPage();
    await page.goto(`${origin}/corpus/${name}/`);
    const tabId = await tabIdOf(b, page);
    await waitForVerdict(b, tabId);
    const times: number[] = [];
    const whole: number[] = [];
    let first = false;
    for (let i = 0; i < runs; i++) {
      if (how === 'prepared') await waitForPrepared(b, page, 30_000);
      const clicked = await b.worker.evaluate((id) => {
        const t = Date.now();
        void (globalThis as unknown as Hooks).jingdu.toggleReader(id);
        return t;
      }, tabId);
      const frame = await waitForReader(b, page, 30_000);
      await frame.waitForFunction(() => performance.getEntriesByName('jingdu:painted').length > 0, null, { timeout: 30_000 });
      // The reader's marks on the same clock: where the time went (null: a step it did not take).
      const at = await frame.evaluate((names) => names.map((n) => { const e = performance.getEntriesByName(`jingdu:${n}`)[0]; return e ? performance.timeOrigin + e.startTime : null; }), marks);
      at.forEach((t, i) => t !== null && phases[i].push(t - clicked));
      const painted = at[at.length - 1]! - clicked;
      const firstAt = at[marks.indexOf('first-screen')];
      if (typeof firstAt === 'number') first = true;
      times.push(typeof firstAt === 'number' ? firstAt - clicked : painted);
      whole.push(painted);
      await b.worker.evaluate((id) => (globalThis as unknown as Hooks).jingdu.toggleReader(id), tabId);
      while (readerFrame(b, page)) await page.waitForTimeout(20);
    }
    pages.push({ name, ms: Math.round(median(times)) });
    articles.push(Math.round(median(whole)));
    if (first) firstScreens++;
    await page.close();
  }
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];
  const steps: Record<string, string> = STEPS[how];
  return {
    pages,
    phases: Object.fromEntries(marks.flatMap((m, i) => (phases[i].length ? [[steps[m], Math.round(median(phases[i]))]] : []))),
    medianMs: median(pages.map((p) => p.ms)),
    p95Ms: p95(pages.map((p) => p.ms)),
    articleMedianMs: median(articles),
    articleP95Ms: p95(articles),
    firstScreens,
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
