import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';

async function jingdu(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await run(argv, { stdin: () => new TextEncoder().encode(stdin), out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('jingdu annotate', () => {
  it('prints one line out per line in, 字(zì) style, polyphones by context', async () => {
    const r = await jingdu(['annotate'], '银行行长\n\n重新，重要\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('银(yín)行(háng)行(háng)长(zhǎng)\n\n重(chóng)新(xīn)，重(zhòng)要(yào)\n');
  });

  it('reads Traditional text in zhuyin and Cantonese in jyutping', async () => {
    expect((await jingdu(['annotate', '--reading', 'zhuyin', '-'], '銀行')).out).toBe('銀(ㄧㄣˊ)行(ㄏㄤˊ)');
    expect((await jingdu(['annotate', '--reading', 'jyutping'], '食飯')).out).toBe('食(sik6)飯(faan6)');
  });

  it('prints HTML ruby with --format ruby', async () => {
    const r = await jingdu(['annotate', '--format', 'ruby'], '好<');
    expect(r.out).toBe('<ruby>好<rp>(</rp><rt>hǎo</rt><rp>)</rp></ruby>&lt;');
  });

  it('says what is wrong: bad usage exits 2, unreadable input 3', async () => {
    for (const argv of [['annotate', '--reading', 'wade-giles'], ['annotate', '--format', 'pdf'], ['annotate', 'a', 'b'], ['annotate', '--nope']]) {
      const r = await jingdu(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/annotate \[--reading/);
    }
    const missing = await jingdu(['annotate', '/nonexistent/file.txt']);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/no such file/);
    const bytes = await run(['annotate'], { stdin: () => new Uint8Array([0xff, 0xfe, 0x00]), out: () => {}, err: () => {} });
    expect(bytes).toBe(3);
  });
});
