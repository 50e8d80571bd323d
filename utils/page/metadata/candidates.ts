// Every metadata field is chosen the same way: rules propose candidates, each with a score in
// [0, 1] and the name of the rule that found it; the best one above the field's floor is kept,
// and a field with no candidate that clears the floor stays empty rather than guessed.

export interface Candidate<T> {
  value: T;
  /** 0..1: how sure the rule is */
  score: number;
  /** the rule that found it, as `metadataSources` reports it */
  rule: string;
}

export interface Choice<T> {
  value: T;
  rule: string;
  score: number;
}

/** The best candidate at or above `floor`; the earlier one wins a tie (rules are listed strongest first). */
export function choose<T>(candidates: Candidate<T>[], floor: number): Choice<T> | null {
  let best: Candidate<T> | null = null;
  for (const c of candidates) if (c.score >= floor && (!best || c.score > best.score)) best = c;
  return best && { value: best.value, rule: best.rule, score: best.score };
}
