// The reader's learning thread: readings for a whole article (pinyin-pro and to-jyutping load and
// run here, never on the reader's main thread) and word look-up in CC-CEDICT (the dictionary,
// compiled at build time into a file of the extension, loads here on first use). Only its creator can message it.

import type { LearnRequest, LearnResponse } from './learn';

let dictionary: Promise<import('../utils/lookup/dictionary').Dictionary> | null = null;
const readings = () => import('../utils/readings/annotate');
const fold = () => import('../utils/script/convert').then((m) => m.traditionalToSimplifiedChars());

function loadDictionary() {
  dictionary ??= (async () => {
    // A file of the extension itself (see cedict-asset.ts), at its root.
    const r = await fetch(new URL('/dict/cedict.txt', self.location.href));
    if (!r.ok) throw new Error(`the dictionary is missing (${r.status})`);
    const [text, m] = await Promise.all([r.text(), import('../utils/lookup/dictionary')]);
    return new m.Dictionary(text);
  })();
  dictionary.catch(() => (dictionary = null)); // the next look-up tries again
  return dictionary;
}

async function answer(req: LearnRequest): Promise<LearnResponse> {
  if (req.kind === 'readings') {
    const { readingsOf } = await readings();
    return { id: req.id, kind: 'readings', readings: readingsOf(req.text, req.system, req.traditional ? await fold() : undefined) };
  }
  if (req.kind === 'warm') {
    await loadDictionary();
    return { id: req.id, kind: 'warm' };
  }
  const [dict, { cardAt }] = await Promise.all([loadDictionary(), import('../utils/lookup/card')]);
  const card = cardAt(dict, req.text, req.offset, req.system);
  if (card && req.system === 'jyutping') {
    const { readingsOf } = await readings();
    card.jyutping = readingsOf(card.word, 'jyutping').filter(Boolean).join(' ') || null;
  }
  return { id: req.id, kind: 'lookup', card };
}

self.onmessage = (e: MessageEvent<LearnRequest>) => {
  void answer(e.data).then(
    (r) => self.postMessage(r),
    (err) => self.postMessage({ id: e.data.id, kind: 'error', message: String((err as Error)?.message ?? err) }),
  );
};
