import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readExpected, runScene } from '../../helpers/qt-fixtures';

const DIR = new URL('../../fixtures/qt/views/models/', import.meta.url).pathname;
const scenes = readdirSync(DIR)
  .filter((f) => f.endsWith('.qml'))
  .map((f) => f.replace(/\.qml$/, ''))
  .sort();

describe('ListModel, Repeater and ListView delegates print what Qt 6.4 prints (test/fixtures/qt/views/models)', () => {
  test.each(scenes)('%s', async (name) => {
    const expected = readExpected(`${DIR}${name}.expected.txt`);
    const got = await runScene(`${DIR}${name}.qml`);
    expect(got.stderr).toEqual(expected.stderr);
    expect(got.exit).toBe(expected.exit);
    expect(got.stdout).toEqual(expected.stdout);
  });
});
