// `jingdu entities`: a score on every entity; --confident prints only what the reader marks by default.

import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';

async function jingdu(argv: string[], stdin: string) {
  let out = '';
  let err = '';
  const input = new TextEncoder().encode(stdin);
  const code = await run(argv, { stdin: () => input, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('jingdu entities', () => {
  const lines = ['国家主席习近平在北京会见了美国总统奥巴马。', '2023年3月，师生员工在礼堂集合，iOS系统更新了。', ''];

  it('prints every entity with its score, one JSON line per input line', async () => {
    const r = await jingdu(['entities'], lines.join('\n'));
    expect(r.code).toBe(0);
    const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    for (const [i, o] of out.entries()) {
      for (const e of o.entities) {
        expect(Object.keys(e)).toEqual(['start', 'end', 'type', 'text', 'score']);
        expect(e.text).toBe(lines[i].slice(e.start, e.end));
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(1);
      }
    }
    expect(out[0].entities.map((e: { text: string }) => e.text)).toEqual(['习近平', '北京', '美国', '奥巴马']);
    expect(out[1].entities.some((e: { type: string }) => e.type === 'date')).toBe(true);
  });

  it('--confident keeps only sure people, organisations and places', async () => {
    const all = (await jingdu(['entities'], lines.join('\n'))).out.trimEnd().split('\n').map((l) => JSON.parse(l).entities);
    const r = await jingdu(['entities', '--confident'], lines.join('\n'));
    expect(r.code).toBe(0);
    const sure = r.out.trimEnd().split('\n').map((l) => JSON.parse(l).entities);
    expect(sure[0].map((e: { text: string }) => e.text)).toEqual(['习近平', '北京', '美国', '奥巴马']);
    for (const [i, list] of sure.entries()) {
      for (const e of list) {
        expect(['person', 'organization', 'place']).toContain(e.type);
        expect(all[i]).toContainEqual(e); // same spans, same line contract
      }
    }
    expect(sure[1].some((e: { type: string }) => e.type === 'date')).toBe(false);
  });

  it('--convention cluener tags as CLUENER2020 annotates; the default is the reader\'s news convention', async () => {
    const line = '英国政府周二宣布，曼联主帅将于下月访问北京市朝阳区建国路。';
    const tagged = async (args: string[]) => JSON.parse((await jingdu(['entities', ...args], line)).out).entities.filter((e: { type: string }) => e.type !== 'date').map((e: { text: string; type: string }) => `${e.text}/${e.type}`);
    expect(await tagged([])).toEqual(['英国/place', '曼联/organization', '北京市/place', '朝阳区/place', '建国路/place']);
    expect(await tagged(['--convention', 'news'])).toEqual(await tagged([]));
    expect(await tagged(['--convention', 'cluener'])).toEqual(['英国政府/organization', '曼联/organization', '北京市朝阳区建国路/place']);
    const bad = await jingdu(['entities', '--convention', 'msra'], line);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown --convention msra \(one of news, cluener\)/);
    expect(bad.out).toBe('');
  });
});
