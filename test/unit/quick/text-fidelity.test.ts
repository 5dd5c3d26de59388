import { expect, it, describe as suite } from 'vitest';
import { compareNode, describe, ITEM_FIXTURES, loadScene, pairNodes, qtDump, qtLog } from './qt-dump';

// Every Text in these scenes must report what real Qt 6.4.2 reported
// (test/fixtures/qt/text/*.geometry.json): geometry, implicit size,
// content/painted size, line count, truncation, baseline offset, fonts.
const SCENES = [
  'text_alignment',
  'text_wrap',
  'text_elide',
  'text_fonts',
  'text_styled',
  'text_chat_label',
  'text_spacing',
  'font_mono_serif',
  'text_baseline_anchor_parent',
  'text_wrap_own_implicit_width',
  'text_justify',
];
// Text scenes of test/fixtures/qt/items (rendered in the browser too).
const ITEM_SCENES = [
  'text_font_size_mode',
  'item_transform',
  'item_transform_perspective',
  'layout_mirroring',
  'text_missing_glyphs',
  'text_tabs',
];

for (const [scene, dir] of [
  ...SCENES.map((s) => [s, undefined] as const),
  ...ITEM_SCENES.map((s) => [s, ITEM_FIXTURES] as const),
]) {
  suite(`${scene} matches Qt 6.4.2`, async () => {
    const run = await loadScene(`${scene}.qml`, 80, dir);
    const qt = qtDump(scene, dir);
    const ours = describe(run.root);
    for (const [label, q, o] of pairNodes(qt.root, ours)) {
      it(label, () => {
        expect(o, 'node missing').toBeDefined();
        expect(compareNode(q, o!)).toEqual([]);
      });
    }
    it('prints what Qt printed', () => {
      expect(run.output).toEqual(qtLog(scene, dir));
    });
  });
}

suite('lineHeight matches Qt 6.4.2 (text_line_height)', () => {
  it('prints the same sizes and baselines for every case', async () => {
    const run = await loadScene('text_line_height.qml', 0);
    expect(run.output).toEqual(qtLog('text_line_height'));
  });
});
