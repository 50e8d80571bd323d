// Shared helpers for the NER trainer and evaluators: corpus loading, the held-out split, the
// CLUENER → internal type mapping, gold tags and span scoring.

import { readFileSync } from 'node:fs';
import { O, tagsToSpans } from '../../utils/nlp/ner/decode';

export interface Sentence {
  index: number; // line number in train.jsonl (0-based)
  text: string;
  /** CLUENER spans, end exclusive. */
  spans: Array<{ start: number; end: number; type: string }>;
}

export function loadJsonl(path: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as { text: string; label?: Record<string, Record<string, number[][]>> };
    const spans: Sentence['spans'] = [];
    for (const [type, ents] of Object.entries(j.label ?? {})) {
      for (const [ent, occ] of Object.entries(ents)) {
        for (const [s, e] of occ) {
          if (j.text.slice(s, e + 1) !== ent) throw new Error(`span mismatch in line ${out.length}: ${ent}`);
          spans.push({ start: s, end: e + 1, type });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.type < b.type ? -1 : 1));
    out.push({ index: out.length, text: j.text, spans });
  }
  return out;
}

/**
 * The split. Held-out: every 10th sentence (line index % 10 === 9) — never trained on, only
 * scored. Inner dev (for choosing settings): line index % 10 === 4 — trained on in the final model.
 */
export const isHeldOut = (s: Sentence) => s.index % 10 === 9;
export const isInnerDev = (s: Sentence) => s.index % 10 === 4;

export type OutType = 'person' | 'organization' | 'place';

/** Internal type sets: CLUENER type → internal type id; and internal id → API type. */
export interface TypeScheme {
  name: string;
  internal: string[];
  fromCluener: Record<string, number>;
  toOut: Array<OutType | null>;
}

export const SCHEMES: Record<string, TypeScheme> = {
  t3: {
    name: 't3',
    internal: ['person', 'organization', 'place'],
    fromCluener: { name: 0, organization: 1, company: 1, government: 1, address: 2 },
    toOut: ['person', 'organization', 'place'],
  },
  t6: {
    name: 't6',
    internal: ['person', 'organization', 'place', 'scene', 'position', 'work'],
    fromCluener: { name: 0, organization: 1, company: 1, government: 1, address: 2, scene: 3, position: 4, book: 5, movie: 5, game: 5 },
    toOut: ['person', 'organization', 'place', null, null, null],
  },
  t4: {
    name: 't4',
    internal: ['person', 'organization', 'place', 'other'],
    fromCluener: { name: 0, organization: 1, company: 1, government: 1, address: 2, scene: 3, position: 3, book: 3, movie: 3, game: 3 },
    toOut: ['person', 'organization', 'place', null],
  },
  t5: {
    name: 't5',
    internal: ['person', 'organization', 'place', 'position', 'other'],
    fromCluener: { name: 0, organization: 1, company: 1, government: 1, address: 2, scene: 4, position: 3, book: 4, movie: 4, game: 4 },
    toOut: ['person', 'organization', 'place', null, null],
  },
  t8: {
    name: 't8',
    internal: ['person', 'organization', 'company', 'government', 'place', 'scene', 'position', 'work'],
    fromCluener: { name: 0, organization: 1, company: 2, government: 3, address: 4, scene: 5, position: 6, book: 7, movie: 7, game: 7 },
    toOut: ['person', 'organization', 'organization', 'organization', 'place', null, null, null],
  },
  t10: {
    name: 't10',
    internal: ['person', 'organization', 'company', 'government', 'place', 'scene', 'position', 'book', 'movie', 'game'],
    fromCluener: { name: 0, organization: 1, company: 2, government: 3, address: 4, scene: 5, position: 6, book: 7, movie: 8, game: 9 },
    toOut: ['person', 'organization', 'organization', 'organization', 'place', null, null, null, null, null],
  },
};

/** BIOES gold tags; a span overlapping an earlier one is dropped (CLUENER has one such case). */
export function goldTags(s: Sentence, scheme: TypeScheme): Int32Array {
  const tags = new Int32Array(s.text.length).fill(O);
  const used = new Uint8Array(s.text.length);
  for (const sp of s.spans) {
    const k = scheme.fromCluener[sp.type];
    if (k === undefined) continue;
    let free = true;
    for (let i = sp.start; i < sp.end; i++) if (used[i]) free = false;
    if (!free) continue;
    for (let i = sp.start; i < sp.end; i++) used[i] = 1;
    if (sp.end - sp.start === 1) tags[sp.start] = 4 + 4 * k;
    else {
      tags[sp.start] = 1 + 4 * k;
      for (let i = sp.start + 1; i < sp.end - 1; i++) tags[i] = 2 + 4 * k;
      tags[sp.end - 1] = 3 + 4 * k;
    }
  }
  return tags;
}

/** Gold spans in API types. placeTypes: the CLUENER types counted as place. */
export function goldOut(s: Sentence, placeTypes: string[] = ['address']): Set<string> {
  const out = new Set<string>();
  for (const sp of s.spans) {
    const t: OutType | null =
      sp.type === 'name' ? 'person' : ['organization', 'company', 'government'].includes(sp.type) ? 'organization' : placeTypes.includes(sp.type) ? 'place' : null;
    if (t) out.add(`${sp.start},${sp.end},${t}`);
  }
  return out;
}

export class Scorer {
  tp = new Map<string, number>();
  fp = new Map<string, number>();
  fn = new Map<string, number>();

  add(gold: Set<string>, pred: Set<string>): void {
    const typeOf = (k: string) => k.slice(k.lastIndexOf(',') + 1);
    const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const g of gold) inc(pred.has(g) ? this.tp : this.fn, typeOf(g));
    for (const p of pred) if (!gold.has(p)) inc(this.fp, typeOf(p));
  }

  f1(type?: string): { p: number; r: number; f: number; tp: number; fp: number; fn: number } {
    const sum = (m: Map<string, number>) => (type ? (m.get(type) ?? 0) : [...m.values()].reduce((a, b) => a + b, 0));
    const tp = sum(this.tp), fp = sum(this.fp), fn = sum(this.fn);
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
  }

  report(types: string[]): string {
    const rows = [...types, 'micro'].map((t) => {
      const x = this.f1(t === 'micro' ? undefined : t);
      return `${t.padEnd(13)} P ${x.p.toFixed(4)} R ${x.r.toFixed(4)} F1 ${x.f.toFixed(4)}  (tp ${x.tp} fp ${x.fp} fn ${x.fn})`;
    });
    return rows.join('\n');
  }
}

export function predOut(tags: ArrayLike<number>, n: number, scheme: TypeScheme, placeAlso: number[] = []): Set<string> {
  const out = new Set<string>();
  for (const [a, b, k] of tagsToSpans(tags, n)) {
    const t = placeAlso.includes(k) ? 'place' : scheme.toOut[k];
    if (t) out.add(`${a},${b},${t}`);
  }
  return out;
}

/** mulberry32: a small seeded PRNG for the shuffles. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}
