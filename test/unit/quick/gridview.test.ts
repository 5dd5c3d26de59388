// GridView and the keyboard (QQuickGridView::keyPressEvent): the arrow keys
// move the current cell by a column or a row, the view scrolls to keep it in
// view, and a key that cannot move it is left to the items around.
import { describe, expect, test } from 'vitest';
import { Key, tap } from './input-events';
import { type SceneRun, sceneFromSource } from './views-harness';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;
const scene = sceneFromSource as (source: string) => Promise<SceneRun & { id(name: string): Q }>;

const GRID = `import QtQuick
Item {
    width: 300; height: 100
    Keys.onPressed: (e) => print("not taken", e.key)
    GridView {
        id: g
        anchors.fill: parent
        focus: true
        model: 20
        cellWidth: 100; cellHeight: 50
        highlightMoveDuration: 0
        delegate: Rectangle { width: 90; height: 40 }
    }
}`;

describe('GridView and the arrow keys', () => {
  test('right, down, left and up move by a cell or a row, and the view follows', async () => {
    const s = await scene(GRID);
    const w = s.runtime.window;
    const g = s.id('g');
    expect(g.activeFocus).toBe(true);
    tap(w, Key.Right);
    expect(g.currentIndex).toBe(1);
    tap(w, Key.Down);
    tap(w, Key.Down);
    tap(w, Key.Down);
    expect(g.currentIndex).toBe(10);
    s.time.run(500);
    // Row 3 (y 150 to 200) is in the 100 px high view.
    expect(g.contentY).toBe(100);
    tap(w, Key.Left);
    tap(w, Key.Up);
    expect(g.currentIndex).toBe(6);
    expect(s.output).toEqual([]);
  });

  test('a key that cannot move the current cell goes on to the parent', async () => {
    const s = await scene(GRID);
    const w = s.runtime.window;
    const g = s.id('g');
    tap(w, Key.Up);
    tap(w, Key.Left);
    expect(g.currentIndex).toBe(0);
    expect(s.output).toEqual([`qml: not taken ${Key.Up}`, `qml: not taken ${Key.Left}`]);
  });
});
