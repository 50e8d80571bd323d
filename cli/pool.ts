// A pool of worker threads for `jingdu analyze` over many pages: one thread a core (at most one a
// page), each fed its next page as soon as it answers, so a slow page holds up no other.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Target } from '../utils/script/targets';
import type { Answer, Job } from './analyze-worker';

export interface Pool {
  analyze(bytes: Uint8Array, url: string, to: Target | null): Promise<object>;
  /** how many pages it works on at once */
  size: number;
  close(): Promise<void>;
}

export function createPool(script: URL, pages: number): Pool {
  const size = Math.max(1, Math.min(availableParallelism(), pages));
  const waiting: Array<Omit<Job, 'id'> & { done(a: Answer): void }> = [];
  const pending = new Map<number, (a: Answer) => void>();
  const idle: Worker[] = [];
  let next = 0;
  let broken: Error | null = null;
  let closing = false;
  const fail = (e: Error) => {
    broken ??= e;
    const failed = { id: -1, error: e.message };
    for (const done of pending.values()) done(failed);
    pending.clear();
    for (const { done } of waiting.splice(0)) done(failed);
  };
  const feed = () => {
    while (idle.length && waiting.length) {
      const { done, ...job } = waiting.shift()!;
      const id = next++;
      pending.set(id, done);
      idle.pop()!.postMessage({ id, ...job } satisfies Job);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(script);
    w.on('message', (a: Answer) => {
      const done = pending.get(a.id);
      pending.delete(a.id);
      idle.push(w);
      feed();
      done?.(a);
    });
    // A thread that dies (out of memory, a bug) fails the pages still out and every later one: the
    // batch reports them as errors rather than hang.
    w.on('error', fail);
    w.on('exit', (code) => closing || fail(new Error(`a worker thread stopped (exit code ${code})`)));
    idle.push(w);
    return w;
  });
  return {
    size,
    analyze(bytes, url, to) {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        waiting.push({ bytes, url, to, done: (a) => ('error' in a ? reject(new Error(a.error)) : resolve(a.result)) });
        feed();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
