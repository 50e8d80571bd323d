// Text transforms as one request: repair pinyin leaks, then convert the script. The extension runs
// them in the background (where the dictionaries live) and the page sends only text; `jingdu` runs
// the same host in Node.

import { prepareConverter, type Source, type TextConverter } from './convert';
import type { Script } from './detect';
import type { UserPhrase } from './phrases';
import { pinyinReadings } from './readings';
import { MIN_HITS, repairAnnotations } from './repair';
import type { Target } from './targets';

/** `context`: the script of the page the texts come from (see needsConversion). */
export type TextOp = { kind: 'repair'; minHits?: number } | { kind: 'convert'; to: Target; from?: Source; context?: Script };

export interface TransformRequest {
  texts: string[];
  ops: TextOp[];
}

export interface TransformResult {
  texts: string[];
  /** pinyin annotations removed */
  repaired: number;
}

export type Transformer = (req: TransformRequest) => Promise<TransformResult>;

export interface HostOptions {
  phrases: UserPhrase[];
  tsCharactersExt: boolean;
}

/** A transformer that keeps its converters: one per target and source, rebuilt when options change. */
export function createTextHost(options: () => HostOptions): Transformer {
  const converters = new Map<string, Promise<TextConverter>>();
  let seen = '';
  return async ({ texts, ops }) => {
    const opts = options();
    const key = JSON.stringify(opts);
    if (key !== seen) {
      converters.clear();
      seen = key;
    }
    let out = texts;
    let repaired = 0;
    for (const op of ops) {
      if (op.kind === 'repair') {
        const r = repairAnnotations(out, pinyinReadings, op.minHits ?? MIN_HITS);
        out = r.texts;
        repaired += r.removed;
      } else {
        const id = `${op.to}<${op.from ?? 'auto'}`;
        let c = converters.get(id);
        if (!c) converters.set(id, (c = prepareConverter({ to: op.to, from: op.from, phrases: opts.phrases, tsCharactersExt: opts.tsCharactersExt })));
        const converter = await c;
        out = out.map((t) => converter.convert(t, op.context));
      }
    }
    return { texts: out, repaired };
  };
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR']);

/** The text nodes of a fragment that carry reading text (not code). */
export function readableTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if ((c as Text).data.trim()) out.push(c as Text);
      } else if (c.nodeType === 1 && !SKIP.has((c as Element).tagName.toUpperCase())) walk(c);
    }
  };
  walk(root);
  return out;
}

/** Applies `ops` to every readable text node under `root`, in place. */
export async function transformTree(root: Node, ops: TextOp[], transform: Transformer): Promise<number> {
  if (!ops.length) return 0;
  const nodes = readableTextNodes(root);
  const { texts, repaired } = await transform({ texts: nodes.map((n) => n.data), ops });
  nodes.forEach((n, i) => {
    if (n.data !== texts[i]) n.data = texts[i];
  });
  return repaired;
}
