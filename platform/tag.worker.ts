// The entity tagger's own thread: the model unpacks here (about 6 MB) and a long article is tagged
// without holding the reader's or the panel's main thread. Only its creator can message it.

import { findEntities } from '../utils/nlp/entities';
import { entityOptions } from '../utils/nlp/tagger';

self.onmessage = (e: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = e.data;
  self.postMessage({ id, spans: findEntities(text, entityOptions()) });
};
