// Files nested 10,000 levels deep: QML objects, property groups, and
// JavaScript (parentheses, arrays, blocks, functions, operators). Qt 6.4
// refuses all of them with "Maximum statement or expression depth exceeded"
// (see test/fixtures/qt/lang/load_error_deep_*.qml); so must the engine,
// with the position where its limit was passed, and without overflowing
// the stack (a stack overflow inside acorn can abort the whole process).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { QmlError } from '../../../src/qml/error';
import { createRuntime } from '../../../src/runtime';
import { HANG_MS, linesOf, violation } from './corpus';

const DEPTH = 10_000;
const URL_ = 'file:///deep/main.qml';

async function load(text: string, create = false): Promise<QmlError | 'loaded'> {
  const runtime = createRuntime({
    files: { read: () => text, exists: (url) => url === URL_ },
    sink: { warn: () => {}, log: () => {} },
    scheduleFrame: () => {},
  });
  try {
    if (create) await runtime.run(URL_);
    else await runtime.engine.load(URL_);
    return 'loaded';
  } catch (e) {
    if (e instanceof QmlError) return e;
    throw e;
  } finally {
    runtime.shutdown();
  }
}

/** CPU time since `t0` in ms (other processes on the machine do not count). */
function cpuMs(t0: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000;
}

const inItem = (binding: string) => `import QtQuick\nItem {\n    ${binding}\n}\n`;

const SHAPES: Record<string, (n: number) => string> = {
  objects: (n) => `import QtQuick\n${'Item {\n'.repeat(n)}${'}\n'.repeat(n)}`,
  'objects, unclosed': (n) => `import QtQuick\n${'Item {\n'.repeat(n)}`,
  'object lists': (n) => `import QtQuick\nItem {\n${'data: [ Item {\n'.repeat(n)}${'} ]\n'.repeat(n)}}\n`,
  'property groups': (n) => inItem(`${'anchors { '.repeat(n)}${'}'.repeat(n)}`),
  parentheses: (n) => inItem(`x: ${'('.repeat(n)}1${')'.repeat(n)}`),
  'parentheses, unclosed': (n) => inItem(`x: ${'('.repeat(n)}1`),
  arrays: (n) => inItem(`property var a: ${'['.repeat(n)}1${']'.repeat(n)}`),
  'object literals': (n) => inItem(`property var a: ${'({a: '.repeat(n)}1${'})'.repeat(n)}`),
  blocks: (n) => inItem(`Component.onCompleted: ${'{'.repeat(n)}print(1)${'}'.repeat(n)}`),
  'blocks in a function': (n) => inItem(`function f() ${'{'.repeat(n)}return 1${'}'.repeat(n)}`),
  'nested functions': (n) => inItem(`property var f: ${'function() { return '.repeat(n)}1${' }'.repeat(n)}`),
  'nested arrows': (n) => inItem(`property var f: ${'x => '.repeat(n)}1`),
  'if statements': (n) => inItem(`Component.onCompleted: { ${'if (x) '.repeat(n)}print(1) }`),
  'unary operators': (n) => inItem(`x: ${'!'.repeat(n)}1`),
  'binary operators': (n) => inItem(`x: ${'1 + '.repeat(n)}1`),
  'conditional operators': (n) => inItem(`x: ${'y ? 1 : '.repeat(n)}2`),
  'member chain': (n) => inItem(`x: Math${'.abs'.repeat(n)}`),
  'call chain': (n) => inItem(`x: ${'Math.abs('.repeat(n)}1${')'.repeat(n)}`),
  'template literals': (n) => inItem(`property string s: ${'`${'.repeat(n)}1${'}`'.repeat(n)}`),
};

describe('nesting 10,000 levels deep', () => {
  test.each(Object.keys(SHAPES))('%s: Qt’s depth error, positioned in the file', async (shape) => {
    const text = SHAPES[shape]!(DEPTH);
    const t0 = process.cpuUsage();
    const result = await load(text);
    const ms = cpuMs(t0);
    expect(result).toBeInstanceOf(QmlError);
    const error = result as QmlError;
    expect(error.description).toBe('Maximum statement or expression depth exceeded');
    expect(violation({ kind: 'error', error }, URL_, text)).toBeUndefined();
    expect(ms).toBeLessThan(HANG_MS);
  });

  test.each(Object.keys(SHAPES).filter((s) => !s.includes('unclosed')))(
    '%s, 60 levels: loads and runs (the limit leaves room for real code)',
    async (shape) => {
      expect(await load(SHAPES[shape]!(60), true)).toBe('loaded');
    },
  );

  test('a binding nested 60 deep computes its value', async () => {
    const text = `import QtQuick\nItem {\n    width: ${'('.repeat(60)}${'1 + '.repeat(60)}1${')'.repeat(60)}\n}\n`;
    const runtime = createRuntime({
      files: { read: () => text, exists: () => true },
      sink: { warn: () => {}, log: () => {} },
      scheduleFrame: () => {},
    });
    const root = (await runtime.run(URL_)) as unknown as { width: number };
    expect(root.width).toBe(61);
  });

  // Random mixtures of the nesting forms, 10,000 deep, closed or cut off anywhere.
  const OPENERS: Array<[string, string]> = [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['function() { return ', ' }'],
    ['x => ', ''],
    ['!', ''],
    ['a ? b : ', ''],
    ['1 + ', ''],
    ['({a: ', '})'],
    ['f(', ')'],
  ];
  test('mixtures of JavaScript nesting: Qt’s depth error or a syntax error, positioned', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: OPENERS.length - 1 }), { minLength: 8, maxLength: 8 }),
        fc.nat(),
        fc.boolean(),
        async (pattern, cut, closed) => {
          const opened = Array.from({ length: DEPTH }, (_, i) => OPENERS[pattern[i % pattern.length]!]!);
          let body = `${opened.map((o) => o[0]).join('')}1`;
          if (closed)
            body += opened
              .map((o) => o[1])
              .reverse()
              .join('');
          else {
            // Cut off past the middle: thousands of levels stay open (a cut
            // near the start can leave a valid expression such as `f`).
            const half = opened
              .slice(0, DEPTH / 2)
              .map((o) => o[0])
              .join('').length;
            body = body.slice(0, half + (cut % (body.length - half)));
          }
          const text = inItem(`property var v: ${body}`);
          const t0 = process.cpuUsage();
          const result = await load(text);
          const ms = cpuMs(t0);
          expect(result).toBeInstanceOf(QmlError);
          expect(violation({ kind: 'error', error: result as QmlError }, URL_, text)).toBeUndefined();
          expect(linesOf(text).length).toBe(5);
          expect(ms).toBeLessThan(HANG_MS);
        },
      ),
      { numRuns: 40 },
    );
  });
});
