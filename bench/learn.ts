// Listen and learn, in real Chromium: readings over each Chinese corpus article (from the switch's
// click to the last ruby in, and the longest task the reader's main thread ran meanwhile: the
// readings are read in a worker and put in by slices), and the look-up card (click to card shown:
// the first one loads the dictionary in the worker, the others are what a reader waits for).

import { chromiumPath } from '../scripts/chromium';
import { startServer } from '../scripts/serve';
import { launch, setSettings, tabIdOf, toggleReader, waitForReader, waitForVerdict } from '../test/e2e/harness';
import { DEFAULT_SETTINGS } from '../utils/settings/schema';

export interface LearnBench {
  readings: Array<{ name: string; chars: number; rubies: number; ms: number; longestTaskMs: number }>;
  /** the longest main-thread task while readings went in, over all pages (0: none over 50 ms) */
  readingsLongestTaskMs: number;
  lookupFirstMs: number;
  /** median, dictionary loaded */
  lookupCardMs: number;
}

export async function learnBench(names: string[], median: (xs: number[]) => number): Promise<LearnBench | null> {
  try {
    chromiumPath();
  } catch {
    return null;
  }
  const server = await startServer();
  const b = await launch();
  const readings: LearnBench['readings'] = [];
  const cards: number[] = [];
  let first = 0;
  try {
    for (const name of names) {
      await setSettings(b, { learn: { ...DEFAULT_SETTINGS.learn, readings: false } });
      const page = await b.context.newPage();
      await page.goto(`${server.origin}/corpus/${name}/`);
      const tabId = await tabIdOf(b, page);
      await waitForVerdict(b, tabId);
      await toggleReader(b, tabId);
      const reader = await waitForReader(b, page, 30_000);
      await reader.waitForSelector('.jd-readings-toggle');
      await page.waitForTimeout(1500); // marks in, the dictionary warmed
      await reader.evaluate(() => {
        const w = window as unknown as { longest: number };
        w.longest = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
        performance.mark('bench:click');
      });
      await reader.click('.jd-readings-toggle');
      await reader.waitForFunction(() => performance.getEntriesByName('jingdu:readings-done').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(200); // a long task ending with the last slice is reported after it
      readings.push({
        name,
        ...(await reader.evaluate(() => ({
          chars: (document.querySelector('.jd-body')!.textContent ?? '').length,
          rubies: document.querySelectorAll('ruby.jd-ruby').length,
          ms: Math.round(performance.getEntriesByName('jingdu:readings-done')[0].startTime - performance.getEntriesByName('bench:click')[0].startTime),
          longestTaskMs: Math.round((window as unknown as { longest: number }).longest),
        }))),
      });
      // Look-ups: a click on Han characters along the first paragraph.
      const points = await reader.evaluate(() => {
        const out: Array<{ x: number; y: number }> = [];
        const walker = document.createTreeWalker(document.querySelector('.jd-body')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n && out.length < 6; n = walker.nextNode() as Text | null) {
          if (n.parentElement?.closest('rt') || !/^\p{Script=Han}/u.test(n.data)) continue;
          const r = document.createRange();
          r.setStart(n, 0);
          r.setEnd(n, 1);
          const box = r.getBoundingClientRect();
          if (box.top > 100 && box.bottom < innerHeight) out.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        }
        return out;
      });
      const frame = (await (await reader.frameElement()).boundingBox())!;
      for (const p of points) {
        const before = await reader.evaluate(() => performance.getEntriesByName('jingdu:lookup-shown').length);
        await page.mouse.click(frame.x + p.x, frame.y + p.y);
        const ok = await reader.waitForFunction((n) => performance.getEntriesByName('jingdu:lookup-shown').length > n, before, { timeout: 30_000 }).then(() => true, () => false);
        if (!ok) continue;
        const ms = await reader.evaluate(() => performance.getEntriesByName('jingdu:lookup-shown').at(-1)!.startTime - performance.getEntriesByName('jingdu:lookup-asked').at(-1)!.startTime);
        if (!first) first = ms;
        else cards.push(ms);
        // The card's own close button: Esc with the card gone (a re-render) would close the reader.
        if (await reader.locator('.jd-lookup-close').count()) await reader.click('.jd-lookup-close');
      }
      await page.close();
    }
  } finally {
    await setSettings(b, { learn: DEFAULT_SETTINGS.learn });
    await b.close();
    await server.close();
  }
  return {
    readings,
    readingsLongestTaskMs: Math.max(0, ...readings.map((r) => r.longestTaskMs)),
    lookupFirstMs: Math.round(first),
    lookupCardMs: Math.round(median(cards) * 10) / 10,
  };
}
