// The small "save quote" bar that appears by a selection on a page: a save button, colour dots and
// an optional note. It lives in a closed shadow root (the page cannot restyle or read it) and is
// built with DOM calls and textContent only.

export interface QuoteButtonLabels {
  save: string;
  note: string;
  close: string;
  colors: Record<string, string>;
}

export interface QuoteButtonChoice {
  color: string;
  note: string;
}

const COLORS: Record<string, string> = { yellow: '#f7d23e', green: '#7fcf8a', blue: '#86b7f4', pink: '#f4a3be', purple: '#c4a6f2' };

const CSS = `
  :host { all: initial; }
  .bar { display: flex; align-items: center; gap: 6px; padding: 6px 8px; background: #1d5a45; color: #fff; border-radius: 10px;
    box-shadow: 0 6px 20px rgba(0,0,0,.28); font: 14px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
  button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; border-radius: 6px; padding: 4px 8px; }
  button:hover, button:focus-visible { background: rgba(255,255,255,.18); outline: 2px solid #fff; outline-offset: 0; }
  .save { font-weight: 600; }
  .dot { width: 18px; height: 18px; padding: 0; border-radius: 50%; border: 2px solid rgba(255,255,255,.6); }
  .dot[aria-pressed="true"] { border-color: #fff; box-shadow: 0 0 0 2px #1d5a45, 0 0 0 4px #fff; }
  /* [hidden] must win over the display rule below: the note box shows only when asked for. */
  [hidden] { display: none !important; }
  textarea { display: block; width: 260px; min-height: 56px; margin-top: 6px; font: 13px/1.5 system-ui, sans-serif; border-radius: 6px; border: 0; padding: 6px; }
`;

export interface QuoteButton {
  close(): void;
}

export function showQuoteButton(doc: Document, rect: DOMRect, labels: QuoteButtonLabels, onSave: (c: QuoteButtonChoice) => void): QuoteButton {
  const host = doc.createElement('jingdu-quote');
  const top = Math.min(doc.defaultView!.innerHeight - 60, Math.max(8, rect.bottom + 8));
  const left = Math.min(doc.defaultView!.innerWidth - 320, Math.max(8, rect.left));
  host.setAttribute('style', `all: initial !important; position: fixed !important; z-index: 2147483646 !important; top: ${top}px !important; left: ${left}px !important;`);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', labels.save);
  const bar = doc.createElement('div');
  bar.className = 'bar';
  const choice: QuoteButtonChoice = { color: 'yellow', note: '' };

  const button = (text: string, cls: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      onClick();
    });
    return b;
  };
  const save = button(labels.save, 'save', () => {
    onSave(choice);
    close();
  });
  bar.append(save);
  const dots: HTMLButtonElement[] = [];
  for (const [name, color] of Object.entries(COLORS)) {
    const d = button('', 'dot', () => {
      choice.color = name;
      for (const x of dots) x.setAttribute('aria-pressed', String(x === d));
    });
    d.style.background = color;
    d.setAttribute('aria-label', labels.colors[name] ?? name);
    d.setAttribute('aria-pressed', String(name === choice.color));
    dots.push(d);
    bar.append(d);
  }
  const note = doc.createElement('textarea');
  note.hidden = true;
  note.setAttribute('aria-label', labels.note);
  note.addEventListener('input', () => (choice.note = note.value));
  note.addEventListener('keydown', (e) => e.stopPropagation()); // typing a note never reaches the page
  bar.append(
    button('✎', 'note', () => {
      note.hidden = !note.hidden;
      if (!note.hidden) note.focus();
    }),
    button('✕', 'close', () => close()),
  );
  bar.lastElementChild!.setAttribute('aria-label', labels.close);
  bar.children[bar.children.length - 2].setAttribute('aria-label', labels.note);
  box.append(bar, note);
  root.append(style, box);
  // mousedown inside the bar must not clear the page's selection
  host.addEventListener('mousedown', (e) => {
    if (e.target === host && (e.composedPath()[0] as Element)?.tagName !== 'TEXTAREA') e.preventDefault();
  });
  doc.documentElement.append(host);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  doc.addEventListener('keydown', onKey, true);
  function close() {
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
  }
  return { close };
}
