// Reading systems and which one each script shows by default: pinyin for Simplified, zhuyin
// (bopomofo) for Taiwan, jyutping (Cantonese) for Hong Kong. The reader can choose another per script.

export const READING_SYSTEMS = ['pinyin', 'zhuyin', 'jyutping'] as const;
export type ReadingSystem = (typeof READING_SYSTEMS)[number];

/** The scripts a reading system is chosen for (the script the reader shows). */
export const READING_SCRIPTS = ['simplified', 'traditional', 'taiwan', 'hongkong'] as const;
export type ReadingScript = (typeof READING_SCRIPTS)[number];

export const DEFAULT_READING_SYSTEMS: Record<ReadingScript, ReadingSystem> = {
  simplified: 'pinyin',
  traditional: 'pinyin',
  taiwan: 'zhuyin',
  hongkong: 'jyutping',
};

export const isReadingSystem = (v: unknown): v is ReadingSystem => READING_SYSTEMS.includes(v as ReadingSystem);

/**
 * The script a text is shown in, from the reader's choice and the page's own script ('original'
 * shows the page's script: Traditional pages read as Taiwan or Hong Kong by their language tag).
 */
export function readingScript(choice: string, detected: string, lang: string | null): ReadingScript {
  if ((READING_SCRIPTS as readonly string[]).includes(choice)) return choice as ReadingScript;
  if (detected === 'traditional') {
    if (/-(HK|MO)\b/i.test(lang ?? '')) return 'hongkong';
    if (/-TW\b/i.test(lang ?? '')) return 'taiwan';
    return 'traditional';
  }
  return 'simplified';
}
