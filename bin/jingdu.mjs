#!/usr/bin/env node
// The `jingdu` command as installed (package.json `bin`: `npx jingdu`, `npm link`). It runs the
// bundle that `npm ci` builds from cli/ (scripts/build-cli.mjs); when that is missing, or a source
// it was built from has changed since, it is rebuilt first (that needs the dev dependencies).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.output/cli');
const entry = join(OUT, 'jingdu.js');

function stale() {
  if (!existsSync(entry)) return true;
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(OUT, 'inputs.json'), 'utf8'));
    return inputs.some((p) => {
      try {
        return statSync(join(ROOT, p)).mtimeMs > built;
      } catch {
        return true; // a source that went away
      }
    });
  } catch {
    return true;
  }
}

if (stale()) {
  if (existsSync(join(ROOT, 'node_modules/esbuild'))) {
    const { buildCli } = await import(pathToFileURL(join(ROOT, 'scripts/build-cli.mjs')).href);
    await buildCli();
  } else if (!existsSync(entry)) {
    process.stderr.write('jingdu: not built; run `npm ci` (or `node scripts/build-cli.mjs`) in the checkout first\n');
    process.exit(2);
  }
}
await import(pathToFileURL(entry).href);
