// The `jingdu` command: `npm run -s jingdu -- <command> ...` (see cli/main.ts and the README).
// Built by scripts/build-cli.mjs beside analyze-worker.js, the thread script of analyze's batch pool.
import { processIO, run } from './main';

process.exitCode = await run(process.argv.slice(2), { ...processIO, analyzeWorker: new URL('./analyze-worker.js', import.meta.url) });
