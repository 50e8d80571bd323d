// The compiled OpenCC dictionaries in Node (#opencc-bytes): read from the checkout, where
// scripts/compile-opencc.ts wrote them. This file runs from the sources (tests, scripts) or from the
// command's bundle in .output/cli/, so the checkout is the nearest folder up that holds them.

import { readFile } from 'node:fs/promises';

const FILE = (name: string) => `utils/script/opencc/compiled/${name}.bin`;

export async function chunkBytes(name: string): Promise<ArrayBuffer> {
  for (let up = 0, dir = new URL('./', import.meta.url); ; up++, dir = new URL('../', dir)) {
    try {
      const b = await readFile(new URL(FILE(name), dir));
      // A buffer of their own, aligned: the tries are typed-array views of it.
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || up === 4) throw new Error(`the ${name} dictionary is missing: run npm run opencc (${(e as Error).message})`);
    }
  }
}
