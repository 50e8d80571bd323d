// Which script is a text written in? Counted from the characters that exist in only one of the two
// scripts (see chars.generated.ts); a page's `lang` is only a hint and often wrong.

import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './chars.generated';

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

const S = new Set(SIMPLIFIED_ONLY);
const T = new Set(TRADITIONAL_ONLY);

export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

export function countScriptChars(text: string, limit = 20_000): ScriptCounts {
  let simplified = 0;
  let traditional = 0;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (S.has(ch)) simplified++;
    else if (T.has(ch)) traditional++;
  }
  return { simplified, traditional };
}

/**
 * simplified / traditional when at least 90% of the telling characters agree, mixed otherwise,
 * none when a text has fewer than 3 of them (too little Chinese, or only shared characters).
 */
export function detectScript(text: string): Script {
  return scriptOf(countScriptChars(text));
}

export function scriptOf({ simplified, traditional }: ScriptCounts): Script {
  const total = simplified + traditional;
  if (total < 3) return 'none';
  if (simplified >= total * 0.9) return 'simplified';
  if (traditional >= total * 0.9) return 'traditional';
  return 'mixed';
}

/** Does this text contain anything a conversion toward `to` would change the script of? */
export function hasCharsOf(text: string, script: 'simplified' | 'traditional'): boolean {
  const set = script === 'simplified' ? S : T;
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}
