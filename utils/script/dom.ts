// Converts a live page in place and gives it back exactly: text nodes, <title>, and the attributes
// people read, never script/style/code/pre/textarea/input or editable content. Conversion itself is
// asynchronous (the dictionaries live in an extension context; the page only sends text).
//
// What it promises, and how:
// - Restore is exact and never clobbers the page: each node remembers its original and what we wrote;
//   restore puts the original back only where the node still shows what we wrote.
// - Content the page adds or rewrites later is converted too: a MutationObserver queues it, and the
//   queue is flushed 50 ms after the last change but never more than 250 ms after the first, so a
//   page that changes without pause (a ticker) still gets converted.
// - No loops: our own writes are recognized (the node shows exactly what we wrote) and skipped.
// - No long tasks: walking and writing run in slices of a few milliseconds.

import type { SerializeOverrides } from '../page/serialize';

export type TransformTexts = (texts: string[]) => Promise<string[]>;

// Subtrees left alone. A <textarea>'s text is the user's input (its placeholder is still converted).
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'JINGDU-READER']);
export const READ_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const SLICE_MS = 8;
const MAX_LANG_ELEMENTS = 30_000;
const BATCH_CHARS = 60_000;
const TOP_CHARS = 3_000;
const QUIET_MS = 50;
const MAX_WAIT_MS = 250;

interface Written {
  original: string;
  converted: string;
}

type Item = Text | { el: Element; attr: string };
const isText = (item: Item | Node): item is Text => (item as Node).nodeType === 3;

export interface DomConverterOptions {
  transform: TransformTexts;
  /** `lang` to show on <html> while converted (zh-Hans, zh-TW…); absent for repairs that keep the script */
  lang?: string;
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

export class DomConverter {
  private readonly texts = new Map<Text, Written>();
  private readonly attrs = new Map<Element, Map<string, Written>>();
  private readonly skipCache = new WeakMap<Element, boolean>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Item>();
  /** subtrees the page added, walked at flush time */
  private pendingTrees = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private generation = 0;
  private originalLang: string | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly options: DomConverterOptions,
  ) {}

  get active(): boolean {
    return this.observer !== null;
  }

  /** Converts the whole document, then keeps converting what the page changes. */
  async start(): Promise<void> {
    if (this.observer) return;
    const gen = ++this.generation;
    const root = this.doc.documentElement;
    this.originalLang = root.getAttribute('lang');
    // The document's own window: the same in a content script, and jsdom's in Node.
    this.observer = new this.doc.defaultView!.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: READ_ATTRIBUTES });
    this.running = this.convertAll(gen);
    await this.running;
  }

  /**
   * The top of the page first: the walk stops at the first TOP_CHARS characters (the headline and
   * the first screen, as a rule), they are converted and shown, and only then does it go on: a walk
   * of the whole page first held the headline back by ~100 ms on a portal page, the new lang's
   * restyle by as much again.
   */
  private async convertAll(gen: number): Promise<void> {
    let items: Item[] = [];
    let chars = 0;
    let top = true;
    const walker = this.doc.createTreeWalker(this.doc.documentElement, 1 | 4 /* elements and text */);
    let end = performance.now() + SLICE_MS;
    for (let n: Node | null = this.doc.documentElement; n; n = walker.nextNode()) {
      chars += this.collect(n, items);
      if (top && chars >= TOP_CHARS) {
        top = false;
        await this.showTop(items, gen);
        items = [];
      } else if (performance.now() > end) await yieldToPage();
      else continue;
      if (gen !== this.generation) return;
      end = performance.now() + SLICE_MS;
    }
    if (top) return this.showTop(items, gen);
    await this.process(items, gen);
  }

  /**
   * Converts the top of the page and, once it is on screen, sets the page's new `lang`: that
   * restyles and reshapes the whole page, which takes longer than the conversion itself.
   */
  private async showTop(items: Item[], gen: number): Promise<void> {
    await this.process(items, gen);
    if (gen !== this.generation) return;
    await this.painted();
    // A page of more elements than this keeps its fonts as declared: there a new lang costs seconds.
    if (gen === this.generation && this.options.lang && this.doc.getElementsByTagName('*').length <= MAX_LANG_ELEMENTS) {
      this.doc.documentElement.setAttribute('lang', this.options.lang);
    }
  }

  /** Resolves once what was written so far has been painted (at once where nothing is painted). */
  private painted(): Promise<void> {
    const view = this.doc.defaultView;
    if (!view?.requestAnimationFrame || this.doc.hidden) return Promise.resolve();
    return new Promise((resolve) => view.requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  /** Gives back the original text wherever the page still shows what we wrote (in slices). */
  async restore(): Promise<void> {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    this.pendingTrees.clear();
    const texts = [...this.texts];
    const attrs = [...this.attrs];
    this.texts.clear();
    this.attrs.clear();
    const root = this.doc.documentElement;
    if (this.options.lang && root.getAttribute('lang') === this.options.lang) {
      if (this.originalLang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', this.originalLang);
    }
    let end = performance.now() + SLICE_MS;
    for (const [node, w] of texts) {
      if (node.data === w.converted) node.data = w.original;
      if (performance.now() > end) {
        await yieldToPage();
        end = performance.now() + SLICE_MS;
      }
    }
    for (const [el, m] of attrs) for (const [attr, w] of m) if (el.getAttribute(attr) === w.converted) el.setAttribute(attr, w.original);
  }

  /** How to serialize the page as it was before conversion (where the page has not changed it since). */
  originals(): SerializeOverrides {
    return {
      text: (node) => {
        const w = this.texts.get(node);
        return w && node.data === w.converted ? w.original : undefined;
      },
      attributes: (el) => {
        const out = new Map<string, string | null>();
        for (const [attr, w] of this.attrs.get(el) ?? []) if (el.getAttribute(attr) === w.converted) out.set(attr, w.original);
        if (el === this.doc.documentElement && this.options.lang && el.getAttribute('lang') === this.options.lang) out.set('lang', this.originalLang);
        return out.size ? out : undefined;
      },
    };
  }

  /** Resolves when everything queued so far has been converted. */
  async settled(): Promise<void> {
    while (this.timer || this.pending.size || this.pendingTrees.size) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      await this.flush();
    }
    await this.running;
  }

  private skipped(el: Element | null): boolean {
    if (!el) return true;
    const cached = this.skipCache.get(el);
    if (cached !== undefined) return cached;
    const skip =
      SKIP_TAGS.has(el.tagName.toUpperCase()) ||
      el.getAttribute('contenteditable') === '' ||
      el.getAttribute('contenteditable') === 'true' ||
      el.getAttribute('translate') === 'no' ||
      el.classList.contains('notranslate') ||
      (el.parentElement ? this.skipped(el.parentElement) : false);
    this.skipCache.set(el, skip);
    return skip;
  }

  /** Adds what `n` itself holds to be converted (its text, or its readable attributes); returns its length. */
  private collect(n: Node, into: Item[]): number {
    if (isText(n)) {
      const parent = n.parentElement;
      if (!HAS_CJK.test(n.data) || parent?.tagName === 'TEXTAREA' || this.skipped(parent)) return 0;
      into.push(n);
      return n.data.length;
    }
    if (n.nodeType !== 1 || this.skipped(n as Element)) return 0;
    let chars = 0;
    for (const attr of READ_ATTRIBUTES) {
      const v = (n as Element).getAttribute(attr);
      if (v && HAS_CJK.test(v)) {
        into.push({ el: n as Element, attr });
        chars += v.length;
      }
    }
    return chars;
  }

  private current(item: Item): string | null {
    return isText(item) ? item.data : item.el.getAttribute(item.attr);
  }

  /** Sends the items' texts for conversion in batches and writes back what still applies. */
  private async process(items: Item[], gen: number): Promise<void> {
    for (let i = 0; i < items.length; ) {
      const batch: Item[] = [];
      const texts: string[] = [];
      let chars = 0;
      for (; i < items.length && chars < BATCH_CHARS; i++) {
        const text = this.current(items[i]);
        if (text === null || this.isOurs(items[i], text)) continue;
        batch.push(items[i]);
        texts.push(text);
        chars += text.length;
      }
      if (!batch.length) continue;
      const converted = await this.options.transform(texts);
      if (gen !== this.generation) return;
      for (let k = 0; k < batch.length; ) {
        // The page's own changes so far are taken first; then a slice of our writes, whose mutation
        // records are dropped unread (thousands of them would be one long task for the observer).
        const theirs = this.observer?.takeRecords();
        if (theirs?.length) this.onMutations(theirs);
        const end = performance.now() + SLICE_MS;
        for (; k < batch.length && performance.now() <= end; k++) {
          // The page may have changed the node while we waited: then it is queued again by the observer.
          if (this.current(batch[k]) === texts[k]) this.write(batch[k], texts[k], converted[k]);
        }
        this.observer?.takeRecords();
        if (k < batch.length) {
          await yieldToPage();
          if (gen !== this.generation) return;
        }
      }
    }
  }

  private isOurs(item: Item, value: string): boolean {
    const w = isText(item) ? this.texts.get(item) : this.attrs.get(item.el)?.get(item.attr);
    return w?.converted === value;
  }

  /** Writes only text that changes, and remembers it for restore. */
  private write(item: Item, original: string, converted: string): void {
    if (converted === original) return;
    const w = { original, converted };
    if (isText(item)) {
      this.texts.set(item, w);
      item.data = converted;
    } else {
      let m = this.attrs.get(item.el);
      if (!m) this.attrs.set(item.el, (m = new Map()));
      m.set(item.attr, w);
      item.el.setAttribute(item.attr, converted);
    }
  }

  /** Only notes what changed; the walking happens in the flush, in slices. */
  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') this.pending.add(r.target as Text);
      else if (r.type === 'attributes' && r.attributeName) this.pending.add({ el: r.target as Element, attr: r.attributeName });
      else for (const n of r.addedNodes) this.pendingTrees.add(n);
    }
    if (!this.pending.size && !this.pendingTrees.size) return;
    const now = performance.now();
    if (!this.timer) this.firstPendingAt = now;
    else clearTimeout(this.timer);
    // Debounce, but never past MAX_WAIT_MS from the first change: a page that never stops changing
    // still gets converted.
    this.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(QUIET_MS, this.firstPendingAt + MAX_WAIT_MS - now)));
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const gen = this.generation;
    const items: Item[] = [];
    for (const item of this.pending) {
      if (isText(item)) this.collect(item, items);
      else if (!this.skipped(item.el) && HAS_CJK.test(item.el.getAttribute(item.attr) ?? '')) items.push(item);
    }
    this.pending.clear();
    const trees = [...this.pendingTrees];
    this.pendingTrees.clear();
    let end = performance.now() + SLICE_MS;
    for (const root of trees) {
      if (!root.isConnected) continue;
      this.collect(root, items);
      const walker = this.doc.createTreeWalker(root, 1 | 4);
      for (let c = walker.nextNode(); c; c = walker.nextNode()) {
        this.collect(c, items);
        if (performance.now() > end) {
          await yieldToPage();
          if (gen !== this.generation) return;
          end = performance.now() + SLICE_MS;
        }
      }
    }
    this.pruneDetached();
    const run = this.running.then(() => this.process(items, gen));
    this.running = run;
    await run;
  }

  /** Forget nodes the page threw away, so an endless feed does not grow our maps forever. */
  private pruneDetached(): void {
    if (this.texts.size < 20_000) return;
    for (const node of this.texts.keys()) if (!node.isConnected) this.texts.delete(node);
    for (const el of this.attrs.keys()) if (!el.isConnected) this.attrs.delete(el);
  }
}
