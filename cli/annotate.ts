// `jingdu annotate`: readings for text, one line in, one line out (`字(zì)`, or HTML <ruby> with
// --format ruby). A module of its own, loaded by the command's dispatcher (main.ts) when asked for.

import { parseArgs } from 'node:util';
import { inlineReadings, rubyReadings } from '../utils/readings/format';
import { isReadingSystem, READING_SYSTEMS, type ReadingSystem } from '../utils/readings/systems';
import { traditionalToSimplifiedChars } from '../utils/script/convert';
import { countScriptChars } from '../utils/script/detect';

export interface AnnotateRequest {
  reading: ReadingSystem;
  format: 'text' | 'ruby';
  /** a path, or - for standard input */
  file: string;
}

/** The command line → a request, or the reason it is bad usage. */
export function annotateRequest(args: string[]): AnnotateRequest | { usage: string } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { reading: { type: 'string', default: 'pinyin' }, format: { type: 'string', default: 'text' } } });
  } catch (e) {
    return { usage: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (!isReadingSystem(values.reading)) return { usage: `unknown --reading ${values.reading} (one of ${READING_SYSTEMS.join(', ')})` };
  if (values.format !== 'text' && values.format !== 'ruby') return { usage: `unknown --format ${values.format} (text or ruby)` };
  if (positionals.length > 1) return { usage: 'annotate takes at most one file (or - for standard input)' };
  return { reading: values.reading, format: values.format, file: positionals[0] ?? '-' };
}

/** Every line of `text` with its readings; line breaks are kept as they are. */
export function annotateText(text: string, req: Pick<AnnotateRequest, 'reading' | 'format'>): string {
  // Mandarin readings of Traditional text go through its Simplified shadow (pinyin-pro's words are
  // Simplified); Simplified text is read as it is (乾隆 must not become 干隆). Even two characters
  // (銀行) say which script a line is in.
  const counts = countScriptChars(text);
  const fold = req.reading !== 'jyutping' && counts.traditional > counts.simplified ? traditionalToSimplifiedChars() : undefined;
  const one = req.format === 'ruby' ? rubyReadings : inlineReadings;
  return text
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r') ? '\r' : '';
      return one(cr ? line.slice(0, -1) : line, req.reading, fold) + cr;
    })
    .join('\n');
}
