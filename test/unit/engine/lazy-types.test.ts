// Types whose code loads on first use (QmlEngine.registerLazyTypes): a file
// that names one waits for it before it is compiled; a file that does not
// never loads it.
import { describe, expect, it } from 'vitest';
import type { MetaObject } from '../../../src/engine/qobject';
import { LAZY_TYPE_NAMES } from '../../../src/quick';
import { ItemMeta } from '../../../src/quick/items/Item';
import { LAZY_QTQUICK_TYPES } from '../../../src/quick/lazy-types';
import { createRuntime } from '../../../src/runtime';
import { BASE, memoryFiles } from '../../helpers/qml';

/** A runtime whose module Test.Lazy has one lazy type, `Lazy` (an Item), loaded when `release()` is called. */
function lazyScene(files: Record<string, string>) {
  const output: string[] = [];
  const runtime = createRuntime({
    files: memoryFiles(files),
    sink: { warn: (m) => output.push(m.replaceAll(BASE, '')), log: (_l, m) => output.push(m) },
    scheduleFrame: () => {},
  });
  let loads = 0;
  let release!: () => void;
  const arrived = new Promise<void>((r) => {
    release = r;
  });
  runtime.engine.registerModule('Test.Lazy', {});
  runtime.engine.registerLazyTypes('Test.Lazy', ['Lazy'], async (): Promise<Record<string, MetaObject>> => {
    loads++;
    await arrived;
    return { Lazy: ItemMeta };
  });
  return { runtime, output, release, loads: () => loads };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('types loaded on first use', () => {
  it('a file naming one waits for its code, then creates it', async () => {
    const s = lazyScene({
      'main.qml': `import QtQuick
import Test.Lazy
Item {
    Lazy { objectName: "made" }
    Component.onCompleted: print(children[0].objectName)
}`,
    });
    const run = s.runtime.run(`${BASE}main.qml`);
    await settle();
    expect(s.loads()).toBe(1);
    expect(s.output).toEqual([]);
    s.release();
    await run;
    expect(s.output).toEqual(['qml: made']);
  });

  it('a file that does not name one does not load it', async () => {
    const s = lazyScene({
      'main.qml': 'import QtQuick\nimport Test.Lazy\nItem { Component.onCompleted: print("no lazy type") }',
    });
    await s.runtime.run(`${BASE}main.qml`);
    expect(s.output).toEqual(['qml: no lazy type']);
    expect(s.loads()).toBe(0);
  });

  it('a component whose file names one is Loading until it is there, then Ready; later ones are Ready at once', async () => {
    const s = lazyScene({
      'main.qml': `import QtQuick
Item {
    property var first: Qt.createComponent("Other.qml")
    function again() { print("again", Qt.createComponent("Other2.qml").status) }
    Component.onCompleted: print("first", first.status)
}`,
      'Other.qml': 'import Test.Lazy\nLazy {}',
      'Other2.qml': 'import Test.Lazy\nLazy { objectName: "second" }',
    });
    const root = (await s.runtime.run(`${BASE}main.qml`)) as unknown as {
      first: { status: number };
      again(): void;
    };
    // Component.Loading is 2, Component.Ready 1
    expect(s.output).toEqual(['qml: first 2']);
    s.release();
    await settle();
    await settle();
    expect(root.first.status).toBe(1);
    root.again();
    expect(s.output).toEqual(['qml: first 2', 'qml: again 1']);
    expect(s.loads()).toBe(1);
  });

  it('Qt.createQmlObject with a name built at run time fails until the type is loaded by a file naming it', async () => {
    const s = lazyScene({
      'main.qml': `import QtQuick
Item {
    function make() {
        try {
            return Qt.createQmlObject("import Test.Lazy; " + "La" + "zy {}", this).toString().split("(")[0]
        } catch (e) {
            return e.qmlErrors[0].message
        }
    }
}`,
      'Uses.qml': 'import Test.Lazy\nLazy {}',
    });
    const root = (await s.runtime.run(`${BASE}main.qml`)) as unknown as { make(): string };
    expect(root.make()).toBe('Lazy is not a type');
    expect(s.loads()).toBe(0);
    const other = s.runtime.engine.load(`${BASE}Uses.qml`);
    s.release();
    await other;
    expect(root.make()).toBe('QQuickItem');
  });

  it("QtQuick's list of them names every type its chunk has", () => {
    expect([...LAZY_TYPE_NAMES].sort()).toEqual(Object.keys(LAZY_QTQUICK_TYPES).sort());
  });
});
