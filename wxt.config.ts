import { defineConfig } from 'wxt';

// One manifest for Chrome MV3 and Firefox; WXT maps action/side panel per browser.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // Preact's automatic JSX runtime; no React compat layer is needed.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Keep CJK text in bundles as UTF-8: escaping it as \uXXXX nearly doubles dictionaries.
    build: { target: 'es2022', charset: 'utf8' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+R' },
        description: '__MSG_commandToggleReader__',
      },
    },
    web_accessible_resources:
      browser === 'firefox'
        ? ['reader.html']
        : [{ resources: ['reader.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'jingdu@jingdu.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
