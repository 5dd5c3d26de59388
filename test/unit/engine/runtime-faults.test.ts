// Scenes of 10,000 items, and delegates that throw among them. The faults
// themselves (exceptions in bindings and handlers, binding loops, recursion
// until the stack runs out, throwing delegates) are Qt-recorded scenes:
// test/fixtures/qt/lang/runtime_fault_*.qml, run by qt-lang.test.ts.
import { describe, expect, test } from 'vitest';
import { lines, runQml } from '../../helpers/qml';

describe('10,000 items', { timeout: 30_000 }, () => {
  const N = 10_000;

  test('a Repeater of 10,000 creates them all, and a changed binding reaches every one', async () => {
    const run = await runQml(`import QtQuick
Item {
    id: root
    width: 100; height: 100
    property real w: 1
    Repeater {
        id: rep
        model: ${N}
        Rectangle { width: root.w; height: 1; x: index % 100; y: Math.floor(index / 100) }
    }
}
`);
    const rep = run.id('rep');
    expect(rep.count).toBe(N);
    expect(run.root.children.length).toBe(N + 1);
    run.root.w = 3;
    expect(rep.itemAt(0).width).toBe(3);
    expect(rep.itemAt(N - 1).width).toBe(3);
    expect(rep.itemAt(N - 1).y).toBe(99);
    expect(run.output).toEqual([]);
  });

  test('a ListView of 10,000 rows creates only what is visible and scrolls to the end', async () => {
    const run = await runQml(`import QtQuick
Item {
    width: 100; height: 200
    ListView {
        id: view
        anchors.fill: parent
        model: ${N}
        delegate: Text { height: 20; text: "row " + index }
    }
}
`);
    const view = run.id('view');
    expect(view.count).toBe(N);
    expect(view.contentHeight).toBe(N * 20);
    expect(view.contentItem.children.length).toBeLessThan(30);
    view.positionViewAtEnd();
    run.runtime.engine.polish();
    expect(view.contentY).toBe(N * 20 - 200);
    expect(view.itemAtIndex(N - 1).text).toBe(`row ${N - 1}`);
    expect(view.contentItem.children.length).toBeLessThan(30);
  });

  test('a ListView whose delegates throw every 100th row reports each and keeps scrolling', async () => {
    const run = await runQml(`import QtQuick
Item {
    width: 100; height: 200
    property var nothing: null
    ListView {
        id: view
        anchors.fill: parent
        model: ${N}
        delegate: Text {
            height: 20
            text: index % 100 === 5 ? nothing.text : "row " + index
            Component.onCompleted: if (index % 100 === 7) throw new Error("row " + index)
        }
    }
}
`);
    const view = run.id('view');
    expect(lines(run)).toEqual([
      'main.qml:12: Error: row 7',
      "main.qml:11: TypeError: Cannot read property 'text' of null",
    ]);
    run.output.length = 0;
    view.contentY = 100 * 20;
    run.runtime.engine.polish();
    expect(lines(run)).toContain('main.qml:12: Error: row 107');
    expect(lines(run)).toContain("main.qml:11: TypeError: Cannot read property 'text' of null");
    expect(view.itemAtIndex(104).text).toBe('row 104');
    expect(view.itemAtIndex(105).text).toBe('');
  });

  test('10,000 items declared in one file are created and follow a changed binding', async () => {
    const items = Array.from(
      { length: N },
      (_, i) => `    Rectangle { width: root.w; height: 1; x: ${i % 100}; y: ${Math.floor(i / 100)} }`,
    );
    const run = await runQml(`import QtQuick
Item {
    id: root
    width: 100; height: 100
    property real w: 1
${items.join('\n')}
}
`);
    const children = run.root.children;
    expect(children.length).toBe(N);
    run.root.w = 2;
    expect(children[0].width).toBe(2);
    expect(children[N - 1].width).toBe(2);
    expect(children[N - 1].y).toBe(99);
  });
});
