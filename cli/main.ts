// `jingdu`: the extension's core as a command. Contract in the README; exit 0 ok, 2 bad usage,
// 3 unreadable input. `run` takes its input and output as arguments so tests call it in-process.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
// Only what every command needs is imported here; each command loads its own part on demand
// (convert never loads the DOM or the tagger, analyze is the only one that parses HTML).
import { UnreadableInput } from '../utils/page/charset';
import type { Source } from '../utils/script/convert';
import { isTarget, TARGETS, type Target } from '../utils/script/targets';

const USAGE = `usage: jingdu <command> [options]

  analyze <file.html|folder|-> [more files or folders…] [--url URL] [--next page2.html …]
          [--to simplified|traditional|taiwan|hongkong|original] [--format json|markdown]
      Run the whole pipeline over an HTML page (any declared charset) and print the result.
      --next gives the following pages of a multi-page article (one input), joined in order.
      Several inputs (or a folder: its .html files): JSON Lines, one object a file, with "file";
      a file that fails gets {"file", "error"} and the rest go on (exit status 1 at the end).

  entities [--confident] [--convention news|cluener] [file|folder|-] [more files or folders…]
      One text a line in; one JSON line out per input line:
      {"entities":[{"start":n,"end":n,"type":"person|organization|place|date|number|work","text":"...","score":0.0-1.0}]}
      (offsets in UTF-16 code units of the line, end exclusive; score: how sure the tagger is).
      --confident: only the people, organisations and places the reader marks by default.
      --convention: news (the default, the reader's: every person, organisation and place) or
      cluener (CLUENER2020's: a place only as an address, 英国政府 one organisation), to
      measure against data annotated that way.
      Several inputs (folders: their .txt files): each line also has "file".

  convert [--from auto|simplified|traditional|taiwan|hongkong] --to <target> [file|folder|-] [more…]
      Convert plain text line by line, like OpenCC's own command (targets as above,
      without original). --from auto (the default) decides from the whole input: a
      Simplified input's lines already in the target script stay as they are; a
      Traditional or mixed input goes through Simplified, so all of it comes out alike.
      Several inputs (folders: their .txt files): JSON Lines {"file", "text"}.

  annotate [--reading pinyin|zhuyin|jyutping] [--format text|ruby] [file|-]
      Readings for UTF-8 text, line by line: 银(yín)行(háng) (text, the default) or
      <ruby>银<rp>(</rp><rt>yín</rt><rp>)</rp></ruby> (ruby). Polyphones are read by
      word context; --reading defaults to pinyin (tone marks).

exit status: 0 success, 1 some of several inputs failed, 2 bad usage, 3 unreadable input`;

class UsageError extends Error {}

export interface IO {
  stdin(): Uint8Array;
  out(text: string): void;
  err(text: string): void;
  /** a progress line over many inputs (shown only on a terminal); '' clears it */
  progress?(text: string): void;
  /**
   * The thread script of analyze's batch pool (the installed command's, cli/analyze-worker.ts
   * built): given, many pages are analyzed on all cores; run in-process, one after another.
   */
  analyzeWorker?: URL;
}

export const processIO: IO = {
  stdin: () => readFileSync(0),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  progress: process.stderr.isTTY ? (t) => process.stderr.write(`\r\x1b[K${t}`) : undefined,
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

const HTML_FILES = /\.(?:x?html?|shtml)$/i;
const TEXT_FILES = /\.txt$/i;

/** Files and folders as given, folders replaced by their files named like `ext` (sorted, recursively). */
function expandInputs(inputs: string[], ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (name.startsWith('.')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (ext.test(name)) out.push(p);
    }
  };
  for (const input of inputs) {
    try {
      if (input !== '-' && statSync(input).isDirectory()) {
        walk(input);
        continue;
      }
    } catch {
      // not there or unreadable: reported as that input's error
    }
    out.push(input);
  }
  return out;
}

const isFolder = (p: string) => {
  try {
    return p !== '-' && statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Several inputs or any folder: one JSON line per result, with `file`. */
const isBatch = (inputs: string[]) => inputs.length > 1 || inputs.some(isFolder);

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs `one` over every input in this one process and prints its objects as JSON Lines, each with
 * `file` first, in the order given. A bad input prints {file, error} and the rest go on; resolves
 * to 1 if any failed. `ahead`: how many inputs are under way at once (a pool's threads kept fed).
 */
async function batch(inputs: string[], io: IO, one: (file: string) => Promise<object[]>, ahead = 1): Promise<number> {
  let failed = 0;
  const started: Array<Promise<object[] | { error: unknown }>> = [];
  const start = (i: number) => {
    if (i < inputs.length) started[i] = one(inputs[i]).catch((error: unknown) => ({ error }));
  };
  for (let i = 0; i < ahead; i++) start(i);
  for (const [i, file] of inputs.entries()) {
    io.progress?.(`jingdu: ${i + 1}/${inputs.length} ${file}`);
    const done = await started[i];
    delete started[i];
    start(i + ahead);
    if ('error' in done) {
      failed++;
      io.out(JSON.stringify({ file, error: reason(done.error) }) + '\n');
    } else for (const o of done) io.out(JSON.stringify({ file, ...o }) + '\n');
  }
  io.progress?.('');
  if (failed) io.err(`jingdu: ${failed} of ${inputs.length} inputs failed\n`);
  return failed ? 1 : 0;
}

/** `--next a.html b.html` → `--next a.html --next b.html`: every word after --next up to the next option. */
function spreadNext(args: string[]): string[] {
  const out: string[] = [];
  let inNext = false;
  for (const a of args) {
    if (a === '--next') inNext = true;
    else if (a.startsWith('--')) inNext = false;
    else if (inNext) {
      out.push('--next', a);
      continue;
    }
    if (a !== '--next') out.push(a);
  }
  return out;
}

async function analyze(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: spreadNext(args),
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      to: { type: 'string', default: 'original' },
      format: { type: 'string', default: 'json' },
      next: { type: 'string', multiple: true, default: [] },
    },
  });
  if (positionals.length < 1) throw new UsageError('analyze takes one file or more (or - for standard input)');
  if (!['json', 'markdown'].includes(values.format!)) throw new UsageError(`unknown --format ${values.format}`);
  if (values.to !== 'original' && !isTarget(values.to)) throw new UsageError(`unknown --to ${values.to}`);
  if (values.url && !URL.canParse(values.url)) throw new UsageError(`--url is not a URL: ${values.url}`);
  const many = isBatch(positionals);
  if (many && values.url) throw new UsageError('--url names one page: give it with one file');
  if (many && values.format === 'markdown') throw new UsageError('--format markdown takes one file');
  if (many && values.next!.length) throw new UsageError('--next gives the following pages of one article: give it with one file');
  const to = values.to === 'original' ? null : (values.to as Target);
  const urlOf = (file: string) => values.url ?? (file === '-' ? 'about:blank' : pathToFileURL(resolve(file)).href);
  const files = many ? expandInputs(positionals, HTML_FILES) : [];
  if (io.analyzeWorker && files.length > 1) {
    // The pipeline loads in the pool's threads only.
    const { createPool } = await import('./pool');
    const pool = createPool(io.analyzeWorker, files.length);
    try {
      return await batch(files, io, async (file) => [await pool.analyze(readInput(file, io), urlOf(file), to)], pool.size * 2);
    } finally {
      await pool.close();
    }
  }
  const { analyzeBytes, toMarkdown } = await import('./analyze-page');
  if (many) return batch(files, io, async (file) => [await analyzeBytes(readInput(file, io), urlOf(file), to)]);
  const file = positionals[0];
  const next = values.next!.map((f) => ({ bytes: readInput(f, io), url: pathToFileURL(resolve(f)).href }));
  const result = await analyzeBytes(readInput(file, io), urlOf(file), to, next);
  io.out(values.format === 'markdown' ? toMarkdown(result, urlOf(file)) : JSON.stringify(result, null, 2) + '\n');
  return 0;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableInput('the input is not UTF-8 text');
  }
}

async function convert(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string', default: 'auto' }, to: { type: 'string' } },
  });
  if (!values.to) throw new UsageError('convert needs --to');
  if (!isTarget(values.to)) throw new UsageError(`unknown --to ${values.to} (one of ${TARGETS.join(', ')})`);
  if (values.from !== 'auto' && !isTarget(values.from)) throw new UsageError(`unknown --from ${values.from}`);
  const [{ prepareConverter }, { detectScript }] = await Promise.all([import('../utils/script/convert'), import('../utils/script/detect')]);
  const to = values.to;
  const from = values.from as Source;
  const convertText = async (text: string) => {
    const context = detectScript(text); // lines of shared characters follow the whole input
    const converter = await prepareConverter({ to, from, script: context });
    return text.split('\n').map((line) => converter.convert(line, context)).join('\n');
  };
  if (isBatch(positionals)) return batch(expandInputs(positionals, TEXT_FILES), io, async (file) => [{ text: await convertText(utf8(readInput(file, io))) }]);
  io.out(await convertText(utf8(readInput(positionals[0] ?? '-', io))));
  return 0;
}

async function entities(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { confident: { type: 'boolean', default: false }, convention: { type: 'string', default: 'news' } } });
  const [{ findEntities }, { entityOptions, CONVENTIONS }, { isConfident }] = await Promise.all([import('../utils/nlp/entities'), import('../utils/nlp/tagger'), import('../utils/nlp/salience')]);
  const convention = CONVENTIONS.find((c) => c === values.convention);
  if (!convention) throw new UsageError(`unknown --convention ${values.convention} (one of ${CONVENTIONS.join(', ')})`);
  const options = entityOptions(convention);
  const tag = (text: string) => {
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    return (text === '' ? [] : lines).map((line) => {
      const spans = findEntities(line.replace(/\r$/, ''), options)
        .filter((s) => !values.confident || isConfident(s))
        .map((s) => ({ start: s.start, end: s.end, type: s.type, text: line.slice(s.start, s.end), score: s.score }));
      return { entities: spans };
    });
  };
  if (isBatch(positionals)) return batch(expandInputs(positionals, TEXT_FILES), io, async (file) => tag(utf8(readInput(file, io))));
  for (const o of tag(utf8(readInput(positionals[0] ?? '-', io)))) io.out(JSON.stringify(o) + '\n');
  return 0;
}

async function annotate(args: string[], io: IO): Promise<number> {
  const { annotateRequest, annotateText } = await import('./annotate');
  const req = annotateRequest(args);
  if ('usage' in req) throw new UsageError(req.usage);
  io.out(annotateText(utf8(readInput(req.file, io)), req));
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: IO) => Promise<number>> = { analyze, convert, entities, annotate };

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
    return await handler(rest, io);
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
