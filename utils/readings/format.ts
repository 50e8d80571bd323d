// Readings as text for people and programs: 字(zì) inline, or HTML <ruby> with <rt>.

import type { ReadingSystem } from './systems';
import { readingsOf, type CharFold } from './annotate';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `银行(yín)…` style: each character followed by its reading in parentheses. */
export function inlineReadings(text: string, system: ReadingSystem, fold?: CharFold): string {
  const r = readingsOf(text, system, fold);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    out += r[i] ? `${ch}(${r[i]})` : ch;
    i += ch.length;
  }
  return out;
}

/** HTML: each read character as <ruby>字<rt>zì</rt></ruby>, the rest escaped. */
export function rubyReadings(text: string, system: ReadingSystem, fold?: CharFold): string {
  const r = readingsOf(text, system, fold);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    out += r[i] ? `<ruby>${escape(ch)}<rp>(</rp><rt>${escape(r[i]!)}</rt><rp>)</rp></ruby>` : escape(ch);
    i += ch.length;
  }
  return out;
}
