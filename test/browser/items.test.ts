// Every item scene real Qt 6.4.2 rendered (test/fixtures/qt/items: Rectangle
// borders and radii, Text alignment, wrapping and eliding, TextInput
// selection and echo modes, ListViews scrolled and positioned, Row and
// Column, anchors, focus), rendered in headless Chromium and compared
// exactly with the committed baselines, with Qt's item tree, and with Qt's
// render: scenes without text must match Qt's pixels exactly; text is
// antialiased differently (Qt: FreeType hinting and gamma; here: the
// browser's rasterizer), which must stay under 3% of the pixels.
import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { GeometryDocument } from '../../src/quick/dump';
import { compareGeometry } from '../helpers/geometry';
import { mountScene, shot } from './scene';

const fixtures = await commands.listFixtures('items');

/**
 * Scenes without text whose pixels differ from Qt's, by how many. Qt's
 * renders come from llvmpipe, which places vertices to 1/256 of a pixel;
 * SwiftShader places them to 1/16. Axis-aligned edges are corrected for
 * that (rectangle-node.ts), slanted ones are not: a slanted edge without
 * antialiasing can cover a pixel centre that Qt's misses, or the reverse
 * (the corner of a rotated rectangle, the arcs of rounded ones).
 */
const KNOWN_PIXELS: Record<string, number> = {
  rect_antialiasing: 1,
  // Corners of rounded rectangles without antialiasing: slanted edges again.
  rect_radius_sweep: 25,
  // Items Qt draws in perspective (Rotation about the x or y axis) are drawn
  // with the affine map through three of their corners: the fourth is off.
  item_transform_perspective: 824,
  // Canvas text is hinted by FreeType in Qt, not by the browser (9 pixels of
  // "Qt"), and two pixels of a rounded corner's arc differ past antialiasing.
  canvas_paths: 11,
};

function hasText(doc: GeometryDocument): boolean {
  return JSON.stringify(doc.root).includes('"base":"Text');
}

/**
 * A Canvas's paths are antialiased by the browser's 2D rasterizer (Qt:
 * QPainter's), and so are a Shape's (Qt 6.4's geometry renderer draws them
 * without antialiasing).
 */
function hasCanvas(doc: GeometryDocument): boolean {
  const json = JSON.stringify(doc.root);
  return json.includes('"cppClass":"QQuickCanvasItem"') || json.includes('"cppClass":"QQuickShape"');
}

test.each(fixtures.scenes)('%s', async (name) => {
  const app = await mountScene(fixtures.files, `${name}.qml`);
  const png = await shot(app);
  const baseline = await commands.matchBaseline(`items/${name}`, png);
  expect(baseline.ok, baseline.message).toBe(true);
  const qt: GeometryDocument = await (await fetch(`/test/fixtures/qt/items/${name}.geometry.json`)).json();
  expect(compareGeometry(qt, await app.geometry(name, `${name}.qml`))).toEqual([]);
  const text = hasText(qt);
  const canvas = hasCanvas(qt);
  const vsQt = await commands.compareWithQt(`items/${name}.png`, png, `items/${name}`, !text && !canvas);
  console.info(vsQt.message);
  if (text) expect(vsQt.share, vsQt.message).toBeLessThan(0.03);
  // (edges left aside: what differs is a shape drawn where Qt drew none, or in another color)
  else if (canvas) expect(vsQt.differing, vsQt.message).toBe(KNOWN_PIXELS[name] ?? 0);
  else expect(vsQt.differing, vsQt.message).toBe(KNOWN_PIXELS[name] ?? 0);
});
