// The reader overlay on the page: one fixed host element holding an extension iframe in a closed
// shadow root. The page's CSS cannot reach inside, its scripts cannot read the reader (the iframe is
// another origin), and removing the host gives the page back exactly as it was.

export interface Overlay {
  readonly frame: HTMLIFrameElement;
  close(): void;
}

// Inline !important beats any page stylesheet rule, including !important ones.
const HOST_STYLE = [
  'all: initial', 'position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh', 'z-index: 2147483647',
  'display: block', 'margin: 0', 'padding: 0', 'border: 0', 'opacity: 1', 'visibility: visible',
  'transform: none', 'filter: none', 'clip-path: none', 'pointer-events: auto',
].map((d) => `${d} !important`).join('; ');

export function mountOverlay(doc: Document, src: string, label: string): Overlay {
  const win = doc.defaultView!;
  const scroll = { x: win.scrollX, y: win.scrollY };
  const previousFocus = doc.activeElement as HTMLElement | null;

  const host = doc.createElement('jingdu-reader');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('role', 'dialog');
  host.setAttribute('aria-modal', 'true');
  host.setAttribute('aria-label', label);
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = label;
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('style', 'all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: normal;');
  shadow.append(frame);
  doc.documentElement.append(host);
  frame.addEventListener('load', () => frame.focus(), { once: true });

  return {
    frame,
    close() {
      host.remove();
      if (win.scrollX !== scroll.x || win.scrollY !== scroll.y) win.scrollTo(scroll.x, scroll.y);
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    },
  };
}
