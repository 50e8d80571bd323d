// Quotes in IndexedDB (through idb), in the extension's own origin: the background, the panel and
// the library page open the same database. Every write is one transaction, so a crash leaves the
// old state or the new one. The schema is versioned; `upgrade` takes any older version forward.

import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { normalizeQuote, type Quote } from './model';

export const DB_NAME = 'jingdu';
export const DB_VERSION = 1;

interface JingduDB extends DBSchema {
  quotes: {
    key: string;
    value: Quote;
    indexes: { urlKey: string; createdAt: number };
  };
}

export interface QuoteStore {
  all(): Promise<Quote[]>;
  forPage(urlKey: string): Promise<Quote[]>;
  get(id: string): Promise<Quote | undefined>;
  /** Adds or replaces quotes, all or none. */
  put(quotes: Quote[]): Promise<void>;
  /** Removes quotes and returns them (for undo). */
  remove(ids: string[]): Promise<Quote[]>;
  count(): Promise<number>;
  close(): void;
}

/** Migrations by version: each brings the database from the version before. */
const UPGRADES: Record<number, (db: IDBPDatabase<JingduDB>) => void> = {
  1: (db) => {
    const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
    quotes.createIndex('urlKey', 'urlKey');
    quotes.createIndex('createdAt', 'createdAt');
  },
};

export async function openQuoteStore(name = DB_NAME): Promise<QuoteStore> {
  const db = await openDB<JingduDB>(name, DB_VERSION, {
    upgrade(database, oldVersion) {
      for (let v = oldVersion + 1; v <= DB_VERSION; v++) UPGRADES[v](database);
    },
  });
  /** Runs writes in one transaction; any failure aborts it, so nothing of it is kept. */
  const write = async <T>(items: T[], op: (store: IDBPObjectStore<JingduDB, ['quotes'], 'quotes', 'readwrite'>, item: T) => Promise<unknown>) => {
    const tx = db.transaction('quotes', 'readwrite');
    const done = tx.done;
    done.catch(() => {}); // observed below; an abort must not surface as unhandled
    try {
      for (const item of items) op(tx.store, item).catch(() => {}); // failures surface through tx.done
      await done;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted by the failure itself
      }
      throw e;
    }
  };
  const clean = (list: Quote[]) => list.map(normalizeQuote).filter((q): q is Quote => q !== null);
  return {
    all: async () => clean(await db.getAll('quotes')),
    forPage: async (key) => clean(await db.getAllFromIndex('quotes', 'urlKey', key)),
    get: (id) => db.get('quotes', id),
    put: (quotes) => write(quotes, (store, q) => store.put(q)),
    async remove(ids) {
      const found = (await Promise.all(ids.map((id) => db.get('quotes', id)))).filter((q): q is Quote => !!q);
      await write(found, (store, q) => store.delete(q.id));
      return found;
    },
    count: () => db.count('quotes'),
    close: () => db.close(),
  };
}

/** Storage is full (QuotaExceededError, in whichever form the browser throws it). */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message ?? ''));
}
