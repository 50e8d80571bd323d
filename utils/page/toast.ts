// A short message on the page ("copied"), in a closed shadow root so the page's CSS cannot hide it.

export function showToast(doc: Document, message: string, ms = 2200): void {
  const host = doc.createElement('jingdu-toast');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: 50% !important; bottom: 32px !important; transform: translateX(-50%) !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('style', 'font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #fff; background: #1d5a45; padding: 8px 16px; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); max-width: 80vw;');
  box.textContent = message; // page text is data: textContent, never innerHTML
  shadow.append(box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
}
