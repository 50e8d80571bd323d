// BIOES tag set and constrained Viterbi decoding, shared by the runtime and the trainer.
// Tag 0 is O; entity type k (0-based) has tags B = 1 + 4k, I = 2 + 4k, E = 3 + 4k, S = 4 + 4k.

export const O = 0;
export const tagCount = (types: number) => 1 + 4 * types;
export const tagType = (tag: number) => (tag - 1) >> 2; // -1 for O
/** 0 = B, 1 = I, 2 = E, 3 = S (undefined for O). */
export const tagPart = (tag: number) => (tag - 1) & 3;

/** May `to` follow `from` (from = -1: sentence start)? */
export function legal(from: number, to: number): boolean {
  const toPart = to === O ? -1 : tagPart(to);
  const inside = toPart === 1 || toPart === 2; // I or E continue an entity
  if (from < 0 || from === O) return !inside;
  const fromPart = tagPart(from);
  const open = fromPart === 0 || fromPart === 1; // after B or I the entity must continue
  if (open) return inside && tagType(from) === tagType(to);
  return !inside;
}

/** May the sentence end on `tag`? */
export const legalEnd = (tag: number) => tag === O || tagPart(tag) >= 2;

/** For each tag, the legal predecessor tags (flattened: offsets into `list`). */
export interface Transitions {
  T: number;
  predStart: Int32Array;
  predList: Int32Array;
  /** 1 where a tag may start / end a sentence. */
  canStart: Uint8Array;
  canEnd: Uint8Array;
}

export function transitions(T: number): Transitions {
  const predStart = new Int32Array(T + 1);
  const list: number[] = [];
  for (let to = 0; to < T; to++) {
    predStart[to] = list.length;
    for (let from = 0; from < T; from++) if (legal(from, to)) list.push(from);
  }
  predStart[T] = list.length;
  const canStart = Uint8Array.from({ length: T }, (_, t) => (legal(-1, t) ? 1 : 0));
  const canEnd = Uint8Array.from({ length: T }, (_, t) => (legalEnd(t) ? 1 : 0));
  return { T, predStart, predList: Int32Array.from(list), canStart, canEnd };
}

/**
 * Constrained Viterbi. `em` holds n * T emission scores, `trans` T * T transition scores
 * (from * T + to), `start`/`end` T scores each. Ties go to the lowest predecessor index, so the
 * result is deterministic. Writes the best tags into `out` (length ≥ n).
 */
export function viterbi(
  em: ArrayLike<number>,
  n: number,
  tr: Transitions,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  out: Int32Array | Uint8Array,
  scratch?: { score: Float64Array; back: Int32Array },
): void {
  if (n === 0) return;
  const T = tr.T;
  const { predStart, predList, canStart, canEnd } = tr;
  const score = scratch && scratch.score.length >= n * T ? scratch.score : new Float64Array(n * T);
  const back = scratch && scratch.back.length >= n * T ? scratch.back : new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = canStart[t] ? start[t] + em[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prev = base - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = predStart[t], e = predStart[t + 1]; k < e; k++) {
        const f = predList[k];
        const s = score[prev + f] + trans[f * T + t];
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      score[base + t] = best + em[base + t];
      back[base + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (!canEnd[t]) continue;
    const s = score[last + t] + end[t];
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
}

/** Spans [start, end) with internal type ids from a legal tag sequence. */
export function tagsToSpans(tags: ArrayLike<number>, n: number): Array<[number, number, number]> {
  const spans: Array<[number, number, number]> = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === O) {
      open = -1;
      continue;
    }
    const part = tagPart(t);
    if (part === 3) {
      spans.push([i, i + 1, tagType(t)]);
      open = -1;
    } else if (part === 0) open = i;
    else if (part === 2 && open >= 0) {
      spans.push([open, i + 1, tagType(t)]);
      open = -1;
    }
  }
  return spans;
}

const NEG = -0x3fffffff;

/** Transition scores regrouped for viterbiFixed (BIOES structure; see decode()). */
export interface FixedTransitions {
  T: number;
  K: number; // entity types
  /** The "closed" tags (an entity may start after them): O, then E-k and S-k for each type. */
  closed: Int32Array;
  /** closedTrans[c * T + t]: score of closed[c] → t, for t in O / B-k / S-k (others unused). */
  closedTrans: Int32Array;
  trans: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export function fixedTransitions(T: number, trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>): FixedTransitions {
  const K = (T - 1) / 4;
  const closed = [0];
  for (let k = 0; k < K; k++) closed.push(3 + 4 * k, 4 + 4 * k);
  const closedTrans = new Int32Array(closed.length * T);
  closed.forEach((f, c) => {
    for (let t = 0; t < T; t++) closedTrans[c * T + t] = trans[f * T + t];
  });
  return { T, K, closed: Int32Array.from(closed), closedTrans, trans: Int32Array.from(trans), start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * Constrained Viterbi for integer scores with fixed transitions (the runtime's quantized model),
 * written out for the BIOES structure. Same result as viterbi() on the same numbers (ties go to
 * the predecessor that comes first in transitions().predList order, i.e. the lowest tag number).
 */
export function viterbiFixed(em: Int32Array, n: number, ft: FixedTransitions, out: Int32Array, score: Int32Array, back: Int32Array): void {
  if (n === 0) return;
  const { T, K, closed, closedTrans, trans, start, end } = ft;
  const C = closed.length;
  for (let t = 0; t < T; t++) {
    const part = t === 0 ? 3 : (t - 1) & 3;
    score[t] = part === 0 || part === 3 ? start[t] + em[t] : NEG; // O, B, S may start
  }
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prev = base - T;
    // O, B-k, S-k: best over the closed tags (in ascending tag order, like predList)
    for (let t = 0; t < T; t++) {
      if (t !== 0 && ((t - 1) & 3) !== 0 && ((t - 1) & 3) !== 3) continue;
      let best = NEG * 2;
      let arg = 0;
      for (let c = 0; c < C; c++) {
        const f = closed[c];
        const s = score[prev + f] + closedTrans[c * T + t];
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      score[base + t] = best + em[base + t];
      back[base + t] = arg;
    }
    // I-k, E-k: from B-k or I-k
    for (let k = 0; k < K; k++) {
      const b = 1 + 4 * k;
      const sb = score[prev + b];
      const si = score[prev + b + 1];
      for (let t = b + 1; t <= b + 2; t++) {
        const x = sb + trans[b * T + t];
        const y = si + trans[(b + 1) * T + t];
        if (y > x) {
          score[base + t] = y + em[base + t];
          back[base + t] = b + 1;
        } else {
          score[base + t] = x + em[base + t];
          back[base + t] = b;
        }
      }
    }
  }
  let best = NEG * 2;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    const part = t === 0 ? 3 : (t - 1) & 3;
    if (part < 2) continue; // must end on O, E or S
    const s = score[last + t] + end[t];
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
}
