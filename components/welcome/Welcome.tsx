// First run: what Jingdu does, its shortcuts, and a sample article to try it on.

import type { Translate } from '../reader/types';

export function Welcome({ t, onTry, onOptions }: { t: Translate; onTry(): void; onOptions(): void }) {
  return (
    <main class="jd-welcome">
      <img src="/icon/128.png" alt="" width={64} height={64} />
      <h1>{t('welcomeTitle')}</h1>
      <p class="jd-lead">{t('welcomeIntro')}</p>
      <p>
        <button type="button" class="jd-primary" onClick={onTry}>
          {t('welcomeTry')}
        </button>{' '}
        <button type="button" class="jd-chip" onClick={onOptions}>
          {t('welcomeOptions')}
        </button>
      </p>
      <h2>{t('welcomeHow')}</h2>
      <ol>
        <li>{t('welcomeStep1')}</li>
        <li>{t('welcomeStep2')}</li>
        <li>{t('welcomeStep3')}</li>
      </ol>
      <h2>{t('welcomeShortcuts')}</h2>
      <table class="jd-keys">
        <tbody>
          <tr>
            <th scope="row"><kbd>Alt</kbd> + <kbd>R</kbd></th>
            <td>{t('welcomeKeyReader')}</td>
          </tr>
          <tr>
            <th scope="row"><kbd>Alt</kbd> + <kbd>Shift</kbd> + <kbd>S</kbd></th>
            <td>{t('welcomeKeyQuote')}</td>
          </tr>
          <tr>
            <th scope="row"><kbd>Alt</kbd> + <kbd>Shift</kbd> + <kbd>C</kbd></th>
            <td>{t('welcomeKeySwitch')}</td>
          </tr>
          <tr>
            <th scope="row"><kbd>Esc</kbd></th>
            <td>{t('welcomeKeyClose')}</td>
          </tr>
        </tbody>
      </table>
      <p class="jd-help">{t('optionsShortcut')}</p>
    </main>
  );
}
