// citation-js, loaded on demand (dynamic import from ./formats.ts): CSL-JSON, BibLaTeX and RIS out,
// and the GB/T 7714 line through citeproc. Never imported by the content script or the reader.

import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl';
import { gbt7714Style } from './gbt7714';

// Unicode stays Unicode in .bib files (biber, Zotero and JabRef read UTF-8; the ASCII escapes drop
// Han characters altogether), and the key is ours (citation-js makes one from Latin family names).
const bib = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
bib.format.asciiOnly = false;
bib.format.useIdAsLabel = true;
const templates = (plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } }).styles;
templates.add('jingdu-gbt7714-zh', gbt7714Style('等'));
templates.add('jingdu-gbt7714-en', gbt7714Style('et al.'));

export const cslJson = (items: CslItem[]): string => JSON.stringify(new Cite(items).data.map(strip), null, 2);
const strip = ({ _graph, ...item }: Record<string, unknown>) => item;

export const bibLatex = (items: CslItem[]): string => new Cite(items).format('biblatex') as string;

/**
 * RIS: citation-js's mapping, our line breaks. Its own text output wraps every value at 70
 * characters and its parser joins the pieces with a space, so a long address comes back broken;
 * RIS readers (Zotero, EndNote) take lines of any length. For web pages it puts the site under
 * collection-title (T2) and the access date in M1; Zotero and EndNote read the access date from Y2,
 * so it is written there as well.
 */
export function ris(items: CslItem[]): string {
  const prepared = items.map((i) => ({ ...i, ...(i['container-title'] ? { 'collection-title': i['container-title'] } : {}) }));
  const entries = new Cite(prepared).format('ris', { format: 'object' }) as Array<Record<string, string | string[]>>;
  return entries
    .map((entry) => {
      if (entry.TY === 'ELEC' && entry.M1 && !entry.Y2) entry.Y2 = entry.M1;
      const lines = [`TY  - ${entry.TY}`];
      for (const [tag, value] of Object.entries(entry)) if (tag !== 'TY') for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
      return [...lines, 'ER  - '].join('\r\n');
    })
    .join('\r\n\r\n') + '\r\n';
}

/** What a file of any of these formats reads back as (round-trip tests, and imports to come). */
export const read = (text: string): Array<Record<string, unknown>> => new Cite(text).data.map(strip);

/** The GB/T 7714-2015 line for one reference ([EB/OL]); 等 or et al. by the script of its title. */
export function gbt7714(item: CslItem): string {
  const cjk = /[\u3400-\u9fff]/.test(`${item.title}${item['container-title'] ?? ''}`);
  const out = new Cite([item]).format('bibliography', { template: cjk ? 'jingdu-gbt7714-zh' : 'jingdu-gbt7714-en', lang: 'en-US', format: 'text' }) as string;
  return out.trim();
}
