import { describe, expect, test } from 'vitest';
import { memoryFiles } from '../../helpers/qml';
import { fakeRuntime, type SceneRun } from './views-harness';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into QML objects dynamically
type Q = any;

type Scene = SceneRun & { root: Q; id(name: string): Q };

async function scene(source: string, extra: Record<string, string> = {}): Promise<Scene> {
  const run = fakeRuntime(memoryFiles({ 'main.qml': source, ...extra }));
  const root = (await run.runtime.run('file:///test/main.qml')) as Q;
  run.runtime.engine.polish();
  const ctx = root.$ctx[root.$ctx.length - 1];
  return { ...run, root, id: (name: string) => ctx.lookupId(name) };
}

/** The model indexes of the delegates a view shows (itemAtIndex finds them), in order. */
function delegates(view: Q): number[] {
  const out: number[] = [];
  for (const c of view.contentItem.childItems) {
    const i = view.dm.indexOf(c);
    if (i >= 0 && view.itemAtIndex(i) === c) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

/** Delegate items under the content item (current item and visible ones), without header/footer/highlight. */
function delegateItems(view: Q): number {
  return view.contentItem.childItems.filter(
    (c: unknown) => c !== view.highlightItem && c !== view.headerItem && c !== view.footerItem,
  ).length;
}

const LIST = (model: string, extra = '') => `import QtQuick
Item {
  width: 120; height: 100
  ListView {
    id: view
    anchors.fill: parent
    model: ${model}
    delegate: Item { width: 100; height: 20; property string label: index + "/" + modelData }
    ${extra}
  }
}`;

describe('delegates exist only for the visible range plus cacheBuffer', () => {
  test('a 100,000-row ListModel: rows 0..5 visible, rows up to 420 px (320 px of buffer) = 22 delegates', async () => {
    const s = await scene(`import QtQuick
Item {
  width: 120; height: 100
  ListModel { id: m; Component.onCompleted: { for (let i = 0; i < 100000; i++) append({ n: i }) } }
  ListView { id: view; anchors.fill: parent; model: m; delegate: Item { width: 100; height: 20 } }
}`);
    s.time.run(100);
    const view = s.id('view');
    expect(view.count).toBe(100000);
    expect(delegates(view)).toEqual([...Array(22).keys()]);
    expect(view.contentHeight).toBe(2000000);
  });

  test('a 1,000,000-row view jumped to the middle creates only what it shows there', async () => {
    const s = await scene(LIST('1000000'));
    const view = s.id('view');
    view.contentY = 10000000;
    s.time.run(100);
    const d = delegates(view);
    // Visible 10,000,000..10,000,100: rows 500,000..500,005. Qt buffers only in the direction of
    // movement (after a jump: below), up to 10,000,420: row 500,021.
    expect(d[0]).toBe(500000);
    expect(d[d.length - 1]).toBe(500021);
    expect(delegateItems(view)).toBe(d.length + 1); // + the current item (row 0)
    expect(view.itemAtIndex(500000).y).toBe(10000000);
    expect(view.itemAtIndex(500000).label).toBe('500000/500000');
  });

  test('scrolling row by row releases the rows that leave the buffer', async () => {
    const s = await scene(LIST('1000'));
    const view = s.id('view');
    for (let y = 0; y <= 5000; y += 7) view.contentY = y;
    s.time.run(100);
    const d = delegates(view);
    expect(d[0]).toBeGreaterThanOrEqual(Math.floor((5000 - 320) / 20) - 1);
    expect(d.length).toBeLessThanOrEqual(Math.ceil((100 + 2 * 320) / 20) + 2);
  });

  test("100,000 appends to the book's ChatView (one frame, delegates for 328 + 320 px)", async () => {
    const s = await scene(
      `import QtQuick
Item {
  width: 360; height: 328
  ChatView { id: box; anchors.fill: parent }
  function fill(n) { for (let i = 0; i < n; i++) box.append('>', 'message ' + i) }
}`,
      {
        'ChatView.qml': `import QtQuick
ListView {
    id: root
    width: 100
    height: 62
    model: ListModel {}
    function append(prefix, message) {
        model.append({prefix: prefix, message: message})
    }
    delegate: Item {
        width: root.width
        height: 18
        property real cw: width/24
        Label { width: cw*1; height: parent.height; text: model.prefix }
        Label { x: cw; width: cw*23; height: parent.height; text: model.message }
    }
}`,
        'Label.qml': 'import QtQuick\nItem { property string text }',
      },
    );
    s.root.fill(100000);
    s.runtime.engine.polish();
    const view = s.id('box');
    expect(view.count).toBe(100000);
    // Qt: rows 0..36 (36 * 18 = 648 <= 328 + 320), the first one current
    expect(delegates(view)).toEqual([...Array(37).keys()]);
    expect(view.contentHeight).toBe(1800000);
    expect(view.contentY).toBe(0);
    expect(view.itemAtIndex(36).children[1].text).toBe('message 36');
  });
});

describe('culling: delegates outside the visible area are kept but not drawn', () => {
  test("the book's ChatView filled and positioned at its end while completing: every row in view is drawn", async () => {
    // Rows first laid out at the top are released and taken again for the
    // end; an instance still referenced must not be culled.
    const run = fakeRuntime();
    const url = new URL('../../fixtures/qt/items/chat_view_many_rows.qml', import.meta.url).href;
    const root = (await run.runtime.run(url)) as Q;
    run.runtime.engine.polish();
    const view = root.childItems[0];
    expect(view.contentY).toBe(360);
    const shown = delegates(view);
    expect(shown).toContain(20);
    for (const i of shown) {
      const item = view.itemAtIndex(i);
      const inView = item.y + 18 > 360 && item.y < 720;
      expect(item.culled, `row ${i} at ${item.y}`).toBe(!inView);
    }
  });
});

describe('model kinds and the delegate context', () => {
  test('integer, array, object list and ListModel models', async () => {
    const s = await scene(`import QtQuick
Item {
  width: 100; height: 200
  Item { id: a; objectName: "A" }
  Item { id: b; objectName: "B" }
  ListView { id: ints; width: 100; height: 50; model: 3; delegate: Item { width: 10; height: 10; property var v: [index, modelData, model.index] } }
  ListView { id: arr; width: 100; height: 50; model: ["x", "y"]; delegate: Item { width: 10; height: 10; property var v: [index, modelData, model.modelData] } }
  ListView { id: objs; width: 100; height: 50; model: [a, b]; delegate: Item { width: 10; height: 10; property var v: modelData.objectName } }
  ListView {
    id: lm; width: 100; height: 50
    model: ListModel { ListElement { name: "n"; cost: 2 } }
    delegate: Item { width: 10; height: 10; property var v: [index, name, cost, model.name, model.cost] }
  }
}`);
    expect(s.id('ints').itemAtIndex(2).v).toEqual([2, 2, 2]);
    expect(s.id('arr').itemAtIndex(1).v).toEqual([1, 'y', 'y']);
    expect(s.id('objs').itemAtIndex(1).v).toBe('B');
    expect(s.id('lm').itemAtIndex(0).v).toEqual([0, 'n', 2, 'n', 2]);
  });

  test('a role change updates the delegate; writing model.role writes the model', async () => {
    const s = await scene(`import QtQuick
ListView {
  width: 100; height: 100
  model: ListModel { id: m; ListElement { name: "a" } ListElement { name: "b" } }
  delegate: Item { width: 10; height: 10; property string label: name; function rename(t) { model.name = t } }
}`);
    const view = s.root;
    const m = view.model;
    m.setProperty(1, 'name', 'B');
    expect(view.itemAtIndex(1).label).toBe('B');
    view.itemAtIndex(0).rename('A');
    expect(m.get(0).name).toBe('A');
    expect(view.itemAtIndex(0).label).toBe('A');
  });

  test('replacing the model or the delegate rebuilds the view', async () => {
    const s = await scene(LIST('3'));
    const view = s.id('view');
    const first = view.itemAtIndex(0);
    view.model = ['p', 'q'];
    expect(view.count).toBe(2);
    expect(view.itemAtIndex(1).label).toBe('1/q');
    expect(first.$destroyed).toBe(true);
    expect(view.currentIndex).toBe(0);
    view.model = 0;
    s.time.run(50);
    expect([view.count, view.currentIndex, view.currentItem]).toEqual([0, -1, null]);
  });
});

describe('current item, highlight and keys', () => {
  test('currentIndex follows insertions and removals above it', async () => {
    const s = await scene(`import QtQuick
ListView {
  width: 100; height: 100
  model: ListModel { id: m; ListElement { n: 0 } ListElement { n: 1 } ListElement { n: 2 } }
  delegate: Item { width: 10; height: 20 }
  currentIndex: 1
}`);
    const view = s.root;
    const m = view.model;
    const current = view.currentItem;
    m.insert(0, { n: 9 });
    view.forceLayout();
    expect([view.currentIndex, view.currentItem]).toEqual([2, current]);
    m.remove(0, 2);
    view.forceLayout();
    expect([view.currentIndex, view.currentItem]).toEqual([0, current]);
  });

  test('the highlight moves at 400 px/s with SmoothedAnimation easing; the view follows it', async () => {
    const s = await scene(LIST('30', 'focus: true'));
    const view = s.id('view');
    view.currentIndex = 10;
    const hl = view.highlightItem;
    // 200 px at 400 px/s: 0.5 s, accelerating then decelerating (quadratic): halfway at 250 ms.
    s.time.frame(250);
    expect(hl.y).toBeCloseTo(100, 6);
    // The view keeps the highlight in view: its end (120) at the bottom of the 100 px view.
    expect(view.contentY).toBeCloseTo(20, 6);
    s.time.run(400);
    expect([hl.y, view.contentY]).toEqual([200, 120]);
  });

  test('Up/Down move the current item; keyNavigationWraps wraps', async () => {
    const s = await scene(LIST('3', 'focus: true; highlightMoveDuration: 0'));
    const view = s.id('view');
    view.forceActiveFocus();
    const key = (k: number) =>
      s.runtime.window.deliverKey(
        { key: k, text: '', modifiers: 0, accepted: false, isAutoRepeat: false },
        true,
      );
    const DOWN = 0x01000015;
    const UP = 0x01000013;
    expect(view.currentItem.activeFocus).toBe(true);
    key(DOWN);
    key(DOWN);
    expect(key(DOWN)).toBe(false);
    expect(view.currentIndex).toBe(2);
    view.keyNavigationWraps = true;
    key(DOWN);
    expect(view.currentIndex).toBe(0);
    key(UP);
    expect(view.currentIndex).toBe(2);
    view.decrementCurrentIndex();
    expect(view.currentIndex).toBe(1);
  });

  test('indexAt / itemAt use content coordinates', async () => {
    const s = await scene(LIST('30'));
    const view = s.id('view');
    view.contentY = 95;
    expect(view.indexAt(5, 95)).toBe(4);
    expect(view.indexAt(5, 100)).toBe(5);
    expect(view.itemAt(5, 110)).toBe(view.itemAtIndex(5));
    expect(view.indexAt(105, 110)).toBe(-1);
  });
});

describe('sections, header, footer', () => {
  test('ListView.section / previousSection / nextSection and currentSection', async () => {
    const s = await scene(`import QtQuick
ListView {
  width: 100; height: 100
  model: ListModel { ListElement { g: "apple" } ListElement { g: "avocado" } ListElement { g: "banana" } }
  section.property: "g"
  section.criteria: ViewSection.FirstCharacter
  delegate: Item { width: 10; height: 20; property var s: [ListView.previousSection, ListView.section, ListView.nextSection] }
}`);
    const view = s.root;
    expect(view.itemAtIndex(0).s).toEqual(['', 'a', 'a']);
    expect(view.itemAtIndex(1).s).toEqual(['a', 'a', 'b']);
    expect(view.itemAtIndex(2).s).toEqual(['a', 'b', '']);
    expect(view.currentSection).toBe('a');
  });

  test('header and footer items know their view', async () => {
    const s = await scene(
      LIST('2', 'header: Item { height: 5; property var v: ListView.view } footer: Item { height: 7 }'),
    );
    const view = s.id('view');
    expect(view.headerItem.v).toBe(view);
    expect([view.headerItem.y, view.footerItem.y, view.contentHeight, view.contentY]).toEqual([
      -5, 40, 52, -5,
    ]);
  });

  test("a negative cacheBuffer is refused with Qt's warning", async () => {
    const s = await scene(LIST('2', 'cacheBuffer: -1'));
    expect(s.id('view').cacheBuffer).toBe(320);
    expect(s.output).toEqual(['file:///test/main.qml:4:3: QML ListView: Cannot set a negative cache buffer']);
  });
});

describe('Repeater', () => {
  test("delegates are children of the Repeater's parent, stacked where the Repeater is", async () => {
    const s = await scene(`import QtQuick
Item {
  id: box
  Item { objectName: "before" }
  Repeater {
    id: rep
    model: ListModel { id: m; ListElement { n: "a" } ListElement { n: "b" } }
    Item { objectName: n + index }
    onItemAdded: (index, item) => print("added", index, item.objectName)
    onItemRemoved: (index, item) => print("removed", index)
  }
  Item { objectName: "after" }
}`);
    // `children` reads as a list reference (Qt's QmlListWrapper), an array-like.
    const names = () => Array.from(s.root.children as ArrayLike<Q>).map((c: Q) => c.objectName || 'Repeater');
    expect(names()).toEqual(['before', 'a0', 'b1', 'Repeater', 'after']);
    const m = s.id('m');
    m.insert(1, { n: 'x' });
    expect(names()).toEqual(['before', 'a0', 'x1', 'b2', 'Repeater', 'after']);
    m.remove(0);
    expect(names()).toEqual(['before', 'x0', 'b1', 'Repeater', 'after']);
    expect([s.id('rep').count, s.id('rep').itemAt(1).objectName]).toEqual([2, 'b1']);
    expect(s.output).toEqual(['qml: added 0 a0', 'qml: added 1 b1', 'qml: added 1 x1', 'qml: removed 0']);
  });
});

describe('delegate errors', () => {
  test('a delegate that is not an Item: one warning at the delegate (Qt 6.4 wording)', async () => {
    const s = await scene(`import QtQuick
Item {
  ListView { width: 100; height: 100; model: 2; delegate: QtObject {} }
}`);
    expect(s.output).toEqual(['file:///test/main.qml:3:59: QML Component: Delegate must be of Item type']);
  });
});

describe('rows that change size', () => {
  test('the first row, above the view, grows upwards (by twice the change, as Qt 6.4 does); others push the rows after them', async () => {
    // Measured with Qt 6.4: row 0 20 -> 30 with contentY 100 puts it at -20 (originY -20);
    // row 2 20 -> 5 leaves row 0 at 0 and moves rows 3, 4 to 45, 65.
    const s = await scene(`import QtQuick
Item {
  width: 250; height: 100
  ListView { id: a; width: 120; height: 100; model: 30; delegate: Item { width: 100; height: 20 } Component.onCompleted: contentY = 100 }
  ListView { id: b; x: 125; width: 120; height: 100; model: 30; delegate: Item { width: 100; height: 20 } Component.onCompleted: contentY = 100 }
}`);
    const a = s.id('a');
    const b = s.id('b');
    a.itemAtIndex(0).height = 30;
    b.itemAtIndex(2).height = 5;
    s.time.run(100);
    const ys = (v: Q) => [0, 1, 2, 3, 4].map((i) => v.itemAtIndex(i)?.y ?? null);
    expect([a.contentY, a.originY, ...ys(a)]).toEqual([100, -20, -20, 10, 30, 50, 70]);
    expect([b.contentY, b.originY, ...ys(b)]).toEqual([100, 0, 0, 20, 40, 45, 65]);
  });
});
