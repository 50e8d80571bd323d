// Word look-up in the reader: a click (or, by setting, a pause of the pointer) on a word shows a
// small card with its reading and CC-CEDICT definitions. The word is found by longest match in
// the learning worker, where the dictionary loads (in idle time once look-up is on, or on the first
// click); the page's own script never sees it. The card takes focus on a click, Esc closes it and
// gives focus back; Alt+Shift+D looks up the selection from the keyboard.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { lookUp, warmDictionary } from '../../platform/learn';
import type { Card } from '../../utils/lookup/card';
import { pageText, rangeOf } from '../../utils/page/page-text';
import type { ReadingSystem } from '../../utils/readings/systems';
import type { LookupMode } from '../../utils/settings/schema';
import type { ArticleState } from '../readings/ReadingsSwitch';
import type { Translate } from '../reader/types';
import { LookupCard } from './LookupCard';
import './lookup.css';

interface Props {
  article: ArticleState | null;
  mode: LookupMode;
  system: ReadingSystem;
  /** the reader is shown: a reader prepared hidden on every article page loads no dictionary */
  visible: boolean;
  t: Translate;
}

const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, figcaption, dd, dt';
const HOVER_MS = 180;

interface Shown {
  card: Card | null;
  word: string;
  rect: { left: number; top: number; bottom: number };
  focus: boolean;
  error?: string;
}

/** The text position under a point: a text node of the article and an offset in it. */
function caretAt(x: number, y: number, body: HTMLElement): { node: Text; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const pos = doc.caretPositionFromPoint?.(x, y);
  let node: Node | null = pos?.offsetNode ?? null;
  let offset = pos?.offset ?? 0;
  if (!pos) {
    const r = document.caretRangeFromPoint?.(x, y);
    node = r?.startContainer ?? null;
    offset = r?.startOffset ?? 0;
  }
  if (!node || !body.contains(node)) return null;
  // On a reading: the character under it.
  const rt = (node.nodeType === 3 ? node.parentElement : (node as Element))?.closest('rt');
  if (rt) {
    const base = rt.parentElement?.firstChild;
    return base && base.nodeType === 3 ? { node: base as Text, offset: 0 } : null;
  }
  if (node.nodeType !== 3) return null;
  const text = node as Text;
  // The caret sits between characters: take the one the point is over.
  if (offset > 0 && offset <= text.data.length) {
    const r = document.createRange();
    r.setStart(text, offset - 1);
    r.setEnd(text, offset);
    const box = r.getBoundingClientRect();
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) offset--;
  }
  if (offset >= text.data.length) return null;
  return { node: text, offset };
}

export function LookupLayer({ article, mode, system, visible, t }: Props) {
  const [shown, setShown] = useState<Shown | null>(null);
  const ticket = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);

  const close = () => {
    ticket.current++;
    setShown(null);
    CSS.highlights?.delete('jd-lookup');
    returnFocus.current?.focus({ preventScroll: true });
    returnFocus.current = null;
  };

  /** Looks up the word at a text position and shows its card by it. */
  const show = async (node: Text, offset: number, focus: boolean) => {
    const block = (node.parentElement?.closest(BLOCK) as HTMLElement | null) ?? article?.body;
    if (!block) return;
    const pt = pageText(block);
    const i = pt.nodes.indexOf(node);
    if (i < 0) return;
    const at = pt.starts[i] + offset;
    const mine = ++ticket.current;
    performance.mark('jingdu:lookup-asked');
    let card: Card | null = null;
    let error: string | undefined;
    try {
      card = await lookUp(pt.text, at, system);
    } catch (e) {
      error = String((e as Error)?.message ?? e);
    }
    if (mine !== ticket.current) return;
    if (!card && !error) return close();
    const range = card ? rangeOf(pt, card.start, card.end) : null;
    const box = (range ?? document.createRange()).getBoundingClientRect();
    if (range && typeof Highlight !== 'undefined') CSS.highlights.set('jd-lookup', new Highlight(range));
    if (focus && !returnFocus.current) returnFocus.current = (document.activeElement as HTMLElement) ?? null;
    setShown({ card, word: card?.word ?? '', rect: { left: box.left, top: box.top, bottom: box.bottom }, focus, error });
    performance.mark('jingdu:lookup-shown');
  };

  useEffect(() => {
    const body = article?.body;
    if (!body || mode === 'off') return;
    // Look-up is on and the reader shown: load the dictionary when the reader is idle, so the
    // first click is quick (12 MB of text: not for every prepared reader nobody opens).
    const idle = (globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 500))) as (f: () => void) => number;
    if (visible) idle(() => void warmDictionary().catch(() => {}));
    const onClick = (e: MouseEvent) => {
      if (mode !== 'click' || e.button !== 0 || e.defaultPrevented) return;
      if ((e.target as Element).closest?.('a, button, .jd-lookup-card')) return;
      const sel = getSelection();
      if (sel && !sel.isCollapsed) return; // a selection is being made, not a word pointed at
      const at = caretAt(e.clientX, e.clientY, body);
      if (at) void show(at.node, at.offset, true);
      else close();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = (e: MouseEvent) => {
      clearTimeout(timer);
      if (e.buttons) return;
      timer = setTimeout(() => {
        const at = caretAt(e.clientX, e.clientY, body);
        if (at) void show(at.node, at.offset, false);
      }, HOVER_MS);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey && e.shiftKey && e.code === 'KeyD')) return;
      const sel = getSelection();
      if (!sel || !sel.rangeCount || !body.contains(sel.anchorNode)) return;
      const r = sel.getRangeAt(0);
      if (r.startContainer.nodeType === 3) {
        e.preventDefault();
        void show(r.startContainer as Text, Math.min(r.startOffset, (r.startContainer as Text).data.length - 1), true);
      }
    };
    body.addEventListener('click', onClick);
    if (mode === 'hover') body.addEventListener('mousemove', onMove);
    addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      body.removeEventListener('click', onClick);
      body.removeEventListener('mousemove', onMove);
      removeEventListener('keydown', onKey);
    };
  }, [article?.body, mode, system, visible]);

  // Esc closes the card, not the reader, wherever focus is: a hover card never takes it, and a
  // click's card takes it only once it has rendered. Caught on the way down, before the reader's
  // own Esc (on this window, bubbling) sees it. Set up as the card is put in, not after the next
  // paint (useEffect's time): an Esc pressed in between would close the reader.
  useLayoutEffect(() => {
    if (!shown) return;
    const onEsc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      e.preventDefault();
      close();
    };
    addEventListener('keydown', onEsc, true);
    return () => removeEventListener('keydown', onEsc, true);
  }, [shown !== null]);

  // Another article, or look-up turned off: no card from before. (The same article marked anew keeps
  // its card: the card holds its own text.)
  useEffect(() => () => close(), [article?.body, mode]);

  if (!shown) return null;
  return <LookupCard {...shown} system={system} t={t} onClose={close} />;
}
