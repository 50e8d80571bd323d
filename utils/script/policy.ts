// Which script to show a page in: per-site rules first, then the global defaults.

import type { ScriptChoice, ScriptSettings } from '../settings/schema';
import type { Script } from './detect';
import type { Target } from './targets';

/** Rules are kept per host name, without a leading www. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

function byDefault(settings: ScriptSettings, script: Script): ScriptChoice {
  if (script === 'simplified') return settings.simplifiedPages;
  if (script === 'traditional') return settings.traditionalPages;
  return 'original';
}

/** The script to convert the original page to when it loads, or null to leave it alone. */
export function pageTarget(settings: ScriptSettings, host: string, script: Script): Target | null {
  const rule = settings.sites[siteKey(host)]?.page;
  if (rule === 'never') return null;
  if (rule) return rule;
  const choice = byDefault(settings, script);
  return choice === 'original' ? null : choice;
}

/** The reader view's initial script: its last choice on this site, else the page's rule or default. */
export function readerChoice(settings: ScriptSettings, host: string, script: Script): ScriptChoice {
  const site = settings.sites[siteKey(host)];
  if (site?.reader) return site.reader;
  return pageTarget(settings, host, script) ?? 'original';
}

/**
 * The one-click switch (keyboard command, toolbar menu): a page shown in another script goes back
 * to how the site sent it; a page as sent goes to the script this site or the defaults ask for,
 * else to the other script (Simplified ⇄ Traditional). Null: nothing to switch (no Chinese text).
 */
export function switchTarget(settings: ScriptSettings, host: string, script: Script, current: Target | null): Target | null {
  if (current) return null;
  const site = settings.sites[siteKey(host)];
  if (site?.page && site.page !== 'never') return site.page;
  if (site?.reader && site.reader !== 'original') return site.reader;
  const choice = byDefault(settings, script);
  if (choice !== 'original') return choice;
  return script === 'simplified' ? 'traditional' : script === 'traditional' || script === 'mixed' ? 'simplified' : null;
}
