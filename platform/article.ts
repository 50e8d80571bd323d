// A page snapshot → the analysed article, the same way in the reader and in the panel: parse it
// here (an extension page), extract, repair pinyin leaks, read outline, summary and entities.
// Repair and conversion run in the background, where the dictionaries are.

import { analyzeDocument, readArticle, transformAnalysis, type Analysis } from '../utils/analyze';
import { sendMessage, type PageSnapshot } from '../utils/messages';
import { entityOptions } from '../utils/nlp/tagger';
import { rebaseDocument } from '../utils/page/rebase';
import type { Sanitizer } from '../utils/page/sanitize';
import type { Transformer } from '../utils/script/transform';
import type { ScriptChoice, Settings } from '../utils/settings/schema';

export const transform: Transformer = (req) => sendMessage('bg:transform', req);

/** `read: false` leaves outline, summary and entities for `withReading` (the reader paints first). */
export function analyzeSnapshot(snapshot: PageSnapshot, settings: Settings, sanitizer: Sanitizer, read = true): Promise<Analysis> {
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  rebaseDocument(doc, snapshot.url);
  return analyzeDocument(doc, { url: snapshot.url, sanitizer, repair: settings.script.repairPinyin, transform, entities: entityOptions(), read });
}

/** The article in a chosen script (the base is the page's own script, pinyin leaks repaired). */
export function inScript(base: Analysis, choice: ScriptChoice | null, sanitizer: Sanitizer, read = true): Promise<Analysis> {
  if (!choice || choice === 'original') return Promise.resolve(read ? withReading(base, sanitizer) : base);
  return transformAnalysis(base, [{ kind: 'convert', to: choice }], sanitizer, transform, read ? entityOptions() : null);
}

/** Outline, summary and entities for an analysis made without them. */
export function withReading(a: Analysis, sanitizer: Sanitizer): Analysis {
  return a.html && !a.outline.length && !a.summary.length && !a.entities.length ? { ...a, ...readArticle(sanitizer.fragment(a.html), a.text, entityOptions()) } : a;
}
