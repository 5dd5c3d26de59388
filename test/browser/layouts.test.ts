// QtQuick.Layouts in Chromium: the page loads the module's code when a scene
// first names one of its types, and the recorded Layout scenes
// (test/fixtures/qt/lang/layout*) print there what Qt 6.4.2 printed, but for
// the known differences of qt-lang-known.json.
import { describe, expect, test } from 'vitest';
import { BASE, runUntilQuit } from '../helpers/qml';
import known from '../unit/engine/qt-lang-known.json';

const files = import.meta.glob<string>('../fixtures/qt/lang/layout*.{qml,txt}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const names = Object.keys(files)
  .filter((f) => f.endsWith('.qml'))
  .map((f) => f.replace(/^.*\/(.*)\.qml$/, '$1'))
  .filter((name) => !(name in known))
  .sort();

/** The lines Qt printed on stderr (console output and warnings). */
function qtOutput(name: string): string[] {
  const text = files[`../fixtures/qt/lang/${name}.expected.txt`]!;
  const stderr = text.slice(text.indexOf('--- stderr\n') + 11, text.indexOf('--- stdout\n'));
  return stderr.split('\n').filter((l) => l !== '');
}

/** Runs a scene until it calls Qt.quit(); what it printed, file names as Qt's output shows them. */
async function runScene(name: string): Promise<string[]> {
  const { output, late } = await runUntilQuit(name, files[`../fixtures/qt/lang/${name}.qml`]!, 10_000);
  return [...output.map((l) => l.replaceAll(BASE, '')), ...(late ? ['(timed out)'] : [])];
}

describe('QtQuick.Layouts in Chromium', { timeout: 20_000 }, () => {
  test('the recorded scenes are there', () => {
    expect(names.length).toBeGreaterThan(60);
  });

  test.each(names)('%s prints what Qt printed', async (name) => {
    expect(await runScene(name)).toEqual(qtOutput(name));
  });
});
