// The malformed-QML property: every .qml file of the repository, mutated,
// either loads (parse + compile) or fails with a QmlError positioned inside
// the file it names, in bounded time. Shared by the fuzz test files, which
// each take a share of the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { QmlError } from '../../../src/qml/error';
import { createRuntime, type Runtime } from '../../../src/runtime';

const REPO = join(import.meta.dirname, '../../..');
export const BASE = 'file:///repo/';

function qmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? qmlFiles(join(dir, d.name)) : d.name.endsWith('.qml') ? [join(dir, d.name)] : [],
  );
}

/** Every .qml file of the repository, by URL (scenes and the Qt fixtures with their _parts folders). */
export const CORPUS: ReadonlyMap<string, string> = new Map(
  [...qmlFiles(join(REPO, 'scenes')), ...qmlFiles(join(REPO, 'test/fixtures/qt'))]
    .sort()
    .map((f) => [BASE + relative(REPO, f), readFileSync(f, 'utf8')]),
);

/** The lines of a text as the engine counts them (LineTable: \n, \r\n, \r, U+2028, U+2029). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/);
}

export type Outcome = { kind: 'loaded' } | { kind: 'error'; error: QmlError };

/**
 * One engine over the corpus held in memory; `load(url, text)` loads `url`
 * with `text` in place of its file (siblings it uses come from the corpus).
 */
export class FuzzLoader {
  private readonly files = new Map(CORPUS);
  private runtime: Runtime = this.newRuntime();
  private loads = 0;

  private newRuntime(): Runtime {
    return createRuntime({
      files: {
        read: (url) => {
          const text = this.files.get(url);
          if (text === undefined) throw new Error(`no file ${url}`);
          return text;
        },
        exists: (url) => this.files.has(url),
      },
      sink: { warn: () => {}, log: () => {} },
      scheduleFrame: () => {},
    });
  }

  async load(url: string, text: string): Promise<Outcome> {
    // A fresh engine now and then, so cached siblings do not pile up.
    if (++this.loads % 500 === 0) this.runtime = this.newRuntime();
    const engine = this.runtime.engine;
    this.files.set(url, text);
    engine.invalidate([url]);
    try {
      await engine.load(url);
      return { kind: 'loaded' };
    } catch (e) {
      if (e instanceof QmlError) return { kind: 'error', error: e };
      throw e;
    } finally {
      this.files.set(url, CORPUS.get(url)!);
      engine.invalidate([url]);
    }
  }

  /** The text the engine saw for `url` during the last load (the mutated file, or a sibling). */
  textOf(url: string, mutatedUrl: string, mutated: string): string | undefined {
    return url === mutatedUrl ? mutated : CORPUS.get(url);
  }
}

/** Why an outcome breaks the property, or undefined when it holds. */
export function violation(outcome: Outcome, url: string, text: string): string | undefined {
  if (outcome.kind === 'loaded') return undefined;
  const e = outcome.error;
  const fileText = e.url === url ? text : CORPUS.get(e.url);
  if (fileText === undefined) return `error names a file that was not loaded: ${e.message}`;
  // Qt's one message without a position: a file of zero bytes.
  if (fileText === '' && e.description === 'File is empty') return undefined;
  const lines = linesOf(fileText);
  if (!(e.line >= 1 && e.line <= lines.length))
    return `line ${e.line} outside 1..${lines.length}: ${e.message}`;
  const lineLength = lines[e.line - 1]!.length;
  if (!(e.column >= 1 && e.column <= lineLength + 1)) {
    return `column ${e.column} outside 1..${lineLength + 1}: ${e.message}`;
  }
  return undefined;
}

// ---- mutations ----------------------------------------------------------------

/** Tokens of QML and JavaScript, and text that is hard on a lexer, inserted by the mutations. */
const VOCABULARY = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  ';',
  ',',
  '.',
  '=',
  '==',
  '===',
  '=>',
  '?',
  '?.',
  '??',
  '...',
  '<',
  '>',
  '/',
  '/*',
  '*/',
  '//',
  '"',
  "'",
  '`',
  '${',
  '\\',
  '\\u',
  '#',
  '@',
  '+',
  '++',
  '-',
  '--',
  'import',
  'pragma',
  'as',
  'property',
  'readonly',
  'default',
  'required',
  'signal',
  'function',
  'enum',
  'component',
  'on',
  'id',
  'alias',
  'list',
  'var',
  'let',
  'const',
  'return',
  'if',
  'else',
  'for',
  'while',
  'switch',
  'case',
  'try',
  'catch',
  'new',
  'delete',
  'typeof',
  'yield',
  'await',
  'class',
  'this',
  'parent',
  'Item',
  'Rectangle',
  'Text',
  'Component',
  'QtObject',
  'QtQuick',
  'anchors',
  'Component.onCompleted',
  'onClicked',
  '0',
  '0x',
  '1e',
  '08',
  '1.5.3',
  '1n',
  '"x"',
  '/re/g',
  '\u2028',
  '\u2029',
  '\r',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\uFEFF',
  '\u200B',
  '\u202E',
  '\u0301',
  '\uD800',
  '\uDC00',
  '\uFFFD',
  'é',
  '👍',
  'ש',
  '𝔸',
];

type Mutation =
  | { op: 'deleteBytes'; at: number; len: number }
  | { op: 'duplicateBytes'; at: number; len: number }
  | { op: 'truncate'; at: number }
  | { op: 'deleteToken'; at: number }
  | { op: 'duplicateToken'; at: number }
  | { op: 'swapTokens'; at: number; other: number }
  | { op: 'insertToken'; at: number; token: string }
  | { op: 'copyToken'; at: number; from: number }
  | { op: 'insertBytes'; at: number; bytes: number[] };

const position = fc.nat({ max: 1_000_000 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteBytes' as const), at: position, len: fc.integer({ min: 1, max: 24 }) }),
  fc.record({
    op: fc.constant('duplicateBytes' as const),
    at: position,
    len: fc.integer({ min: 1, max: 24 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('deleteToken' as const), at: position }),
  fc.record({ op: fc.constant('duplicateToken' as const), at: position }),
  fc.record({ op: fc.constant('swapTokens' as const), at: position, other: position }),
  fc.record({ op: fc.constant('insertToken' as const), at: position, token: fc.constantFrom(...VOCABULARY) }),
  fc.record({ op: fc.constant('copyToken' as const), at: position, from: position }),
  // Arbitrary bytes, most of them not UTF-8 (lone continuation bytes, cut
  // sequences, overlong forms, surrogates encoded in UTF-8, 0xFE/0xFF).
  fc.record({
    op: fc.constant('insertBytes' as const),
    at: position,
    bytes: fc.array(
      fc.oneof(
        fc.integer({ min: 0x80, max: 0xff }),
        fc.constantFrom(0xc0, 0xc1, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xfe, 0xff),
        fc.integer({ min: 0, max: 0x7f }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 });

const TOKEN =
  /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|[\s\S]/g;

function tokens(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(TOKEN)) {
    if (/^\s/.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The loader's decoding (fetch().text() in the page, readFileSync(…, 'utf8') in Node): bad bytes become U+FFFD. */
export function decodeAsLoader(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function applyOne(text: string, m: Mutation): string {
  const n = text.length;
  const at = n === 0 ? 0 : m.at % (n + 1);
  switch (m.op) {
    case 'deleteBytes':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'duplicateBytes':
      return text.slice(0, at + m.len) + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'insertBytes': {
      const bytes = new TextEncoder().encode(text);
      const b = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes.subarray(0, b));
      out.set(m.bytes, b);
      out.set(bytes.subarray(b), b + m.bytes.length);
      return decodeAsLoader(out);
    }
    case 'insertToken':
      return text.slice(0, at) + m.token + text.slice(at);
  }
  const toks = tokens(text);
  if (toks.length === 0) return text;
  const t = toks[m.at % toks.length]!;
  switch (m.op) {
    case 'deleteToken':
      return text.slice(0, t.start) + text.slice(t.end);
    case 'duplicateToken':
      return text.slice(0, t.end) + text.slice(t.start, t.end) + text.slice(t.end);
    case 'copyToken': {
      const from = toks[m.from % toks.length]!;
      return text.slice(0, t.start) + text.slice(from.start, from.end) + text.slice(t.start);
    }
    case 'swapTokens': {
      let a = t;
      let b = toks[m.other % toks.length]!;
      if (a.start === b.start) return text;
      if (b.start < a.start) [a, b] = [b, a];
      return (
        text.slice(0, a.start) +
        text.slice(b.start, b.end) +
        text.slice(a.end, b.start) +
        text.slice(a.start, a.end) +
        text.slice(b.end)
      );
    }
  }
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyOne, text);
}

/** A single load taking more CPU time than this counts as a hang. */
export const HANG_MS = 1000;

export interface FuzzStats {
  cases: number;
  loaded: number;
  errors: number;
  slowestMs: number;
  slowest: string;
}

/**
 * Runs the property over the corpus files whose index is `share` modulo
 * `shares`, for `numRuns` cases. fast-check prints the seed and the shrunk
 * counterexample when it fails.
 */
export async function fuzzShare(share: number, shares: number, numRuns: number): Promise<FuzzStats> {
  const urls = [...CORPUS.keys()].filter((_, i) => i % shares === share);
  const loader = new FuzzLoader();
  const stats: FuzzStats = { cases: 0, loaded: 0, errors: 0, slowestMs: 0, slowest: '' };
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: urls.length - 1 }), mutationsArb, async (index, mutations) => {
      const url = urls[index]!;
      const text = mutate(CORPUS.get(url)!, mutations);
      // CPU time, not wall time: other processes on the machine must not
      // make a load look like a hang.
      const t0 = process.cpuUsage();
      const outcome = await loader.load(url, text);
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1000;
      stats.cases++;
      if (outcome.kind === 'loaded') stats.loaded++;
      else stats.errors++;
      if (ms > stats.slowestMs) {
        stats.slowestMs = ms;
        stats.slowest = `${url.slice(BASE.length)} ${JSON.stringify(mutations)}`;
      }
      const why = violation(outcome, url, text);
      if (why !== undefined) throw new Error(why);
      if (ms > HANG_MS) throw new Error(`loading took ${ms.toFixed(0)} ms of CPU time`);
    }),
    { numRuns },
  );
  return stats;
}
