// The reader's client of learn.worker.ts: readings and look-ups off the main thread. The worker
// starts on first use (readings turned on, or a look-up), never with the reader's first paint.

import type { Card } from '../utils/lookup/card';
import type { ReadingSystem } from '../utils/readings/systems';

export type LearnRequest =
  | { id: number; kind: 'readings'; text: string; system: ReadingSystem; traditional: boolean }
  | { id: number; kind: 'lookup'; text: string; offset: number; system: ReadingSystem }
  | { id: number; kind: 'warm' };
export type LearnResponse =
  | { id: number; kind: 'readings'; readings: Array<string | null> }
  | { id: number; kind: 'lookup'; card: Card | null }
  | { id: number; kind: 'warm' }
  | { id: number; kind: 'error'; message: string };

type Body<K> = K extends { id: number } ? Omit<K, 'id'> : never;

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve(r: LearnResponse): void; reject(e: Error): void }>();

function start(): Worker {
  const w = new Worker(new URL('./learn.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<LearnResponse>) => {
    const wait = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (e.data.kind === 'error') wait?.reject(new Error(e.data.message));
    else wait?.resolve(e.data);
  };
  w.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(e.message || 'the learning worker failed'));
    waiting.clear();
    worker?.terminate();
    worker = null; // the next request starts a fresh one
  };
  return w;
}

function ask(req: Body<LearnRequest>): Promise<LearnResponse> {
  return new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    (worker ??= start()).postMessage({ ...req, id });
  });
}

/** One reading (or null) per UTF-16 unit of `text`. */
export async function readingsFor(text: string, system: ReadingSystem, traditional: boolean): Promise<Array<string | null>> {
  const r = await ask({ kind: 'readings', text, system, traditional });
  return r.kind === 'readings' ? r.readings : [];
}

/** The card for the word at `offset` of `text` (its clause is enough). */
export async function lookUp(text: string, offset: number, system: ReadingSystem): Promise<Card | null> {
  const r = await ask({ kind: 'lookup', text, offset, system });
  return r.kind === 'lookup' ? r.card : null;
}

/** Loads the dictionary ahead of the first click (idle time, look-up on). */
export async function warmDictionary(): Promise<void> {
  await ask({ kind: 'warm' });
}
