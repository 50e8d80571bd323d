// Character-level F1 between two texts: the bags of non-space characters, compared.

function bag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s.replace(/\s+/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

export function charF1(candidate: string, gold: string): number {
  const a = bag(candidate);
  const b = bag(gold);
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) common += Math.min(v, b.get(k) ?? 0);
  if (na === 0 || nb === 0) return na === nb ? 1 : 0;
  const p = common / na;
  const r = common / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
