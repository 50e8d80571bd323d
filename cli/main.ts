// `jingdu`: the extension's core as a command. Contract in DESIGN.md; exit 0 ok, 2 bad usage,
// 3 unreadable input. `run` takes its input and output as arguments so tests call it in-process.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeDocument, type Analysis } from '../utils/analyze';
import { readHtmlInput, UnreadableInput } from '../utils/page/input';
import { parseHtml } from './dom';

const USAGE = `usage: jingdu <command> [options]

  analyze <file.html|-> [--url URL] [--to simplified|traditional|taiwan|hongkong|original]
                        [--format json|markdown]
      Run the whole pipeline over one HTML page (any declared charset) and print the result.

exit status: 0 success, 2 bad usage, 3 unreadable input`;

class UsageError extends Error {}

export interface IO {
  stdin(): Uint8Array;
  out(text: string): void;
  err(text: string): void;
}

export const processIO: IO = {
  stdin: () => readFileSync(0),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

function readInput(file: string, io: IO): Uint8Array {
  try {
    return file === '-' ? io.stdin() : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new UnreadableInput(`cannot read ${file}: ${why}`);
  }
}

function toMarkdown(a: Analysis, url: string): string {
  const meta = [a.byline, a.siteName, a.published].filter(Boolean).join(' · ');
  const lines = [`# ${a.title || '(untitled)'}`, ''];
  if (meta) lines.push(`*${meta}*`, '');
  lines.push(`<${url}>`, '');
  if (!a.isArticle) lines.push(`> Not an article (score ${a.detection.score}): ${a.detection.reasons.join('; ')}`, '');
  if (a.summary.length) lines.push('## Summary', '', ...a.summary.map((s) => `- ${s}`), '');
  if (a.outline.length) lines.push('## Outline', '', ...a.outline.map((o) => `${'  '.repeat(Math.max(0, o.level - 2))}- ${o.text}`), '');
  lines.push(a.text, '');
  if (a.entities.length) lines.push('## Entities', '', ...a.entities.map((e) => `- ${e.text} (${e.type}, ×${e.count})`), '');
  return lines.join('\n');
}

function analyze(args: string[], io: IO): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      to: { type: 'string', default: 'original' },
      format: { type: 'string', default: 'json' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one file (or - for standard input)');
  if (!['json', 'markdown'].includes(values.format!)) throw new UsageError(`unknown --format ${values.format}`);
  if (!['simplified', 'traditional', 'taiwan', 'hongkong', 'original'].includes(values.to!)) throw new UsageError(`unknown --to ${values.to}`);
  const file = positionals[0];
  const url = values.url ?? (file === '-' ? 'about:blank' : pathToFileURL(resolve(file)).href);
  if (values.url && !URL.canParse(values.url)) throw new UsageError(`--url is not a URL: ${values.url}`);
  const { text } = readHtmlInput(readInput(file, io));
  const page = parseHtml(text, url);
  const result = analyzeDocument(page.doc, { url, sanitizer: page.sanitizer });
  page.close();
  io.out(values.format === 'markdown' ? toMarkdown(result, url) : JSON.stringify(result, null, 2) + '\n');
}

const COMMANDS: Record<string, (args: string[], io: IO) => void> = { analyze };

/** Runs one command line; returns the exit status. */
export function run(argv: string[], io: IO = processIO): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      (command ? io.out : io.err)(USAGE + '\n');
      return command ? 0 : 2;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command: ${command}`);
    handler(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof UnreadableInput) {
      io.err(`jingdu: ${e.message}\n`);
      return 3;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`jingdu: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
