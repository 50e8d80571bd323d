// The background after Chromium stopped its service worker (as it does after ~30 s idle): the
// first page conversion still works, with dictionaries loaded anew in the new worker. How long it
// takes is the bench's (background.firstConvertAfterRestartMs), not a test's.
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/serve';
import { firstConvertAfterRestart } from '../../bench/background-cold';
import { prepareConverter } from '../../utils/script/convert';
import { corpusHtml } from '../helpers/corpus';
import type { Browser } from './harness';
import { useBrowser } from './use-browser';

let b: Browser;
let server: FixtureServer;

useBrowser((env) => ({ b, server } = env));

describe('a stopped service worker', () => {
  it('wakes for the command and converts the page with freshly loaded dictionaries', async () => {
    const startedAt = () => b.worker.evaluate(() => performance.timeOrigin);
    const before = await startedAt();
    const r = await firstConvertAfterRestart(b, `${server.origin}/corpus/gmw/`, '#articleTitle', 'taiwan', 2);
    expect(await startedAt()).toBeGreaterThan(before); // the worker that converted is a new one
    expect(r.runs).toHaveLength(2);
    for (const ms of r.runs) expect(ms).toBeGreaterThan(0);
    const original = /<h1 id="articleTitle">([^<]*)/.exec(corpusHtml('gmw'))![1].trim();
    const expected = (await prepareConverter({ to: 'taiwan' })).convert(original, 'simplified');
    expect(expected).not.toBe(original);
    expect(r.headline.trim()).toBe(expected);
  }, 120_000);
});
