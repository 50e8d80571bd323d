// `jingdu`: the extension's core as a command. Contract in DESIGN.md; exit 0 ok, 2 bad usage,
// 3 unreadable input.

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

function readInput(file: string): Uint8Array {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
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

function analyze(args: string[]): void {
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
  const { text } = readHtmlInput(readInput(file));
  const page = parseHtml(text, url);
  const result = analyzeDocument(page.doc, { url, sanitizer: page.sanitizer });
  page.close();
  process.stdout.write(values.format === 'markdown' ? toMarkdown(result, url) : JSON.stringify(result, null, 2) + '\n');
}

const COMMANDS: Record<string, (args: string[]) => void> = { analyze };

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return command ? 0 : 2;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command: ${command}`);
    run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UnreadableInput) {
      process.stderr.write(`jingdu: ${e.message}\n`);
      return 3;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`jingdu: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
