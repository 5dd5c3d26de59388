// PathView under the pointer (qquickpathview.cpp handleMouse*Event): a drag
// along the path moves the offset by the share of the path it covers, a
// release after a pause settles on the nearest item, a quick one flicks
// and stops on an item boundary, and a press beside the items (dragMargin
// 0) does nothing.
import { describe, expect, test } from 'vitest';
import { pointerEvent } from './input-events';
import { type SceneRun, sceneFromSource } from './views-harness';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;

const scene = sceneFromSource as (source: string) => Promise<SceneRun & { id(name: string): Q }>;

const pointer = pointerEvent;

/** A press at (x0, y) and moves by `step` px every `dt` ms up to x1 from time `t`; the time of the last move. */
function pressAndMove(w: Q, x0: number, x1: number, y: number, step: number, dt: number, t: number): number {
  w.deliverPointer(pointer('press', x0, y, t));
  for (let x = x0 + step; x <= x1; x += step) {
    t += dt;
    w.deliverPointer(pointer('move', x, y, t));
  }
  return t;
}

// Ten 30 x 30 delegates along a 400 px line: 40 px per item.
const VIEW = `import QtQuick
Item {
    width: 400; height: 200
    PathView {
        id: v
        anchors.fill: parent
        model: 10
        delegate: Rectangle { width: 30; height: 30; objectName: "d" + index }
        path: Path { startX: 0; startY: 100; PathLine { x: 400; y: 100 } }
        onDragStarted: print("dragStarted")
        onDragEnded: print("dragEnded")
        onMovementStarted: print("movementStarted")
        onMovementEnded: print("movementEnded", offset.toFixed(3), currentIndex)
        onFlickStarted: print("flickStarted")
        onFlickEnded: print("flickEnded")
    }
}`;

describe('PathView and the pointer', () => {
  test('a drag on an item moves the offset by the share of the path it covers, then settles on an item', async () => {
    const s = await scene(VIEW);
    const w = s.runtime.window;
    const v = s.id('v');
    // Item 2 is centred at x 80.
    let t = pressAndMove(w, 80, 140, 100, 4, 30, 5000);
    expect(v.dragging).toBe(true);
    expect(v.moving).toBe(true);
    // Past the 10 px threshold, the drag follows the pointer: 40 px of path per item.
    const dragged = v.offset;
    expect(dragged).toBeGreaterThan(0.9);
    expect(dragged).toBeLessThan(1.5);
    t += 500;
    w.deliverPointer(pointer('release', 140, 100, t));
    s.time.run(1000);
    expect(v.offset).toBe(Math.round(dragged));
    // StrictlyEnforceRange: the item at the start of the path is the current one.
    expect(v.currentIndex).toBe((10 - v.offset) % 10);
    // (Qt announces the movement, then the drag)
    expect(s.output[0]).toBe('qml: movementStarted');
    expect(s.output[1]).toBe('qml: dragStarted');
    expect(s.output).toContain('qml: dragEnded');
    expect(s.output[s.output.length - 1]).toBe(`qml: movementEnded ${v.offset.toFixed(3)} ${v.currentIndex}`);
  });

  test('a quick release flicks, and the flick stops on an item', async () => {
    const s = await scene(VIEW);
    const w = s.runtime.window;
    const v = s.id('v');
    let t = pressAndMove(w, 120, 190, 100, 10, 16, 5000);
    t += 10;
    w.deliverPointer(pointer('release', 190, 100, t));
    expect(v.flicking).toBe(true);
    const atRelease = v.offset;
    s.time.run(3000);
    expect(v.flicking).toBe(false);
    expect(v.moving).toBe(false);
    // Further along than the pointer took it, on an item (to the float error Qt has too).
    expect(v.offset).toBeGreaterThan(atRelease + 0.5);
    expect(Math.abs(v.offset - Math.round(v.offset))).toBeLessThan(1e-9);
    expect(s.output).toContain('qml: flickStarted');
    expect(s.output).toContain('qml: flickEnded');
  });

  test('a press beside the items does not drag (dragMargin 0), and one within dragMargin does', async () => {
    const s = await scene(VIEW);
    const w = s.runtime.window;
    const v = s.id('v');
    const t = pressAndMove(w, 80, 140, 150, 4, 30, 5000);
    w.deliverPointer(pointer('release', 140, 150, t + 30));
    expect(v.offset).toBe(0);
    expect(s.output).toEqual([]);
    v.dragMargin = 60;
    pressAndMove(w, 80, 140, 150, 4, 30, t + 1000);
    expect(v.offset).toBeGreaterThan(0.9);
  });
});

describe('PathView and delegates that take the pointer', () => {
  const CLICKABLE = `import QtQuick
Item {
    width: 400; height: 200
    PathView {
        id: v
        anchors.fill: parent
        model: 10
        delegate: Rectangle {
            width: 30; height: 30
            MouseArea {
                anchors.fill: parent
                onClicked: { print("clicked", index); v.currentIndex = index }
                onCanceled: print("canceled", index)
            }
        }
        path: Path { startX: 0; startY: 100; PathLine { x: 400; y: 100 } }
    }
}`;

  test('a click reaches the delegate; a drag along the path is taken from it', async () => {
    const s = await scene(CLICKABLE);
    const w = s.runtime.window;
    const v = s.id('v');
    let t = 5000;
    // Item 3 is centred at x 120.
    w.deliverPointer(pointer('press', 120, 100, t));
    w.deliverPointer(pointer('release', 120, 100, t + 50));
    expect(s.output).toEqual(['qml: clicked 3']);
    expect(v.currentIndex).toBe(3);
    s.time.run(1000);
    s.output.length = 0;
    // A drag from item 5 (the view has moved item 3 to the start of the range).
    const start = v.itemAtIndex(5).x + 15;
    t = pressAndMove(w, start, start + 60, 100, 4, 30, t + 1000);
    w.deliverPointer(pointer('release', start + 60, 100, t + 500));
    expect(s.output).toContain('qml: canceled 5');
    expect(s.output.some((l) => l.startsWith('qml: clicked'))).toBe(false);
  });
});
