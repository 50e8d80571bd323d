// How long the extension's own scripts hold a page's main thread, from Chromium's trace: every
// script call (timer, idle callback, observer, message, event) attributed to our content scripts,
// with its duration. The rendering the browser does afterwards is the page's cost, not ours.
// Durations are the main thread's own time in the call (the trace's thread clock) where the trace
// has it: on a busy machine the wall clock also counts the time the system gave other processes.

import type { Page } from 'playwright-core';

export async function extensionScriptTime<T>(page: Page, extensionId: string, work: () => Promise<T>): Promise<{ result: T; calls: number[]; longest: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: Array<{ name: string; dur?: number; tdur?: number; args?: { data?: { url?: string; scriptName?: string } } }> = [];
  (cdp as unknown as { on(e: string, f: (x: { value: typeof events }) => void): void }).on('Tracing.dataCollected', (e) => void events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  const result = await work();
  const done = new Promise((r) => (cdp as unknown as { once(e: string, f: () => void): void }).once('Tracing.tracingComplete', () => r(null)));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const ours = `chrome-extension://${extensionId}/`;
  const mine = events
    .filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile') && typeof e.dur === 'number')
    .map((e) => ({ ...e, dur: e.tdur ?? e.dur }))
    .filter((e) => (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith(`${ours}content-scripts/`));
  const calls = mine.map((e) => Math.round(e.dur! / 100) / 10);
  const longest = [...mine]
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, 5)
    .map((e) => `${e.name} ${Math.round(e.dur! / 1000)}ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 200)}`);
  return { result, calls, longest };
}
