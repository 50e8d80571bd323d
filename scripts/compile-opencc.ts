// Compiles OpenCC's dictionaries (as opencc-js 1.4.2 ships them, the oracle the tests compare
// with) into flat tries (utils/script/opencc/trie.ts) in three chunks the product loads on demand:
//   cn2t      Simplified → Traditional / Taiwan / Hong Kong (s2t, s2tw, s2twp, s2hk, s2hkp)
//   t2cn      any Traditional → Simplified (t2s, tw2s, tw2sp, hk2s, hk2sp) and TSCharactersExt
//   variants  between Traditional variants (t2tw, tw2t, t2hk, hk2t, t2jp, jp2t, tw→hk…)
// Output goes to utils/script/opencc/compiled/ (not committed): per chunk a small module (the tries'
// layout and the conversions) and the bytes (the tries, then the replacements' text in UTF-16LE),
// which the extension fetches and the command reads on first use. Runs from `npm ci` (postinstall)
// and before build, test and bench; it does nothing when its inputs have not changed.
//   npx tsx scripts/compile-opencc.ts [--force]

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'utils/script/opencc/compiled');
const LIB = join(ROOT, 'node_modules/opencc-js/dist/esm-lib');
const EXT_FILE = join(ROOT, 'utils/script/ts-characters-ext.generated.ts');
const FORMAT = 3; // bump when the layout in trie.ts or chain.ts changes

const inputs = createHash('sha256')
  .update(`${FORMAT}\n${readFileSync(fileURLToPath(import.meta.url))}\n${readFileSync(join(LIB, '../../package.json'))}\n${readFileSync(EXT_FILE)}`)
  .digest('hex');
const stampFile = join(OUT, 'stamp.txt');
if (!process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) process.exit(0);

// ── The dictionaries, by name ───────────────────────────────────────────────────────────────
type Pairs = Array<[string, string]>;
const dicts = new Map<string, Pairs>();
const nameOf = new Map<string, string>(); // dictionary text → its name
for (const f of readdirSync(join(LIB, 'dict'))) {
  const name = f.replace(/\.js$/, '');
  const text = (await import(pathToFileURL(join(LIB, 'dict', f)).href)).default as string;
  nameOf.set(text, name);
  dicts.set(name, text.split('|').map((e) => e.split(' ') as [string, string]));
}
const { TS_CHARACTERS_EXT } = (await import(pathToFileURL(EXT_FILE).href)) as { TS_CHARACTERS_EXT: Pairs };
dicts.set('TSCharactersExt', TS_CHARACTERS_EXT.map(([a, b]) => [a, b]));

type Group = string[];
const names = (group: string[]): Group => group.map((d) => nameOf.get(d) ?? fail(`unknown dictionary in the preset`));
function fail(why: string): never {
  throw new Error(why);
}

interface Spec {
  normalize: Group | null;
  segment: Group | null;
  chain: Group[];
}

// ── The conversions, read from opencc-js's own preset ───────────────────────────────────────
const preset = await import(pathToFileURL(join(LIB, 'preset/full.js')).href);
const specs = new Map<string, Spec>();
for (const [config, c] of Object.entries(preset.configs as Record<string, { normalizationChain?: string[][]; segmentation?: string[]; conversionChain: string[][] }>)) {
  if (c.normalizationChain && c.normalizationChain.length !== 1) fail(`${config}: a normalization chain of several groups`);
  specs.set(config, { normalize: c.normalizationChain ? names(c.normalizationChain[0]) : null, segment: c.segmentation ? names(c.segmentation) : null, chain: c.conversionChain.map(names) });
}
// Pairs opencc-js has no config for: its ConverterBuilder chains the `from` and `to` groups.
const TRAD = ['t', 'tw', 'twp', 'hk', 'hkp', 'jp'];
const configName = (from: string, to: string) => (from === 'cn' ? `s2${to}` : to === 'cn' ? (from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`) : `${from}2${to}`);
for (const from of TRAD)
  for (const to of TRAD) {
    const name = configName(from, to);
    if (from === to || specs.has(name)) continue;
    const groups = [...(from === 't' ? [] : preset.from[from]), ...(to === 't' ? [] : preset.to[to])] as string[][];
    specs.set(name, { normalize: null, segment: null, chain: groups.map(names) });
  }
specs.set('tsext', { normalize: null, segment: null, chain: [['TSCharactersExt']] });

const chunkOf = (name: string) => (name === 'tsext' || /^\w+2sp?$/.test(name) ? 't2cn' : name.startsWith('s2') ? 'cn2t' : 'variants');

// ── Tries ───────────────────────────────────────────────────────────────────────────────────
interface Node {
  next: Map<number, Node>;
  value?: string;
  mark?: boolean;
}

/** opencc-js's Trie.loadDictGroup: dictionaries loaded last to first, so the first one wins. */
function buildTrie(group: Group, marks: Group | null): Node {
  const root: Node = { next: new Map() };
  const walk = (key: string) => {
    let n = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let m = n.next.get(c);
      if (!m) n.next.set(c, (m = { next: new Map() }));
      n = m;
    }
    return n;
  };
  for (const d of [...group].reverse()) for (const [k, v] of dicts.get(d)!) if (k) walk(k).value = v;
  for (const d of marks ?? []) for (const [k] of dicts.get(d)!) if (k) walk(k).mark = true;
  return root;
}

class Writer {
  bytes = new Uint8Array(1 << 20);
  length = 0;
  private grow(n: number) {
    while (this.length + n + 4 > this.bytes.length) {
      const b = new Uint8Array(this.bytes.length * 2);
      b.set(this.bytes);
      this.bytes = b;
    }
  }
  /** Appends a typed array at a 4-byte boundary; returns its offset. */
  put(a: Int32Array | Uint32Array | Uint16Array | Uint8Array): number {
    this.length = (this.length + 3) & ~3;
    this.grow(a.byteLength);
    const at = this.length;
    this.bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    this.length += a.byteLength;
    return at;
  }
}

function compileChunk(chunk: string) {
  const mine = [...specs].filter(([name]) => chunkOf(name) === chunk);
  const key = (g: Group) => g.join('+');
  // One trie per distinct group; a segmentation group rides as marks on the chain's trie that holds it.
  const trieOf = new Map<string, { group: Group; marks: Group | null }>();
  for (const [name, s] of mine) {
    for (const g of [...s.chain, ...(s.normalize ? [s.normalize] : [])]) if (!trieOf.has(key(g))) trieOf.set(key(g), { group: g, marks: null });
    if (s.segment) {
      const host = s.chain.find((g) => s.segment!.every((d) => g.includes(d))) ?? fail(`${name}: segmentation dictionaries outside its conversion groups`);
      const head = trieOf.get(key(host))!;
      if (head.marks && key(head.marks) !== key(s.segment)) fail(`${name}: two segmentations on one trie`);
      head.marks = s.segment;
    }
  }
  const keys = [...trieOf.keys()];
  const w = new Writer();
  // Replacements in the order of the terminal nodes, trie after trie: a node's value index is its
  // rank among the terminals, so only a flag per node and a length per value are stored.
  const valueList: string[] = [];
  const layouts = keys.map((k) => {
    const { group, marks } = trieOf.get(k)!;
    const root = buildTrie(group, marks);
    // Breadth-first, children sorted by code unit.
    const order: Node[] = [root];
    const codes: number[] = [0];
    for (let i = 0; i < order.length; i++) {
      for (const c of [...order[i].next.keys()].sort((a, b) => a - b)) {
        order.push(order[i].next.get(c)!);
        codes.push(c);
      }
    }
    const n = order.length;
    const code = Uint16Array.from(codes);
    const children = new Uint16Array(n);
    const flags = new Uint8Array(n);
    const firstValue = valueList.length;
    order.forEach((node, i) => {
      if (node.value !== undefined) {
        if (node.value.length > 255) fail(`a replacement of ${node.value.length} code units`);
        flags[i] |= 1;
        valueList.push(node.value);
      }
      if (node.mark) flags[i] |= 2;
      if (i > 0) children[i] = node.next.size;
    });
    return { nodes: n, rootChildren: root.next.size, firstValue, flags: w.put(flags), code: w.put(code), children: w.put(children), marked: !!marks };
  });
  const valueLengths = w.put(Uint8Array.from(valueList, (v) => v.length));
  const index = (g: Group) => keys.indexOf(key(g));
  const chunkSpecs = Object.fromEntries(mine.map(([name, s]) => [name, { normalize: s.normalize ? index(s.normalize) : null, segment: s.segment ? index(s.chain.find((g) => s.segment!.every((d) => g.includes(d)))!) : null, chain: s.chain.map(index) }]));
  const values = valueList.join('');
  const valuesAt = w.length + (w.length % 2);
  const bytes = Buffer.alloc(valuesAt + values.length * 2);
  bytes.set(w.bytes.subarray(0, w.length));
  bytes.write(values, valuesAt, 'utf16le');
  const body = `// Generated by scripts/compile-opencc.ts from opencc-js's dictionaries (OpenCC, Apache-2.0). Not committed.
// The tries and replacements are in ${chunk}.bin.
import type { CompiledChunk } from '../chain';

const chunk: CompiledChunk = {
  tries: ${JSON.stringify(layouts)},
  specs: ${JSON.stringify(chunkSpecs)},
  valueLengths: ${valueLengths},
  valueCount: ${valueList.length},
  valuesAt: ${valuesAt},
  valuesLength: ${values.length},
};
export default chunk;
`;
  writeFileSync(join(OUT, `${chunk}.bin.tmp`), bytes);
  renameSync(join(OUT, `${chunk}.bin.tmp`), join(OUT, `${chunk}.bin`));
  writeFileSync(join(OUT, `${chunk}.ts.tmp`), body);
  renameSync(join(OUT, `${chunk}.ts.tmp`), join(OUT, `${chunk}.ts`));
  return { chunk, bytes: w.length, nodes: layouts.reduce((n, l) => n + l.nodes, 0), specs: mine.length };
}

mkdirSync(OUT, { recursive: true });
const report = ['cn2t', 't2cn', 'variants'].map(compileChunk);
// Traditional → Simplified per character (TSCharacters), for the length-keeping shadow text that
// phrase keys, quote search and entity tagging compare in.
const ts = dicts.get('TSCharacters')!.map(([a, b]) => `${a} ${b}`).join('|');
writeFileSync(join(OUT, 'ts-characters.ts'), `// Generated by scripts/compile-opencc.ts (OpenCC's TSCharacters, Apache-2.0). Not committed.\nexport default ${JSON.stringify(ts)};\n`);
writeFileSync(stampFile, inputs);
if (!process.argv.includes('--quiet')) for (const r of report) console.log(`opencc ${r.chunk}: ${r.specs} conversions, ${r.nodes} nodes, ${(r.bytes / 1024).toFixed(0)} KB`);
