import { describe, expect, test } from 'vitest';
import { ListModel } from '../../../src/quick/models/ListModel';
import type { ModelListener } from '../../../src/quick/models/model-source';
import { lines, runQml } from '../../helpers/qml';

describe('ListModel storage and notifications', () => {
  test('100,000 appends: one array per role, count and countChanged per append', async () => {
    const r = await runQml(`import QtQuick
Item {
  property int changes: 0
  ListModel { id: m; onCountChanged: changes++ }
  property int bound: m.count
  function fill(n) { for (let i = 0; i < n; i++) m.append({ prefix: ">", message: "m" + i }) }
}`);
    r.root.fill(100000);
    const m = r.id('m') as ListModel;
    expect([m.count, r.root.bound, r.root.changes]).toEqual([100000, 100000, 100000]);
    expect(m.roles.map((role) => [role.name, role.type, role.values.length])).toEqual([
      ['prefix', 'String', 100000],
      ['message', 'String', 100000],
    ]);
    expect(m.get(99999)).toEqual({ prefix: '>', message: 'm99999' });
  });

  test('views hear about rows inserted, removed, moved and changed', () => {
    const m = new ListModel();
    const heard: string[] = [];
    const l: ModelListener = {
      rowsInserted: (i, n) => heard.push(`insert ${i} ${n}`),
      rowsRemoved: (i, n) => heard.push(`remove ${i} ${n}`),
      rowsMoved: (f, t, n) => heard.push(`move ${f} ${t} ${n}`),
      dataChanged: (i, n, roles) => heard.push(`change ${i} ${n} ${roles.join(',')}`),
    };
    m.addModelListener(l);
    m.append([{ a: 1 }, { a: 2 }, { a: 3 }]);
    m.move(0, 2, 1);
    m.setProperty(1, 'a', 7);
    m.set(0, { a: 5, b: 'x' });
    m.remove(1, 2);
    m.clear();
    expect(heard).toEqual([
      'insert 0 3',
      'move 0 2 1',
      'change 1 1 a',
      'change 0 1 a,b',
      'remove 1 2',
      'remove 0 1',
    ]);
  });

  test('get() objects are the same object each time and follow their row', async () => {
    const r = await runQml(`import QtQuick
Item {
  ListModel { id: m; ListElement { name: "a" } ListElement { name: "b" } }
  property var o: m.get(1)
  property string bound: m.get(0).name
}`);
    const m = r.id('m');
    const o = r.root.o;
    expect(m.get(1)).toBe(o);
    m.insert(0, { name: 'z' });
    expect([o.name, m.get(2)]).toEqual(['b', o]);
    m.move(2, 0, 1);
    expect(m.get(0)).toBe(o);
    m.setProperty(0, 'name', 'B');
    expect([o.name, r.root.bound]).toEqual(['B', 'B']);
    o.name = 'C';
    expect(m.get(0).name).toBe('C');
  });

  test('ListElement values: enums, translations, negative numbers, nested lists; roles in reverse declaration order', async () => {
    const r = await runQml(`import QtQuick
Item {
  ListModel {
    id: m
    ListElement { align: Item.Center; label: qsTr("Hello"); n: -2.5 }
    ListElement { label: "list"; kids: [ ListElement { k: 1 }, ListElement { k: 2 } ] }
  }
}`);
    const m = r.id('m');
    expect([m.get(0).align, m.get(0).label, m.get(0).n]).toEqual([4, 'Hello', -2.5]);
    expect([m.get(1).kids.count, m.get(1).kids.get(1).k]).toEqual([2, 2]);
    expect(JSON.stringify(m.get(1))).toBe('{"n":0,"label":"list","align":0,"kids":[{"k":1},{"k":2}]}');
  });

  test('errors are warnings at the model, as Qt prints them (the model keeps working)', async () => {
    const r = await runQml(`import QtQuick
Item {
  ListModel { id: m; ListElement { v: 1 } }
  Component.onCompleted: { m.remove(3); m.move(0, 1, 1); m.insert(0, 7); m.append({ v: 2 }); print(m.count) }
}`);
    expect(lines(r)).toEqual([
      'main.qml:3:3: QML ListModel: remove: indices [3 - 4] out of range [0 - 1]',
      'main.qml:3:3: QML ListModel: move: out of range',
      'main.qml:3:3: QML ListModel: insert: value is not an object',
      'qml: 2',
    ]);
  });
});
