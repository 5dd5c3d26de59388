import { expect, it, describe as suite } from 'vitest';
import { compareNode, describe, loadScene, objectNameOf, pairNodes, qtDump, qtLog } from './qt-dump';

// Every TextInput in these scenes must report what real Qt 6.4.2 reported
// (test/fixtures/qt/text/*.geometry.json): geometry, implicit size, content
// size, cursor position and rectangle, display text, echo mode, baseline;
// the scenes also print the selection, length, undo state and acceptance
// (*.log), which must come out the same here.
const SCENES = ['textinput_basic', 'textinput_alignment', 'textinput_chat'];

for (const scene of SCENES) {
  suite(`${scene} matches Qt 6.4.2`, async () => {
    const run = await loadScene(`${scene}.qml`);
    const qt = qtDump(scene);
    const ours = describe(run.root);
    for (const [label, q, o] of pairNodes(qt.root, ours)) {
      it(label, () => {
        expect(o, 'node missing').toBeDefined();
        expect(compareNode(q, o!)).toEqual([]);
      });
    }
    it('has the same active focus item', () => {
      expect(objectNameOf(run.runtime.window.activeFocusItem)).toBe(qt.activeFocusItem?.objectName ?? '');
    });
    const qtLines = qtLog(scene);
    for (const line of qtLines) {
      const name = /"name":"([^"]*)"/.exec(line)?.[1] ?? line;
      it(`prints ${name} like Qt`, () => {
        const ours = run.output.find((l) => l.includes(`"name":"${name}"`));
        expect(ours).toBe(line);
      });
    }
  });
}
