// A page snapshot → the analysed article, the same way in the reader and in the panel: parse it
// here (an extension page), extract, repair pinyin leaks, read outline, summary and entities.
// Repair and conversion run in the background, where the dictionaries are.

import { analyzeDocument, transformAnalysis, type Analysis } from '../utils/analyze';
import { sendMessage, type PageSnapshot } from '../utils/messages';
import { entityOptions } from '../utils/nlp/tagger';
import { rebaseDocument } from '../utils/page/rebase';
import type { Sanitizer } from '../utils/page/sanitize';
import type { Transformer } from '../utils/script/transform';
import type { ScriptChoice, Settings } from '../utils/settings/schema';

export const transform: Transformer = (req) => sendMessage('bg:transform', req);

export function analyzeSnapshot(snapshot: PageSnapshot, settings: Settings, sanitizer: Sanitizer): Promise<Analysis> {
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  rebaseDocument(doc, snapshot.url);
  return analyzeDocument(doc, { url: snapshot.url, sanitizer, repair: settings.script.repairPinyin, transform, entities: entityOptions() });
}

/** The article in a chosen script (the base is the page's own script, pinyin leaks repaired). */
export function inScript(base: Analysis, choice: ScriptChoice | null, sanitizer: Sanitizer): Promise<Analysis> {
  return !choice || choice === 'original' ? Promise.resolve(base) : transformAnalysis(base, [{ kind: 'convert', to: choice }], sanitizer, transform, entityOptions());
}
