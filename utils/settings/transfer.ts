// Export and import of the parts of the settings people share: phrases and site rules. Files are
// JSON with a kind and a version; imports are validated like stored settings and merged without
// duplicates, so importing the same file twice changes nothing.

import type { UserPhrase } from '../script/phrases';
import { normalizePhrases, normalizeSites, type SiteScript } from './schema';

export const PHRASES_KIND = 'jingdu-phrases';
export const SITES_KIND = 'jingdu-site-rules';

export class ImportError extends Error {}

export function exportPhrases(phrases: UserPhrase[]): string {
  return JSON.stringify({ kind: PHRASES_KIND, version: 1, phrases }, null, 2);
}

export function exportSites(sites: Record<string, SiteScript>): string {
  return JSON.stringify({ kind: SITES_KIND, version: 1, sites }, null, 2);
}

function parse(text: string, kind: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('not a JSON file');
  }
  if (!data || typeof data !== 'object' || (data as { kind?: unknown }).kind !== kind) throw new ImportError(`not a ${kind} file`);
  return data as Record<string, unknown>;
}

/** Phrases from a file merged into `current`: a phrase with the same `from` is replaced. */
export function importPhrases(current: UserPhrase[], text: string): { phrases: UserPhrase[]; added: number } {
  const incoming = normalizePhrases(parse(text, PHRASES_KIND).phrases);
  const byFrom = new Map(current.map((p) => [p.from, p]));
  let added = 0;
  for (const p of incoming) {
    const old = byFrom.get(p.from);
    if (!old || JSON.stringify(old) !== JSON.stringify(p)) added++;
    byFrom.set(p.from, p);
  }
  return { phrases: [...byFrom.values()], added };
}

/** Site rules from a file merged into `current`: a host's rule is replaced by the file's. */
export function importSites(current: Record<string, SiteScript>, text: string): { sites: Record<string, SiteScript>; added: number } {
  const incoming = normalizeSites(parse(text, SITES_KIND).sites);
  let added = 0;
  const sites = { ...current };
  for (const [host, rule] of Object.entries(incoming)) {
    const merged = { ...sites[host], ...rule };
    if (JSON.stringify(merged) !== JSON.stringify(sites[host])) added++;
    sites[host] = merged;
  }
  return { sites, added };
}
