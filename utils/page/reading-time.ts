// Minutes to read: about 400 Chinese characters or 230 Latin words a minute for news prose.

export function readingMinutes(text: string): number {
  const han = (text.match(/[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]/g) ?? []).length;
  const words = (text.match(/[A-Za-zÀ-ÿ0-9]+/g) ?? []).length;
  return Math.max(1, Math.round(han / 400 + words / 230));
}
