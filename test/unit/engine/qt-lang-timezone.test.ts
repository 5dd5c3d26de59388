// Recorded Qt scenes whose output depends on the local time zone
// (test/fixtures/qt/lang-berlin): recorded with TZ=Europe/Berlin, and run
// here in that zone (set for this file's tests and restored after them;
// Node applies a changed TZ to dates made afterwards).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readExpected, runScene } from '../../helpers/qt-fixtures';

const DIR = join(import.meta.dirname, '../../fixtures/qt/lang-berlin');
const scenes = readdirSync(DIR)
  .filter((f) => f.endsWith('.qml'))
  .sort();

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('QML programs print what Qt 6.4.2 printed in Berlin time', () => {
  test('the zone is in effect', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-60);
    expect(new Date(2024, 6, 1).getTimezoneOffset()).toBe(-120);
  });

  for (const scene of scenes) {
    const name = scene.replace(/\.qml$/, '');
    test(name, async () => {
      const expected = readExpected(join(DIR, `${name}.expected.txt`));
      const got = await runScene(join(DIR, scene), 3000);
      expect({ exit: got.exit, stderr: got.stderr, stdout: got.stdout }).toEqual(expected);
    });
  }
});
