import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { lines, type Run, runQml } from '../../helpers/qml';
import { compareGeometry, fixture, fixtureLines, qtGeometry, sceneDelay } from '../../helpers/shape-fixtures';

/** Lets `ms` of time pass in 16 ms frames, polishing before each frame like Qt. */
function frames(r: Run, ms: number): void {
  for (let t = 0; t < ms; t += 16) {
    vi.advanceTimersByTime(16);
    r.runtime.engine.polish();
  }
}

async function scene(name: string): Promise<Run> {
  const src = fixture(`shapes/${name}.qml`);
  const r = await runQml({ [`${name}.qml`]: src });
  frames(r, sceneDelay(src));
  return r;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Row, Column, Grid, Flow: Qt 6.4 scenes', () => {
  test.each(['positioners_basic', 'positioners_dynamic', 'grid_flow', 'positioner_attached'])(
    '%s: every item where Qt put it (0.01), and the same output',
    async (name) => {
      const r = await scene(name);
      expect(compareGeometry(r.root, qtGeometry(`shapes/${name}.geometry.json`))).toEqual([]);
      expect(lines(r)).toEqual(fixtureLines(`shapes/${name}.log`));
    },
  );
});

describe('positioners (QQuickBasePositioner)', () => {
  test('a Column of 10 / 0x10 / 10x0 / 10 rects gives y 0, 0, 0, 10 (FACTS.md)', async () => {
    const r = await runQml(`import QtQuick
Column {
  Rectangle { width: 10; height: 10 }
  Rectangle { width: 0; height: 10 }
  Rectangle { width: 10; height: 0 }
  Rectangle { width: 10; height: 10 }
}`);
    expect(r.root.childItems.map((c: { y: number }) => c.y)).toEqual([0, 0, 0, 10]);
    expect([r.root.implicitWidth, r.root.implicitHeight]).toEqual([10, 20]);
  });

  test('the chat delegate Row: implicitWidth 15 + 345 = 360, implicitHeight 18', async () => {
    const r = await runQml(`import QtQuick
Row {
  width: 360; height: 18
  Item { width: 15; height: parent.height }
  Item { id: m; width: 345; height: parent.height }
}`);
    expect([r.root.implicitWidth, r.root.implicitHeight]).toEqual([360, 18]);
    expect(r.id('m').x).toBe(15);
  });

  test('fractional sizes are not rounded', async () => {
    const r = await runQml(`import QtQuick
Row { spacing: 0.5; Item { width: 10.25; height: 3 } Item { id: b; width: 1.125; height: 4.5 } }`);
    expect(r.id('b').x).toBe(10.75);
    expect([r.root.implicitWidth, r.root.implicitHeight]).toEqual([11.875, 4.5]);
  });

  test('lays out once per frame however many children change, and follows the next polish', async () => {
    const r = await runQml(`import QtQuick
Column {
  property int passes: 0
  onPositioningComplete: passes++
  Rectangle { id: a; width: 10; height: 10 }
  Rectangle { id: b; width: 10; height: 10 }
  function poke() { a.height = 20; a.height = 30; b.visible = false; b.visible = true; spacing = 2 }
}`);
    const passes = r.root.passes;
    r.root.poke();
    expect(r.id('b').y).toBe(10); // not yet
    r.runtime.engine.polish();
    expect(r.root.passes).toBe(passes + 1);
    expect(r.id('b').y).toBe(32);
  });

  test('a child resized after completion moves its followers; a child moved by hand stays until the next layout', async () => {
    const r = await runQml(`import QtQuick
Row {
  Rectangle { id: a; width: 10; height: 10 }
  Rectangle { id: b; width: 10; height: 10 }
  Rectangle { id: c; width: 10; height: 10 }
}`);
    r.id('c').x = 100;
    r.runtime.engine.polish();
    expect(r.id('c').x).toBe(100); // Qt watches sizes only
    r.id('a').width = 15;
    r.runtime.engine.polish();
    expect([r.id('b').x, r.id('c').x]).toEqual([15, 25]);
    expect(r.root.implicitWidth).toBe(35);
  });

  test('padding: sides follow padding unless set; a child keeps its own cross-axis offset', async () => {
    const r = await runQml(`import QtQuick
Column {
  padding: 3
  leftPadding: 6
  Rectangle { id: a; x: 10; width: 10; height: 10 }
  function change() { padding = 4; leftPadding = 1 }
}`);
    expect([r.root.topPadding, r.root.leftPadding, r.root.rightPadding, r.root.bottomPadding]).toEqual([
      3, 6, 3, 3,
    ]);
    expect([r.id('a').x, r.id('a').y]).toEqual([16, 3]);
    expect([r.root.implicitWidth, r.root.implicitHeight]).toEqual([19, 16]);
    r.root.change();
    r.runtime.engine.polish();
    expect([r.root.topPadding, r.root.leftPadding, r.root.rightPadding]).toEqual([4, 1, 4]);
    // x moves by the change of leftPadding: 16 + 1 - 6
    expect([r.id('a').x, r.id('a').y]).toEqual([11, 4]);
  });

  test('layoutDirection: effectiveLayoutDirection follows and the row is laid out at once', async () => {
    const r = await runQml(`import QtQuick
Row {
  Rectangle { id: a; width: 10; height: 10 }
  Rectangle { width: 20; height: 10 }
}`);
    expect([r.root.layoutDirection, r.root.effectiveLayoutDirection]).toEqual([0, 0]);
    r.root.layoutDirection = 1;
    expect(r.root.effectiveLayoutDirection).toBe(1);
    expect(r.id('a').x).toBe(20);
  });

  test("a child anchored along the layout axis stops the positioner, with Qt's warning", async () => {
    const r = await runQml(`import QtQuick
Item {
  Row {
    Rectangle { width: 10; height: 10 }
    Rectangle { id: b; x: 3; width: 10; height: 10; anchors.left: parent.left }
  }
}`);
    expect(lines(r)).toEqual([
      'main.qml:3:3: QML Row: Cannot specify left, right, horizontalCenter, fill or centerIn anchors for items inside Row. Row will not function.',
    ]);
    expect(r.id('b').x).toBe(0);
  });

  test('an anchor across the layout axis is allowed; along it, a Column stops too', async () => {
    const ok = await runQml(`import QtQuick
Item {
  width: 100
  Column {
    width: 100
    Rectangle { width: 10; height: 10 }
    Rectangle { id: c; width: 20; height: 10; anchors.horizontalCenter: parent.horizontalCenter }
  }
  Row {
    height: 30
    Rectangle { width: 10; height: 10 }
    Rectangle { id: r; width: 20; height: 10; anchors.verticalCenter: parent.verticalCenter }
  }
}`);
    expect(lines(ok)).toEqual([]);
    expect([ok.id('c').x, ok.id('c').y, ok.id('r').x, ok.id('r').y]).toEqual([40, 10, 10, 10]);
    const stopped = await runQml(`import QtQuick
Column {
  Rectangle { width: 10; height: 10 }
  Rectangle { id: b; width: 10; height: 10; anchors.bottom: parent.bottom }
}`);
    expect(lines(stopped)).toEqual([
      'main.qml:2:1: QML Column: Cannot specify top, bottom, verticalCenter, fill or centerIn anchors for items inside Column. Column will not function.',
    ]);
  });

  test('10,000 children are laid out in one pass', async () => {
    const r = await runQml(`import QtQuick
Column { Component { id: cell; Item { width: 10; height: 2 } } }`);
    const cell = r.id('cell');
    for (let i = 0; i < 10000; i++) cell.createObject(r.root);
    r.runtime.engine.polish();
    expect(r.root.implicitHeight).toBe(20000);
    expect(r.root.childItems[9999].y).toBe(19998);
  });
});
