// The page's language, as declared or as its characters say, and the clock its times are in.

import { isChineseLang, metaContent } from './metadata/structured';

/** Language from the characters when the page does not declare one. */
export function inferLang(text: string): string | null {
  const sample = text.slice(0, 5000);
  const kana = (sample.match(/[\u3040-\u30ff]/g) ?? []).length;
  const hangul = (sample.match(/[\uac00-\ud7af]/g) ?? []).length;
  const han = (sample.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const letters = (sample.match(/[A-Za-z]/g) ?? []).length;
  if (kana > 20 && kana > han * 0.1) return 'ja';
  if (hangul > 20) return 'ko';
  // Script text inflates Latin letters on portals; 50 Han characters make a Chinese page.
  if (han > 50 || (han > 20 && han * 3 > letters)) return 'zh';
  return null;
}

/** The language the page declares (`<html lang>`, content-language), or null. */
export function declaredLangOf(doc: Document): string | null {
  return doc.documentElement.getAttribute('lang')?.trim() || metaContent(doc, ['content-language']) || null;
}

/** A page in Chinese: declared so, or written in Han characters (templates declare lang="en" on Chinese pages). */
export function isChinesePage(doc: Document): boolean {
  const declared = declaredLangOf(doc);
  return (!!declared && isChineseLang(declared)) || inferLang(`${doc.title} ${doc.body?.textContent?.slice(0, 20_000)}`) === 'zh';
}

/** Offset for the wall-clock times a page prints: +08:00 on Chinese pages, else unknown. */
export function defaultTzOf(doc: Document): string | null {
  return isChinesePage(doc) ? '+08:00' : null;
}
