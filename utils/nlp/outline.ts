// The article's outline: its headings, and for Chinese portals that have none, the lines that work
// as headings there: bold one-line paragraphs and section markers (一、 （一） 1. 第二部分), and the
// structure of rules and regulations (第一章, 第一节, 第一条, 第一款, also spaced: 第 一 條).
// Items point at blocks by index in `readingBlocks(root)`, so the reader can scroll to them.

export interface OutlineItem {
  level: number;
  text: string;
  /** index in readingBlocks(root) */
  block: number;
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE', 'DT', 'DD', 'TD', 'TH']);

const hasOwnText = (el: Element) => {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
  return false;
};

/**
 * The elements that carry the article's text, in document order (outermost block wins). A <div>
 * with text of its own (portals that lay out paragraphs with <br>) is a block too.
 */
export function readingBlocks(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (n: ParentNode) => {
    for (let c = n.firstElementChild; c; c = c.nextElementSibling) {
      if (BLOCK_TAGS.has(c.tagName.toUpperCase()) || hasOwnText(c)) out.push(c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

const text = (el: Element) => (el.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();

const N = '[一二三四五六七八九十百零〇\\d]+';
/** An article of a regulation (第一条 …, 第 3 條 …): marker, then a space; 第十二条规定 in a news story is not one. */
const ARTICLE = new RegExp(`^第\\s*${N}\\s*(?:条|條|款)[\\s\\u3000]`);
// ranks as for <h1>…<h5> (10…50): 章 above 节 above 条 above 款 above 一、
const ARTICLE_RANK = 14;
const MARKERS: Array<[RegExp, number]> = [
  [new RegExp(`^第\\s*${N}\\s*(?:部分|章|篇|编|編)`), 10],
  [new RegExp(`^第\\s*${N}\\s*(?:节|節)`), 12],
  [new RegExp(`^第\\s*${N}\\s*(?:条|條)[\\s\\u3000]`), ARTICLE_RANK],
  [new RegExp(`^第\\s*${N}\\s*款[\\s\\u3000]`), 16],
  [/^[一二三四五六七八九十]{1,3}[、.．]/, 20],
  [/^[（(][一二三四五六七八九十]{1,3}[）)]/, 30],
  [/^\d{1,2}[.．、](?!\d)/, 40],
  [/^[（(]\d{1,2}[）)]/, 50],
];
const MAX_HEADING = 40;

/** Bold one-liner: every bit of its text is inside <b>/<strong>. */
function isBoldLine(el: Element, t: string): boolean {
  if (!t || t.length > MAX_HEADING || /[。，,]$/.test(t)) return false;
  let bold = '';
  for (const b of el.querySelectorAll('b, strong')) bold += b.textContent ?? '';
  return bold.replace(/[\s\u3000\u00a0]+/g, '') === t.replace(/\s+/g, '');
}

/** A heading's text: the whole line if short, else its lead clause (一、加强领导。各地要… → 一、加强领导). */
function headingText(t: string): string | null {
  // An article of a regulation is a sentence: its marker and first clause name it.
  if (ARTICLE.test(t)) return /^.{2,40}?(?=[，。：:；,]|$)/.exec(t)?.[0] ?? t.slice(0, MAX_HEADING);
  if (t.length <= MAX_HEADING) return t;
  const lead = /^(.{2,40}?)[。：:；]/.exec(t);
  return lead ? lead[1] : null;
}

export function outline(root: ParentNode): OutlineItem[] {
  const blocks = readingBlocks(root);
  let headings: Array<{ rank: number; text: string; block: number }> = [];
  blocks.forEach((el, block) => {
    const m = /^H([1-6])$/.exec(el.tagName.toUpperCase());
    const t = text(el);
    if (m && t) headings.push({ rank: Number(m[1]) * 10, text: t.slice(0, 120), block });
  });
  if (!headings.length) {
    const bold: typeof headings = [];
    blocks.forEach((el, block) => {
      const tag = el.tagName.toUpperCase();
      if (tag !== 'P' && tag !== 'DIV' && tag !== 'LI') return;
      const t = text(el);
      const marker = MARKERS.find(([re]) => re.test(t));
      if (marker && tag !== 'LI') {
        const h = headingText(t);
        if (h) headings.push({ rank: marker[1], text: h, block });
      } else if (isBoldLine(el, t)) {
        bold.push({ rank: 25, text: t, block }); // between 一、 and （一）
      }
    });
    // In a regulation the units are its articles; what is numbered inside one (一、 （一）) is its items.
    if (headings.some((h) => h.rank === ARTICLE_RANK)) headings = headings.filter((h) => h.rank < 20);
    // A portal that bolds half its paragraphs has no outline in bold, only emphasis.
    if (bold.length <= Math.max(3, blocks.length * 0.5)) headings.push(...bold);
    headings.sort((a, b) => a.block - b.block);
  }
  // Levels from 2 down, whatever ranks the page used: h3-only pages and （一）-only pages start at 2.
  const ranks = [...new Set(headings.map((h) => h.rank))].sort((a, b) => a - b);
  return headings.map((h) => ({ level: Math.min(6, 2 + ranks.indexOf(h.rank)), text: h.text, block: h.block }));
}
