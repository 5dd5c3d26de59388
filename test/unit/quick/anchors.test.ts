import { describe, expect, test } from 'vitest';
import { lines, runQml } from '../../helpers/qml';

describe('anchors (qquickanchors.cpp arithmetic, measured with Qt 6.4)', () => {
  test.each([
    // [parent width, child width, alignWhenCentered, x measured in Qt 6.4 (FACTS.md)]
    [75, 22.5469, true, 26.72655],
    [75, 23.5, true, 25.75],
    [74, 22.5469, true, 25.72655],
    [74, 23.5, true, 24.75],
    [75, 21, true, 27],
    [74, 21, true, 26],
    [75, 20, true, 28],
    [74.5, 20, true, 27.25],
    [75, 22.5469, false, 26.72655],
    [74, 23.5, false, 25.25],
    [75, 21, false, 27.5],
  ])('centerIn: parent %d, child %d, alignWhenCentered %s -> x %d', async (pw, cw, align, x) => {
    const r = await runQml(`import QtQuick
Item {
  width: ${pw}; height: 10
  Item { id: c; width: ${cw}; height: 4; anchors.centerIn: parent; anchors.alignWhenCentered: ${align} }
}`);
    expect(r.id('c').x).toBeCloseTo(x, 5);
  });

  test('the chat input: left/right margins and vertical centering (Qt: TextInput at 4,337 352x14)', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 360; height: 360
  Item {
    id: box
    anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom
    height: 32
    Item {
      id: input
      height: 14
      anchors.left: parent.left
      anchors.right: parent.right
      anchors.verticalCenter: parent.verticalCenter
      anchors.leftMargin: 4
      anchors.rightMargin: 4
    }
  }
  Item { id: view; anchors.left: parent.left; anchors.right: parent.right; anchors.top: parent.top; anchors.bottom: box.top }
}`);
    const box = r.id('box');
    const input = r.id('input');
    const view = r.id('view');
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 328, 360, 32]);
    expect([input.x, input.y, input.width, input.height]).toEqual([4, 9, 352, 14]);
    expect([view.x, view.y, view.width, view.height]).toEqual([0, 0, 360, 328]);
    r.root.width = 200;
    expect(input.width).toBe(192);
    r.root.height = 100;
    expect(box.y).toBe(68);
    expect(view.height).toBe(68);
  });

  test('fill with margins; a side margin set explicitly wins over margins', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 100
  Item { id: d; anchors.fill: parent; anchors.margins: 5; anchors.leftMargin: 1 }
}`);
    const d = r.id('d');
    expect([d.x, d.y, d.width, d.height]).toEqual([1, 5, 194, 90]);
  });

  test('anchors win over x; centering follows the parent', async () => {
    // Qt 6.4: after `c.x = 50` on a left-anchored item, x reads 3
    const r = await runQml(`import QtQuick
Item {
  width: 200; height: 100
  Item { id: c; x: 7; anchors.left: parent.left; anchors.leftMargin: 3; width: 10; height: 10 }
  Item { id: e; anchors.horizontalCenter: parent.horizontalCenter; width: 21; height: 3 }
  Component.onCompleted: { c.x = 50; width = 301 }
}`);
    expect(r.id('c').x).toBe(3);
    expect(r.id('e').x).toBe(140);
  });

  test("anchoring to an item that isn't a parent or sibling warns like Qt and is ignored", async () => {
    const r = await runQml(
      `import QtQuick
Item {
  width: 200; height: 100
  Item { id: a; x: 10; width: 50; height: 20
    Item { id: inner; width: 5; height: 5 } }
  Rectangle { id: b
    width: 30; height: 10
    anchors.left: inner.right
  }
}`.replace('Rectangle', 'Item'),
    );
    expect(lines(r)).toEqual([
      "main.qml:6:3: QML Item: Cannot anchor to an item that isn't a parent or sibling.",
    ]);
    expect(r.id('b').x).toBe(0);
  });
});

describe('focus', () => {
  test('the chat: a focused item inside a focused FocusScope gets active focus at start', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 360; height: 360
  Item { id: other }
  FocusScope {
    id: scope
    focus: true
    Item { id: plain }
    Item { id: input; focus: true }
  }
}`);
    const w = r.runtime.window;
    expect(w.activeFocusItem).toBe(r.id('input'));
    expect(r.id('input').activeFocus).toBe(true);
    expect(r.id('scope').activeFocus).toBe(true);
    expect(r.id('scope').focus).toBe(true);
    expect(r.root.activeFocus).toBe(false);
    expect(r.id('plain').focus).toBe(false);
  });

  test('forceActiveFocus moves active focus and clears the old chain', async () => {
    const r = await runQml(`import QtQuick
Item {
  FocusScope { id: s1; focus: true; Item { id: a; focus: true } }
  FocusScope { id: s2; Item { id: b; focus: true } }
}`);
    expect(r.id('a').activeFocus).toBe(true);
    r.id('b').forceActiveFocus();
    expect(r.id('b').activeFocus).toBe(true);
    expect(r.id('s2').activeFocus).toBe(true);
    expect(r.id('a').activeFocus).toBe(false);
    expect(r.id('s1').activeFocus).toBe(false);
    expect(r.id('s1').focus).toBe(false);
    expect(r.id('a').focus).toBe(true);
  });

  test('forceActiveFocus while the scene is being created moves focus off an item declared focused (fixture focus_force_active)', async () => {
    const r = await runQml(`import QtQuick
Item {
  TextInput { id: declared; focus: true }
  FocusScope { id: scope; TextInput { id: forced } }
  Component.onCompleted: forced.forceActiveFocus()
}`);
    expect(r.id('forced').activeFocus).toBe(true);
    expect(r.id('scope').activeFocus).toBe(true);
    expect(r.id('declared').activeFocus).toBe(false);
    expect(r.id('declared').focus).toBe(false);
  });

  test('within one scope the first focused item wins', async () => {
    const r = await runQml(`import QtQuick
Item {
  Item { id: a; focus: true }
  Item { id: b; focus: true }
}`);
    expect(r.id('a').focus).toBe(true);
    expect(r.id('b').focus).toBe(false);
    expect(r.id('a').activeFocus).toBe(true);
  });
});

describe('item tree', () => {
  test('assigning undefined from JavaScript resets width and height to the implicit size', async () => {
    const r = await runQml(`import QtQuick
Item {
  Item { id: a; implicitWidth: 40; implicitHeight: 30; width: 5; height: 6 }
  Component.onCompleted: { a.width = undefined; a.height = undefined }
}`);
    expect(r.id('a').width).toBe(40);
    expect(r.id('a').height).toBe(30);
    r.id('a').implicitWidth = 50;
    expect(r.id('a').width).toBe(50);
  });

  test('visible reads the effective visibility; children, childrenRect, mapToItem', async () => {
    const r = await runQml(`import QtQuick
Item {
  width: 100; height: 100
  Item { id: hidden; visible: false
    Item { id: inside; x: 5; y: 6 } }
  Item { id: a; x: 10; y: 20; width: 30; height: 40
    Item { id: deep; x: 1; y: 2; width: 5; height: 5 } }
}`);
    expect(r.id('inside').visible).toBe(false);
    r.id('hidden').visible = true;
    expect(r.id('inside').visible).toBe(true);
    expect(r.root.children.length).toBe(2);
    const cr = r.root.childrenRect;
    expect([cr.x, cr.y, cr.width, cr.height]).toEqual([0, 0, 40, 60]);
    const p = r.id('deep').mapToItem(r.root, 0, 0);
    expect([p.x, p.y]).toEqual([11, 22]);
    const q = r.root.mapToItem(r.id('deep'), 20, 30);
    expect([q.x, q.y]).toEqual([9, 8]);
    expect(r.id('a').contains(Qt_point(29, 39))).toBe(true);
    expect(r.id('a').contains(Qt_point(30, 39))).toBe(false);
  });

  test('width follows implicitWidth until set', async () => {
    const r = await runQml(`import QtQuick
Item { Item { id: a; implicitWidth: 30; implicitHeight: 10 } }`);
    const a = r.id('a');
    expect([a.width, a.height]).toEqual([30, 10]);
    a.implicitWidth = 40;
    expect(a.width).toBe(40);
    a.width = 5;
    a.implicitWidth = 50;
    expect(a.width).toBe(5);
  });
});

function Qt_point(x: number, y: number) {
  return { x, y };
}
