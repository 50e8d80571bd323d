// Read aloud in the reader with real voices: Chromium with --enable-speech-dispatcher, Debian's
// speech-dispatcher and espeak-ng (Mandarin "cmn" and Cantonese "yue"), audio to libao's null
// driver (see speech-env.ts). The engine's own events drive the queue, as they do for a user.

import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { tabIdOf, toggleReader, waitForReader, waitForVerdict, settled, type Browser } from './harness';
import { useBrowser } from './use-browser';
import type { FixtureServer } from '../../scripts/serve';

let b: Browser;
let server: FixtureServer;
useBrowser((env) => ({ b, server } = env), undefined, 120_000, { speech: true });

const SHOTS = process.env.JINGDU_SCREENSHOTS;

async function openReader(path: string): Promise<{ page: Page; reader: Frame }> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${server.origin}${path}`);
  const tabId = await tabIdOf(b, page);
  await waitForVerdict(b, tabId);
  await toggleReader(b, tabId);
  const reader = await waitForReader(b, page);
  await reader.waitForSelector('.jd-body mark.jd-ent'); // the article's marks are in
  await settled(reader);
  return { page, reader };
}

/** The text of the sentence marked as being read, or null. */
const speaking = (reader: Frame) =>
  reader.evaluate(() => {
    const h = CSS.highlights.get('jd-speaking');
    return h ? ([...h][0] as Range).toString() : null;
  });

describe('read aloud', () => {
  it('reads sentence by sentence with a Mandarin voice, marks the sentence, skips, pauses, changes speed and stops', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    // The system lists its ~13,000 voices once, which takes a while on a fresh daemon.
    await reader.waitForFunction(() => speechSynthesis.getVoices().length > 0, undefined, { timeout: 60_000 });
    expect(await reader.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang === 'cmn' && v.localService).length)).toBeGreaterThan(0);

    await reader.click('.jd-speech-play');
    await reader.waitForFunction(() => document.querySelector('.jd-speech-play')?.getAttribute('aria-pressed') === 'true');
    await expect.poll(() => speaking(reader), { timeout: 15_000 }).toBe('本月初，东河市一家城市银行在三个营业厅试用人工智能助手，帮助客人办理开户和转账。');
    // The engine's end event moves on to the next sentence by itself.
    await expect.poll(() => speaking(reader), { timeout: 30_000 }).toMatch(/^银行行长李华在发布会上说/);
    expect(await reader.evaluate(() => speechSynthesis.speaking)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/read-aloud.png` });

    await reader.click('.jd-speech-next');
    await expect.poll(() => speaking(reader)).toMatch(/^据介绍，这套系统/);
    await reader.click('.jd-speech-prev');
    await expect.poll(() => speaking(reader)).toMatch(/^银行行长李华/);

    // Pause keeps the place; play goes on from the same sentence.
    await reader.click('.jd-speech-play');
    await reader.waitForFunction(() => document.querySelector('.jd-speech-play')?.getAttribute('aria-pressed') === 'false');
    expect(await speaking(reader)).toMatch(/^银行行长李华/);
    await expect.poll(() => reader.evaluate(() => speechSynthesis.speaking)).toBe(false);
    await reader.selectOption('.jd-speech-rate', '1.5');
    await reader.click('.jd-speech-play');
    await expect.poll(() => reader.evaluate(() => speechSynthesis.speaking)).toBe(true);
    expect(await speaking(reader)).toMatch(/^银行行长李华/);

    await reader.click('.jd-speech-stop');
    await expect.poll(() => speaking(reader)).toBeNull();
    await expect.poll(() => reader.evaluate(() => speechSynthesis.speaking)).toBe(false);
    await page.close();
  });

  it('reads from the selection, and Alt+Shift+R starts and pauses it from the keyboard', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    await reader.waitForFunction(() => speechSynthesis.getVoices().length > 0, undefined, { timeout: 60_000 });
    await reader.evaluate(() => {
      const p = [...document.querySelectorAll('.jd-body p')].find((x) => x.textContent!.startsWith('一位在银行'))!;
      const text = p.firstChild as Text;
      getSelection()!.setBaseAndExtent(text, 2, text, 6);
    });
    await reader.click('.jd-title'); // focus in the reader, selection kept
    await reader.evaluate(() => {
      const p = [...document.querySelectorAll('.jd-body p')].find((x) => x.textContent!.startsWith('一位在银行'))!;
      getSelection()!.setBaseAndExtent(p.firstChild!, 2, p.firstChild!, 6);
    });
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => speaking(reader), { timeout: 15_000 }).toMatch(/^一位在银行工作了十年的柜员说/);
    await page.keyboard.press('Alt+Shift+R');
    await reader.waitForFunction(() => document.querySelector('.jd-speech-play')?.getAttribute('aria-pressed') === 'false');
    await reader.click('.jd-speech-stop');
    await page.close();
  });

  it('chooses the Cantonese voice for Hong Kong text', async () => {
    const { page, reader } = await openReader('/fixtures/article-hk.html');
    await reader.waitForFunction(() => speechSynthesis.getVoices().length > 0, undefined, { timeout: 60_000 });
    // Which voice each utterance gets, as the engine is asked.
    await reader.evaluate(() => {
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      (window as unknown as { voicesUsed: string[] }).voicesUsed = [];
      speechSynthesis.speak = (u) => {
        (window as unknown as { voicesUsed: string[] }).voicesUsed.push(`${u.voice?.lang}/${u.lang}`);
        speak(u);
      };
    });
    await reader.click('.jd-speech-play');
    await expect.poll(() => reader.evaluate(() => (window as unknown as { voicesUsed: string[] }).voicesUsed[0])).toBe('yue/zh-HK');
    await reader.click('.jd-speech-stop');
    await page.close();
  });

  it('stops when the tab is hidden', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    await reader.waitForFunction(() => speechSynthesis.getVoices().length > 0, undefined, { timeout: 60_000 });
    await reader.click('.jd-speech-play');
    await expect.poll(() => reader.evaluate(() => speechSynthesis.speaking), { timeout: 15_000 }).toBe(true);
    // Headless Chromium never hides a tab (not for another tab, not when minimized): the document
    // says it is hidden and fires the browser's event, as a hidden tab does.
    await reader.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => speaking(reader)).toBeNull();
    await expect.poll(() => reader.evaluate(() => speechSynthesis.speaking)).toBe(false);
    expect(await reader.getAttribute('.jd-speech-play', 'aria-pressed')).toBe('false');
    await page.close();
  });

  it('says so when the system has no Chinese voice', async () => {
    const { page, reader } = await openReader('/fixtures/article-learn.html');
    // A stand-in voice list: only an English voice on this machine.
    await reader.evaluate(() => {
      speechSynthesis.getVoices = () => [{ name: 'English', lang: 'en-US', voiceURI: 'English', localService: true, default: true } as SpeechSynthesisVoice];
    });
    await reader.click('.jd-speech-play');
    await expect.poll(() => reader.textContent('.jd-speech-message')).toMatch(/No Chinese voice|没有中文语音|沒有中文語音/);
    expect(await reader.getAttribute('.jd-speech-play', 'aria-pressed')).toBe('false');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/read-aloud-no-voice.png` });
    await page.close();
  });
});
