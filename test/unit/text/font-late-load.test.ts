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
