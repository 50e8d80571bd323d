// Entity spans for extension pages, from the tagger's worker (tag.worker.ts).

import type { Span } from '../utils/nlp/rules';

/** Past this many characters (a book, not an article) only the beginning is tagged: a few seconds of worker time. */
export const MAX_TAGGED = 500_000;

let worker: Worker | null = null;
let next = 0;
/**
 * A worker with its model unpacked holds ~30 MB (bench/reader-memory.ts: 36 MB a prepared tab with
 * it kept, 6 MB without), and every reader prepared in a tab would keep one. It goes once idle this
 * long; the next text starts a new one (the model unpacks again in the worker's thread; a view is
 * tagged once and its spans are kept below).
 */
const IDLE_MS = 3000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const waiting = new Map<number, (spans: Span[]) => void>();
// The reader marks and the panel counts the same text: tag it once.
const recent = new Map<string, Promise<Span[]>>();

function start(): Worker {
  const w = new Worker(new URL('./tag.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number; spans: Span[] }>) => {
    waiting.get(e.data.id)?.(e.data.spans);
    waiting.delete(e.data.id);
    if (!waiting.size) idleTimer = setTimeout(stop, IDLE_MS);
  };
  // Entities are an aid: if the tagger fails, the article shows without them.
  w.onerror = (e) => {
    console.error('Jingdu: the entity tagger failed', e.message);
    for (const done of waiting.values()) done([]);
    waiting.clear();
    recent.clear();
    stop(); // the next article gets a fresh worker
  };
  return w;
}

function stop() {
  worker?.terminate();
  worker = null;
}

/** Entity spans of `text` (offsets into it), tagged off the main thread. */
export function tagText(text: string): Promise<Span[]> {
  const input = text.length > MAX_TAGGED ? text.slice(0, MAX_TAGGED) : text;
  let spans = recent.get(input);
  if (!spans) {
    spans = new Promise<Span[]>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      clearTimeout(idleTimer);
      (worker ??= start()).postMessage({ id, text: input });
    });
    recent.set(input, spans);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return spans;
}
