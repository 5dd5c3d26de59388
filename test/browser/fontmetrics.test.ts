// FontMetrics in the page: the type's code and the glyph boxes of the faces
// a scene names arrive before it starts (the values are Qt 6.4.2's, from
// test/fixtures/qt/text/fontmetrics_bounds.log).
import { expect, test } from 'vitest';
import { runScene } from './scene-renderer';

test('FontMetrics measures in faces other than DejaVu Sans from the start', async () => {
  const lines: string[] = [];
  await runScene(
    `import QtQuick
Item {
    FontMetrics { id: serif; font { family: "serif"; pixelSize: 13; bold: true } }
    TextMetrics { id: mono; font { family: "monospace"; pixelSize: 20; italic: true } text: "Hello World" }
    Component.onCompleted: {
        print(serif.advanceWidth("Hello World"), serif.boundingRect("Hello World"), serif.boundingRect("Åg"))
        print(mono.advanceWidth, mono.boundingRect, mono.tightBoundingRect)
    }
}
`,
    { sink: { warn: (m) => lines.push(m), log: (_level, m) => lines.push(m) } },
  );
  expect(lines).toEqual([
    'qml: 86.640625 QRectF(0, -12.2031, 87, 15.2656) QRectF(-1, -12.2031, 21, 15.2656)',
    'qml: 132.34375 QRectF(-1, -18.5625, 135, 23.2813) QRectF(-1, -15, 135, 15)',
  ]);
});
