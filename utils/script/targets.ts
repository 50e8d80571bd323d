// The four scripts a reader can ask for, and which OpenCC pair goes from one to another.

import type { Pair } from './engine';

export const TARGETS = ['simplified', 'traditional', 'taiwan', 'hongkong'] as const;
export type Target = (typeof TARGETS)[number];

export const isTarget = (v: unknown): v is Target => TARGETS.includes(v as Target);

/** `lang` for converted text, so the browser picks the right fonts and glyph forms. */
export const LANG_OF: Record<Target, string> = { simplified: 'zh-Hans', traditional: 'zh-Hant', taiwan: 'zh-TW', hongkong: 'zh-HK' };

const LOCALE = { simplified: 'cn', traditional: 't', taiwan: 'twp', hongkong: 'hk' } as const;

/**
 * The OpenCC pair from a known source variant to a target (null when they are the same):
 * simplified→taiwan is s2twp, taiwan→simplified tw2sp, hongkong→simplified hk2s, and between
 * Traditional variants the variant tables (t2tw, hk2t…).
 */
export function pairFor(source: Target, target: Target): Pair | null {
  if (source === target) return null;
  const from = LOCALE[source];
  // Between Traditional variants the phrase tables do not apply: tw, not twp.
  const to = target === 'taiwan' && source !== 'simplified' ? 'tw' : LOCALE[target];
  return { from: source === 'taiwan' && target !== 'simplified' ? 'tw' : from, to };
}

/** Auto-detected text: Simplified goes out through s2t/s2twp/s2hk, anything Traditional back through t2s. */
export function autoPair(target: Target): Pair {
  return target === 'simplified' ? { from: 't', to: 'cn' } : { from: 'cn', to: LOCALE[target] };
}
