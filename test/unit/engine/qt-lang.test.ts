// Every recorded Qt scene (test/fixtures/qt/lang): run like `qml NAME.qml`
// and compared line by line with what real Qt 6.4.2 printed. Scenes where
// the engine is known to differ are listed, with the reason, in
// qt-lang-known.json; they are skipped, and the list is part of the record.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readExpected, runScene } from '../../helpers/qt-fixtures';

const DIR = join(import.meta.dirname, '../../fixtures/qt/lang');
const known: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'qt-lang-known.json'), 'utf8'),
);
const scenes = readdirSync(DIR)
  .filter((f) => f.endsWith('.qml'))
  .sort();

describe.concurrent('QML programs print what Qt 6.4.2 printed', () => {
  for (const scene of scenes) {
    const name = scene.replace(/\.qml$/, '');
    const reason = known[name];
    test.skipIf(reason !== undefined)(reason ? `${name} (known difference: ${reason})` : name, async () => {
      const expected = readExpected(join(DIR, `${name}.expected.txt`));
      const got = await runScene(join(DIR, scene), 3000);
      expect({ exit: got.exit, stderr: got.stderr, stdout: got.stdout }).toEqual(expected);
    });
  }

  test('the list of known differences names only recorded scenes', () => {
    for (const name of Object.keys(known)) expect(scenes).toContain(`${name}.qml`);
  });
});
