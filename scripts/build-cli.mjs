// Builds the `jingdu` command: cli/jingdu.ts bundled by esbuild into .output/cli/ (not committed),
// an entry file plus chunks that each command loads on demand (the DOM and tagger for analyze,
// one OpenCC dictionary chunk per direction for convert). Run by `npm ci` (postinstall) and, when
// the sources changed since, by bin/jingdu.mjs before it runs. Plain JavaScript, so it needs no tsx.
//   node scripts/build-cli.mjs

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, '.output/cli');

// linkedom gives every node a listener map at construction (a WeakMap entry and a Map each): ~6% of
// a batch's time in the constructor and more in the collector, for listeners no page in analyze
// ever adds. In the bundle the map is made on the first addEventListener instead. Each edit must
// match, so a linkedom whose file changed fails the build rather than running unpatched.
const LAZY_LISTENERS = [
  ['constructor() {\n    wm.set(this, new Map);\n  }', 'constructor() {}'],
  ['addEventListener(type, listener, options) {\n    const map = wm.get(this);', 'addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));'],
  ['removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {', 'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];
const lazyListeners = {
  name: 'linkedom-lazy-listeners',
  setup(build) {
    build.onLoad({ filter: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, ({ path }) => {
      let code = readFileSync(path, 'utf8');
      for (const [from, to] of LAZY_LISTENERS) {
        if (!code.includes(from)) throw new Error(`linkedom's event-target.js changed: "${from.split('\n')[0]}" not found (scripts/build-cli.mjs)`);
        code = code.replace(from, to);
      }
      return { contents: code, loader: 'js' };
    });
  },
};

export async function buildCli() {
  // The compiled dictionaries are the convert chunks' input (scripts/compile-opencc.ts).
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const compiled = spawnSync(tsx, [join(ROOT, 'scripts/compile-opencc.ts'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('compiling the OpenCC dictionaries failed');
  const { build } = await import('esbuild');
  // Built beside the old one, then swapped in: a jingdu running meanwhile keeps a whole bundle.
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { jingdu: 'cli/jingdu.ts', 'analyze-worker': 'cli/analyze-worker.ts' },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __jingduRequire } from 'node:module'; const require = __jingduRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
    plugins: [lazyListeners],
  });
  // What went in, for bin/jingdu.mjs's freshness check.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify(inputs));
  mkdirSync(dirname(OUT), { recursive: true });
  const old = `${OUT}.old-${process.pid}`;
  try {
    if (existsSync(OUT)) renameSync(OUT, old);
    renameSync(tmp, OUT);
  } catch {
    // Another jingdu built it at the same moment and got there first: theirs is as good.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return relative(ROOT, OUT);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
