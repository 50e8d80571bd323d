// The reader page, shown in an iframe over the article's tab. It asks for the page's snapshot,
// extracts the article here (in the extension's process, off the page's main thread) and renders
// it; repair and script conversion run in the background, where the dictionaries live.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ReaderStatus } from '../../components/reader/ReaderStatus';
import { ReaderView } from '../../components/reader/ReaderView';
import '../../components/reader/reader.css';
import { t, uiLanguage } from '../../platform/i18n';
import { getSettings, updateSettings } from '../../platform/settings';
import { useSettings } from '../../platform/use-settings';
import { analyzeDocument, transformAnalysis, type Analysis } from '../../utils/analyze';
import { sendMessage } from '../../utils/messages';
import { rebaseDocument } from '../../utils/page/rebase';
import { createSanitizer } from '../../utils/page/sanitize';
import { readerChoice, siteKey } from '../../utils/script/policy';
import type { Transformer } from '../../utils/script/transform';
import type { ReaderSettings, ScriptChoice } from '../../utils/settings/schema';

type State =
  | { phase: 'loading'; message: string }
  | { phase: 'problem'; message: string }
  | { phase: 'ready'; base: Analysis; view: Analysis; url: string; script: ScriptChoice };

const sanitizer = createSanitizer(window);
const HUGE = 3_000_000;
const close = () => void sendMessage('bg:closeReader').catch(() => window.close());
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const transform: Transformer = (req) => sendMessage('bg:transform', req);

/** The article in the chosen script (the base is the page's own script, pinyin leaks repaired). */
function inScript(base: Analysis, choice: ScriptChoice): Promise<Analysis> {
  return choice === 'original' ? Promise.resolve(base) : transformAnalysis(base, [{ kind: 'convert', to: choice }], sanitizer, transform);
}

async function load(update: (s: State) => void): Promise<void> {
  const snapshot = await sendMessage('bg:snapshot').catch(() => null);
  if (!snapshot) return update({ phase: 'problem', message: t('readerNoSnapshot') });
  if (snapshot.kind === 'frameset') return update({ phase: 'problem', message: t('readerFrameset') });
  if (snapshot.size > HUGE) update({ phase: 'loading', message: t('readerHuge', (snapshot.size / 1e6).toFixed(1)) });
  await nextPaint(); // let the spinner show before the parse takes the thread
  const settings = await getSettings();
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  rebaseDocument(doc, snapshot.url);
  const base = await analyzeDocument(doc, { url: snapshot.url, sanitizer, repair: settings.script.repairPinyin, transform });
  if (!base.text.trim()) return update({ phase: 'problem', message: t('readerNoContent') });
  const script = readerChoice(settings.script, new URL(snapshot.url).hostname, base.script.detected);
  update({ phase: 'ready', base, view: await inScript(base, script), url: snapshot.url, script });
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
  const switching = useRef(0);

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

  const ready = state.phase === 'ready' ? state : null;
  useEffect(() => {
    if (ready) document.title = ready.view.title || t('readerLabel');
  }, [ready?.view]);
  useEffect(() => {
    if (ready) document.getElementById('jd-main')?.focus({ preventScroll: true });
  }, [ready?.base]);

  if (state.phase !== 'ready') return <ReaderStatus message={state.message} busy={state.phase === 'loading'} t={t} onClose={close} />;
  const current = state;

  const onScript = async (choice: ScriptChoice) => {
    const ticket = ++switching.current; // a later click wins over a slower earlier one
    const view = await inScript(current.base, choice);
    if (ticket !== switching.current) return;
    setState({ ...current, view, script: choice });
    const host = siteKey(new URL(current.url).hostname);
    void updateSettings((s) => ({ ...s, script: { ...s.script, sites: { ...s.script.sites, [host]: { ...s.script.sites[host], reader: choice } } } }));
  };

  return (
    <ReaderView
      analysis={current.view}
      url={current.url}
      settings={reader}
      script={current.script}
      sanitizer={sanitizer}
      t={t}
      locale={uiLanguage()}
      onScript={(c) => void onScript(c)}
      onSettings={(change) => update((s) => ({ ...s, reader: { ...s.reader, ...change } }))}
      onClose={close}
    />
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
