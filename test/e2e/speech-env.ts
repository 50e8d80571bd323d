// Real voices for the read-aloud tests: Debian's speech-dispatcher with espeak-ng (Mandarin and
// Cantonese among its voices), which Chromium on Linux uses with --enable-speech-dispatcher.
// Each browser gets a daemon of its own, in a fresh runtime folder: a daemon left from an earlier
// run makes the next Chromium see no voices. There is no sound card here, so the daemon plays
// through libao's null driver (without an audio device an utterance starts and never ends).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SpeechEnv {
  env: Record<string, string>;
  /** ends the speech-dispatcher this browser started (found by its own socket path) */
  stop(): void;
}

export function speechEnv(dir: string): SpeechEnv {
  const config = join(dir, 'config');
  const runtime = join(dir, 'run');
  mkdirSync(join(config, 'speech-dispatcher'), { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  writeFileSync(join(config, 'speech-dispatcher/speechd.conf'), ['AudioOutputMethod "libao"', 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"', 'DefaultModule espeak-ng', ''].join('\n'));
  writeFileSync(join(dir, '.libao'), 'default_driver=null\n');
  const env = { ...(process.env as Record<string, string>), HOME: dir, XDG_CONFIG_HOME: config, XDG_RUNTIME_DIR: runtime };
  return {
    env,
    stop() {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        let cmd = '';
        try {
          cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          continue; // gone meanwhile
        }
        if (cmd.startsWith('/usr/bin/speech-dispatcher') && cmd.includes(runtime)) {
          try {
            process.kill(Number(pid), 'SIGTERM');
          } catch {
            // already gone
          }
        }
      }
    },
  };
}
