import { execFileSync, spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { CORPUS, corpusHtml, FAKE_URL, FIXTURES, PAGES, READABILITY, ROOT } from '../helpers/corpus';

async function jingdu(argv: string[], stdin: Uint8Array | string = new Uint8Array()) {
  let out = '';
  let err = '';
  const progress: string[] = [];
  const input = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const code = await run(argv, { stdin: () => input, out: (t) => void (out += t), err: (t) => void (err += t), progress: (t) => void progress.push(t) });
  return { code, out, err, progress };
}

const jsonLines = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l));

const tmp = mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('jingdu analyze --next', () => {
  const mp = (f: string) => join(FIXTURES, 'multipage', f);
  it('joins the following pages given as files (GBK among them), in order', async () => {
    const r = await jingdu(['analyze', mp('story.html'), '--url', 'https://news.example/a/story.html', '--next', mp('story_2.html'), mp('story_3.html')]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.pages).toEqual({
      urls: ['https://news.example/a/story.html', 'https://news.example/a/story_2.html', 'https://news.example/a/story_3.html'],
      total: 3,
      first: 1,
      next: null,
      stopped: null,
    });
    expect(a.text).toContain('直播间里的春茶');
    expect(a.text).toContain('青岚的路会越走越宽');
    expect(a.outline.map((o: { text: string }) => o.text)).toEqual(['二、直播间里的春茶', '三、茶园变成了景区']);
  });
  it('leaves out a page that is another article, and says so', async () => {
    const r = await jingdu(['analyze', mp('report.html'), '--url', 'https://news.example/b/report.html', '--next', mp('harbor.html'), '--format', 'json']);
    const a = JSON.parse(r.out);
    expect(a.pages.urls).toEqual(['https://news.example/b/report.html']);
    expect(a.pages.stopped).toMatchObject({ reason: 'other-article', url: 'https://news.example/b/harbor.html' });
    expect(a.text).not.toContain('港口扩建');
  });
  it('reports a page\'s own pager without --next, and refuses a missing next file', async () => {
    const a = JSON.parse((await jingdu(['analyze', mp('story.html'), '--url', 'https://news.example/a/story.html'])).out);
    expect(a.pages).toMatchObject({ urls: ['https://news.example/a/story.html'], total: 3, next: 'https://news.example/a/story_2.html' });
    const missing = await jingdu(['analyze', mp('story.html'), '--next', mp('nope.html')]);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/no such file/);
  });
});

describe('jingdu analyze', () => {
  it('prints the whole contract for a corpus article', async () => {
    const r = await jingdu(['analyze', join(READABILITY, 'qq/source.html'), '--url', FAKE_URL]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(Object.keys(a).sort()).toEqual(
      ['isArticle', 'detection', 'title', 'byline', 'authors', 'siteName', 'published', 'metadataSources', 'lang', 'script', 'repairs', 'text', 'html', 'outline', 'summary', 'entities', 'pages'].sort(),
    );
    // Where each field came from, so that a wrong one can be traced; null where nothing was found.
    expect(a.metadataSources).toEqual({ title: 'headline', byline: null, published: 'headline-date', siteName: 'title-tail' });
    expect(a.authors).toEqual([]);
    expect(a.pages).toEqual({ urls: [FAKE_URL], total: null, first: 1, next: null, stopped: null });
    expect(a).toMatchObject({ isArticle: true, title: 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶', siteName: '腾讯网', lang: 'zh-Hans', published: '2016-10-14T07:17:00+08:00' });
    expect(a.detection.score).toBeGreaterThanOrEqual(50);
    expect(a.detection.reasons.length).toBeGreaterThan(0);
    expect(a.text).toContain('谷歌(微博) 在2014年收购的人工智能公司DeepMind');
    expect(a.text).toMatch(/\n\n/);
    expect(a.html).toMatch(/^<div/);
    expect(a.html).not.toMatch(/<script/i);
    expect(a.script).toEqual({ detected: expect.any(String), target: null });
  });

  it('gives the writers as names beside the display byline, with the rule that found each field', async () => {
    const r = await jingdu(['analyze', join(PAGES, 'meta-byline-reporter.html'), '--url', 'https://news.example.cn/a/1.html']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ byline: '刘洋、孙立', authors: ['刘洋', '孙立'], published: '2023-03-08T10:12:00+08:00', siteName: '晨光网' });
    expect(a.metadataSources).toEqual({ title: 'headline', byline: 'dateline', published: 'headline-date', siteName: 'title-tail' });
  });

  it('reads standard input, GBK bytes included', async () => {
    const html = '<html><head><meta charset="gbk"><title>测试新闻_示例网</title></head><body><h1>测试新闻</h1>' + '<p>国家统计局今天发布数据，上半年经济运行总体平稳，就业形势保持稳定，居民收入继续增长。</p>'.repeat(8) + '</body></html>';
    const r = await jingdu(['analyze', '-'], iconv.encode(html, 'gbk'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ title: '测试新闻', isArticle: true });
  });

  it('prints Markdown', async () => {
    const r = await jingdu(['analyze', join(READABILITY, 'gmw/source.html'), '--format', 'markdown']);
    expect(r.code).toBe(0);
    // No byline: the page's <meta name="author"> is its editor.
    expect(r.out).toMatch(/^# 宇航员在太空中喝酒会怎么样？后果很严重\n\n\*光明网 · 2017-03-10T09:58:00\+08:00\*/);
  });

  it('still prints JSON for a page that is not an article', async () => {
    const r = await jingdu(['analyze', join(PAGES, 'not-portal-home.html')]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.isArticle).toBe(false);
    for (const list of [a.outline, a.summary, a.entities]) expect(Array.isArray(list)).toBe(true);
  });

  it.each([
    ['a frameset', '<html><frameset><frame src="a.html"></frameset></html>', /frameset/],
    ['a page with no text', '<html><body><img src="a.png"></body></html>', /no paragraphs/],
  ])('reports %s as not an article', async (_, html, why) => {
    const r = await jingdu(['analyze', file('p.html', html)]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.isArticle).toBe(false);
    expect(a.detection.reasons.join()).toMatch(why);
  });

  it('handles a 10 MB page', async () => {
    const para = '<p>这是一个很长的页面中的一段文字，用来检查超大页面不会让命令崩溃，也不会丢失内容。</p>\n';
    const html = `<html><head><title>超大页面_示例网</title></head><body><div class="content">${para.repeat(Math.ceil(10_000_000 / Buffer.byteLength(para)))}</div></body></html>`;
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(10_000_000);
    const r = await jingdu(['analyze', file('huge.html', html)]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.isArticle).toBe(true);
    expect(a.text.length).toBeGreaterThan(1_000_000);
  }, 120_000);

  it.each([
    [['analyze', '/no/such/file.html'], 3, /cannot read .*no such file/],
    [['analyze', 'IMAGE'], 3, /PNG image/],
    [['analyze', 'EMPTY'], 3, /empty/],
    [['analyze', 'SVG'], 3, /SVG image/],
    [['analyze', 'XML'], 3, /XML document/],
    [['analyze'], 2, /one file or more/],
    [['analyze', 'a.html', 'b.html', '--url', 'http://x.example/'], 2, /--url names one page/],
    [['analyze', 'a.html', 'b.html', '--format', 'markdown'], 2, /markdown takes one file/],
    [['analyze', 'a.html', '--format', 'pdf'], 2, /unknown --format/],
    [['analyze', 'a.html', '--bogus'], 2, /bogus/],
    [['frobnicate'], 2, /unknown command/],
    [[], 2, /usage/],
  ])('%j exits %i with a clear message', async (argv, code, message) => {
    const files: Record<string, string> = {
      IMAGE: file('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      EMPTY: file('empty.html', ''),
      SVG: file('x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>'),
      XML: file('feed.xml', '<?xml version="1.0"?><rss><channel><title>t</title></channel></rss>'),
    };
    const r = await jingdu((argv as string[]).map((a) => files[a] ?? a));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});

describe('jingdu analyze --to and the pinyin repair', () => {
  it('converts text, html and title, and says so in script', async () => {
    const r = await jingdu(['analyze', join(READABILITY, 'pixnet/source.html'), '--to', 'simplified']);
    const a = JSON.parse(r.out);
    expect(a.script).toEqual({ detected: 'traditional', target: 'simplified' });
    expect(a.title).toBe('新竹尖石_美树营地赏枫 (2)');
    expect(a.text).toContain('一波波接续性低温寒流报到');
    expect(a.html).toContain('低温寒流报到');
    expect(a.lang).toBe('zh-Hans');
  });

  it('leaves the script alone with --to original and reports what it found', async () => {
    const a = JSON.parse((await jingdu(['analyze', join(READABILITY, 'gmw/source.html')])).out);
    expect(a.script).toEqual({ detected: 'simplified', target: null });
    expect(a.lang).toBe('zh-Hans');
  });

  it('shows a machine-converted Traditional page in one consistent Taiwan form (issue 14)', async () => {
    const a = JSON.parse((await jingdu(['analyze', join(PAGES, 'article-traditional-mixed-variants.html'), '--to', 'taiwan'])).out);
    expect(a.script).toEqual({ detected: 'traditional', target: 'taiwan' });
    expect(a.title).toBe('城南書展閉幕：地方雜誌社與週刊編輯談紙本出版');
    expect(a.text).not.toMatch(/雜志|周刊|这/);
    expect(a.text.match(/週刊/g)).toHaveLength(5);
    expect(a.text.match(/雜誌/g)).toHaveLength(4);
    expect(a.text).toContain('邀請更多周邊城市'); // 周 that is not 週 stays
  });

  it('repairs pinyin annotations and counts them', async () => {
    const a = JSON.parse((await jingdu(['analyze', join(PAGES, 'article-pinyin-annotated.html')])).out);
    expect(a.repairs.pinyinAnnotations).toBeGreaterThanOrEqual(20);
    expect(a.text).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    expect(a.text).toContain('(AI)');
    expect(a.title).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
  });
});

describe('many inputs in one process', () => {
  it('analyze: one JSON line a file, folders expanded, a bad file reported and the rest done, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingdu-batch-'));
    const para = '<p>市政府今天发布通知，全市公园将延长开放时间，方便市民在夏季夜间散步和锻炼身体。</p>';
    writeFileSync(join(dir, 'b.html'), `<html><head><title>公园延长开放_示例网</title></head><body><h1>公园延长开放</h1>${para.repeat(6)}</body></html>`);
    writeFileSync(join(dir, 'a.htm'), '<html><head><title>空白页</title></head><body></body></html>');
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
    const missing = join(dir, 'gone.html');
    const first = join(PAGES, 'article-traditional-mixed-variants.html');
    const r = await jingdu(['analyze', first, missing, dir, '--to', 'taiwan']);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.out);
    expect(lines.map((l) => l.file)).toEqual([first, missing, join(dir, 'a.htm'), join(dir, 'b.html')]);
    expect(lines[0]).toMatchObject({ isArticle: true, title: '城南書展閉幕：地方雜誌社與週刊編輯談紙本出版', script: { target: 'taiwan' } });
    expect(lines[1]).toEqual({ file: missing, error: expect.stringMatching(/no such file/) });
    expect(lines[2]).toMatchObject({ isArticle: false });
    expect(lines[3]).toMatchObject({ title: '公園延長開放' }); // --to applies to every file
    expect(lines[3].text).toContain('全市公園將延長開放時間');
    expect(Object.keys(lines[3])[0]).toBe('file');
    expect(r.err).toMatch(/1 of 4 inputs failed/);
    expect(r.progress.filter(Boolean)).toEqual([`jingdu: 1/4 ${first}`, `jingdu: 2/4 ${missing}`, `jingdu: 3/4 ${join(dir, 'a.htm')}`, `jingdu: 4/4 ${join(dir, 'b.html')}`]);
    expect(r.progress.at(-1)).toBe('');
  }, 120_000);

  it('entities and convert take several files the same way', async () => {
    const a = file('one.txt', '国务院总理李强在北京会见外宾\n');
    const b = file('two.txt', '软件和鼠标\n台湾的网络');
    const e = await jingdu(['entities', a, '/no/such.txt']);
    expect(e.code).toBe(1);
    const lines = jsonLines(e.out);
    expect(lines[0].file).toBe(a);
    expect(lines[0].entities.map((x: { text: string }) => x.text)).toContain('李强');
    expect(lines[1]).toEqual({ file: '/no/such.txt', error: expect.stringMatching(/no such file/) });
    const c = await jingdu(['convert', '--to', 'taiwan', a, b]);
    expect(c.code).toBe(0);
    expect(jsonLines(c.out)).toEqual([
      { file: a, text: '國務院總理李強在北京會見外賓\n' },
      { file: b, text: '軟體和滑鼠\n臺灣的網路' },
    ]);
  });
});

describe('jingdu convert', () => {
  it('converts line by line to each target, from auto or a chosen source', async () => {
    const input = '鼠标和软件\n我们住在台湾\n\nPlain English';
    expect((await jingdu(['convert', '--to', 'taiwan', '-'], input)).out).toBe('滑鼠和軟體\n我們住在臺灣\n\nPlain English');
    expect((await jingdu(['convert', '--to', 'traditional'], input)).out).toBe('鼠標和軟件\n我們住在臺灣\n\nPlain English');
    expect((await jingdu(['convert', '--to', 'hongkong'], '鼠标和软件')).out).toBe('鼠標和軟件');
    expect((await jingdu(['convert', '--from', 'taiwan', '--to', 'simplified'], '滑鼠和軟體')).out).toBe('鼠标和软件');
    expect((await jingdu(['convert', '--to', 'simplified'], '滑鼠和軟體')).out).toBe('滑鼠和软体');
  });

  it('under --from auto, leaves a Traditional line of a Simplified input alone, and takes a Traditional input through Simplified', async () => {
    const simplified = '我们住在台湾，这里的天气很好，我们常去公园。\n这个周末，学校组织学生参观图书馆和博物馆，还请来专家讲解历史。';
    expect((await jingdu(['convert', '--to', 'taiwan'], `我們住在台灣\n${simplified}`)).out).toBe('我們住在台灣\n我們住在臺灣，這裡的天氣很好，我們常去公園。\n這個週末，學校組織學生參觀圖書館和博物館，還請來專家講解歷史。');
    // One input, one way: 雜志 and 周刊 become Taiwan's 雜誌 and 週刊 on every line (issue 14).
    expect((await jingdu(['convert', '--to', 'taiwan'], '地方雜志社的周刊\n这份周刊的读者\n那份週刊')).out).toBe('地方雜誌社的週刊\n這份週刊的讀者\n那份週刊');
  });

  it('reads a file and checks its usage', async () => {
    const r = await jingdu(['convert', '--to', 'taiwan', join(CORPUS, 'opencc/golden/us_constitution_zhs.txt')]);
    expect(r.out).toBe(readFileSync(join(CORPUS, 'opencc/golden/us_constitution_zhs.s2twp.txt'), 'utf8'));
    expect((await jingdu(['convert', 'x.txt'])).code).toBe(2);
    expect((await jingdu(['convert', '--to', 'martian'])).code).toBe(2);
    expect((await jingdu(['convert', '--to', 'taiwan', '--from', 'latin'])).code).toBe(2);
    const notText = await jingdu(['convert', '--to', 'taiwan'], new Uint8Array([0xff, 0xfe, 0xfd]));
    expect(notText.code).toBe(3);
    expect(notText.err).toMatch(/not UTF-8/);
  });
});

describe('the jingdu command as installed', () => {
  it('is a package.json bin that npx runs from the checkout, and batches with exit 1 and no progress off a terminal', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ jingdu: 'bin/jingdu.mjs' });
    const converted = execFileSync('npx', ['jingdu', 'convert', '--to', 'simplified'], { cwd: ROOT, input: '軟體和硬碟', encoding: 'utf8' });
    expect(converted).toBe('软体和硬碟');
    const batch = spawnSync(process.execPath, [join(ROOT, 'bin/jingdu.mjs'), 'entities', join(CORPUS, 'opencc/golden/us_constitution_zhs.txt'), '/no/such.txt'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(batch.status).toBe(1);
    expect(batch.stdout.trimEnd().split('\n').at(-1)).toMatch(/"error":"cannot read \/no\/such.txt: no such file"/);
    expect(batch.stderr).toBe('jingdu: 1 of 2 inputs failed\n');
  }, 120_000);

  it('analyzes many pages on a pool of threads: the same lines, in the order given, as one thread', async () => {
    const pages = ['youth', 'qq', 'pixnet', 'nytimes-1'].map((name) => join(READABILITY, `${name}/source.html`));
    const inputs = [pages[0], '/no/such.html', ...pages.slice(1), join(PAGES, 'article-traditional-mixed-variants.html')];
    const pooled = spawnSync(process.execPath, [join(ROOT, 'bin/jingdu.mjs'), 'analyze', '--to', 'hongkong', ...inputs], { cwd: tmpdir(), encoding: 'utf8', maxBuffer: 1 << 28 });
    const alone = await jingdu(['analyze', '--to', 'hongkong', ...inputs]);
    expect(pooled.status).toBe(1);
    expect(pooled.stderr).toBe('jingdu: 1 of 6 inputs failed\n');
    expect(jsonLines(pooled.stdout).map((l) => l.file)).toEqual(inputs);
    expect(pooled.stdout).toBe(alone.out);
  }, 180_000);

  it('a pool thread that dies fails the pages it held and the later ones, with its error, and does not hang', async () => {
    const { createPool } = await import('../../cli/pool');
    const script = file('dying-worker.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('out of luck'); });\n");
    const pool = createPool(pathToFileURL(script), 2);
    const page = new TextEncoder().encode('<p>x</p>');
    await expect(pool.analyze(page, 'about:blank', null)).rejects.toThrow('out of luck');
    await expect(pool.analyze(page, 'about:blank', null)).rejects.toThrow('out of luck');
    await pool.close();
  });

  it('runs through npm with the documented exit codes', async () => {
    const ok = execFileSync('npm', ['run', '-s', 'jingdu', '--', 'analyze', join(READABILITY, 'youth/source.html')], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(ok).title).toBe('海外留学生看两会：出国前后关注点大不同');
    const bad = spawnSync('npm', ['run', '-s', 'jingdu', '--', 'analyze', '/no/such.html'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/no such file/);
    expect(corpusHtml('youth').length).toBeGreaterThan(0);
  }, 60_000);
});
