// Citations in the quote's script: the texts go to the background, where the dictionaries live.

import { sendMessage } from '../utils/messages';
import type { ToScript } from '../utils/citations/formats';

export const toScript: ToScript = (texts, script) =>
  script === 'original' ? Promise.resolve(texts) : sendMessage('bg:transform', { texts, ops: [{ kind: 'convert', to: script }] }).then((r) => r.texts);
