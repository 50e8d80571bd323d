import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuoteStore } from '../../../utils/quotes/store';
import { normalizeQuote, urlKey, type Quote } from '../../../utils/quotes/model';

const quote = (id: string, extra: Partial<Quote> = {}): Quote =>
  normalizeQuote({
    id,
    text: `摘录${id}`,
    url: 'https://news.example.cn/a/1.html?utm_source=feed#top',
    selector: { quote: { exact: `摘录${id}`, prefix: '', suffix: '' }, position: { start: 0, end: 3 } },
    title: '标题',
    createdAt: 1,
    ...extra,
  })!;

describe('quote store (IndexedDB)', () => {
  it('creates the schema, stores, finds by page, removes and returns what it removed', async () => {
    const store = await openQuoteStore('test-1');
    await store.put([quote('a'), quote('b'), quote('c', { url: 'https://other.example.cn/x' })]);
    expect(await store.count()).toBe(3);
    const page = await store.forPage(urlKey('https://www.news.example.cn/a/1.html/'));
    expect(page.map((q) => q.id).sort()).toEqual(['a', 'b']);
    const removed = await store.remove(['a', 'zzz']);
    expect(removed.map((q) => q.id)).toEqual(['a']);
    expect(await store.count()).toBe(2);
    await store.put(removed); // undo
    expect(await store.count()).toBe(3);
    store.close();
    // Reopening (extension reload, browser restart) keeps everything.
    const again = await openQuoteStore('test-1');
    expect((await again.all()).length).toBe(3);
    again.close();
  });

  it('writes all or nothing', async () => {
    const store = await openQuoteStore('test-2');
    await store.put([quote('a')]);
    const bad = { ...quote('b'), id: undefined as unknown as string }; // no key: the transaction fails
    await expect(store.put([quote('c'), bad])).rejects.toMatchObject({ name: 'DataError' });
    expect((await store.all()).map((q) => q.id)).toEqual(['a']);
    store.close();
  });
});

describe('urlKey', () => {
  it('ignores fragments, tracking parameters, www., m. and a trailing slash', () => {
    const k = urlKey('https://news.example.cn/a/1.html');
    for (const u of ['https://www.news.example.cn/a/1.html#p3', 'http://m.news.example.cn/a/1.html?utm_source=wechat&from=timeline', 'https://news.example.cn/a/1.html/']) expect(urlKey(u)).toBe(k);
    expect(urlKey('https://news.example.cn/a/1.html?id=2')).not.toBe(k);
  });
});

describe('saveQuotes', () => {
  it('keeps a quote pending when the disk is full and writes it with the next save', async () => {
    const { saveQuotes } = await import('../../../utils/quotes/save');
    const real = await openQuoteStore('test-3');
    let full = true;
    const store = { ...real, put: (qs: Quote[]) => (full ? Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })) : real.put(qs)) };
    let queue: Quote[] = [];
    const pending = { load: async () => queue, save: async (qs: Quote[]) => void (queue = qs) };
    const first = await saveQuotes(store, pending, [quote('x')]);
    expect(first).toMatchObject({ ok: false, reason: 'quota', kept: true });
    expect(queue.map((q) => q.id)).toEqual(['x']);
    full = false;
    expect(await saveQuotes(store, pending, [quote('y')])).toMatchObject({ ok: true });
    expect(queue).toEqual([]);
    expect((await real.all()).map((q) => q.id).sort()).toEqual(['x', 'y']);
    real.close();
  });
});
