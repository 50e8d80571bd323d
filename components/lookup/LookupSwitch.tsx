// The 查词 toggle in the reader's toolbar: look-up on (click, or hover as the options say) or off.

import type { LookupMode } from '../../utils/settings/schema';
import type { Translate } from '../reader/types';

export function LookupSwitch({ mode, t, onMode }: { mode: LookupMode; t: Translate; onMode(m: LookupMode): void }) {
  return (
    <button
      type="button"
      class="jd-chip jd-lookup-toggle"
      aria-pressed={mode !== 'off'}
      title={t(mode === 'hover' ? 'lookupHoverHint' : 'lookupSwitchHint')}
      onClick={() => onMode(mode === 'off' ? 'click' : 'off')}
    >
      {t('lookupSwitch')}
    </button>
  );
}
