// Portals that machine-convert Simplified pages to Traditional often leak the converter's ruby as
// text: 發(fā)布, 網(wǎng)絡, 長(zhǎng)江. The reading belongs to the character before it, so an
// annotation is removed only when its syllable is one of that character's readings, and only on a
// page with several of them: one deliberate annotation (a learner's note on a rare character) stays.
// Real parentheses such as (AI), (2023) or (微博) never match: they hold no tone-marked pinyin.
// The same converters put a Latin letter and a reading where a character was (F(xiàn)在 for 現在)
// and annotate the first letter of Latin words (F(xiàn)acebook): the annotation goes, and a lone
// letter becomes its character again where that character is clear (see restore.ts).

import { detectScript } from './detect';

/** All readings of one character, tone marks included (pinyin-pro in the extension and CLI). */
export type Readings = (char: string) => string[];

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
// A Han character, then (syllable) with ASCII or full-width parentheses.
const ANNOTATION = /([\u3400-\u9fff\uf900-\ufaff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7})[)）]/g;

// A Latin letter, then (syllable).
const LATIN_LEAK = /([A-Za-z])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7})[)）]/g;
const LATIN = /[A-Za-z]/;

/** The character a lone letter and its reading stood for, from the text around it; null when unsure. */
export type Restorer = (syllable: string, before: string, after: string, script: 'simplified' | 'traditional' | null) => string | null;

/** Fewer valid hits than this on a page: the annotations are deliberate and stay. */
export const MIN_HITS = 3;

export interface RepairResult {
  texts: string[];
  /** annotations removed */
  removed: number;
}

function isValid(char: string, syllable: string, readings: Readings): boolean {
  return TONED.test(syllable) && readings(char).includes(syllable.normalize('NFC'));
}

/** Count of annotations in `text` that fit their character (without changing anything). */
export function countAnnotations(text: string, readings: Readings): number {
  let n = 0;
  for (const m of text.matchAll(ANNOTATION)) if (isValid(m[1], m[2], readings)) n++;
  for (const m of text.matchAll(LATIN_LEAK)) if (TONED.test(m[2])) n++;
  return n;
}

/** A quick count of annotation-shaped spans, without a dictionary (for the content script). */
export function looksAnnotated(text: string): number {
  let n = 0;
  for (const m of text.matchAll(ANNOTATION)) if (TONED.test(m[2])) n++;
  for (const m of text.matchAll(LATIN_LEAK)) if (TONED.test(m[2])) n++;
  return n;
}

/**
 * Removes the annotations of all `texts` (one page's text nodes) when together they hold at least
 * `minHits` valid ones; `minHits: 1` when the reader asked for the repair explicitly.
 */
export function repairAnnotations(texts: string[], readings: Readings, minHits = MIN_HITS, restore?: Restorer): RepairResult {
  const total = texts.reduce((n, t) => n + countAnnotations(t, readings), 0);
  if (total < minHits) return { texts, removed: 0 };
  let removed = 0;
  const script = detectScript(texts.join('').slice(0, 20_000));
  const near = script === 'simplified' || script === 'traditional' ? script : null;
  const out = texts.map((t) =>
    t
      .replace(ANNOTATION, (whole, char: string, syllable: string) => {
        if (!isValid(char, syllable, readings)) return whole;
        removed++;
        return char;
      })
      .replace(LATIN_LEAK, (whole: string, letter: string, syllable: string, at: number, text: string) => {
        if (!TONED.test(syllable)) return whole;
        const after = text.slice(at + whole.length);
        // The first letter of a Latin word, annotated: keep the letter.
        if (LATIN.test(text[at - 1] ?? '') || LATIN.test(after[0] ?? '')) {
          removed++;
          return letter;
        }
        const char = restore?.(syllable, text.slice(0, at), after, near);
        if (!char) return whole;
        removed++;
        return char;
      }),
  );
  return { texts: out, removed };
}
