// Structured averaged perceptron over hashed character features with constrained BIOES Viterbi.

import { transitions, viterbi, type Transitions } from '../../utils/nlp/ner/decode';
import { rng, shuffle } from './lib';

export interface Example {
  n: number;
  /** Features per char. */
  F: number;
  /** n * F row offsets (bucket * T) into the weight table. */
  rows: Int32Array;
  gold: Int32Array;
  /** Tags this example's convention may use (1) or never has (0); absent: all. */
  allowed?: Uint8Array;
}

export class Model {
  readonly tr: Transitions;
  readonly w: Float64Array;
  readonly trans: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  constructor(
    readonly T: number,
    readonly buckets: number,
  ) {
    this.tr = transitions(T);
    this.w = new Float64Array(buckets * T);
    this.trans = new Float64Array(T * T);
    this.start = new Float64Array(T);
    this.end = new Float64Array(T);
  }

  private em = new Float64Array(0);
  private scratch = { score: new Float64Array(0), back: new Int32Array(0) };

  decode(ex: Example, out: Int32Array): void {
    const { T, w } = this;
    const F = ex.F;
    if (this.em.length < ex.n * T) {
      this.em = new Float64Array(ex.n * T * 2);
      this.scratch = { score: new Float64Array(ex.n * T * 2), back: new Int32Array(ex.n * T * 2) };
    }
    const em = this.em;
    em.fill(0, 0, ex.n * T);
    for (let i = 0; i < ex.n; i++) {
      const eb = i * T;
      for (let f = i * F, fe = f + F; f < fe; f++) {
        const r = ex.rows[f];
        for (let t = 0; t < T; t++) em[eb + t] += w[r + t];
      }
    }
    viterbi(em, ex.n, this.tr, this.trans, this.start, this.end, out, this.scratch);
  }
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  onEpoch?: (epoch: number, averaged: Model, errors: number) => void;
}

/** Trains and returns the averaged model. */
export function train(examples: Example[], T: number, buckets: number, opt: TrainOptions): Model {
  const m = new Model(T, buckets);
  // Averaging: u accumulates c * delta; the average is w - u / c.
  const uw = new Float64Array(m.w.length);
  const utr = new Float64Array(T * T);
  const us = new Float64Array(T);
  const ue = new Float64Array(T);
  const rand = rng(opt.seed);
  const order = examples.map((_, i) => i);
  const pred = new Int32Array(1024);
  let c = 1;
  const averaged = () => {
    const a = new Model(T, buckets);
    for (let i = 0; i < a.w.length; i++) a.w[i] = m.w[i] - uw[i] / c;
    for (let i = 0; i < a.trans.length; i++) a.trans[i] = m.trans[i] - utr[i] / c;
    for (let i = 0; i < T; i++) {
      a.start[i] = m.start[i] - us[i] / c;
      a.end[i] = m.end[i] - ue[i] / c;
    }
    return a;
  };
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    shuffle(order, rand);
    let errors = 0;
    for (const idx of order) {
      const ex = examples[idx];
      m.decode(ex, pred);
      let wrong = false;
      for (let i = 0; i < ex.n; i++) if (pred[i] !== ex.gold[i]) wrong = true;
      if (wrong) {
        errors++;
        const F = ex.F;
        const upd = (tags: ArrayLike<number>, d: number) => {
          const cd = c * d;
          for (let i = 0; i < ex.n; i++) {
            const t = tags[i];
            if (pred[i] !== ex.gold[i]) {
              for (let f = i * F, fe = f + F; f < fe; f++) {
                const k = ex.rows[f] + t;
                m.w[k] += d;
                uw[k] += cd;
              }
            }
            if (i === 0) {
              m.start[t] += d;
              us[t] += cd;
            } else {
              const k = tags[i - 1] * T + t;
              m.trans[k] += d;
              utr[k] += cd;
            }
          }
          const last = tags[ex.n - 1];
          m.end[last] += d;
          ue[last] += cd;
        };
        upd(ex.gold, 1);
        upd(pred, -1);
      }
      c++;
    }
    if (opt.onEpoch) opt.onEpoch(epoch, averaged(), errors);
  }
  return averaged();
}
