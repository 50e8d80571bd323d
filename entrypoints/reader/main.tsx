// The reader page, shown in an iframe over the article's tab. It asks for the page's snapshot,
// extracts the article here (in the extension's process, off the page's main thread) and renders
// it; repair and script conversion run in the background, where the dictionaries live. It answers
// the side panel (scroll to a section, a sentence, an entity) and tells it where the reader is.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import '../../components/panel/entities.css';
import { LearnToolbar } from '../../components/learn/LearnToolbar';
import { LookupLayer } from '../../components/lookup/LookupLayer';
import type { ArticleState } from '../../components/readings/ReadingsSwitch';
import { textWithoutReadings } from '../../utils/readings/dom';
import { readingScript } from '../../utils/readings/systems';
import { QuoteBar } from '../../components/reader/QuoteBar';
import { ReaderStatus } from '../../components/reader/ReaderStatus';
import { ReaderView } from '../../components/reader/ReaderView';
import '../../components/reader/reader.css';
import { analyzeFirstScreenOf, analyzeSnapshot, inScript, withReading } from '../../platform/article';
import { joinInReader } from '../../platform/pages';
import type { PagesView } from '../../components/pages/PagesNotice';
import { partRoots } from '../../utils/pages/join';
import type { Pagination } from '../../utils/pages/pager';
import { t, uiLanguage } from '../../platform/i18n';
import { getSettings, updateSettings } from '../../platform/settings';
import { useSettings } from '../../platform/use-settings';
import type { Analysis } from '../../utils/analyze';
import { sendMessage, type ScrollTarget } from '../../utils/messages';
import { onReaderMessage } from '../../platform/reader-link';
import { readingBlocks } from '../../utils/nlp/outline';
import { offsetsOf, pageText } from '../../utils/page/page-text';
import { describe } from '../../utils/quotes/anchor';
import { urlKey, type Quote, type QuoteColor } from '../../utils/quotes/model';
import { createSanitizer } from '../../utils/page/sanitize';
import { readerChoice, siteKey } from '../../utils/script/policy';
import type { ReaderSettings, ScriptChoice, Settings } from '../../utils/settings/schema';
import type { PageSnapshot } from '../../utils/messages';

type State =
  | { phase: 'loading'; message: string }
  | { phase: 'preview'; view: Analysis; url: string; script: ScriptChoice; tabId: number; imageHosts: string[] }
  | { phase: 'problem'; message: string }
  | { phase: 'ready'; base: Analysis; view: Analysis; url: string; script: ScriptChoice; tabId: number; imageHosts: string[]; pages: PagesView | null };

type Update = (s: State | ((prev: State) => State)) => void;

const sanitizer = createSanitizer(window);
const HUGE = 3_000_000;
const close = () => void sendMessage('bg:closeReader').catch(() => window.close());
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
/**
 * A reader can be prepared in advance, hidden on its page: it loads and reads the article, and
 * says nothing to the panel until the page shows it (the fragment turns from #<token> to #<token>:open).
 */
const isShown = () => location.hash.endsWith(':open');
const shown = new Promise<void>((resolve) => {
  if (isShown()) resolve();
  else addEventListener('hashchange', () => isShown() && resolve());
}).then(() => void performance.mark('jingdu:shown'));

// `npm run bench` reads the jingdu:* marks to show where opening the reader spends its time.
performance.mark('jingdu:module');
// Asked for as the module runs, before the first render: the page serializes while we start up.
// Opened with a click (not prepared in advance): the headline and first paragraphs came with it,
// and are shown while the whole page is read.
const firstScreenRequest = isShown() ? sendMessage('bg:snapshot', true).catch(() => null) : null;
const snapshotRequest = sendMessage('bg:snapshot', false).catch(() => null);
const settingsRequest = getSettings();

/** The article's following pages, joined one by one once the reader is shown (platform/pages.ts). */
const joinPages = (snapshot: PageSnapshot, first: Analysis, pagination: Pagination | null, settings: Settings, update: Update) =>
  joinInReader({
    snapshot,
    first,
    pagination,
    settings,
    sanitizer,
    shown,
    script: () => {
      let script: ScriptChoice = 'original';
      update((st) => ((script = st.phase === 'ready' ? st.script : script), st));
      return script;
    },
    onPages: (pages) => update((st) => (st.phase === 'ready' ? { ...st, pages } : st)),
    onArticle: (base, view, pages) => update((st) => (st.phase === 'ready' ? { ...st, base, view, pages } : st)),
    onRead: (view, read) => update((st) => (st.phase === 'ready' && st.view === view ? { ...st, view: read } : st)),
  });

/** A page read in a few tens of milliseconds: its article comes about as soon as a first screen would. */
const QUICK_PAGE = 50_000;
let arrived: PageSnapshot | null | undefined;
void snapshotRequest.then((s) => (arrived = s));

/** The first screen, shown unless the whole page is here already and quick to read. */
async function showFirstScreen(update: Update): Promise<void> {
  const first = await firstScreenRequest;
  if (!first || (arrived && arrived.size < QUICK_PAGE)) return;
  const settings = await settingsRequest;
  const base = await analyzeFirstScreenOf(first, settings, sanitizer).catch(() => null);
  if (!base) return;
  const script = readerChoice(settings.script, new URL(first.url).hostname, base.script.detected);
  const view = await inScript(base, script, sanitizer, false);
  update((st) => (st.phase === 'loading' ? { phase: 'preview', view, url: first.url, script, tabId: first.tabId ?? -1, imageHosts: first.imageHosts ?? [] } : st));
  await nextPaint();
  // What was painted, for the tests (the bench reads the time).
  const shownText = (sel: string) => document.querySelector(sel)?.textContent ?? '';
  performance.mark('jingdu:first-screen', { detail: { title: shownText('.jd-title'), text: shownText('.jd-body') } });
}

async function load(update: Update): Promise<void> {
  await showFirstScreen(update);
  const snapshot = await snapshotRequest;
  performance.mark('jingdu:snapshot');
  if (!snapshot) return update({ phase: 'problem', message: t('readerNoSnapshot') });
  if (snapshot.kind === 'frameset') return update({ phase: 'problem', message: t('readerFrameset') });
  if (snapshot.size > HUGE) {
    update({ phase: 'loading', message: t('readerHuge', (snapshot.size / 1e6).toFixed(1)) });
    await nextPaint(); // let the message show before the parse takes the thread
  }
  const settings = await settingsRequest;
  // Paint the article first; outline, summary and entities are read right after.
  const { analysis: base, pagination } = await analyzeSnapshot(snapshot, settings, sanitizer);
  performance.mark('jingdu:analyzed');
  if (!base.text.trim()) return update({ phase: 'problem', message: t('readerNoContent') });
  const script = readerChoice(settings.script, new URL(snapshot.url).hostname, base.script.detected);
  const view = await inScript(base, script, sanitizer, false);
  update({ phase: 'ready', base, view, url: snapshot.url, script, tabId: snapshot.tabId ?? -1, imageHosts: snapshot.imageHosts ?? [], pages: null });
  const painted = shown.then(nextPaint).then(() => performance.mark('jingdu:painted'));
  // Shown: let the article paint before reading it for the panel. Hidden: read it now.
  if (isShown()) await painted;
  const read = await withReading(view, sanitizer);
  // Unless the reader has switched script meanwhile (which reads the article anew).
  update((s) => (s.phase === 'ready' && s.view === view ? { ...s, view: read } : s));
  lastLoad = { snapshot, base, pagination, settings };
  await joinPages(snapshot, base, pagination, settings, update);
}

/** What "try again" on a failed page starts from (pages already fetched come from the background's memory). */
let lastLoad: { snapshot: PageSnapshot; base: Analysis; pagination: Pagination | null; settings: Settings } | null = null;

function applyLook(s: ReaderSettings) {
  const root = document.documentElement;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = s.theme === 'system' ? (dark ? 'dark' : 'light') : s.theme;
  root.dataset.font = s.font;
  root.dataset.width = s.width;
  root.style.setProperty('--font-size', `${s.fontSize}px`);
}

const sameQuotes = (a: Quote[], b: Quote[]) => a.length === b.length && a.every((q, i) => q.id === b[i].id && q.updatedAt === b[i].updatedAt);

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const textOf = (el: Element) => textWithoutReadings(el); // readings over the text are not its text

function flash(el: Element) {
  el.classList.remove('jd-flash');
  void (el as HTMLElement).offsetWidth; // restart the animation
  el.classList.add('jd-flash');
}

/** Scrolls the article to what the panel points at. */
function scrollTo(body: HTMLElement, target: ScrollTarget): boolean {
  let el: Element | undefined;
  if (target.kind === 'quote') {
    el = body.querySelector(`mark[data-quote-id="${CSS.escape(target.id)}"]`) ?? undefined;
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      flash(el);
      return true;
    }
  }
  if (target.kind === 'entity') {
    const marks = [...body.querySelectorAll<HTMLElement>(`mark.jd-ent-${target.type}`)].filter((m) => m.dataset.entity === target.text);
    el = marks[target.occurrence % Math.max(1, marks.length)];
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.classList.add('jd-ent-flash');
      setTimeout(() => el?.classList.remove('jd-ent-flash'), 1600);
      return true;
    }
  }
  const blocks = readingBlocks(body);
  if (target.kind === 'block') el = blocks[target.index];
  if (!el || (target.kind === 'block' && !squash(textOf(el)).includes(squash(target.text)))) {
    const want = squash(target.text).slice(0, 30);
    el = blocks.find((b) => squash(textOf(b)).includes(want));
  }
  if (!el) return false;
  el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  flash(el);
  return true;
}

function App() {
  const [state, setState] = useState<State>({ phase: 'loading', message: t('readerLoading') });
  const [visible, setVisible] = useState(isShown());
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const [settings, update] = useSettings();
  const reader = settings.reader;
  const switching = useRef(0);
  const body = useRef<HTMLElement | null>(null);
  const section = useRef(-1);
  const ready = state.phase === 'ready' ? state : null;
  const readyRef = useRef(ready);
  readyRef.current = ready;
  const [quotes, setQuotes] = useState<Quote[]>([]);
  // The article once its marks are in: read aloud, readings and look-up work on it.
  const [article, setArticle] = useState<ArticleState | null>(null);
  const renders = useRef(0);
  const [selection, setSelection] = useState<{ range: Range; rect: { left: number; bottom: number } } | null>(null);
  /** The quotes of every page shown (a joined article's quotes are kept per page). */
  const loadQuotes = (urls: string[]) =>
    void Promise.all(urls.map((u) => sendMessage('bg:quotesFor', u)))
      // The same quotes again (a page joined, the list reloaded) leave the article as it is: redrawing
      // it would drop the reader's selection.
      .then((lists) => setQuotes((prev) => (sameQuotes(prev, lists.flat()) ? prev : lists.flat())))
      .catch(() => {});
  const urlsOf = (r: typeof ready) => r?.pages?.set.urls ?? (r ? [r.url] : []);

  /** Saves a selection in the article as a quote (reader text, in the script shown). */
  const saveQuote = async (range: Range, choice: { color: QuoteColor; note: string }) => {
    const r = readyRef.current;
    if (!r || !body.current) return;
    // On a joined article, the quote belongs to the page it was selected on, with offsets in that page's text.
    const urls = urlsOf(r);
    const roots = partRoots(body.current, urls.length);
    const part = Math.max(0, roots.findIndex((el) => el.contains(range.startContainer)));
    const pt = pageText(roots[part]);
    const at = offsetsOf(pt, range);
    if (!at) return;
    const a = r.view;
    const result = await sendMessage('bg:saveQuote', {
      text: pt.text.slice(at.start, at.end),
      selector: describe(pt.text, at.start, at.end),
      where: 'reader',
      script: r.script,
      pageScript: r.base.script.detected,
      url: urls[part] ?? r.url,
      canonicalUrl: null,
      title: r.base.title,
      site: r.base.siteName,
      byline: r.base.byline,
      authors: r.base.authors,
      articleUrl: part > 0 ? urls[0] : null,
      published: a.published,
      color: choice.color,
      note: choice.note,
    }).catch((e) => ({ ok: false as const, reason: 'error' as const, kept: false, message: String(e) }));
    setSelection(null);
    getSelection()?.removeAllRanges();
    setNotice(result.ok ? t('quoteSaved') : result.kept ? t('quoteFull') : t('quoteFailed', result.message));
  };
  const [notice, setNoticeText] = useState('');
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>();
  const setNotice = (text: string) => {
    setNoticeText(text);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNoticeText(''), 3000);
  };

  /** Tells the panel where the reader is (script and section). */
  const report = () => {
    const r = readyRef.current;
    if (r && visibleRef.current) void sendMessage('panel:reader', { tabId: r.tabId, open: true, script: r.script, section: section.current }).catch(() => {});
  };

  useEffect(() => {
    void shown.then(() => setVisible(true));
    load(setState).catch((e) => setState({ phase: 'problem', message: t('readerError', String((e as Error)?.message ?? e)) }));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    addEventListener('keydown', onKey);
    const off = onReaderMessage('reader:scrollTo', ({ data }) => {
      if (data.tabId !== readyRef.current?.tabId || !visibleRef.current || !body.current) return false;
      return scrollTo(body.current, data.target);
    });
    const offQuotes = onReaderMessage('quotes:changed', ({ data }) => {
      const r = readyRef.current;
      if (r && urlsOf(r).some((u) => urlKey(u) === data)) loadQuotes(urlsOf(r));
    });
    const offSave = onReaderMessage('reader:saveSelection', ({ data }) => {
      const sel = getSelection();
      if (data !== readyRef.current?.tabId || !visibleRef.current || !sel || sel.isCollapsed) return false;
      void saveQuote(sel.getRangeAt(0).cloneRange(), { color: 'yellow', note: '' });
      return true;
    });
    // A selection in the article offers to save it.
    const onUp = () =>
      setTimeout(() => {
        const sel = getSelection();
        if (!sel || sel.isCollapsed || !body.current || !body.current.contains(sel.anchorNode)) return;
        const range = sel.getRangeAt(0).cloneRange();
        const rect = range.getBoundingClientRect();
        setSelection({ range, rect: { left: rect.left, bottom: rect.bottom } });
      }, 10);
    const onSelectionChange = () => {
      if (getSelection()?.isCollapsed) setSelection(null);
    };
    addEventListener('mouseup', onUp);
    document.addEventListener('selectionchange', onSelectionChange);
    // The current section: the last outline heading above a third of the window.
    let pending = false;
    const onScroll = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const r = readyRef.current;
        if (!r || !body.current) return;
        const blocks = readingBlocks(body.current);
        let current = -1;
        r.view.outline.forEach((o, i) => {
          const b = blocks[o.block];
          if (b && b.getBoundingClientRect().top < innerHeight / 3) current = i;
        });
        if (current !== section.current) {
          section.current = current;
          report();
        }
      });
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('scroll', onScroll);
      removeEventListener('mouseup', onUp);
      document.removeEventListener('selectionchange', onSelectionChange);
      off();
      offQuotes();
      offSave();
    };
  }, []);

  useEffect(() => {
    applyLook(reader);
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyLook(reader);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [reader]);

  useEffect(() => {
    if (ready) {
      document.title = ready.view.title || t('readerLabel');
      report();
    }
  }, [ready?.view, visible]);
  useEffect(() => {
    if (ready) loadQuotes(urlsOf(ready));
  }, [ready?.base]);
  useEffect(() => {
    if (ready && visible) document.getElementById('jd-main')?.focus({ preventScroll: true });
  }, [ready?.base, visible]);

  // What the first screen and the article share: the look, the legend, closing.
  const common = {
    settings: reader,
    shown: settings.panel.entities,
    allEntities: settings.panel.allEntities,
    sanitizer,
    t,
    locale: uiLanguage(),
    onClose: close,
    onSettings: (change: Partial<ReaderSettings>) => update((s) => ({ ...s, reader: { ...s.reader, ...change } })),
  };
  if (state.phase === 'preview') {
    // The same view as the article's, in the same place in the tree: the article then replaces the
    // first screen's text in the elements already on screen.
    const none = () => {};
    return (
      <>
      <ReaderView {...common} preview analysis={state.view} url={state.url} script={state.script} onScript={none} onToggleType={none} onAllEntities={none}
        onOpenPanel={() => void sendMessage('bg:openPanel', state.tabId)} quotes={[]} imageHosts={state.imageHosts}
        tools={<LearnToolbar article={null} settings={settings} script={readingScript(state.script, state.view.script.detected, state.view.lang)} t={t} update={update} />} />
      </>
    );
  }
  if (state.phase !== 'ready') return <ReaderStatus message={state.message} busy={state.phase === 'loading'} t={t} onClose={close} />;
  const current = state;
  const learnScript = readingScript(current.script, current.base.script.detected, current.view.lang);

  const onScript = async (choice: ScriptChoice) => {
    const ticket = ++switching.current; // a later click wins over a slower earlier one
    const view = await inScript(current.base, choice, sanitizer, false);
    if (ticket !== switching.current) return;
    setState({ ...current, view, script: choice });
    const host = siteKey(new URL(current.url).hostname);
    void updateSettings((s) => ({ ...s, script: { ...s.script, sites: { ...s.script.sites, [host]: { ...s.script.sites[host], reader: choice } } } }));
    const read = await withReading(view, sanitizer); // outline and entities in the new script, a moment later
    setState((s) => (s.phase === 'ready' && s.view === view ? { ...s, view: read } : s));
  };

  return (
    <>
    <ReaderView
      {...common}
      analysis={current.view}
      url={current.url}
      script={current.script}
      onScript={(c) => void onScript(c)}
      onToggleType={(type, shown) => update((s) => ({ ...s, panel: { ...s.panel, entities: { ...s.panel.entities, [type]: shown } } }))}
      onAllEntities={(all) => update((s) => ({ ...s, panel: { ...s.panel, allEntities: all } }))}
      onOpenPanel={() => void sendMessage('bg:openPanel', current.tabId)}
      onBody={(el, marked) => {
        body.current = el;
        if (marked) setArticle({ body: el, generation: ++renders.current });
        // Hidden, the frame is not rendered: lay the article out now (fonts, line breaks), not on the click.
        if (!visibleRef.current) void document.documentElement.getBoundingClientRect();
      }}
      quotes={quotes}
      imageHosts={current.imageHosts}
      pages={current.pages}
      onRetryPages={() => lastLoad && void joinPages(lastLoad.snapshot, lastLoad.base, lastLoad.pagination, lastLoad.settings, setState)}
      tools={<LearnToolbar article={article} settings={settings} script={learnScript} t={t} update={update} />}
    />
    <LookupLayer article={article} mode={settings.learn.lookup} system={settings.learn.systems[learnScript]} visible={visible} t={t} />
    {selection && <QuoteBar rect={selection.rect} t={t} onSave={(c) => void saveQuote(selection.range, c)} onClose={() => setSelection(null)} />}
    <p class={notice ? 'jd-toast' : 'jd-visually-hidden'} role="status" aria-live="polite">{notice}</p>
    </>
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
