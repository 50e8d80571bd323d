// Linear-chain CRF over hashed character features, trained with SGD + L2 (weight-scaling trick),
// legal BIOES transitions only. Deterministic: fixed-seed shuffles, no parallelism.

import { legal, legalEnd } from '../../utils/nlp/ner/decode';
import { Model, type Example } from './perceptron';
import { rng, shuffle } from './lib';

export interface CrfOptions {
  epochs: number;
  seed: number;
  /** Initial learning rate. */
  eta: number;
  /** L2 strength per example (the objective is Σ loss + (lambda * N / 2) |w|²). */
  lambda: number;
  /** Averaging starts at this epoch (1-based); 0 = no averaging. */
  averageFrom?: number;
  onEpoch?: (epoch: number, model: Model) => void;
}

export function trainCrf(examples: Example[], T: number, buckets: number, opt: CrfOptions): Model {
  const m = new Model(T, buckets);
  const v = m.w; // real weights = scale * v
  let scale = 1;
  const tv = m.trans; // transitions/start/end are not regularized, stored unscaled
  const N = examples.length;
  const rand = rng(opt.seed);
  const order = examples.map((_, i) => i);
  const legalPair = new Uint8Array(T * T);
  for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) legalPair[a * T + b] = legal(a, b) ? 1 : 0;
  const legalStart = Uint8Array.from({ length: T }, (_, t) => (legal(-1, t) ? 1 : 0));
  const legalFinal = Uint8Array.from({ length: T }, (_, t) => (legalEnd(t) ? 1 : 0));

  // Averaging (of the real weights) for the last epochs: avg = sum / count, accumulated lazily
  // would be complex with scaling, so it is done by snapshots once per epoch.
  let avg: Model | undefined;
  let avgCount = 0;

  let em = new Float64Array(0);
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  let psi = new Float64Array(0);
  let steps = 0;
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    shuffle(order, rand);
    for (const idx of order) {
      const ex = examples[idx];
      const { n, F, rows, gold } = ex;
      // The tags this convention uses are the first Ta (its types come first): the rest are never touched.
      let Ta = T;
      if (ex.allowed) while (Ta > 0 && !ex.allowed[Ta - 1]) Ta--;
      const eta = opt.eta / (1 + steps / N);
      steps++;
      if (em.length < n * T) {
        em = new Float64Array(n * T * 2);
        alpha = new Float64Array(n * T * 2);
        beta = new Float64Array(n * T * 2);
        psi = new Float64Array(n * T * 2);
      }
      // emissions
      em.fill(0, 0, n * T);
      for (let i = 0; i < n; i++) {
        const eb = i * T;
        for (let f = i * F, fe = f + F; f < fe; f++) {
          const r = rows[f];
          for (let t = 0; t < Ta; t++) em[eb + t] += v[r + t];
        }
        let mx = -Infinity;
        for (let t = 0; t < Ta; t++) {
          em[eb + t] *= scale;
          if (em[eb + t] > mx) mx = em[eb + t];
        }
        for (let t = 0; t < Ta; t++) psi[eb + t] = Math.exp(em[eb + t] - mx);
      }
      const M = new Float64Array(T * T);
      for (let u = 0; u < Ta; u++) for (let t = 0; t < Ta; t++) M[u * T + t] = legalPair[u * T + t] ? Math.exp(tv[u * T + t]) : 0;
      // forward (scaled)
      let z = 0;
      for (let t = 0; t < Ta; t++) {
        alpha[t] = legalStart[t] ? Math.exp(m.start[t]) * psi[t] : 0;
        z += alpha[t];
      }
      for (let t = 0; t < Ta; t++) alpha[t] /= z;
      for (let i = 1; i < n; i++) {
        const b = i * T, p = b - T;
        z = 0;
        for (let t = 0; t < Ta; t++) {
          let s = 0;
          for (let u = 0; u < Ta; u++) s += alpha[p + u] * M[u * T + t];
          alpha[b + t] = s * psi[b + t];
          z += alpha[b + t];
        }
        for (let t = 0; t < Ta; t++) alpha[b + t] /= z;
      }
      // backward (scaled)
      const lb = (n - 1) * T;
      z = 0;
      for (let t = 0; t < Ta; t++) {
        beta[lb + t] = legalFinal[t] ? Math.exp(m.end[t]) : 0;
        z += beta[lb + t];
      }
      for (let t = 0; t < Ta; t++) beta[lb + t] /= z;
      for (let i = n - 2; i >= 0; i--) {
        const b = i * T, nx = b + T;
        z = 0;
        for (let u = 0; u < Ta; u++) {
          let s = 0;
          for (let t = 0; t < Ta; t++) s += M[u * T + t] * psi[nx + t] * beta[nx + t];
          beta[b + u] = s;
          z += s;
        }
        for (let u = 0; u < Ta; u++) beta[b + u] /= z;
      }
      // L2 shrink (lazy, via scale)
      scale *= 1 - eta * opt.lambda;
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k++) v[k] *= scale;
        scale = 1;
      }
      const step = eta / scale;
      // unary gradients
      for (let i = 0; i < n; i++) {
        const b = i * T;
        let zz = 0;
        for (let t = 0; t < Ta; t++) zz += alpha[b + t] * beta[b + t];
        const g = gold[i];
        for (let t = 0; t < Ta; t++) {
          const p = (alpha[b + t] * beta[b + t]) / zz;
          const d = (t === g ? 1 : 0) - p;
          if (d > -1e-7 && d < 1e-7) continue;
          const dv = d * step;
          for (let f = i * F, fe = f + F; f < fe; f++) v[rows[f] + t] += dv;
        }
        if (i === 0) {
          for (let t = 0; t < Ta; t++) m.start[t] += eta * ((t === g ? 1 : 0) - (alpha[t] * beta[t]) / zz);
        }
        if (i === n - 1) {
          for (let t = 0; t < Ta; t++) m.end[t] += eta * ((t === g ? 1 : 0) - (alpha[b + t] * beta[b + t]) / zz);
        }
      }
      // pairwise gradients
      for (let i = 1; i < n; i++) {
        const b = i * T, p = b - T;
        let zz = 0;
        for (let u = 0; u < Ta; u++) {
          const au = alpha[p + u];
          if (au === 0) continue;
          for (let t = 0; t < Ta; t++) zz += au * M[u * T + t] * psi[b + t] * beta[b + t];
        }
        for (let u = 0; u < Ta; u++) {
          const au = alpha[p + u];
          for (let t = 0; t < Ta; t++) {
            const k = u * T + t;
            if (!legalPair[k]) continue;
            const pr = (au * M[k] * psi[b + t] * beta[b + t]) / zz;
            tv[k] += eta * ((gold[i - 1] === u && gold[i] === t ? 1 : 0) - pr);
          }
        }
      }
    }
    const snap = () => {
      const s = new Model(T, buckets);
      for (let k = 0; k < v.length; k++) s.w[k] = v[k] * scale;
      s.trans.set(tv);
      s.start.set(m.start);
      s.end.set(m.end);
      return s;
    };
    let cur = snap();
    if (opt.averageFrom && epoch >= opt.averageFrom) {
      if (!avg) avg = new Model(T, buckets);
      avgCount++;
      const add = (a: Float64Array, b: Float64Array) => {
        for (let k = 0; k < a.length; k++) a[k] += (b[k] - a[k]) / avgCount;
      };
      add(avg.w, cur.w);
      add(avg.trans, cur.trans);
      add(avg.start, cur.start);
      add(avg.end, cur.end);
      cur = avg;
    }
    if (opt.onEpoch) opt.onEpoch(epoch, cur);
    if (epoch === opt.epochs) return cur;
  }
  throw new Error('no epochs');
}
