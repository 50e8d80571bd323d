import { describe, expect, it } from 'vitest';
import { exportPhrases, exportSites, ImportError, importPhrases, importSites } from '../../../utils/settings/transfer';

describe('phrase and site-rule files', () => {
  it('round-trip phrases and merge without duplicates', () => {
    const mine = [{ from: '脸书', to: '臉書' }];
    const file = exportPhrases([{ from: '脸书', to: '臉書' }, { from: '乾隆', to: '乾隆', targets: ['taiwan' as const] }]);
    const once = importPhrases(mine, file);
    expect(once.phrases).toEqual([{ from: '脸书', to: '臉書' }, { from: '乾隆', to: '乾隆', targets: ['taiwan'] }]);
    expect(once.added).toBe(1);
    const twice = importPhrases(once.phrases, file);
    expect(twice).toEqual({ phrases: once.phrases, added: 0 });
  });

  it('round-trip site rules', () => {
    const file = exportSites({ 'news.example.cn': { page: 'taiwan' }, 'x.tw': { page: 'never', reader: 'simplified' } });
    const r = importSites({ 'news.example.cn': { reader: 'original' } }, file);
    expect(r.sites).toEqual({ 'news.example.cn': { reader: 'original', page: 'taiwan' }, 'x.tw': { page: 'never', reader: 'simplified' } });
    expect(importSites(r.sites, file).added).toBe(0);
  });

  it('refuses other files with a clear reason and drops invalid entries', () => {
    expect(() => importPhrases([], 'not json')).toThrow(ImportError);
    expect(() => importPhrases([], JSON.stringify({ kind: 'jingdu-site-rules', sites: {} }))).toThrow(/jingdu-phrases/);
    const r = importPhrases([], JSON.stringify({ kind: 'jingdu-phrases', phrases: [{ from: '<img src=x onerror=alert(1)>', to: 'x' }, { from: '', to: 'y' }, 42] }));
    expect(r.phrases).toEqual([{ from: '<img src=x onerror=alert(1)>', to: 'x' }]);
  });
});
