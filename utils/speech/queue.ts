// Reading aloud as a queue of short utterances, one sentence (or a piece of a long one) at a time:
// Chromium cuts off long utterances, and a sentence is the unit a reader wants marked, skipped or
// repeated. Pure: the speech engine comes in as an interface (the Web Speech API in the reader,
// a stand-in in unit tests), so the same code runs in both.

import { splitSentences } from '../nlp/sentences';

export interface Chunk {
  text: string;
  /** offsets in the text the chunks were made from */
  start: number;
  end: number;
}

/** Longer sentences are cut at a comma (or, failing that, hard) below this many characters. */
export const MAX_CHUNK = 120;

/** The text's sentences as chunks no longer than MAX_CHUNK. */
export function chunksOf(text: string): Chunk[] {
  const out: Chunk[] = [];
  for (const s of splitSentences(text)) {
    let start = s.start;
    while (s.end - start > MAX_CHUNK) {
      const piece = text.slice(start, start + MAX_CHUNK);
      const cut = Math.max(piece.lastIndexOf('，'), piece.lastIndexOf('、'), piece.lastIndexOf('：'), piece.lastIndexOf(', '));
      const end = start + (cut > MAX_CHUNK / 3 ? cut + 1 : MAX_CHUNK);
      out.push({ text: text.slice(start, end), start, end });
      start = end;
    }
    if (text.slice(start, s.end).trim()) out.push({ text: text.slice(start, s.end), start, end: s.end });
  }
  return out.filter((c) => /[\p{L}\p{N}]/u.test(c.text));
}

/** What the queue needs of SpeechSynthesisUtterance. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the DOM's handler types, loosely */
export interface UtteranceLike {
  text: string;
  rate: number;
  onend: ((this: any, e: any) => any) | null;
  onerror: ((this: any, e: any) => any) | null;
}

/** What the queue needs of speechSynthesis. */
export interface SynthLike<U extends UtteranceLike = UtteranceLike> {
  speak(u: U): void;
  cancel(): void;
}

export type SpeechStatus = 'idle' | 'playing' | 'paused';

export interface SpeechState {
  status: SpeechStatus;
  /** the chunk being read (or where a pause left off) */
  index: number;
  /** the engine said it failed (not an interruption of ours) */
  error: string | null;
}

export class SpeechQueue<U extends UtteranceLike = UtteranceLike> {
  private state: SpeechState = { status: 'idle', index: 0, error: null };
  /** the utterance whose events count; older ones were cancelled */
  private current: U | null = null;

  constructor(
    private readonly synth: SynthLike<U>,
    private readonly make: (text: string) => U,
    readonly chunks: readonly Chunk[],
    private readonly onChange: (s: SpeechState) => void,
    private rate = 1,
  ) {}

  get snapshot(): SpeechState {
    return this.state;
  }

  private set(change: Partial<SpeechState>) {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }

  /** Reads from chunk `index` to the end. */
  play(index = this.state.index) {
    if (!this.chunks.length) return;
    this.halt();
    const i = Math.max(0, Math.min(this.chunks.length - 1, index));
    this.set({ status: 'playing', index: i, error: null });
    this.speak(i);
  }

  private speak(i: number) {
    const u = this.make(this.chunks[i].text);
    u.rate = this.rate;
    this.current = u;
    u.onend = () => {
      if (this.current !== u) return;
      this.current = null;
      if (i + 1 < this.chunks.length) {
        this.set({ index: i + 1 });
        this.speak(i + 1);
      } else this.set({ status: 'idle', index: 0 });
    };
    u.onerror = (e: { error?: string }) => {
      if (this.current !== u) return;
      this.current = null;
      // Our own cancel shows up as interrupted/canceled on the utterance it stopped.
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      this.set({ status: 'idle', error: e.error ?? 'error' });
    };
    this.synth.speak(u);
  }

  /** Stops the engine and forgets its utterance (events from it are ignored from now on). */
  private halt() {
    this.current = null;
    this.synth.cancel();
  }

  /**
   * Pauses by stopping and keeping the place; resuming reads the sentence again from its start.
   * (The engines' own pause is unreliable: some ignore it, some never resume.)
   */
  pause() {
    if (this.state.status !== 'playing') return;
    this.halt();
    this.set({ status: 'paused' });
  }

  resume() {
    if (this.state.status === 'paused') this.play(this.state.index);
  }

  toggle() {
    if (this.state.status === 'playing') this.pause();
    else this.play(this.state.index);
  }

  next() {
    this.jump(this.state.index + 1);
  }

  previous() {
    this.jump(this.state.index - 1);
  }

  private jump(i: number) {
    if (i < 0 || i >= this.chunks.length) return;
    if (this.state.status === 'playing') this.play(i);
    else this.set({ index: i });
  }

  /** A new speed applies at once: the sentence being read starts again at it. */
  setRate(rate: number) {
    this.rate = rate;
    if (this.state.status === 'playing') this.play(this.state.index);
  }

  stop() {
    this.halt();
    this.set({ status: 'idle' });
  }
}
