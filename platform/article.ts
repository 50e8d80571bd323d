// A page snapshot → the analysed article, the same way in the reader and in the panel: parse it
// here (an extension page), extract, repair pinyin leaks, read outline, summary and entities.
// Repair and conversion run in the background, where the dictionaries are; entity tagging runs in
// a worker.

import { analyzeDocument, analyzeFirstScreen, entityList, readStructure, transformAnalysis, type Analysis } from '../utils/analyze';
import { sendMessage, type PageSnapshot } from '../utils/messages';
import { blockText } from '../utils/nlp/highlight';
import { rebaseDocument } from '../utils/page/rebase';
import { findPagination, type Pagination } from '../utils/pages/pager';
import type { Sanitizer } from '../utils/page/sanitize';
import type { Transformer } from '../utils/script/transform';
import type { ScriptChoice, Settings } from '../utils/settings/schema';
import { tagText } from './entities';

export const transform: Transformer = (req) => sendMessage('bg:transform', req);

// The base's outline and summary are in the base's script: a converted view reads its own.
const UNREAD = { outline: [], summary: [], entities: [] };

/**
 * The snapshot read: the article without outline, summary and entities (`withReading` adds them,
 * after the reader has painted), and the pager of a multi-page article when joining pages is on,
 * found on the same parse before extraction consumes it (parsing the page again costs 50–200 ms).
 */
export async function analyzeSnapshot(snapshot: PageSnapshot, settings: Settings, sanitizer: Sanitizer): Promise<{ analysis: Analysis; pagination: Pagination | null }> {
  const doc = parse(snapshot);
  const pagination = settings.reader.joinPages ? findPagination(doc, snapshot.url) : null;
  const analysis = await analyzeDocument(doc, { url: snapshot.url, sanitizer, repair: settings.script.repairPinyin, transform, read: false });
  return { analysis, pagination: analysis.isArticle ? pagination : null };
}

/** A first screen's snapshot read the same way (null: none to show; see analyzeFirstScreen). */
export const analyzeFirstScreenOf = (snapshot: PageSnapshot, settings: Settings, sanitizer: Sanitizer) =>
  analyzeFirstScreen(parse(snapshot), { url: snapshot.url, sanitizer, repair: settings.script.repairPinyin, transform });

function parse(snapshot: PageSnapshot): Document {
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  rebaseDocument(doc, snapshot.url);
  return doc;
}

/** The article in a chosen script (the base is the page's own script, pinyin leaks repaired). */
export async function inScript(base: Analysis, choice: ScriptChoice | null, sanitizer: Sanitizer, read = true): Promise<Analysis> {
  const a = !choice || choice === 'original' ? base : { ...(await transformAnalysis(base, [{ kind: 'convert', to: choice }], sanitizer, transform, null)), ...UNREAD };
  return read ? withReading(a, sanitizer) : a;
}

/** Outline, summary and entities for an analysis made without them. */
export async function withReading(a: Analysis, sanitizer: Sanitizer): Promise<Analysis> {
  if (!a.html || a.outline.length || a.summary.length || a.entities.length) return a;
  const root = sanitizer.fragment(a.html);
  const blocks = blockText(root).text;
  return { ...a, ...readStructure(root, a.text), entities: entityList(blocks, await tagText(blocks), a.title) };
}
