// `jingdu`: the extension's core as a command. Contract in the README; exit 0 ok, 2 bad usage,
// 3 unreadable input. `run` takes its input and output as arguments so tests call it in-process.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeDocument, type Analysis } from '../utils/analyze';
import { prepareConverter, type Source } from '../utils/script/convert';
import { detectScript } from '../utils/script/detect';
import { findEntities } from '../utils/nlp/entities';
import { entityOptions } from '../utils/nlp/tagger';
import { isTarget, TARGETS, type Target } from '../utils/script/targets';
import { createTextHost } from '../utils/script/host';
import { readHtmlInput, UnreadableInput } from '../utils/page/input';
import { parseHtml } from './dom';
import { ANNOTATE_USAGE, annotateRequest, annotateText } from './annotate';

const USAGE = `usage: jingdu <command> [options]

  analyze <file.html|-> [--url URL] [--to simplified|traditional|taiwan|hongkong|original]
                        [--format json|markdown]
      Run the whole pipeline over one HTML page (any declared charset) and print the result.

  entities [file|-]
      One text a line in; one JSON line out per input line:
      {"entities":[{"start":n,"end":n,"type":"person|organization|place|date|number|work","text":"..."}]}
      (offsets in UTF-16 code units of the line, end exclusive)

  convert [--from auto|simplified|traditional|taiwan|hongkong] --to <target> [file|-]
      Convert plain text line by line, like OpenCC's own command (targets as above,
      without original). --from auto (the default) leaves text already in the target
      script alone.

${ANNOTATE_USAGE}

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

function toMarkdown(a: Omit<Analysis, 'outline'> & { outline: Array<{ level: number; text: string }> }, url: string): string {
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

async function analyze(args: string[], io: IO): Promise<void> {
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
  if (values.to !== 'original' && !isTarget(values.to)) throw new UsageError(`unknown --to ${values.to}`);
  const file = positionals[0];
  const url = values.url ?? (file === '-' ? 'about:blank' : pathToFileURL(resolve(file)).href);
  if (values.url && !URL.canParse(values.url)) throw new UsageError(`--url is not a URL: ${values.url}`);
  const { text } = readHtmlInput(readInput(file, io));
  const page = parseHtml(text, url);
  const to = values.to === 'original' ? null : (values.to as Target);
  const transform = createTextHost(() => ({ phrases: [], tsCharactersExt: false }));
  const result = await analyzeDocument(page.doc, { url, sanitizer: page.sanitizer, to, repair: true, transform, entities: entityOptions() });
  page.close();
  // The contract's outline items are {level, text}; block indexes are for the reader's scrolling.
  const printed = { ...result, outline: result.outline.map(({ level, text: t }) => ({ level, text: t })) };
  io.out(values.format === 'markdown' ? toMarkdown(printed, url) : JSON.stringify(printed, null, 2) + '\n');
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableInput('the input is not UTF-8 text');
  }
}

async function convert(args: string[], io: IO): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string', default: 'auto' }, to: { type: 'string' } },
  });
  if (!values.to) throw new UsageError('convert needs --to');
  if (!isTarget(values.to)) throw new UsageError(`unknown --to ${values.to} (one of ${TARGETS.join(', ')})`);
  if (values.from !== 'auto' && !isTarget(values.from)) throw new UsageError(`unknown --from ${values.from}`);
  if (positionals.length > 1) throw new UsageError('convert takes at most one file (or - for standard input)');
  const text = utf8(readInput(positionals[0] ?? '-', io));
  const converter = await prepareConverter({ to: values.to, from: values.from as Source });
  const context = detectScript(text); // lines of shared characters follow the whole input
  io.out(text.split('\n').map((line) => converter.convert(line, context)).join('\n'));
}

async function entities(args: string[], io: IO): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('entities takes at most one file (or - for standard input)');
  const text = utf8(readInput(positionals[0] ?? '-', io));
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const options = entityOptions();
  for (const line of text === '' ? [] : lines) {
    const spans = findEntities(line.replace(/\r$/, ''), options).map((s) => ({ start: s.start, end: s.end, type: s.type, text: line.slice(s.start, s.end) }));
    io.out(JSON.stringify({ entities: spans }) + '\n');
  }
}

async function annotate(args: string[], io: IO): Promise<void> {
  const req = annotateRequest(args);
  if ('usage' in req) throw new UsageError(req.usage);
  io.out(annotateText(utf8(readInput(req.file, io)), req));
}

const COMMANDS: Record<string, (args: string[], io: IO) => Promise<void>> = { analyze, convert, entities, annotate };

/** Runs one command line; resolves to the exit status. */
export async function run(argv: string[], io: IO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      (command ? io.out : io.err)(USAGE + '\n');
      return command ? 0 : 2;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command: ${command}`);
    await handler(rest, io);
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
