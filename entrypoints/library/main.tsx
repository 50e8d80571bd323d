// The library page: every saved quote, read straight from the extension's IndexedDB (fast with
// 10,000 quotes); writes are announced on the quotes channel so open pages re-highlight.

import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Library } from '../../components/library/Library';
import '../../components/library/library.css';
import { t, uiLanguage } from '../../platform/i18n';
import { sendMessage } from '../../utils/messages';
import { QUOTES_CHANNEL } from '../../utils/quotes/channel';
import { citation, type Quote } from '../../utils/quotes/model';
import { linkToQuote } from '../../utils/quotes/open-at';
import { buildIndex } from '../../utils/quotes/search';
import { openQuoteStore, type QuoteStore } from '../../utils/quotes/store';
import { exportCsv, exportJson, exportMarkdown, importJson } from '../../utils/quotes/transfer';
import { traditionalToSimplifiedChars } from '../../utils/script/convert';

const fold = traditionalToSimplifiedChars();
const channel = new BroadcastChannel(QUOTES_CHANNEL);

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function App({ store }: { store: QuoteStore }) {
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<{ label: string; run(): void } | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  const index = useMemo(() => buildIndex(quotes, fold), [quotes]);
  const reload = async () => setQuotes(await store.all());
  /** Tell the background (and through it, open pages) which pages' quotes changed. */
  const announce = (changed: Quote[]) => channel.postMessage({ keys: [...new Set(changed.map((q) => q.urlKey))] });

  useEffect(() => {
    void reload();
    channel.onmessage = () => void reload();
  }, []);

  return (
    <Library
      quotes={quotes}
      index={index}
      t={t}
      locale={uiLanguage()}
      status={status}
      undo={undo}
      onDelete={async (ids) => {
        const removed = await store.remove(ids);
        announce(removed);
        await reload();
        setStatus(t('quoteDeleted', removed.length));
        clearTimeout(undoTimer.current);
        setUndo({
          label: t('quoteUndo'),
          run: async () => {
            await store.put(removed);
            announce(removed);
            await reload();
            setUndo(null);
            setStatus('');
          },
        });
        undoTimer.current = setTimeout(() => setUndo(null), 15_000);
      }}
      onCopy={async (q) => {
        await navigator.clipboard.writeText(`${q.text}\n${citation(q)}`);
        setStatus(t('quoteCopied'));
      }}
      onOpen={(q) => void sendMessage('bg:openQuote', { url: q.url, id: q.id, text: q.text }).catch(() => browser.tabs.create({ url: linkToQuote(q.url, q.text) }))}
      onExport={(kind, list) => {
        const stamp = new Date().toISOString().slice(0, 10);
        if (kind === 'md') download(`jingdu-quotes-${stamp}.md`, exportMarkdown(list), 'text/markdown');
        else if (kind === 'json') download(`jingdu-quotes-${stamp}.json`, exportJson(list), 'application/json');
        else download(`jingdu-quotes-${stamp}.csv`, exportCsv(list), 'text/csv');
      }}
      onImport={async (file) => {
        try {
          const r = importJson(await store.all(), await file.text());
          await store.put(r.quotes);
          announce(r.quotes);
          await reload();
          setStatus(t('libraryImported', r.added, r.updated, r.skipped));
        } catch (e) {
          setStatus(t('optionsImportFailed', (e as Error).message));
        }
      }}
    />
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');
void openQuoteStore().then((store) => render(<App store={store} />, document.getElementById('app')!));
