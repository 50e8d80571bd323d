import { describe, expect, it } from 'vitest';
import { prepareConverter } from '../../../utils/script/convert';
import { DomConverter, type TransformTexts } from '../../../utils/script/dom';
import { serializeDocument } from '../../../utils/page/serialize';
import { corpusHtml, parse } from '../../helpers/corpus';

async function converterTo(to: 'simplified' | 'taiwan') {
  const c = await prepareConverter({ to });
  let calls = 0;
  const transform: TransformTexts = async (texts) => {
    calls++;
    return texts.map((t) => c.convert(t));
  };
  return { transform, calls: () => calls };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DomConverter', () => {
  it('converts the Traditional corpus page to Simplified and restores it byte for byte', async () => {
    const { doc } = parse(corpusHtml('pixnet'));
    const before = doc.documentElement.outerHTML;
    const dom = new DomConverter(doc, { transform: (await converterTo('simplified')).transform, lang: 'zh-Hans' });
    await dom.start();
    const body = doc.body.textContent!;
    expect(body).toContain('一波波接续性低温寒流报到');
    expect(doc.title).toContain('美树营地赏枫');
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-Hans');
    await dom.restore();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('converts the top of the page first, and sets the new lang only once that is written', async () => {
    const { doc } = parse(corpusHtml('pixnet'));
    const title = doc.title;
    const c = await prepareConverter({ to: 'simplified' });
    const calls: Array<{ chars: number; lang: string | null; texts: string[] }> = [];
    const dom = new DomConverter(doc, {
      lang: 'zh-Hans',
      transform: async (texts) => {
        calls.push({ chars: texts.join('').length, lang: doc.documentElement.getAttribute('lang'), texts });
        return texts.map((t) => c.convert(t));
      },
    });
    await dom.start();
    // The first batch is the top of the page, in document order (the <title> in it), a few
    // thousand characters, asked for before the new lang; the rest comes after it.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0].texts).toContain(title);
    expect(calls.slice(1).some((k) => k.texts.includes(title))).toBe(false);
    expect(calls[0].chars).toBeGreaterThanOrEqual(3000);
    expect(calls[0].chars).toBeLessThan(6000);
    expect(calls[0].lang).not.toBe('zh-Hans');
    expect(calls[1].lang).toBe('zh-Hans');
    expect(doc.body.textContent).toContain('一波波接续性低温寒流报到');
  });

  it('converts readable attributes and leaves code, scripts, inputs and editable text alone', async () => {
    const { doc } = parse(`<html lang="zh-CN"><head><title>软件发展</title><style>.x:after{content:"软件"}</style></head><body>
      <p title="鼠标说明" aria-label="软件">这个软件</p><img alt="网络图片" src="a.png"><input placeholder="请输入网址" value="软件">
      <textarea>软件</textarea><pre>软件</pre><code>软件</code><div contenteditable="true">软件</div><script>var s = "软件";</script>
      <p class="notranslate">软件</p></body></html>`);
    const dom = new DomConverter(doc, { transform: (await converterTo('taiwan')).transform, lang: 'zh-TW' });
    await dom.start();
    expect(doc.title).toBe('軟體發展');
    const p = doc.querySelector('p')!;
    expect(p.textContent).toBe('這個軟體');
    expect(p.getAttribute('title')).toBe('滑鼠說明');
    expect(p.getAttribute('aria-label')).toBe('軟體');
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('網路圖片');
    expect(doc.querySelector('input')!.getAttribute('placeholder')).toBe('請輸入網址');
    expect(doc.querySelector('input')!.getAttribute('value')).toBe('软件');
    for (const sel of ['textarea', 'pre', 'code', '[contenteditable]', 'script', '.notranslate']) expect(doc.querySelector(sel)!.textContent).toContain('软件');
    expect(doc.querySelector('style')!.textContent).toContain('软件');
    await dom.restore();
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(p.getAttribute('title')).toBe('鼠标说明');
  });

  it('converts content the page adds later, even when it never stops changing', async () => {
    const { doc } = parse('<html><body><ul id="feed"></ul><p id="ticker">等待</p></body></html>');
    const dom = new DomConverter(doc, { transform: (await converterTo('taiwan')).transform, lang: 'zh-TW' });
    await dom.start();
    const feed = doc.getElementById('feed')!;
    const ticker = doc.getElementById('ticker')!;
    // A ticker rewriting every 20 ms: a plain debounce (50 ms of quiet) would never fire.
    let n = 0;
    const tick = setInterval(() => (ticker.textContent = `最新消息第${++n}条：网络软件`), 20);
    const li = doc.createElement('li');
    li.textContent = '新加载的网络新闻';
    feed.append(li);
    let convertedWhileTicking = 0;
    const watch = new doc.defaultView!.MutationObserver(() => {
      if (/網路軟體/.test(ticker.textContent!)) convertedWhileTicking++;
    });
    watch.observe(ticker, { childList: true, characterData: true, subtree: true });
    await wait(600);
    clearInterval(tick);
    watch.disconnect();
    expect(n).toBeGreaterThan(15);
    expect(convertedWhileTicking).toBeGreaterThan(0);
    expect(li.textContent).toBe('新載入的網路新聞');
    await dom.settled();
    expect(ticker.textContent).toMatch(/^最新訊息第\d+條：網路軟體$/);
    await dom.restore();
    expect(li.textContent).toBe('新加载的网络新闻');
  });

  it('never loops on its own writes', async () => {
    const { doc } = parse(`<html><body>${'<p>网络软件的发展</p>'.repeat(50)}</body></html>`);
    const conv = await converterTo('taiwan');
    const dom = new DomConverter(doc, { transform: conv.transform, lang: 'zh-TW' });
    await dom.start();
    await wait(400);
    await dom.settled();
    const calls = conv.calls();
    await wait(400);
    expect(conv.calls()).toBe(calls);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('restore keeps text the page changed after conversion', async () => {
    const { doc } = parse('<html><body><p id="a">网络</p><p id="b">软件</p></body></html>');
    const dom = new DomConverter(doc, { transform: (await converterTo('taiwan')).transform, lang: 'zh-TW' });
    await dom.start();
    await dom.restore(); // nothing pending
    await dom.start();
    const a = doc.getElementById('a')!;
    expect(a.textContent).toBe('網路');
    a.firstChild!.nodeValue = 'page changed this';
    await dom.settled();
    await dom.restore();
    expect(a.textContent).toBe('page changed this');
    expect(doc.getElementById('b')!.textContent).toBe('软件');
  });
});

describe('DomConverter.originals', () => {
  it('serializes the page as it was, while the live page stays converted', async () => {
    const { doc } = parse('<html lang="zh-CN"><head><title>网络</title></head><body><p title="软件">网络软件</p><p id="x">鼠标</p></body></html>');
    const before = doc.documentElement.outerHTML;
    const dom = new DomConverter(doc, { transform: (await converterTo('taiwan')).transform, lang: 'zh-TW' });
    await dom.start();
    const live = doc.documentElement.outerHTML;
    expect(live).toContain('網路軟體');
    expect(serializeDocument(doc, dom.originals())).toBe(before);
    expect(doc.documentElement.outerHTML).toBe(live);
  });
});
