// Saving a quote so it is never lost: the store write is one transaction; when storage is full the
// quote goes to a pending queue (kept apart, small) and every later save retries the queue first.

import type { QuoteDraft, SaveResult } from '../messages';
import { newId, normalizeQuote, urlKey, type Quote } from './model';
import { isQuotaError, type QuoteStore } from './store';

export interface PendingQueue {
  load(): Promise<Quote[]>;
  save(quotes: Quote[]): Promise<void>;
}

export function quoteFromDraft(draft: QuoteDraft, originalText: string, now = Date.now()): Quote {
  return normalizeQuote({
    ...draft,
    id: newId(),
    originalText,
    urlKey: urlKey(draft.url),
    createdAt: now,
    updatedAt: now,
    tags: draft.tags ?? [],
    note: draft.note ?? '',
    color: draft.color ?? 'yellow',
  })!;
}

/** Writes quotes (after any still pending); on a full disk keeps them pending and says so. */
export async function saveQuotes(store: QuoteStore, pending: PendingQueue, quotes: Quote[]): Promise<SaveResult> {
  let waiting: Quote[] = [];
  try {
    waiting = await pending.load();
  } catch {
    // an unreadable queue is retried next time
  }
  try {
    await store.put([...waiting, ...quotes]);
    if (waiting.length) await pending.save([]);
    return { ok: true, quote: quotes[0] };
  } catch (e) {
    const quota = isQuotaError(e);
    let kept = false;
    try {
      await pending.save([...waiting, ...quotes]);
      kept = true;
    } catch {
      kept = false;
    }
    return { ok: false, reason: quota ? 'quota' : 'error', kept, message: String((e as Error)?.message ?? e) };
  }
}
