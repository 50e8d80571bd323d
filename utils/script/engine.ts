// OpenCC conversions over dictionaries compiled at build time (scripts/compile-opencc.ts): one
// chunk per direction, loaded on first use and shared. Simplified→Traditional needs the large
// chunk (cn2t), the way back only t2cn; pairs between Traditional variants use the small
// `variants` chunk. A chunk is a small module (its layout) and its bytes, which the extension
// fetches from its own files and the command reads from the checkout (#opencc-bytes, package.json
// `imports`): ~1.5 MB the background's script does not parse each time its worker starts. The
// output is opencc-js's, exactly (test/unit/script/opencc.test.ts holds it against opencc-js on
// OpenCC's test cases, golden files and news text).

import { chunkBytes } from '#opencc-bytes';
import { LoadedChunk, type CompiledChunk, type Convert } from './opencc/chain';

/** opencc-js locales: cn Simplified, t OpenCC standard Traditional, tw/twp Taiwan (with phrases), hk, jp. */
export type Locale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';

export interface Pair {
  from: Locale;
  to: Locale;
}

export type ConverterFunction = Convert;

export type ChunkName = 'cn2t' | 't2cn' | 'variants';

export const chunkOf = ({ from, to }: Pair): ChunkName => (from === 'cn' ? 'cn2t' : to === 'cn' ? 't2cn' : 'variants');

/** The OpenCC config name of a pair (s2twp, tw2sp, t2hk…), as opencc-js names it. */
export function configName({ from, to }: Pair): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') return from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`;
  return `${from}2${to}`;
}

const loaders: Record<ChunkName, () => Promise<{ default: CompiledChunk }>> = {
  cn2t: () => import('./opencc/compiled/cn2t'),
  t2cn: () => import('./opencc/compiled/t2cn'),
  variants: () => import('./opencc/compiled/variants'),
};

const chunks = new Map<ChunkName, Promise<LoadedChunk>>();

function chunk(name: ChunkName): Promise<LoadedChunk> {
  let c = chunks.get(name);
  if (!c) {
    c = Promise.all([loaders[name](), chunkBytes(name)]).then(([m, bytes]) => new LoadedChunk(m.default, bytes));
    chunks.set(name, c);
    c.catch(() => chunks.delete(name)); // a failed load is retried next time
  }
  return c;
}

/** The loaded chunk a pair's conversion lives in (its converters are then made synchronously). */
export const chunkFor = (pair: Pair): Promise<LoadedChunk> => chunk(chunkOf(pair));

/** The converter for a pair; made on first use, then shared. */
export async function converterFor(pair: Pair): Promise<ConverterFunction> {
  return (await chunkFor(pair)).converter(configName(pair));
}

/**
 * OpenCC's TSCharactersExt, opt-in: rare Traditional characters whose Simplified forms may render as
 * missing-glyph boxes (OpenCC loads it only with --include-tofu-risk-dictionaries).
 */
export async function tsCharactersExt(): Promise<ConverterFunction> {
  return (await chunk('t2cn')).converter('tsext');
}

/** Bytes the loaded dictionaries hold (for the bench). */
export async function loadedBytes(): Promise<number> {
  let n = 0;
  for (const c of chunks.values()) n += (await c).bytes;
  return n;
}
