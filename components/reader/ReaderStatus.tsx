// What the reader shows while it works, or instead of an article: always with a way back.

import type { Translate } from './types';

export function ReaderStatus({ message, busy, t, onClose }: { message: string; busy?: boolean; t: Translate; onClose(): void }) {
  return (
    <div class="jd-status" role={busy ? 'status' : 'alert'} aria-busy={busy}>
      {busy && <div class="jd-spinner" aria-hidden="true" />}
      <p>{message}</p>
      {!busy && (
        <button type="button" class="jd-chip" onClick={onClose}>
          {t('readerBack')}
        </button>
      )}
    </div>
  );
}
