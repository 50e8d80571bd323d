// Quotes out and back in: JSON (complete, re-importable), Markdown (grouped by article with
// citations) and CSV (for spreadsheets). Imports are validated quote by quote and merged without
// duplicates: the same id keeps the newer edit; the same passage of the same page is one quote.

import { citation, normalizeQuote, type Quote } from './model';

export const QUOTES_KIND = 'jingdu-quotes';

export class QuoteImportError extends Error {}

export function exportJson(quotes: Quote[]): string {
  return JSON.stringify({ kind: QUOTES_KIND, version: 1, exportedAt: new Date().toISOString(), quotes }, null, 2);
}

const passage = (q: Quote) => `${q.urlKey}\u0000${q.selector.quote.exact}\u0000${q.selector.position.start}`;

export function importJson(existing: Quote[], text: string): { quotes: Quote[]; added: number; updated: number; skipped: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new QuoteImportError('not a JSON file');
  }
  const d = data as { kind?: unknown; quotes?: unknown };
  if (!d || d.kind !== QUOTES_KIND || !Array.isArray(d.quotes)) throw new QuoteImportError(`not a ${QUOTES_KIND} file`);
  const byId = new Map(existing.map((q) => [q.id, q]));
  const passages = new Set(existing.map(passage));
  const changed: Quote[] = [];
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const raw of d.quotes) {
    const q = normalizeQuote(raw);
    if (!q) {
      skipped++;
      continue;
    }
    const old = byId.get(q.id);
    if (old) {
      if (q.updatedAt > old.updatedAt) {
        byId.set(q.id, q);
        changed.push(q);
        updated++;
      } else skipped++;
    } else if (passages.has(passage(q))) {
      skipped++;
    } else {
      byId.set(q.id, q);
      passages.add(passage(q));
      changed.push(q);
      added++;
    }
  }
  return { quotes: changed, added, updated, skipped };
}

function article(q: Quote): string {
  return q.urlKey;
}

export function exportMarkdown(quotes: Quote[]): string {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) {
    const k = article(q);
    groups.set(k, [...(groups.get(k) ?? []), q]);
  }
  const out: string[] = ['# 精读摘录 · Jingdu quotes', ''];
  for (const list of groups.values()) {
    const first = list[0];
    out.push(`## ${first.title || first.url}`, '');
    out.push([first.byline, first.site, first.published?.slice(0, 10), `<${first.canonicalUrl ?? first.url}>`].filter(Boolean).join(' · '), '');
    for (const q of list.sort((a, b) => a.selector.position.start - b.selector.position.start)) {
      out.push(...q.text.split('\n').map((l) => `> ${l}`), '>', `> ${citation(q)}`, '');
      if (q.note) out.push(q.note, '');
      if (q.tags.length) out.push(q.tags.map((t) => `#${t}`).join(' '), '');
    }
  }
  return out.join('\n');
}

const CSV_COLUMNS = ['text', 'originalText', 'note', 'tags', 'color', 'title', 'site', 'byline', 'published', 'url', 'createdAt', 'id'] as const;

function csvCell(v: string): string {
  // Quote every cell; a leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function exportCsv(quotes: Quote[]): string {
  const rows = quotes.map((q) =>
    CSV_COLUMNS.map((c) => csvCell(c === 'tags' ? q.tags.join(', ') : c === 'createdAt' ? new Date(q.createdAt).toISOString() : String(q[c] ?? ''))).join(','),
  );
  // A BOM so spreadsheet programs read the Chinese as UTF-8.
  return '\ufeff' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
