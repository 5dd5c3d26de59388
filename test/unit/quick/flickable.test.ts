import { describe, expect, test } from 'vitest';
import { Item, type PointerEventLike } from '../../../src/quick/items/Item';
import { pointerEvent } from './input-events';
import { type SceneRun, sceneFromSource } from './views-harness';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;

const scene = sceneFromSource as (source: string) => Promise<SceneRun & { root: Q; id(name: string): Q }>;

const pointer = pointerEvent;

function wheel(x: number, y: number, angleDeltaY: number, timestamp: number): PointerEventLike {
  return { ...pointer('wheel', x, y, timestamp), button: 0, buttons: 0, angleDeltaY };
}

const FLICKABLE = `import QtQuick
Item {
  width: 200; height: 200
  Flickable {
    id: f
    anchors.fill: parent
    contentHeight: 1000
    onContentYChanged: print("y", contentY)
    onMovementStarted: print("movementStarted")
    onMovementEnded: print("movementEnded", contentY)
    onFlickStarted: print("flickStarted")
    onDragStarted: print("dragStarted")
    onDragEnded: print("dragEnded")
  }
}`;

describe('Flickable defaults (Qt 6.4, FACTS.md and qquickflickable.cpp)', () => {
  test('properties', async () => {
    const s = await scene(`import QtQuick
Flickable { id: f; width: 100; height: 80 }`);
    const f = s.root;
    expect([f.contentWidth, f.contentHeight, f.contentX, f.contentY]).toEqual([-1, -1, 0, 0]);
    expect([f.contentItem.width, f.contentItem.height]).toEqual([100, 80]);
    expect([f.boundsBehavior, f.boundsMovement, f.flickableDirection]).toEqual([3, 1, 0]);
    expect([f.flickDeceleration, f.maximumFlickVelocity, f.pressDelay]).toEqual([1500, 2500, 0]);
    expect([f.interactive, f.moving, f.flicking, f.dragging]).toEqual([true, false, false, false]);
    expect([f.atXBeginning, f.atYBeginning, f.originX, f.originY]).toEqual([true, true, 0, 0]);
  });

  test('children go to the contentItem; the content item moves by -contentX/-contentY', async () => {
    const s = await scene(`import QtQuick
Flickable {
  width: 100; height: 100; contentWidth: 300; contentHeight: 400
  Item { id: a; width: 10; height: 10 }
  Component.onCompleted: { contentX = 20; contentY = 30 }
}`);
    const f = s.root;
    expect(s.id('a').parent).toBe(f.contentItem);
    expect([f.contentItem.x, f.contentItem.y, f.contentItem.width, f.contentItem.height]).toEqual([
      -20, -30, 300, 400,
    ]);
    expect([f.atYBeginning, f.atYEnd, f.visibleArea.yPosition, f.visibleArea.heightRatio]).toEqual([
      false,
      false,
      0.075,
      0.25,
    ]);
  });

  test('margins: the content starts at -topMargin and originY stays 0', async () => {
    const s = await scene(`import QtQuick
Flickable { width: 100; height: 100; contentHeight: 300; topMargin: 12; bottomMargin: 8 }`);
    expect([s.root.contentY, s.root.originY]).toEqual([-12, 0]);
  });
});

describe('dragging (qquickflickable.cpp drag(): QStyleHints::startDragDistance 10 px)', () => {
  test('a drag moves the content once past the threshold, less what it moved until the drag was detected', async () => {
    // Replays a drag measured in Qt 6.4 (xdotool: press at y 150, moves 30 ms apart): Qt printed
    // dragStarted, movementStarted, y 2, 6, 16, 26, 36 (the event that crosses 10 px starts the
    // drag, the next one takes the offset), and no flick for a release after a pause.
    const s = await scene(FLICKABLE);
    const w = s.runtime.window;
    let t = 5000;
    w.deliverPointer(pointer('press', 100, 150, t));
    for (const y of [148, 146, 144, 142, 140, 138, 136, 134, 130, 120, 110, 100]) {
      t += 30;
      w.deliverPointer(pointer('move', 100, y, t));
    }
    t += 500;
    w.deliverPointer(pointer('release', 100, 100, t));
    expect(s.output).toEqual([
      'qml: dragStarted',
      'qml: movementStarted',
      'qml: y 2',
      'qml: y 6',
      'qml: y 16',
      'qml: y 26',
      'qml: y 36',
      'qml: dragEnded',
      'qml: movementEnded 36',
    ]);
  });

  test('a quick release flicks with the average of the last three pointer velocities', async () => {
    const s = await scene(FLICKABLE);
    const w = s.runtime.window;
    const f = s.id('f');
    // Moves of 20 px every 16 ms: Qt 6 smooths each point's velocity (0.7 of the new, 0.3 of the old).
    let t = 5000;
    w.deliverPointer(pointer('press', 100, 180, t));
    let v = 0;
    const samples: number[] = [];
    for (let k = 1; k <= 6; k++) {
      t += 16;
      w.deliverPointer(pointer('move', 100, 180 - 20 * k, t));
      v = (-20 / 16) * 1000 * 0.7 + v * 0.3;
      samples.push(v);
    }
    t += 10;
    w.deliverPointer(pointer('release', 100, 60, t));
    const velocity = (samples[3]! + samples[4]! + samples[5]!) / 3;
    expect(f.flicking).toBe(true);
    expect(f.verticalVelocity).toBeCloseTo(-velocity, 6);
    // The flick stops where v²/2a ends, rounded to a whole pixel (flick() adjusts the deceleration).
    const start = f.contentY;
    const stop = Math.round(start + (velocity * velocity) / (2 * 1500));
    s.time.run(2000);
    expect(f.contentY).toBe(stop);
    expect(f.flicking).toBe(false);
    expect(s.output.filter((l) => !l.startsWith('qml: y'))).toEqual([
      'qml: dragStarted',
      'qml: movementStarted',
      'qml: dragEnded',
      'qml: flickStarted',
      `qml: movementEnded ${stop}`,
    ]);
  });

  test('dragged past the start the content follows at half speed, then returns in 400 ms', async () => {
    const s = await scene(FLICKABLE);
    const w = s.runtime.window;
    const f = s.id('f');
    let t = 5000;
    w.deliverPointer(pointer('press', 100, 20, t));
    for (const y of [40, 60, 100]) {
      t += 100;
      w.deliverPointer(pointer('move', 100, y, t));
    }
    // The drag began at +20 (the first move past 10 px), then +40 more: content moves half, 40 / 2.
    expect(f.contentY).toBe(-40 / 2 - 0);
    t += 300;
    w.deliverPointer(pointer('release', 100, 100, t));
    // fixup: 100 ms InQuad to halfway, then 300 ms OutExpo (Qt keeps Penner's 1.001 factor).
    s.time.frame(100);
    expect(f.contentY).toBeCloseTo(-10, 6);
    s.time.frame(150);
    expect(f.contentY).toBeCloseTo(-10 + 10 * 1.001 * (1 - 2 ** (-10 * 0.5)), 6);
    s.time.frame(200);
    expect(f.contentY).toBe(0);
    expect(f.moving).toBe(false);
  });

  test('StopAtBounds: the content does not go past the start', async () => {
    const s = await scene(
      FLICKABLE.replace('contentHeight: 1000', 'contentHeight: 1000; boundsBehavior: Flickable.StopAtBounds'),
    );
    const w = s.runtime.window;
    let t = 5000;
    w.deliverPointer(pointer('press', 100, 20, t));
    for (const y of [40, 60, 100]) {
      t += 100;
      w.deliverPointer(pointer('move', 100, y, t));
    }
    expect(s.id('f').contentY).toBe(0);
  });

  test('not interactive: no drag', async () => {
    const s = await scene(
      FLICKABLE.replace('contentHeight: 1000', 'contentHeight: 1000; interactive: false'),
    );
    const w = s.runtime.window;
    w.deliverPointer(pointer('press', 100, 150, 5000));
    w.deliverPointer(pointer('move', 100, 100, 5030));
    w.deliverPointer(pointer('move', 100, 50, 5060));
    expect(s.id('f').contentY).toBe(0);
  });

  test('a child that takes the press keeps the moves until the drag is detected, then loses them', async () => {
    const s = await scene(FLICKABLE);
    const f = s.id('f');
    const events: string[] = [];
    class Pressable extends Item {
      override pointerEvent(e: PointerEventLike): void {
        events.push(`${e.type} ${e.y}`);
      }
      override pointerUngrab(): void {
        events.push('ungrab');
      }
    }
    const child = new Pressable();
    child.$engine = f.$engine;
    child.acceptedMouseButtons = 1;
    child.setWidth(200);
    child.setHeight(1000);
    child.setParentItem(f.contentItem);
    const w = s.runtime.window;
    let t = 5000;
    w.deliverPointer(pointer('press', 100, 150, t));
    for (const y of [145, 139, 130, 120]) {
      t += 16;
      w.deliverPointer(pointer('move', 100, y, t));
    }
    // Qt: the move that crosses the threshold (dy -11) still reaches the child; the next is stolen.
    expect(events).toEqual(['press 150', 'move 145', 'move 139', 'ungrab']);
    expect(f.dragging).toBe(true);
    expect(f.contentY).toBe(10);
  });
});

describe('wheel (Qt 6.4: an angleDelta of 120 flicks wheelScrollLines 3 x 24 = 72 px)', () => {
  test('one notch: 72 px at flickDeceleration 1500 (initial velocity sqrt(2 * 1500 * 72))', async () => {
    const s = await scene(FLICKABLE);
    const w = s.runtime.window;
    const f = s.id('f');
    w.deliverPointer(wheel(100, 100, -120, 5000));
    expect(f.flicking).toBe(true);
    s.time.frame(16);
    const v0 = Math.sqrt(2 * 1500 * 72);
    expect(f.contentY).toBeCloseTo(v0 * 0.016 - 0.5 * 1500 * 0.016 ** 2, 4);
    s.time.run(500);
    expect(f.contentY).toBe(72);
  });

  test('notches in quick succession average their velocities (capped at maximumFlickVelocity)', async () => {
    const s = await scene(FLICKABLE);
    const w = s.runtime.window;
    const f = s.id('f');
    w.deliverPointer(wheel(100, 100, -120, 5000));
    s.time.frame(16);
    s.time.frame(14);
    const y = f.contentY;
    w.deliverPointer(wheel(100, 100, -120, 5030));
    // 120 / 0.030 s = 4000 px/s, capped to 2500, averaged with the first notch's 464.76 px/s
    const v = (Math.sqrt(2 * 1500 * 72) + 2500) / 2;
    const stop = Math.round(y + (v * v) / 3000);
    s.time.run(2000);
    expect(f.contentY).toBe(stop);
  });

  test('at the end the wheel event is not taken (it goes to a Flickable behind)', async () => {
    const s = await scene(FLICKABLE.replace('contentHeight: 1000', 'contentHeight: 1000; contentY: 800'));
    const e = wheel(100, 100, -120, 5000);
    expect(s.runtime.window.deliverPointer(e)).toBe(false);
    expect(s.id('f').contentY).toBe(800);
  });
});

describe('flick(), cancelFlick(), returnToBounds(), resizeContent()', () => {
  test('cancelFlick stops at once; returnToBounds animates back into bounds', async () => {
    const s = await scene(FLICKABLE);
    const f = s.id('f');
    f.flick(0, -2000);
    s.time.run(100);
    const y = f.contentY;
    f.cancelFlick();
    s.time.run(200);
    expect(f.contentY).toBe(y);
    expect([f.moving, f.flicking]).toEqual([false, false]);
    f.contentY = -50;
    f.returnToBounds();
    s.time.run(450);
    expect(f.contentY).toBe(0);
  });

  test('resizeContent about a point keeps that point in place', async () => {
    const s = await scene(`import QtQuick
Flickable { width: 100; height: 100; contentWidth: 200; contentHeight: 200; contentX: 50; contentY: 50 }`);
    const f = s.root;
    f.resizeContent(400, 400, { x: 100, y: 100 });
    expect([f.contentWidth, f.contentHeight, f.contentX, f.contentY]).toEqual([400, 400, 150, 150]);
  });
});
