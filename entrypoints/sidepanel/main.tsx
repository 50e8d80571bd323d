// The side panel (Chrome side_panel, Firefox sidebar_action). It follows the active tab, or the
// tab given as ?tab=ID (then it can be opened as an ordinary page), reads that tab's page the way
// the reader does, and sends clicks back to the reader view or to the page.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel, type PanelStatus } from '../../components/panel/Panel';
import { QuotesTab } from '../../components/panel/QuotesTab';
import '../../components/panel/panel.css';
import '../../components/panel/entities.css';
import { analyzeSnapshot, inScript } from '../../platform/article';
import { joinFollowingPages } from '../../platform/pages';
import { t, uiLanguage } from '../../platform/i18n';
import { getSettings } from '../../platform/settings';
import { useSettings } from '../../platform/use-settings';
import type { Analysis } from '../../utils/analyze';
import { onMessage, sendMessage, type ScrollTarget } from '../../utils/messages';
import type { EntityType } from '../../utils/nlp/rules';
import { createSanitizer } from '../../utils/page/sanitize';
import { pageText } from '../../utils/page/page-text';
import { anchor } from '../../utils/quotes/anchor';
import { urlKey, type Quote } from '../../utils/quotes/model';
import { copyText } from '../../utils/citations/formats';
import { toScript } from '../../platform/citations';
import { traditionalToSimplifiedChars } from '../../utils/script/convert';
import type { Target } from '../../utils/script/targets';

const sanitizer = createSanitizer(window);
const fold = traditionalToSimplifiedChars();
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;

type Summarizer = { summarize(text: string): Promise<string> };
type SummarizerApi = { availability(o: object): Promise<string>; create(o: object): Promise<Summarizer> };
// Chrome's on-device summarizer: offered only where it takes Chinese input and writes the UI language.
const SUMMARIZER_OPTIONS = { type: 'key-points', format: 'plain-text', length: 'short', expectedInputLanguages: ['zh'], outputLanguage: uiLanguage().split('-')[0] };
const summarizerApi = (globalThis as { Summarizer?: SummarizerApi }).Summarizer;

async function currentTab(): Promise<number | null> {
  if (pinned) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function App() {
  const [settings, update] = useSettings();
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [status, setStatus] = useState<PanelStatus>({ kind: 'loading' });
  const [section, setSection] = useState(-1);
  const [builtin, setBuiltin] = useState({ available: false, text: null as string | null, error: null as string | null, busy: false });
  const info = useRef<{ readerOpen: boolean; script: Target | null; base: Analysis | null; ticket: number }>({ readerOpen: false, script: null, base: null, ticket: 0 });
  const occurrences = useRef(new Map<string, number>());
  const [quotes, setQuotes] = useState<Array<{ quote: Quote; found: boolean }>>([]);
  const [undo, setUndo] = useState<{ count: number; run(): void } | null>(null);
  /** Texts the page's quotes are looked for in: each page of the article, and the whole first page. */
  const texts = useRef<{ urls: string[]; articles: string[]; page: string } | null>(null);
  const loadQuotes = async () => {
    const at = texts.current;
    if (!at) return setQuotes([]);
    const lists = await Promise.all(at.urls.map((u, i) => sendMessage('bg:quotesFor', u).then((l) => l.map((q) => ({ q, i }))).catch(() => [])));
    setQuotes(
      lists
        .flat()
        .sort((a, b) => a.q.createdAt - b.q.createdAt)
        .map(({ q: quote, i }) => ({ quote, found: !!(anchor(at.articles[i], quote.selector, { fold }) ?? (i === 0 ? anchor(at.page, quote.selector, { fold }) : null)) })),
    );
  };
  const tabIdRef = useRef(tabId);
  tabIdRef.current = tabId;

  const load = async (id: number | null) => {
    const ticket = ++info.current.ticket; // a newer load wins
    const current = () => ticket === info.current.ticket;
    setTabId(id);
    setSection(-1);
    setBuiltin((b) => ({ ...b, text: null, error: null }));
    occurrences.current.clear();
    if (id === null) return setStatus({ kind: 'empty' });
    setStatus({ kind: 'loading' });
    try {
      const [tabInfo, snapshot] = await Promise.all([sendMessage('bg:tabInfo', id), sendMessage('bg:serializePage', id)]);
      if (!current()) return;
      if (!snapshot || snapshot.kind !== 'html') return setStatus({ kind: 'cannot' });
      const pageDoc = new DOMParser().parseFromString(snapshot.html, 'text/html');
      const settings = await getSettings();
      const { analysis: first, pagination } = await analyzeSnapshot(snapshot, settings, sanitizer);
      const show = async (base: Analysis, urls: string[], articles: string[]) => {
        const view = await inScript(base, info.current.script, sanitizer);
        if (!current()) return;
        info.current = { ...info.current, base };
        texts.current = { urls, articles, page: pageText(pageDoc.body).text };
        void loadQuotes();
        setStatus({ kind: 'ready', analysis: view });
      };
      if (!current()) return;
      info.current = { ...info.current, readerOpen: !!tabInfo.state?.readerOpen, script: tabInfo.script };
      await show(first, [snapshot.url], [pageText(sanitizer.fragment(first.html)).text]);
      // A multi-page article: summary, outline, entities and quotes over every page (fetched once; the reader shares them).
      let joined = 1;
      for await (const s of joinFollowingPages({ url: snapshot.url, analysis: first, pagination }, settings, sanitizer, id)) {
        if (!current()) return;
        if (s.parts.length === joined) continue;
        joined = s.parts.length;
        await show(s.article, s.pages.urls, s.parts.map((p) => pageText(sanitizer.fragment(p.html)).text));
      }
    } catch (e) {
      if (current()) setStatus({ kind: 'error', message: String((e as Error)?.message ?? e) });
    }
  };

  useEffect(() => {
    void currentTab().then(load);
    // Only whether the API exists: asking it about Chinese logs an error in the console of every
    // browser that does not take Chinese, so that is asked when the reader asks for its summary.
    if (summarizerApi) setBuiltin((b) => ({ ...b, available: true }));
    const offPage = onMessage('panel:pageChanged', ({ data }) => {
      void currentTab().then((id) => {
        if (id === data) void load(id);
      });
    });
    const offReader = onMessage('panel:reader', ({ data }) => {
      if (data.tabId === tabIdRef.current) {
        setSection(data.section);
        const script = data.script === 'original' ? null : data.script;
        if (script !== info.current.script || data.open !== info.current.readerOpen) {
          info.current.readerOpen = data.open;
          info.current.script = script;
          const base = info.current.base;
          if (base) void inScript(base, script, sanitizer).then((analysis) => setStatus({ kind: 'ready', analysis }));
        }
      }
    });
    const offQuotes = onMessage('quotes:changed', ({ data }) => {
      if (texts.current?.urls.some((u) => urlKey(u) === data)) void loadQuotes();
    });
    const follow = () =>
      void currentTab().then((id) => {
        if (id !== tabIdRef.current) void load(id);
      });
    if (!pinned) browser.tabs.onActivated.addListener(follow);
    return () => {
      offPage();
      offReader();
      offQuotes();
      browser.tabs.onActivated.removeListener(follow);
    };
  }, []);
  const scroll = (target: ScrollTarget) => {
    if (tabId === null) return;
    if (info.current.readerOpen) void sendMessage('reader:scrollTo', { tabId, target }).catch(() => {});
    else void sendMessage('bg:scrollPage', { tabId, target });
  };

  return (
    <Panel
      status={status}
      t={t}
      locale={uiLanguage()}
      shown={settings.panel.entities}
      section={section}
      builtin={builtin}
      onOutline={(i) => {
        if (status.kind !== 'ready') return;
        const item = status.analysis.outline[i];
        scroll({ kind: 'block', index: item.block, text: item.text });
      }}
      onSummary={(text) => scroll({ kind: 'text', text })}
      onEntity={(e) => {
        const key = `${e.type}:${e.text}`;
        const n = occurrences.current.get(key) ?? 0;
        occurrences.current.set(key, n + 1);
        scroll({ kind: 'entity', text: e.text, type: e.type, occurrence: n });
      }}
      onToggleType={(type: EntityType, shown) => update((s) => ({ ...s, panel: { ...s.panel, entities: { ...s.panel.entities, [type]: shown } } }))}
      allEntities={settings.panel.allEntities}
      onAllEntities={(all) => update((s) => ({ ...s, panel: { ...s.panel, allEntities: all } }))}
      quotes={
        <QuotesTab
          quotes={quotes}
          t={t}
          undo={undo}
          onGo={(q) => scroll({ kind: 'quote', id: q.id, text: q.text })}
          onSave={(q) => void sendMessage('bg:updateQuote', q)}
          onDelete={async (q) => {
            const removed = await sendMessage('bg:deleteQuotes', [q.id]);
            setUndo({
              count: removed.length,
              run: () => {
                void sendMessage('bg:restoreQuotes', removed);
                setUndo(null);
              },
            });
          }}
          onCopy={(q, style) => void copyText(q, style, toScript).then((text) => navigator.clipboard.writeText(text))}
          onLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
        />
      }
      onBuiltinSummary={async () => {
        if (!summarizerApi || status.kind !== 'ready') return;
        setBuiltin((b) => ({ ...b, busy: true, error: null }));
        try {
          if ((await summarizerApi.availability(SUMMARIZER_OPTIONS)) === 'unavailable') return setBuiltin((b) => ({ ...b, busy: false, error: t('panelSummaryBuiltinNoChinese') }));
          const s = await summarizerApi.create(SUMMARIZER_OPTIONS);
          const text = await s.summarize(status.analysis.text.slice(0, 12_000));
          setBuiltin((b) => ({ ...b, busy: false, text }));
        } catch (e) {
          setBuiltin((b) => ({ ...b, busy: false, error: String((e as Error)?.message ?? e) }));
        }
      }}
    />
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');
render(<App />, document.getElementById('app')!);
