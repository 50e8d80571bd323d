// Builds the Firefox package once before the Firefox tests. A missing Firefox fails the run:
// browser tests are never skipped.

import { execFileSync } from 'node:child_process';
import { firefoxPath } from '../../scripts/firefox';
import { ROOT } from '../helpers/corpus';

export default function setup() {
  firefoxPath(); // throws with install instructions when Firefox is missing
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
}
