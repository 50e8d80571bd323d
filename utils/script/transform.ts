// Text transforms as one request: repair pinyin leaks, then convert the script. The extension runs
// them in the background (where the dictionaries live, see host.ts) and pages send only text.

import type { Source } from './convert';
import type { Script } from './detect';
import type { Target } from './targets';

/** `context`: the script of the page the texts come from; `declared`: its lang tag as declared (see convert.ts). */
export type TextOp = { kind: 'repair'; minHits?: number } | { kind: 'convert'; to: Target; from?: Source; context?: Script; declared?: string | null };

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
