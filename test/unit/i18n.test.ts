// Every UI string comes from _locales, in all three languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus';

const LOCALES = ['en', 'zh_CN', 'zh_TW'];
const messages = (loc: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?|html)$/.test(f) ? [p] : [];
  });
}

describe('UI text', () => {
  const en = messages('en');

  it('all locales have the same keys, and every message is non-empty', () => {
    for (const loc of LOCALES) {
      const m = messages(loc);
      expect(Object.keys(m).sort(), loc).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(m)) expect(v.message.trim(), `${loc}.${k}`).not.toBe('');
    }
  });

  it('every key the code asks for exists, and the Chinese locales are translated', () => {
    const code = ['entrypoints', 'components', 'platform'].flatMap((d) => sources(join(ROOT, d))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set([...code.matchAll(/\bt\(\s*'([A-Za-z_]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    for (const k of used) expect(en[k], k).toBeDefined();
    const zh = messages('zh_CN');
    const same = Object.keys(en).filter((k) => !k.endsWith('Placeholder') && /[a-z]{4}/.test(en[k].message) && zh[k].message === en[k].message);
    expect(same).toEqual([]);
  });

  it('components hold no hard-coded words: visible text comes through t()', () => {
    for (const file of sources(join(ROOT, 'components')).filter((f) => f.endsWith('.tsx'))) {
      const src = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      // JSX text after a tag: only symbols, expressions or whitespace (code after a generic type
      // such as useState<Sort>('x') is not JSX text).
      const texts = [...src.matchAll(/(?:<[A-Za-z][^<>]*>|<\/[A-Za-z]+>)([^<>{}]+)(?=<)/g)]
        .filter((m) => !m[0].startsWith('<kbd')) // key names (Alt, Shift, Esc) are the same in every language
        .map((m) => m[1].trim())
        .filter((x) => /[A-Za-z\u4e00-\u9fff]{2,}/.test(x) && !/[;=()]/.test(x));
      expect(texts, file).toEqual([]);
    }
  });

  it('the manifest is localized', () => {
    const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) expect(en[m[1]], m[1]).toBeDefined();
  });
});
