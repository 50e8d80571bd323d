// Entity spans for extension pages, from the tagger's worker (tag.worker.ts).

import type { Span } from '../utils/nlp/rules';

/** Past this many characters (a book, not an article) only the beginning is tagged: a few seconds of worker time. */
export const MAX_TAGGED = 500_000;

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, (spans: Span[]) => void>();
// The reader marks and the panel counts the same text: tag it once.
const recent = new Map<string, Promise<Span[]>>();

function start(): Worker {
  const w = new Worker(new URL('./tag.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number; spans: Span[] }>) => {
    waiting.get(e.data.id)?.(e.data.spans);
    waiting.delete(e.data.id);
  };
  // Entities are an aid: if the tagger fails, the article shows without them.
  w.onerror = (e) => {
    console.error('Jingdu: the entity tagger failed', e.message);
    for (const done of waiting.values()) done([]);
    waiting.clear();
    recent.clear();
    w.terminate();
    worker = null; // the next article gets a fresh worker
  };
  return w;
}

/** Entity spans of `text` (offsets into it), tagged off the main thread. */
export function tagText(text: string): Promise<Span[]> {
  const input = text.length > MAX_TAGGED ? text.slice(0, MAX_TAGGED) : text;
  let spans = recent.get(input);
  if (!spans) {
    spans = new Promise<Span[]>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      (worker ??= start()).postMessage({ id, text: input });
    });
    recent.set(input, spans);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return spans;
}
