// The first-run page (opened once, on install).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/welcome/Welcome';
import '../../components/welcome/welcome.css';
import { t, uiLanguage } from '../../platform/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(
  <Welcome t={t} onTry={() => location.assign(browser.runtime.getURL('/reader.html?sample'))} onOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
