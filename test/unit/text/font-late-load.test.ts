import { expect, it } from 'vitest';
import { runQml } from '../../helpers/qml';

// A family that no string in the scene names (computed at run time) is
// loaded when a font first asks for it; its texts are laid out again then.
// The end state is what Qt shows from the start (font_families.log:
// "monospace" -> DejaVu Sans Mono, "Hello World" 79.40625 wide; TextInput 80).
it('lays a Text and a TextInput out again when their computed family has loaded', async () => {
  const run = await runQml(`
    import QtQuick
    Column {
        property string fam: "xmonospace".slice(1)
        Text { id: t; text: "Hello World"; font.family: parent.fam }
        TextInput { id: i; text: "Hello World"; font.family: parent.fam }
    }`);
  const t = run.id('t');
  const i = run.id('i');
  // measured with DejaVu Sans until DejaVu Sans Mono's metrics arrive
  expect(t.fontInfo.family).toBe('DejaVu Sans');
  expect(t.implicitWidth).toBe(68.53125);
  for (let n = 0; n < 50 && t.fontInfo.family !== 'DejaVu Sans Mono'; n++)
    await new Promise((r) => setTimeout(r, 10));
  run.runtime.engine.polish();
  expect(t.fontInfo.family).toBe('DejaVu Sans Mono');
  expect(t.implicitWidth).toBe(79.40625);
  expect(i.implicitWidth).toBe(80);
});

// DejaVu Sans' bold and oblique faces are loaded like the other families: a
// scene whose sources ask for them waits for them, markup that arrives at
// run time (a chat message with <b>) is laid out again when the face has
// loaded. Qt: "Hello World" is 78.421875 wide in bold, 69.234375 in italic
// (test/fixtures/text), 68.53125 in the regular face.
it('lays a Text out again when bold markup computed at run time has its face loaded', async () => {
  const run = await runQml(`
    import QtQuick
    Text { id: t; property string tag: "b"; text: "<" + tag + ">Hello World</" + tag + ">" }`);
  const t = run.id('t');
  expect(t.implicitWidth).toBe(68.53125);
  for (let n = 0; n < 50 && t.implicitWidth === 68.53125; n++) await new Promise((r) => setTimeout(r, 10));
  expect(t.implicitWidth).toBe(78.421875);
});

it('measures italic text with the oblique face from the first layout when the scene asks for italic', async () => {
  const run = await runQml(`
    import QtQuick
    Text { id: t; text: "Hello World"; font.italic: true }`);
  expect(run.id('t').implicitWidth).toBe(69.234375);
  expect(run.id('t').fontInfo.italic).toBe(true);
});
