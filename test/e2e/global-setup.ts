// Builds the extension once before the browser tests. A missing Chromium fails the run: browser
// tests are never skipped.

import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../../scripts/chromium';
import { ROOT } from '../helpers/corpus';

export default function setup() {
  chromiumPath(); // throws with install instructions when Chromium is missing
  // The OpenCC dictionaries the build bundles (compiled at install; a no-op when up to date).
  execFileSync('npx', ['tsx', 'scripts/compile-opencc.ts', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
