// QtQuick.Layouts in Chromium: the page loads the module's code when a scene
// first names one of its types, and the recorded Layout scenes
// (test/fixtures/qt/lang/layout*) print there what Qt 6.4.2 printed, but for
// the known differences of qt-lang-known.json.
import { describe, expect, test } from 'vitest';
import { recordedScenes } from '../helpers/recorded';

const scenes = recordedScenes(
  import.meta.glob<string>('../fixtures/qt/lang/layout*.{qml,txt}', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

describe('QtQuick.Layouts in Chromium', { timeout: 20_000 }, () => {
  test('the recorded scenes are there', () => {
    expect(scenes.names.length).toBeGreaterThan(60);
  });

  test.each(scenes.names)('%s prints what Qt printed', async (name) => {
    expect(await scenes.run(name)).toEqual(scenes.qtOutput(name));
  });
});
