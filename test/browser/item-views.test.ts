// GridView, PathView and ListView's sections in Chromium: their code comes
// with the types the page loads on first use, when a scene names GridView
// or PathView or speaks of `section`; the recorded scenes
// (test/fixtures/qt/lang/gridview*, pathview*, listview_section*) print
// there what Qt 6.4.2 printed.
import { describe, expect, test } from 'vitest';
import { recordedScenes } from '../helpers/recorded';

const scenes = recordedScenes(
  import.meta.glob<string>(
    [
      '../fixtures/qt/lang/gridview*.{qml,txt}',
      '../fixtures/qt/lang/pathview*.{qml,txt}',
      '../fixtures/qt/lang/listview_section*.{qml,txt}',
    ],
    { query: '?raw', import: 'default', eager: true },
  ),
);

describe('GridView, PathView and ListView sections in Chromium', { timeout: 20_000 }, () => {
  test('the recorded scenes are there', () => {
    expect(scenes.names.filter((n) => n.startsWith('gridview')).length).toBeGreaterThan(25);
    expect(scenes.names.filter((n) => n.startsWith('pathview')).length).toBeGreaterThan(5);
    expect(scenes.names.filter((n) => n.startsWith('listview_section')).length).toBeGreaterThan(1);
  });

  test.each(scenes.names)('%s prints what Qt printed', async (name) => {
    expect(await scenes.run(name)).toEqual(scenes.qtOutput(name));
  });
});
