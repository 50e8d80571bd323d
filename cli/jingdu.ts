// The `jingdu` command: `npm run -s jingdu -- <command> ...` (see cli/main.ts and the README).
import { run } from './main';

process.exitCode = await run(process.argv.slice(2));
