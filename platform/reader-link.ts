// The messages meant for reader frames, delivered in Firefox too. A reader is an extension page
// inside a web page, and Firefox gives such a frame none of the extension's broadcasts:
// runtime.sendMessage reaches only extension pages whose every ancestor frame is the extension's,
// and tabs.sendMessage reaches content scripts. There each reader holds a port to the background,
// which relays what is meant for readers (its own messages and the panel's broadcasts). Chrome
// broadcasts to readers as usual and opens no port (a port would wake its service worker again
// each time the worker stops).

import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser, type Browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from '../utils/messages';
import { isExtensionPage, isReaderPage } from './senders';

type ReaderType = 'reader:scrollTo' | 'reader:saveSelection' | 'quotes:changed';
type Data<K extends ReaderType> = GetDataType<ProtocolMap[K]>;
type Answer<K extends ReaderType> = GetReturnType<ProtocolMap[K]>;
type Handler<K extends ReaderType> = (message: { data: Data<K> }) => Answer<K> | Promise<Answer<K>>;
type Port = Browser.runtime.Port;

const PORT = 'jingdu-reader';
const RELAY = import.meta.env.FIREFOX;
/** A reader that does not answer in this time (busy, or going away) counts as having declined. */
const ANSWER_MS = 2000;

interface Envelope {
  id: number;
  type: ReaderType;
  data: unknown;
}

let port: Port | undefined;
const handlers = new Map<ReaderType, Handler<ReaderType>>();

/**
 * In a reader page: `onMessage` for the messages meant for readers. In Firefox they come by the
 * port alone (a reader inside one of our own pages, the bundled sample, would hear the broadcast
 * too, and act twice).
 */
export function onReaderMessage<K extends ReaderType>(type: K, handler: Handler<K>): () => void {
  if (!RELAY) return onMessage(type, handler);
  handlers.set(type, handler as Handler<ReaderType>);
  if (!port) {
    const p = (port = browser.runtime.connect({ name: PORT }));
    p.onMessage.addListener(async (m: Envelope) => {
      const handle = handlers.get(m.type);
      const res = handle ? await Promise.resolve(handle({ data: m.data as Data<ReaderType> })).catch(() => undefined) : undefined;
      p.postMessage({ id: m.id, res });
    });
  }
  return () => void handlers.delete(type);
}

/** In the background: `send` reaches the readers (of one tab, given its id) and resolves with their answers. */
export function createReaderRelay() {
  const ports = new Set<Port>();
  let seq = 0;

  function ask(p: Port, type: ReaderType, data: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      const id = ++seq;
      const done = (res: unknown) => {
        clearTimeout(timer);
        p.onMessage.removeListener(onReply);
        p.onDisconnect.removeListener(onGone);
        resolve(res);
      };
      const onReply = (r: { id?: number; res?: unknown }) => void (r?.id === id && done(r.res));
      const onGone = () => done(undefined);
      const timer = setTimeout(onGone, ANSWER_MS);
      p.onMessage.addListener(onReply);
      p.onDisconnect.addListener(onGone);
      p.postMessage({ id, type, data } satisfies Envelope);
    });
  }

  async function send<K extends ReaderType>(type: K, data: Data<K>, tabId?: number): Promise<Answer<K>[]> {
    const to = [...ports].filter((p) => tabId === undefined || p.sender?.tab?.id === tabId);
    return (await Promise.all(to.map((p) => ask(p, type, data)))) as Answer<K>[];
  }

  if (RELAY) {
    browser.runtime.onConnect.addListener((p) => {
      if (p.name !== PORT) return;
      if (!p.sender || !isReaderPage(p.sender)) return p.disconnect();
      ports.add(p);
      p.onDisconnect.addListener(() => ports.delete(p));
    });
    // The panel broadcasts its scroll requests for a reader; in Firefox only the background hears them.
    onMessage('reader:scrollTo', async ({ data, sender }) => isExtensionPage(sender) && (await send('reader:scrollTo', data, data.tabId)).some(Boolean));
  }
  return { send };
}
