// The reader page, shown in an iframe over the article's tab. It asks for the page's snapshot,
// extracts the article here (in the extension's process, off the page's main thread) and renders it.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ReaderStatus } from '../../components/reader/ReaderStatus';
import { ReaderView } from '../../components/reader/ReaderView';
import '../../components/reader/reader.css';
import { t, uiLanguage } from '../../platform/i18n';
import { useSettings } from '../../platform/use-settings';
import { analyzeDocument, type Analysis } from '../../utils/analyze';
import { sendMessage } from '../../utils/messages';
import { rebaseDocument } from '../../utils/page/rebase';
import { createSanitizer } from '../../utils/page/sanitize';
import type { ReaderSettings } from '../../utils/settings/schema';

type State =
  | { phase: 'loading'; message: string }
  | { phase: 'problem'; message: string }
  | { phase: 'ready'; analysis: Analysis; url: string };

const sanitizer = createSanitizer(window);
const HUGE = 3_000_000;
const close = () => void sendMessage('bg:closeReader').catch(() => window.close());
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function load(update: (s: State) => void): Promise<void> {
  const snapshot = await sendMessage('bg:snapshot').catch(() => null);
  if (!snapshot) return update({ phase: 'problem', message: t('readerNoSnapshot') });
  if (snapshot.kind === 'frameset') return update({ phase: 'problem', message: t('readerFrameset') });
  if (snapshot.size > HUGE) update({ phase: 'loading', message: t('readerHuge', (snapshot.size / 1e6).toFixed(1)) });
  await nextPaint(); // let the spinner show before the parse takes the thread
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  rebaseDocument(doc, snapshot.url);
  const analysis = analyzeDocument(doc, { url: snapshot.url, sanitizer });
  if (!analysis.text.trim()) return update({ phase: 'problem', message: t('readerNoContent') });
  update({ phase: 'ready', analysis, url: snapshot.url });
}

function applyLook(s: ReaderSettings) {
  const root = document.documentElement;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = s.theme === 'system' ? (dark ? 'dark' : 'light') : s.theme;
  root.dataset.font = s.font;
  root.dataset.width = s.width;
  root.style.setProperty('--font-size', `${s.fontSize}px`);
}

function App() {
  const [state, setState] = useState<State>({ phase: 'loading', message: t('readerLoading') });
  const [settings, update] = useSettings();
  const reader = settings.reader;

  useEffect(() => {
    load(setState).catch((e) => setState({ phase: 'problem', message: t('readerError', String((e as Error)?.message ?? e)) }));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    applyLook(reader);
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyLook(reader);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [reader]);

  useEffect(() => {
    if (state.phase === 'ready') {
      document.title = state.analysis.title || t('readerLabel');
      document.getElementById('jd-main')?.focus({ preventScroll: true });
    }
  }, [state]);

  if (state.phase !== 'ready') return <ReaderStatus message={state.message} busy={state.phase === 'loading'} t={t} onClose={close} />;
  return (
    <ReaderView
      analysis={state.analysis}
      url={state.url}
      settings={reader}
      sanitizer={sanitizer}
      t={t}
      locale={uiLanguage()}
      onSettings={(change) => update((s) => ({ ...s, reader: { ...s.reader, ...change } }))}
      onClose={close}
    />
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
