// View transitions beyond the recorded scenes (test/fixtures/qt/animations):
// what ends them, and the animations that run in them.
import { describe, expect, test } from 'vitest';
import { type SceneRun, sceneFromSource } from './views-harness';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;

const scene = sceneFromSource as (source: string) => Promise<SceneRun & { id(name: string): Q }>;

const LIST = (transitions: string) => `import QtQuick
Item {
    width: 200; height: 200
    property alias view: v
    ListView {
        id: v
        width: 100; height: 100
        model: ListModel { id: lm; ListElement { n: "a" } ListElement { n: "b" } ListElement { n: "c" } }
        delegate: Rectangle { objectName: n; width: 100; height: 20 }
        ${transitions}
    }
}`;

/** The delegates the view has made, by name (visible or waiting for a transition). */
function delegates(view: Q): string[] {
  return view.contentItem.childItems
    .filter((c: Q) => c.objectName !== '')
    .map((c: Q) => c.objectName)
    .sort();
}

describe('view transitions', () => {
  test('a removed row whose transition is a SmoothedAnimation (not followed in transitions) goes at once', async () => {
    const s = await scene(LIST('remove: Transition { SmoothedAnimation { property: "x"; to: 100 } }'));
    const lm = s.id('lm');
    lm.remove(1);
    s.id('v').forceLayout();
    s.time.run(100);
    expect(delegates(s.id('v'))).toEqual(['a', 'c']);
  });

  test('a YAnimator with no target animates a displaced row', async () => {
    const s = await scene(LIST('displaced: Transition { YAnimator { duration: 100 } }'));
    const b = s.id('v').itemAtIndex(1);
    s.id('lm').insert(0, { n: 'x' });
    s.id('v').forceLayout();
    // (an Animator moves what is drawn: the property gets its value at the end)
    expect(b.y).toBe(20);
    s.time.run(50);
    expect(b.animated?.y).toBeGreaterThan(20);
    expect(b.animated?.y).toBeLessThan(40);
    s.time.run(100);
    expect(b.y).toBe(40);
  });

  test('a view destroyed while a transition runs stops it: its ScriptAction does not run', async () => {
    const s = await scene(`import QtQuick
Item {
    width: 200; height: 200
    Loader {
        id: loader
        sourceComponent: ListView {
            id: v
            objectName: "view"
            width: 100; height: 100
            model: ListModel { id: lm; ListElement { n: "a" } ListElement { n: "b" } }
            delegate: Rectangle { width: 100; height: 20 }
            remove: Transition {
                SequentialAnimation {
                    PauseAnimation { duration: 100 }
                    ScriptAction { script: print("late") }
                }
            }
            Component.onCompleted: { lm.remove(0); forceLayout() }
        }
    }
    Timer { interval: 50; running: true; onTriggered: loader.active = false }
}`);
    s.time.run(300);
    expect(s.output).not.toContain('qml: late');
  });

  test('a child taken out of a Column while it moves stops moving', async () => {
    const s = await scene(`import QtQuick
Item {
    width: 200; height: 200
    Column {
        id: col
        move: Transition { NumberAnimation { properties: "y"; duration: 100 } }
        Rectangle { id: a; width: 20; height: 20 }
        Rectangle { id: b; width: 20; height: 20 }
    }
    Item { id: other }
}`);
    const a = s.id('a');
    const b = s.id('b');
    a.height = 40;
    s.id('col').forceLayout();
    s.time.run(50);
    const y = b.y;
    expect(y).toBeGreaterThan(20);
    expect(y).toBeLessThan(40);
    b.parent = s.id('other');
    s.time.run(200);
    expect(b.y).toBe(y);
  });
});
