// The reader overlay on the page: one fixed host element holding an extension iframe in a closed
// shadow root. The page's CSS cannot reach inside, its scripts cannot read the reader (the iframe is
// another origin), and removing the host gives the page back exactly as it was.
//
// An overlay can be mounted hidden, so that the reader loads and reads the article before anyone
// asks (opening it is then only showing it). The reader learns that it is shown from its URL's
// fragment, changed in place: a same-document navigation, no reload, and nothing the page can reach.

export interface Overlay {
  readonly frame: HTMLIFrameElement;
  /** shows a hidden overlay, with the reader's URL now `src` (differing only in its fragment) */
  show(src: string): void;
  /** the reader in the frame is running (a fragment change is now a same-document navigation) */
  running(): void;
  close(): void;
}

// Inline !important beats any page stylesheet rule, including !important ones. Hidden, the frame
// keeps its size but sits outside the window: Chromium does not render it there, yet the reader can
// lay out its article in advance (a display:none frame has no layout; showing it would start one).
const style = (shown: boolean) =>
  ['all: initial', 'position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh', 'z-index: 2147483647',
    'display: block', 'margin: 0', 'padding: 0', 'border: 0', 'opacity: 1', 'visibility: visible',
    `transform: ${shown ? 'none' : 'translateX(-300vw)'}`, 'filter: none', 'clip-path: none', `pointer-events: ${shown ? 'auto' : 'none'}`,
  ].map((d) => `${d} !important`).join('; ');

export function mountOverlay(doc: Document, src: string, label: string, shown = true): Overlay {
  const win = doc.defaultView!;
  let scroll = { x: 0, y: 0 };
  let previousFocus: HTMLElement | null = null;

  const host = doc.createElement('jingdu-reader');
  host.setAttribute('style', style(false));
  host.inert = true; // out of reach of the keyboard, screen readers and find-in-page until shown
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = label;
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('style', 'all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: normal;');
  shadow.append(frame);
  doc.documentElement.append(host);
  // Focus moves into the reader once it has loaded: focusing the frame before that would only make
  // the page lay itself out at once, in the same task as the click (12–18 ms on a portal page).
  let loaded = false;
  frame.addEventListener(
    'load',
    () => {
      loaded = true;
      if (host.hasAttribute('role')) frame.focus();
    },
    { once: true },
  );
  // A new src while the first load is under way can lose to it (Chromium): the fragment changes
  // once the reader runs (it says so by asking for the snapshot).
  let running = false;
  let pending = '';

  const show = (to: string) => {
    scroll = { x: win.scrollX, y: win.scrollY };
    previousFocus = doc.activeElement as HTMLElement | null;
    host.setAttribute('style', style(true));
    host.inert = false;
    host.setAttribute('role', 'dialog');
    host.setAttribute('aria-modal', 'true');
    host.setAttribute('aria-label', label);
    if (frame.src !== to) {
      if (running) frame.src = to;
      else pending = to;
    }
    if (loaded) frame.focus();
  };
  if (shown) show(src);

  return {
    frame,
    show,
    running() {
      running = true;
      if (pending) frame.src = pending;
    },
    close() {
      host.remove();
      if (!host.hasAttribute('role')) return; // never shown: nothing to give back
      if (win.scrollX !== scroll.x || win.scrollY !== scroll.y) win.scrollTo(scroll.x, scroll.y);
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    },
  };
}
