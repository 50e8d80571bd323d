// The options page: wiring between the settings store, files, and the page component.

import { render } from 'preact';
import { useState } from 'preact/hooks';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/options/options.css';
import { t, uiLanguage } from '../../platform/i18n';
import { updateSettings } from '../../platform/settings';
import { useSettings } from '../../platform/use-settings';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { exportPhrases, exportSites, importPhrases, importSites } from '../../utils/settings/transfer';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function App() {
  const [settings, update] = useSettings();
  const [status, setStatus] = useState('');
  const change: typeof update = (fn) => {
    update(fn);
    setStatus(t('optionsSaved'));
  };
  return (
    <OptionsPage
      settings={settings}
      t={t}
      status={status}
      summaryAvailable={'Summarizer' in globalThis}
      onChange={change}
      onExport={(kind) =>
        kind === 'phrases' ? download('jingdu-phrases.json', exportPhrases(settings.script.phrases)) : download('jingdu-site-rules.json', exportSites(settings.script.sites))
      }
      onImport={async (kind, file) => {
        try {
          const text = await file.text();
          let added = 0;
          await updateSettings((s) => {
            if (kind === 'phrases') {
              const r = importPhrases(s.script.phrases, text);
              added = r.added;
              return { ...s, script: { ...s.script, phrases: r.phrases } };
            }
            const r = importSites(s.script.sites, text);
            added = r.added;
            return { ...s, script: { ...s.script, sites: r.sites } };
          });
          setStatus(t('optionsImported', added));
        } catch (e) {
          setStatus(t('optionsImportFailed', (e as Error).message));
        }
      }}
      onReset={() => {
        if (confirm(t('optionsResetConfirm'))) change(() => DEFAULT_SETTINGS);
      }}
    />
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
