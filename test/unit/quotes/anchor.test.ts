import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, comparable, describe as describeQuote, normalize, similarity } from '../../../utils/quotes/anchor';
import { traditionalToSimplifiedChars } from '../../../utils/script/convert';
import { corpusHtml, parse } from '../../helpers/corpus';

const fold = traditionalToSimplifiedChars();
const page = parse(corpusHtml('gmw')).doc.body.textContent!.replace(/\s+/g, ' ');

describe('anchor', () => {
  it('finds a quote where it was', () => {
    const start = page.indexOf('不幸的是');
    const sel = describeQuote(page, start, start + 30);
    expect(anchor(page, sel)).toEqual({ start, end: start + 30, score: 1 });
  });

  it('finds it again after the page changed around it', () => {
    const start = page.indexOf('不幸的是');
    const sel = describeQuote(page, start, start + 30);
    const changed = '【新增的广告文字，推送通知】'.repeat(5) + page.slice(0, start - 200) + page.slice(start - 100);
    const a = anchor(changed, sel)!;
    expect(changed.slice(a.start, a.end)).toBe(sel.quote.exact);
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const text = '甲说：我们会继续努力。乙说：我们会继续努力。丙说：我们会继续努力。';
    const start = text.indexOf('我们会继续努力', 12);
    const sel = describeQuote(text, start, start + 7);
    const moved = '前言。' + text;
    expect(anchor(moved, sel)!.start).toBe(start + 3);
  });

  it('finds a quote saved in Traditional on the page shown in Simplified, and the reverse', () => {
    const trad = '他說：我們會繼續努力推動兩岸交流。記者在現場看到很多人。';
    const simp = '他说：我们会继续努力推动两岸交流。记者在现场看到很多人。';
    const s = trad.indexOf('我們會');
    const a = anchor(simp, describeQuote(trad, s, s + 13), { fold })!;
    expect(simp.slice(a.start, a.end)).toBe('我们会继续努力推动两岸交流');
    const b = anchor(trad, describeQuote(simp, s, s + 13), { fold })!;
    expect(trad.slice(b.start, b.end)).toBe('我們會繼續努力推動兩岸交流');
  });

  it('finds an edited quote approximately and reports a lower score', () => {
    const start = page.indexOf('不幸的是');
    const sel = describeQuote(page, start, start + 40);
    const exact = sel.quote.exact;
    const edited = page.slice(0, start) + exact.slice(0, 10) + '（编者注）' + exact.slice(10, 30) + exact.slice(32) + page.slice(start + 40);
    const a = anchor(edited, sel)!;
    expect(a.score).toBeLessThan(1);
    expect(a.start).toBe(start);
    expect(similarity(edited.slice(a.start, a.end), exact)).toBeGreaterThan(0.8);
  });

  it('gives up rather than guess when the quote is gone', () => {
    const start = page.indexOf('不幸的是');
    const sel = describeQuote(page, start, start + 30);
    expect(anchor(page.slice(0, start) + page.slice(start + 30), sel)).toBeNull();
  });

  it('normalize keeps the length', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalize(s, fold).length === s.length));
  });
});

describe('anchoring round-trips under random edits around the quote (property)', () => {
  const base = page.slice(0, 3000);
  const edit = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 40 }),
    ins: fc.string({ unit: fc.constantFrom(...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'.split(''), '，', '。', ' ') }),
  });

  it('an unchanged quote is found exactly whatever is inserted or deleted around it', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2900 }), fc.integer({ min: 4, max: 60 }), fc.array(edit, { maxLength: 6 }), (startRaw, len, edits) => {
        const start = Math.min(startRaw, base.length - len);
        const sel = describeQuote(base, start, start + len);
        let text = base;
        let qStart = start;
        let qEnd = start + len;
        for (const e of edits) {
          // Edits land outside the quote and outside its immediate context window.
          const before = e.at % 2 === 0;
          const room = before ? qStart : text.length - qEnd;
          if (room <= 0) continue;
          const at = before ? e.at % (room + 1) : qEnd + (e.at % (room + 1));
          const del = Math.min(e.del, before ? qStart - at : text.length - at);
          text = text.slice(0, at) + e.ins + text.slice(at + del);
          if (before) {
            qStart += e.ins.length - del;
            qEnd += e.ins.length - del;
          }
        }
        const a = anchor(text, sel);
        expect(a).not.toBeNull();
        expect(text.slice(a!.start, a!.end)).toBe(sel.quote.exact);
        // it may legitimately pick an identical earlier occurrence only if the quote repeats
        if (base.indexOf(sel.quote.exact) === base.lastIndexOf(sel.quote.exact) && text.indexOf(sel.quote.exact) === text.lastIndexOf(sel.quote.exact)) {
          expect(a!.start).toBe(qStart);
        }
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});

describe('anchoring through repaired pinyin leaks (the reader repairs 發(fā)布, the page shows it)', () => {
  // A machine-converted page's text, and the same text as the reader shows it after the repair.
  const leaky = '據新華社報道，記者從會議獲悉，中國將進(jìn)一步推動數字經(jīng)濟發(fā)展，F(xiàn)在已有多家企業轉(zhuǎn)型，(AI)產業同樣受益。';
  const repaired = '據新華社報道，記者從會議獲悉，中國將進一步推動數字經濟發展，現在已有多家企業轉型，(AI)產業同樣受益。';

  it('a quote saved in the reader is found whole on the leaky page, leaks inside it included', () => {
    const s = repaired.indexOf('推動數字');
    const e = repaired.indexOf('轉型') + 2;
    const a = anchor(leaky, describeQuote(repaired, s, e), { fold })!;
    // F(xiàn) stands where 現 was: one character differs, and the quote is still found whole.
    expect(leaky.slice(a.start, a.end)).toBe('推動數字經(jīng)濟發(fā)展，F(xiàn)在已有多家企業轉(zhuǎn)型');
  });

  it('a quote saved on the leaky page is found in the repaired reader text', () => {
    const s = leaky.indexOf('進(jìn)一步');
    const e = leaky.indexOf('發(fā)展') + '發(fā)展'.length;
    const a = anchor(repaired, describeQuote(leaky, s, e), { fold })!;
    expect(repaired.slice(a.start, a.end)).toBe('進一步推動數字經濟發展');
    expect(a.score).toBe(1);
  });

  it('the same in the other script: saved on the leaky Traditional page, found in the Simplified reader', () => {
    const simplified = '据新华社报道，记者从会议获悉，中国将进一步推动数字经济发展，现在已有多家企业转型，(AI)产业同样受益。';
    const s = leaky.indexOf('多家企業');
    const a = anchor(simplified, describeQuote(leaky, s, leaky.indexOf('型') + 1), { fold })!;
    expect(simplified.slice(a.start, a.end)).toBe('多家企业转型');
  });

  it('real brackets are compared as they are', () => {
    const h = comparable('(AI)产业与(2023)年报（微博）', fold);
    expect(h.at).toBeNull();
    expect(h.text).toBe('(ai)产业与(2023)年报(微博)');
  });
});
