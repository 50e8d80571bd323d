// One function per settings version: `MIGRATIONS[n]` turns a version n-1 object into version n.
// Each has a test in test/unit/settings. Never edit a shipped migration; add the next one.

export const MIGRATIONS: Record<number, (old: any) => any> = {};
