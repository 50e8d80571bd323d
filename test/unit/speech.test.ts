import { describe, expect, it } from 'vitest';
import { chooseVoice, regionOf, usableVoices, type VoiceLike } from '../../utils/speech/voices';
import { chunksOf, MAX_CHUNK, SpeechQueue, type SynthLike, type UtteranceLike } from '../../utils/speech/queue';

/** A stand-in for speechSynthesis that fires the same events, on demand. */
class StandIn implements SynthLike {
  spoken: UtteranceLike[] = [];
  active: UtteranceLike | null = null;
  speak(u: UtteranceLike) {
    this.spoken.push(u);
    this.active = u;
  }
  cancel() {
    const u = this.active;
    this.active = null;
    u?.onerror?.({ error: 'interrupted' });
  }
  finish() {
    const u = this.active!;
    this.active = null;
    u.onend?.({});
  }
}
const utterance = (text: string): UtteranceLike => ({ text, rate: 1, onend: null, onerror: null });

const v = (name: string, lang: string, localService = true): VoiceLike => ({ name, lang, voiceURI: name, localService });

describe('voices', () => {
  it('understands every way voices name Chinese', () => {
    expect(['zh-CN', 'cmn', 'cmn-Hans-CN', 'zh', 'zh_CN'].map(regionOf)).toEqual(Array(5).fill('mainland'));
    expect(['zh-TW', 'zh-Hant-TW', 'cmn-Hant-TW', 'zh_TW'].map(regionOf)).toEqual(Array(4).fill('taiwan'));
    expect(['zh-HK', 'yue', 'yue-Hant-HK', 'zh-yue', 'zh-MO'].map(regionOf)).toEqual(Array(5).fill('hongkong'));
    expect(['en-US', 'ja-JP', 'yo'].map(regionOf)).toEqual([null, null, null]);
  });

  it('picks the voice of the script shown, then the nearest, local ones only by default', () => {
    const voices = [v('English', 'en-US'), v('Mandarin', 'cmn'), v('Cantonese', 'yue'), v('Online Taiwan', 'zh-TW', false)];
    expect(chooseVoice(voices, 'simplified', { preferred: null, network: false })).toMatchObject({ voice: { name: 'Mandarin' }, fallback: false });
    expect(chooseVoice(voices, 'hongkong', { preferred: null, network: false })).toMatchObject({ voice: { name: 'Cantonese' }, fallback: false });
    expect(chooseVoice(voices, 'taiwan', { preferred: null, network: false })).toMatchObject({ voice: { name: 'Mandarin' }, fallback: true });
    expect(chooseVoice(voices, 'taiwan', { preferred: null, network: true })).toMatchObject({ voice: { name: 'Online Taiwan' }, fallback: false });
    expect(chooseVoice(voices, 'simplified', { preferred: 'Cantonese', network: false }).voice?.name).toBe('Cantonese');
    expect(usableVoices(voices, 'simplified', false).map((x) => x.name)).toEqual(['Mandarin', 'Cantonese']);
  });

  it('says why there is no voice', () => {
    expect(chooseVoice([v('English', 'en-US')], 'simplified', { preferred: null, network: false })).toMatchObject({ voice: null, missing: 'none' });
    expect(chooseVoice([v('Cloud', 'zh-CN', false)], 'simplified', { preferred: null, network: false })).toMatchObject({ voice: null, missing: 'network-only' });
  });
});

describe('reading queue', () => {
  it('cuts the text into sentences, and long sentences at a comma, none longer than the limit', () => {
    const long = '这是一个非常长的句子，'.repeat(30) + '结束。';
    const text = `第一句话。第二句话！\n\n${long}最后一句？`;
    const chunks = chunksOf(text);
    expect(chunks.slice(0, 2).map((c) => c.text)).toEqual(['第一句话。', '第二句话！']);
    expect(chunks.every((c) => c.text.length <= MAX_CHUNK)).toBe(true);
    expect(chunks.at(-1)!.text).toBe('最后一句？');
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks.slice(2, -1).map((c) => c.text).join('')).toBe(long);
  });

  it('reads chunk after chunk through the engine\'s events, and stops at the end', () => {
    const synth = new StandIn();
    const states: string[] = [];
    const q = new SpeechQueue(synth, utterance, chunksOf('一。二。三。'), (s) => states.push(`${s.status}:${s.index}`));
    q.play();
    synth.finish();
    synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual(['一。', '二。', '三。']);
    synth.finish();
    expect(q.snapshot).toMatchObject({ status: 'idle', index: 0 });
    expect(states).toEqual(['playing:0', 'playing:1', 'playing:2', 'idle:0']);
  });

  it('pauses and resumes at the sentence, skips both ways, changes speed, and ignores the cancelled utterance', () => {
    const synth = new StandIn();
    const q = new SpeechQueue(synth, utterance, chunksOf('一。二。三。四。'), () => {});
    q.play(1);
    q.pause();
    expect(q.snapshot).toMatchObject({ status: 'paused', index: 1 });
    expect(synth.active).toBeNull();
    q.resume();
    expect(synth.spoken.at(-1)!.text).toBe('二。');
    q.next();
    expect(synth.spoken.at(-1)!.text).toBe('三。');
    q.previous();
    q.previous();
    expect(q.snapshot.index).toBe(0);
    q.setRate(1.5);
    expect(synth.spoken.at(-1)).toMatchObject({ text: '一。', rate: 1.5 });
    // A late end event from an utterance cancelled earlier moves nothing.
    synth.spoken[0].onend?.({});
    expect(q.snapshot.index).toBe(0);
    q.stop();
    expect(q.snapshot.status).toBe('idle');
  });

  it('reports an engine failure instead of hanging', () => {
    const synth = new StandIn();
    const q = new SpeechQueue(synth, utterance, chunksOf('一。二。'), () => {});
    q.play();
    synth.active!.onerror!({ error: 'synthesis-failed' });
    expect(q.snapshot).toMatchObject({ status: 'idle', error: 'synthesis-failed' });
  });
});
