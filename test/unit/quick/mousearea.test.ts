import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Item, PointerEventLike } from '../../../src/quick/items/Item';
import { PointerDriver } from '../../helpers/pointer';
import { lines, runQml } from '../../helpers/qml';
import { compareGeometry, fixture, fixtureLines, qtGeometry } from '../../helpers/shape-fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Makes `item` behave like a Flickable that takes the drag once the pointer moved `threshold` px. */
function stealAfter(item: Item, threshold: number): void {
  let startY = Number.NaN;
  item.filtersChildMouseEvents = true;
  item.childPointerEventFilter = (target: Item, e: PointerEventLike) => {
    if (e.type === 'press') startY = e.sceneY;
    if (e.type !== 'move' || target.keepMouseGrab) return false;
    return Math.abs(e.sceneY - startY) >= threshold;
  };
}

describe('MouseArea (QQuickMouseArea)', () => {
  test('defaults as Qt 6.4 reports them', async () => {
    const r = await runQml(`import QtQuick
MouseArea {}`);
    const m = r.root;
    expect([m.enabled, m.pressed, m.containsMouse, m.containsPress, m.hoverEnabled]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([m.acceptedButtons, m.pressedButtons, m.mouseX, m.mouseY, m.cursorShape]).toEqual([1, 0, 0, 0, 0]);
    expect([
      m.preventStealing,
      m.propagateComposedEvents,
      m.pressAndHoldInterval,
      m.scrollGestureEnabled,
    ]).toEqual([false, false, 800, true]);
  });

  test('mousearea_geometry.qml: sizes and positions as in Qt (anchors.fill, Row, Column)', async () => {
    const r = await runQml({ 'mousearea_geometry.qml': fixture('shapes/mousearea_geometry.qml') });
    expect(compareGeometry(r.root, qtGeometry('shapes/mousearea_geometry.geometry.json'))).toEqual([]);
    // MouseArea.enabled reads its own value (the dump's `enabled` is false for "b")
    expect(r.root.childItems[2].childItems[2].enabled).toBe(false);
  });

  test('a Flickable-like parent taking the drag cancels the press, as in mousearea_steal (Qt 6.4)', async () => {
    const r = await runQml(
      {
        'main.qml': `import QtQuick
Item {
  width: 300; height: 200
  Timer { interval: 300; running: true; onTriggered: console.log("READY") }
  Item { id: f1; width: 100; height: 200; LoggedArea { objectName: "stolen"; width: 100; height: 400 } }
  Item { id: f2; x: 100; width: 100; height: 200; LoggedArea { objectName: "kept"; width: 100; height: 400; preventStealing: true } }
}`,
        'LoggedArea.qml': fixture('shapes/LoggedArea.qml'),
      },
      'main.qml',
    );
    // Qt's Flickable took the drag between 20 and 40 px.
    stealAfter(r.id('f1'), 30);
    stealAfter(r.id('f2'), 30);
    const d = new PointerDriver(r);
    d.wait(500);
    const actions = fixture('shapes/mousearea_steal.actions');
    d.play(actions.slice(0, actions.indexOf('move 250 150')));
    d.wait(300);
    const qt = fixtureLines('shapes/mousearea_steal.log').filter((l) => /^qml: (READY|stolen|kept)/.test(l));
    expect(lines(r)).toEqual(qt);
  });

  test('press, release outside: released without clicked; the press state follows', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 200
  MouseArea { id: m; width: 100; height: 100
    onPressed: print("pressed", pressed, containsMouse)
    onReleased: print("released", pressed, containsMouse)
    onClicked: print("clicked")
  }
}`);
    const d = new PointerDriver(r);
    d.move(10, 10);
    d.press();
    expect([r.id('m').pressed, r.id('m').containsPress, r.id('m').pressedButtons]).toEqual([true, true, 1]);
    d.move(150, 150);
    expect([r.id('m').containsMouse, r.id('m').containsPress, r.id('m').mouseX]).toEqual([false, false, 150]);
    d.release();
    expect(lines(r)).toEqual(['qml: pressed true true', 'qml: released false false']);
  });

  test('invisible, disabled (Item.enabled on an ancestor) and clipped-away areas get nothing', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 300; height: 100
  MouseArea { width: 300; height: 100; onPressed: print("bottom") }
  MouseArea { width: 50; height: 100; visible: false; onPressed: print("invisible") }
  Item { x: 50; width: 50; height: 100; enabled: false; MouseArea { anchors.fill: parent; onPressed: print("disabled") } }
  Item { x: 100; width: 50; height: 50; clip: true; MouseArea { width: 50; height: 100; onPressed: print("clipped") } }
}`);
    const d = new PointerDriver(r);
    for (const [x, y] of [
      [25, 50],
      [75, 50],
      [125, 75],
      [125, 25],
    ] as const) {
      d.move(x, y);
      d.press();
      d.release();
      d.wait(500);
    }
    expect(lines(r)).toEqual(['qml: bottom', 'qml: bottom', 'qml: bottom', 'qml: clipped']);
  });

  test('a child with negative z is below its parent; a child with z 0 is above it (Qt 6.4: "parent", "child")', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 100
  MouseArea {
    width: 100; height: 100
    onPressed: print("parent")
    MouseArea { z: -1; width: 100; height: 100; onPressed: print("negative z child") }
    MouseArea { x: 50; width: 50; height: 100; onPressed: print("child") }
  }
}`);
    const d = new PointerDriver(r);
    d.move(20, 50);
    d.press();
    d.release();
    d.wait(600);
    d.move(70, 50);
    d.press();
    d.release();
    expect(lines(r)).toEqual(['qml: parent', 'qml: child']);
  });

  test('cancelPointer cancels a press: canceled, then the press state drops', async () => {
    const r = await runQml(`import QtQuick
MouseArea {
  width: 100; height: 100
  onCanceled: print("canceled", pressed)
  onPressedChanged: print("pressed", pressed)
  onClicked: print("clicked")
}`);
    const d = new PointerDriver(r);
    d.move(10, 10);
    d.press();
    r.runtime.window.cancelPointer();
    d.release();
    expect(lines(r)).toEqual(['qml: pressed true', 'qml: canceled false', 'qml: pressed false']);
  });

  test('cursorShape: the window reports the cursor of the topmost area under the pointer', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 100
  MouseArea { width: 100; height: 100; cursorShape: Qt.PointingHandCursor }
  MouseArea { x: 50; width: 100; height: 100 }
}`);
    const shapes: number[] = [];
    r.runtime.window.observer = { itemDirty() {}, cursorChanged: (s) => shapes.push(s) };
    const d = new PointerDriver(r);
    d.move(20, 10);
    expect(r.runtime.window.cursorShape).toBe(13);
    d.move(120, 10);
    expect(r.runtime.window.cursorShape).toBe(0);
    d.move(60, 10); // the second area sets no cursor of its own: the first one's shows through
    expect(shapes).toEqual([13, 0, 13]);
  });

  test('an unconnected wheel passes to the area below; mouse.accepted = false in onWheel too', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 100; height: 100
  MouseArea { anchors.fill: parent; onWheel: (wheel) => print("bottom", wheel.angleDelta, wheel.x) }
  MouseArea { anchors.fill: parent; onWheel: (wheel) => { print("middle"); wheel.accepted = false } }
  MouseArea { anchors.fill: parent }
}`);
    const d = new PointerDriver(r);
    d.move(30, 40);
    d.wheel(-120);
    expect(lines(r)).toEqual(['qml: middle', 'qml: bottom QPoint(0, -120) 30']);
  });
});

describe('hover under a still pointer', () => {
  test('an area that moves under the pointer enters on the next frame (flushFrameSynchronousEvents)', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 100
  MouseArea { id: m; x: 100; width: 50; height: 50; hoverEnabled: true
    onEntered: print("entered", mouseX, mouseY)
    onExited: print("exited") }
}`);
    const d = new PointerDriver(r);
    d.move(20, 10);
    r.id('m').x = 0;
    r.runtime.window.flushFrameSynchronousEvents();
    r.id('m').x = 100;
    r.runtime.window.flushFrameSynchronousEvents();
    expect(lines(r)).toEqual(['qml: entered 20 10', 'qml: exited']);
  });
});

describe('transformed items', () => {
  test('hover, press and the cursor follow a transform list (the area is where it is drawn)', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 300; height: 100
  Item { x: 100; transform: Scale { xScale: 2 }
    MouseArea { id: m; width: 50; height: 50; hoverEnabled: true; cursorShape: Qt.PointingHandCursor
      onEntered: print("entered", mouseX, mouseY)
      onPressed: (mouse) => print("pressed", mouse.x, mouse.y)
      onExited: print("exited") } }
}`);
    const d = new PointerDriver(r);
    d.move(180, 10);
    expect(r.runtime.window.cursorShape).toBe(13);
    d.press();
    d.release();
    d.move(210, 10);
    expect(lines(r)).toEqual(['qml: entered 40 10', 'qml: pressed 40 10', 'qml: exited']);
    expect(r.runtime.window.cursorShape).toBe(0);
  });
});

describe('MouseArea in a Flickable', () => {
  test('preventStealing: the Flickable neither takes the drag nor moves (Qt 6.4: contentY stays 0)', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 300; height: 200
  Flickable { id: f; width: 100; height: 200; contentWidth: 100; contentHeight: 400
    MouseArea { width: 100; height: 400; preventStealing: true
      onPositionChanged: (mouse) => print("position", mouse.y)
      onCanceled: print("canceled") } }
}`);
    const d = new PointerDriver(r);
    d.move(50, 100);
    d.press();
    for (const y of [95, 80, 60, 40, 20]) {
      d.wait(16);
      d.move(50, y);
    }
    d.release();
    d.wait(500);
    expect(r.id('f').contentY).toBe(0);
    expect(lines(r)).toEqual([
      'qml: position 95',
      'qml: position 80',
      'qml: position 60',
      'qml: position 40',
      'qml: position 20',
    ]);
  });

  test('without preventStealing the Flickable takes the drag: canceled, and the content moves', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 300; height: 200
  Flickable { id: f; width: 100; height: 200; contentWidth: 100; contentHeight: 400
    MouseArea { width: 100; height: 400
      onCanceled: print("canceled", pressed)
      onClicked: print("clicked") } }
}`);
    const d = new PointerDriver(r);
    d.move(50, 100);
    d.press();
    for (const y of [95, 80, 60, 40, 20]) {
      d.wait(16);
      d.move(50, y);
    }
    d.release();
    expect(lines(r)).toEqual(['qml: canceled false']);
    expect(r.id('f').contentY).toBeGreaterThan(0);
  });
});

describe('pointer events in scaled and rotated items', () => {
  // Scene points from item_transform_mapping (Qt 6.4.2): the 60x30 rectangle
  // at (50, 40) rotated by 30 degrees has its (30, 15) at scene (80, 55) and
  // its (0, 0) at (61.519, 27.010).
  const SCENE = `import QtQuick
Rectangle {
    width: 300; height: 200
    property var clicks: []
    Rectangle {
        x: 50; y: 40; width: 60; height: 30
        rotation: 30
        MouseArea {
            anchors.fill: parent
            onClicked: (mouse) => clicks.push(mouse.x.toFixed(2) + "," + mouse.y.toFixed(2))
        }
    }
    Rectangle {
        x: 150; y: 20; width: 40; height: 40
        scale: 1.5; transformOrigin: Item.BottomRight
        MouseArea { anchors.fill: parent; onClicked: (mouse) => clicks.push("scaled " + mouse.x.toFixed(2) + "," + mouse.y.toFixed(2)) }
    }
}`;

  test('a click reaches a MouseArea in a rotated item at the point it covers, in the item coordinates', async () => {
    const r = await runQml(SCENE);
    const pointer = new PointerDriver(r);
    const click = (x: number, y: number) => {
      pointer.move(x, y);
      pointer.press();
      pointer.release();
      pointer.wait(500);
    };
    click(80, 55);
    // Inside the unrotated bounds, outside the rotated rectangle: nothing.
    click(52, 42);
    click(62, 28);
    // The scaled item grows up and left from its bottom-right corner: (130, 0) to (190, 60).
    click(131, 1);
    click(145, 15);
    expect(r.root.clicks).toEqual(['30.00,15.00', '0.91,0.62', 'scaled 0.67,0.67', 'scaled 10.00,10.00']);
  });
});
