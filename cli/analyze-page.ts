// `jingdu analyze` for one page: parse, run the pipeline, shape the contract's JSON or Markdown.
// Loaded only by that command (the DOM, Readability and the tagger are the heavy part of jingdu).

import { analyzeDocument, type Analysis } from '../utils/analyze';
import { entityOptions } from '../utils/nlp/tagger';
import { readHtmlInput } from '../utils/page/input';
import { createTextHost } from '../utils/script/host';
import type { Target } from '../utils/script/targets';
import { parseHtml } from './dom';

export type Printed = Omit<Analysis, 'outline'> & { outline: Array<{ level: number; text: string }> };

const transform = createTextHost(() => ({ phrases: [], tsCharactersExt: false }));

/** The contract's object for one page (bytes in any declared charset). */
export async function analyzeBytes(bytes: Uint8Array, url: string, to: Target | null): Promise<Printed> {
  const { text } = readHtmlInput(bytes);
  const page = parseHtml(text, url);
  try {
    const result = await analyzeDocument(page.doc, { url, sanitizer: page.sanitizer, to, repair: true, transform, entities: entityOptions() });
    // The contract's outline items are {level, text}; block indexes are for the reader's scrolling.
    return { ...result, outline: result.outline.map(({ level, text: t }) => ({ level, text: t })) };
  } finally {
    page.close();
  }
}

export function toMarkdown(a: Printed, url: string): string {
  const meta = [a.byline, a.siteName, a.published].filter(Boolean).join(' · ');
  const lines = [`# ${a.title || '(untitled)'}`, ''];
  if (meta) lines.push(`*${meta}*`, '');
  lines.push(`<${url}>`, '');
  if (!a.isArticle) lines.push(`> Not an article (score ${a.detection.score}): ${a.detection.reasons.join('; ')}`, '');
  if (a.summary.length) lines.push('## Summary', '', ...a.summary.map((s) => `- ${s}`), '');
  if (a.outline.length) lines.push('## Outline', '', ...a.outline.map((o) => `${'  '.repeat(Math.max(0, o.level - 2))}- ${o.text}`), '');
  lines.push(a.text, '');
  if (a.entities.length) lines.push('## Entities', '', ...a.entities.map((e) => `- ${e.key ? '**' + e.text + '**' : e.text} (${e.type}, ×${e.count}${e.key ? ', key' : ''})`), '');
  return lines.join('\n');
}
