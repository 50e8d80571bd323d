// One thread of `jingdu analyze`'s batch pool (cli/pool.ts): it takes a page's bytes and URL, runs
// the pipeline and answers with the contract's object or the error's message. A page is all DOM
// and tagger work on one thread, so a batch spreads its pages over the machine's cores.

import { parentPort } from 'node:worker_threads';
import type { Target } from '../utils/script/targets';
import { analyzeBytes } from './analyze-page';

export interface Job {
  id: number;
  bytes: Uint8Array;
  url: string;
  to: Target | null;
}
export type Answer = { id: number; result: object } | { id: number; error: string };

parentPort!.on('message', async ({ id, bytes, url, to }: Job) => {
  let answer: Answer;
  try {
    answer = { id, result: await analyzeBytes(bytes, url, to) };
  } catch (e) {
    answer = { id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(answer);
});
