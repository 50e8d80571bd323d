// Read aloud in the reader (Web Speech API): play/pause, previous/next sentence, stop and speed in
// the toolbar, Alt+Shift+R from the keyboard. It reads from the selection, or from the first
// paragraph in view once the reader has scrolled, else from the top; the sentence being read is
// marked (CSS Highlight API, the DOM is untouched) and kept in view. The voice follows the script
// shown; reading stops when the reader closes or the tab is hidden.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../platform/i18n';
import { blockText, type BlockText } from '../../utils/nlp/highlight';
import type { ReadingScript } from '../../utils/readings/systems';
import type { LearnSettings } from '../../utils/settings/schema';
import { SPEECH_RATE } from '../../utils/settings/schema';
import { chunksOf, SpeechQueue, type Chunk, type SpeechState } from '../../utils/speech/queue';
import { chooseVoice, SPEECH_LANG } from '../../utils/speech/voices';
import type { ArticleState } from '../readings/ReadingsSwitch';
import type { Translate } from '../reader/types';
import './speech.css';

interface Props {
  article: ArticleState | null;
  settings: LearnSettings;
  script: ReadingScript;
  t: Translate;
  onChange(change: Partial<LearnSettings>): void;
}

/** How long to wait for the system to list its voices (speech-dispatcher can take seconds). */
const VOICES_WAIT_MS = 30_000;
const RATES = Array.from({ length: (SPEECH_RATE.max - SPEECH_RATE.min) / SPEECH_RATE.step + 1 }, (_, i) => SPEECH_RATE.min + i * SPEECH_RATE.step);

function voicesReady(): Promise<SpeechSynthesisVoice[]> {
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      speechSynthesis.removeEventListener('voiceschanged', check);
      resolve(speechSynthesis.getVoices());
    };
    const check = () => speechSynthesis.getVoices().length && done();
    const timer = setTimeout(done, VOICES_WAIT_MS);
    speechSynthesis.addEventListener('voiceschanged', check);
  });
}

/** The chunk to start from: the selection's, the first one in view after a scroll, or the first. */
function startChunk(bt: BlockText, chunks: Chunk[]): number {
  const sel = getSelection();
  const nodeStart = (node: Node, offset: number) => {
    const p = bt.pieces.find((x) => x.node === node);
    return p ? p.start + offset : null;
  };
  if (sel && sel.rangeCount && !sel.isCollapsed) {
    const at = nodeStart(sel.getRangeAt(0).startContainer, sel.getRangeAt(0).startOffset);
    if (at !== null) return Math.max(0, chunks.findIndex((c) => c.end > at));
  }
  if (scrollY < 80) return 0;
  const toolbar = document.querySelector('.jd-toolbar')?.getBoundingClientRect().bottom ?? 0;
  for (let i = 0; i < chunks.length; i++) {
    const r = rangeIn(bt, chunks[i]);
    if (r && r.getBoundingClientRect().top >= toolbar) return i;
  }
  return 0;
}

/** A chunk's text as a Range over the article's text nodes. */
function rangeIn(bt: BlockText, c: Chunk): Range | null {
  const last = (ok: (p: BlockText['pieces'][number]) => boolean) => {
    for (let i = bt.pieces.length - 1; i >= 0; i--) if (ok(bt.pieces[i])) return bt.pieces[i];
    return undefined;
  };
  const a = last((p) => p.start <= c.start);
  const b = last((p) => p.start < c.end);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const r = document.createRange();
  r.setStart(a.node, Math.min(a.node.data.length, c.start - a.start));
  r.setEnd(b.node, Math.min(b.node.data.length, c.end - b.start));
  return r;
}

/** Icons drawn here: media symbols (⏮ ⏭) are missing from many fonts. */
const ICONS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  previous: 'M2.5 2.5h2v11h-2zM14 2.5v11l-8.5-5.5z',
  next: 'M11.5 2.5h2v11h-2zM2 2.5v11l8.5-5.5z',
  stop: 'M3 3h10v10H3z',
};
const Icon = ({ name }: { name: keyof typeof ICONS }) => (
  <svg class="jd-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <path d={ICONS[name]} fill="currentColor" />
  </svg>
);

export function SpeechControls({ article, settings, script, t, onChange }: Props) {
  const [state, setState] = useState<SpeechState>({ status: 'idle', index: 0, error: null });
  const [message, setMessage] = useState('');
  const queue = useRef<SpeechQueue<SpeechSynthesisUtterance> | null>(null);
  const text = useRef<{ bt: BlockText; generation: number } | null>(null);
  const supported = typeof speechSynthesis !== 'undefined';

  /** The article's text as it is now (readings or marks may have replaced its nodes). */
  const currentText = () => {
    if (!article) return null;
    if (!text.current || text.current.generation !== article.generation || !text.current.bt.pieces[0]?.node.isConnected) text.current = { bt: blockText(article.body), generation: article.generation };
    return text.current.bt;
  };

  const mark = (s: SpeechState) => {
    const bt = currentText();
    const q = queue.current;
    if (!bt || !q || s.status === 'idle' || typeof Highlight === 'undefined') return CSS.highlights?.delete('jd-speaking');
    const r = rangeIn(bt, q.chunks[s.index]);
    if (!r) return;
    CSS.highlights.set('jd-speaking', new Highlight(r));
    const box = r.getBoundingClientRect();
    const top = document.querySelector('.jd-toolbar')?.getBoundingClientRect().bottom ?? 0;
    if (box.top < top || box.bottom > innerHeight) scrollBy({ top: box.top - top - innerHeight / 4, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  };

  const stop = () => {
    queue.current?.stop();
    queue.current = null;
    CSS.highlights?.delete('jd-speaking');
  };

  const play = async () => {
    const q = queue.current;
    if (q) return q.toggle();
    const bt = currentText();
    if (!bt) return;
    const chunks = chunksOf(bt.text);
    if (!chunks.length) return setMessage(t('speechNothing'));
    setMessage(t('speechWaiting'));
    const voices = await voicesReady();
    const choice = chooseVoice(voices, script, { preferred: settings.voice, network: settings.networkVoices });
    if (!choice.voice) return setMessage(t(choice.missing === 'network-only' ? 'speechNetworkOnly' : 'speechNoVoice'));
    const scriptName = t(`switch${script[0].toUpperCase()}${script.slice(1)}` as MessageKey);
    setMessage(choice.fallback ? t('speechFallback', scriptName, choice.voice.name) : '');
    const voice = choice.voice;
    const made = new SpeechQueue<SpeechSynthesisUtterance>(
      speechSynthesis,
      (chunk) => {
        const u = new SpeechSynthesisUtterance(chunk);
        u.voice = voice;
        u.lang = SPEECH_LANG[script];
        return u;
      },
      chunks,
      (s) => {
        setState(s);
        mark(s);
        if (s.error) setMessage(t('speechFailed', s.error));
        if (s.status === 'idle' && queue.current === made) queue.current = null;
      },
      settings.rate,
    );
    queue.current = made;
    made.play(startChunk(bt, chunks));
  };

  // The keyboard command, and stopping when the tab hides or the reader goes away.
  useEffect(() => {
    if (!supported) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyR') {
        e.preventDefault();
        void play();
      }
    };
    const onHidden = () => document.hidden && stop();
    addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onHidden);
    addEventListener('pagehide', stop);
    return () => {
      removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onHidden);
      removeEventListener('pagehide', stop);
    };
  });
  useEffect(() => () => stop(), []);
  // Another text (script switched, another page): what was being read is gone.
  useEffect(() => stop, [article?.body, script]);
  useEffect(() => queue.current?.setRate(settings.rate), [settings.rate]);

  if (!supported) return null;
  const active = state.status !== 'idle';
  const playing = state.status === 'playing';
  return (
    <div class="jd-group jd-speech" role="group" aria-label={t('speechPlay')}>
      <button type="button" class="jd-chip jd-speech-play" aria-pressed={playing} aria-label={playing ? t('speechPause') : t('speechPlay')} title={playing ? t('speechPause') : t('speechPlay')} onClick={() => void play()}>
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {active && (
        <>
          <button type="button" class="jd-chip jd-speech-prev" aria-label={t('speechPrevious')} title={t('speechPrevious')} disabled={state.index === 0} onClick={() => queue.current?.previous()}>
            <Icon name="previous" />
          </button>
          <button type="button" class="jd-chip jd-speech-next" aria-label={t('speechNext')} title={t('speechNext')} onClick={() => queue.current?.next()}>
            <Icon name="next" />
          </button>
          <button type="button" class="jd-chip jd-speech-stop" aria-label={t('speechStop')} title={t('speechStop')} onClick={stop}>
            <Icon name="stop" />
          </button>
        </>
      )}
      {active && (
        <select class="jd-chip jd-speech-rate" aria-label={t('speechRate')} title={t('speechRate')} value={String(settings.rate)} onChange={(e) => onChange({ rate: Number((e.target as HTMLSelectElement).value) })}>
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r}×
            </option>
          ))}
        </select>
      )}
      <span class={message ? 'jd-speech-message' : 'jd-visually-hidden'} role="status" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
