// Citations out of the library and the panel: CSL-JSON, BibLaTeX (.bib) and RIS files, and the
// GB/T 7714-2015 line "Copy citation" offers beside Jingdu's own. citation-js and citeproc load
// here, on first use only (a dynamic import: they stay out of the content script and the reader).

import type { Quote } from '../quotes/model';
import { citation } from '../quotes/model';
import { authorsOf, itemOf, itemsOf, type CslItem } from './csl';

export const CITATION_FORMATS = ['csl', 'bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const FILES: Record<CitationFormat, { ext: string; type: string }> = {
  csl: { ext: 'json', type: 'application/vnd.citationstyles.csl+json' },
  bibtex: { ext: 'bib', type: 'application/x-bibtex' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems' },
};

const load = () => import('./cite');

export async function exportCitations(quotes: Quote[], format: CitationFormat): Promise<{ text: string; ext: string; type: string }> {
  const cite = await load();
  const items = itemsOf(quotes);
  const text = format === 'csl' ? cite.cslJson(items) : format === 'bibtex' ? cite.bibLatex(items) : cite.ris(items);
  return { text, ...FILES[format] };
}

/** Converts texts into the script a quote was shown in (the background's converter). */
export type ToScript = (texts: string[], script: Quote['script']) => Promise<string[]>;

/** The quote's citation data in the script the quote was saved in (its title is kept as the page has it). */
async function inQuoteScript(q: Quote, convert?: ToScript): Promise<Quote & { authors: string[] }> {
  const authors = authorsOf(q);
  if (!convert || q.script === 'original') return { ...q, authors };
  const [title, site, byline, ...names] = await convert([q.title, q.site ?? '', q.byline ?? '', ...authors], q.script);
  return { ...q, title, site: q.site && site, byline: q.byline && byline, authors: names };
}

export type CitationStyle = 'jingdu' | 'gbt7714';

/** What "Copy citation" puts on the clipboard: the quote, then its citation in the chosen style. */
export async function copyText(q: Quote, style: CitationStyle, convert?: ToScript): Promise<string> {
  const c = await inQuoteScript(q, convert);
  if (style === 'jingdu') return `${q.text}\n${citation(c)}`;
  const item: CslItem = itemOf([c]);
  delete item.note;
  return `${q.text}\n${(await load()).gbt7714(item)}`;
}
