// ECMAScript modules imported by QML, in the page (the Qt-recorded scenes
// are checked in Node: test/fixtures/qt/lang/module_*).
import { expect, test } from 'vitest';
import { runScene } from './scene-renderer';

const FILES: Record<string, string> = {
  'file:///scene/lib.mjs': `import { helper, counter as ctr, bump } from "./helper.mjs"
export function add(a, b) { return helper(a) + b }
export function inc() { bump(); return ctr }
export default "the default"
export * from "./helper.mjs"
`,
  'file:///scene/helper.mjs': `print("helper evaluated")
export function helper(x) { return x * 10 }
export let counter = 0
export function bump() { counter++ }
`,
};

test('a QML file imports a module that imports another: live bindings, each module run once', async () => {
  const lines: string[] = [];
  const main = `import QtQuick
import "lib.mjs" as Lib
Item {
    Component.onCompleted: {
        print(Lib.add(2, 3), Lib.default, Lib.helper(2), Lib.inc(), Lib.counter)
        print(Object.keys(Lib).join(","))
    }
}
`;
  await runScene(main, {
    files: {
      read: (u: string) => FILES[u] ?? main,
      exists: (u: string) => u === 'file:///scene/main.qml' || u in FILES,
    },
    sink: { warn: (m) => lines.push(m), log: (_level, m) => lines.push(m) },
  });
  expect(lines).toEqual([
    'qml: helper evaluated',
    'qml: 23 the default 20 1 1',
    'qml: add,bump,counter,default,helper,inc',
  ]);
});
