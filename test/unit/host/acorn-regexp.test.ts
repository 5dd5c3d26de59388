// The page's acorn (acorn-regexp.ts: the browser's RegExp instead of acorn's
// validator) must parse and refuse regular expression literals as acorn
// does, with the same messages at the same positions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import { expect, test } from 'vitest';
import { withoutRegExpValidator } from '../../../src/host/acorn-regexp';

const source = readFileSync(
  createRequire(import.meta.url)
    .resolve('acorn')
    .replace(/acorn\.js$/, 'acorn.mjs'),
  'utf8',
);
const file = join(mkdtempSync(join(tmpdir(), 'acorn-regexp-')), 'acorn.mjs');
writeFileSync(file, withoutRegExpValidator(source));
const pageAcorn = (await import(pathToFileURL(file).href)) as typeof acorn;

const OPTIONS: acorn.Options = { ecmaVersion: 'latest', sourceType: 'script', locations: true };

function outcome(parser: typeof acorn, code: string): unknown {
  try {
    return JSON.parse(
      JSON.stringify(parser.parse(code, OPTIONS), (_k, v) => (v instanceof RegExp ? String(v) : v)),
    );
  } catch (e) {
    return { error: (e as Error).message, pos: (e as { pos: number }).pos };
  }
}

test('the transform leaves out the validator and its Unicode tables', () => {
  const transformed = withoutRegExpValidator(source);
  expect(transformed.length).toBeLessThan(source.length - 40_000);
  expect(transformed).not.toContain('ecma9BinaryProperties');
});

test.each([
  'var a = /a+b/g',
  'var a = /(?<name>x)\\k<name>/u',
  'var a = /[\\p{L}--\\p{Lu}]/v',
  'var a = /\\p{Script=Greek}/u',
  'x = 1 / 2 / 3',
  'var a = /(/',
  'var a = /[b-a]/',
  'var a = /a/gg',
  'var a = /a/x',
  'var a = /a/uv',
  'var a = /\\p{Foo}/u',
  'var a = /(?<a>x)(?<a>y)/',
  'var a = /a{2,1}/',
  'var a = /\\u{110000}/u',
  'var a = /\\c/u',
  'var a = /a**/',
  'var a = /[/',
  'var a = /\\k<a>/u',
  'var a = /(?<𝒜>.)/',
  'var a = /a/d',
  'var a = /\\1(a)/',
])('%s', (code) => {
  // (V8 writes "Unicode" where acorn writes "unicode")
  const words = (o: unknown) => JSON.stringify(o).replaceAll('Invalid Unicode', 'Invalid unicode');
  expect(words(outcome(pageAcorn, code))).toEqual(words(outcome(acorn, code)));
});

// Where acorn and the JavaScript engine disagree (a syntax newer than the
// engine, such as modifiers `(?i:a)` before V8 12.5), the page follows the
// engine that will run the expression.
