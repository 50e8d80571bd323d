// Where Firefox lives: $FIREFOX_PATH, else Debian's /usr/bin/firefox-esr or a usual install.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Firefox not found: install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH');
  return found;
}
