// The first-run page (opened once, on install).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/welcome/Welcome';
import '../../components/welcome/welcome.css';
import { t, uiLanguage } from '../../platform/i18n';
import { SAMPLE_PAGE } from '../../platform/senders';

document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(
  <Welcome t={t} onTry={() => location.assign(browser.runtime.getURL(SAMPLE_PAGE))} onOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
