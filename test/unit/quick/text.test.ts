import { describe, expect, it } from 'vitest';
import { Dirty } from '../../../src/quick/items/Item';
import { lines, runQml } from '../../helpers/qml';

describe('the font group (measured with Qt 6.4.2)', () => {
  it('has Qt defaults and reports the font actually used', async () => {
    const r = await runQml(`import QtQuick
Item { Text { id: t; text: "Hello" } }`);
    const t = r.id('t');
    expect(JSON.stringify(t.font)).toBe(
      '{"family":"Sans Serif","styleName":"","bold":false,"weight":400,"italic":false,"underline":false,' +
        '"overline":false,"strikeout":false,"pointSize":9,"pixelSize":12,"capitalization":0,"letterSpacing":0,' +
        '"wordSpacing":0,"hintingPreference":0,"kerning":true,"preferShaping":true}',
    );
    expect(String(t.font)).toBe('QFont(Sans Serif,9,-1,5,400,0,0,0,0,0,0,0,0,0,0,1)');
    expect(JSON.stringify(t.fontInfo)).toBe(
      '{"family":"DejaVu Sans","styleName":"Book","bold":false,"weight":400,"italic":false,"pointSize":9,"pixelSize":12}',
    );
  });

  it('derives pixelSize from pointSize and refuses a point size after a pixel size', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: a; text: "Hello"; font.pointSize: 10.3 }
  Text { id: b; text: "Hello"; font.pixelSize: 20 }
  Text { id: c; text: "Hello"; font.pointSize: 0 }
}`);
    const a = r.id('a');
    // 10.3 pt reads pixelSize 13 (truncated) but is drawn at 10.5 pt = 14 px
    expect([a.font.pixelSize, a.font.pointSize]).toEqual([13, 10.3]);
    expect([a.fontInfo.pixelSize, a.fontInfo.pointSize]).toEqual([14, 10.5]);
    expect(a.implicitWidth).toBe(35.4375);
    const b = r.id('b');
    b.font.pointSize = 14;
    expect([b.font.pixelSize, b.font.pointSize]).toEqual([20, 15]);
    expect(lines(r)).toEqual([
      'QFont::setPointSizeF: Point size <= 0 (0.000000), must be greater than 0',
      'Both point size and pixel size set. Using pixel size.',
    ]);
  });

  it('bold is weight > 500; fontInfo.bold is weight > 400', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: m; text: "Hello"; font.weight: Font.Medium }
  Text { id: d; text: "Hello"; font.weight: Font.DemiBold }
}`);
    expect([r.id('m').font.bold, r.id('m').fontInfo.bold, r.id('m').implicitWidth]).toEqual([
      false,
      true,
      30.375,
    ]);
    expect([r.id('d').font.bold, r.id('d').fontInfo.styleName, r.id('d').implicitWidth]).toEqual([
      true,
      'Bold',
      34.609375,
    ]);
    r.id('m').font.bold = true;
    expect(r.id('m').font.weight).toBe(700);
  });

  it('copies whole fonts: Qt.font() resets what it does not name, font: other.font follows the other', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: src; text: "x"; font.pixelSize: 15; font.italic: true }
  Text { id: copy; text: "Hello"; font: src.font; onFontChanged: print("copy font", font.pixelSize) }
  Text { id: t; text: "Hello"; font.bold: true; font.family: "Foo" }
  Text { id: sized; text: "Hello"; width: font.pixelSize * 10 }
}`);
    expect(r.id('copy').font.italic).toBe(true);
    r.id('src').font.pixelSize = 25;
    expect(r.id('copy').font.pixelSize).toBe(25);
    expect(r.id('copy').implicitHeight).toBe(30);
    const t = r.id('t');
    t.font = Qt_font({ pixelSize: 20 });
    expect([t.font.family, t.font.pixelSize, t.font.bold]).toEqual(['Sans Serif', 20, false]);
    expect(t.implicitWidth).toBe(50.65625);
    const sized = r.id('sized');
    sized.font.pixelSize = 20;
    expect(sized.width).toBe(200);
    expect(lines(r)).toEqual(['qml: copy font 15', 'qml: copy font 25']);
  });
});

function Qt_font(o: Record<string, unknown>): Record<string, unknown> {
  return { ...o };
}

describe('Text', () => {
  it('takes its implicit size from its content and follows text changes', async () => {
    const r = await runQml(`import QtQuick
Item { Text { id: t; text: "Hello" } }`);
    const t = r.id('t');
    expect([t.width, t.height, t.implicitWidth, t.implicitHeight]).toEqual([30.375, 14, 30.375, 14]);
    expect(t.baselineOffset).toBe(11.140625);
    t.text = 'Hello\nWorld';
    expect([t.implicitHeight, t.lineCount]).toEqual([28, 2]);
    t.text = '';
    expect([t.implicitWidth, t.implicitHeight, t.lineCount]).toEqual([0, 14, 1]);
  });

  it('reports the advance of its last line and its distance from the first (Qt 6.4.2)', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: a; text: "Hello World" }
  Text { id: b; text: "a\\nbb" }
  Component.onCompleted: print(a.advance, b.advance)
}`);
    expect(lines(r)).toEqual(['qml: QSizeF(68.5313, 0) QSizeF(15.2188, 14)']);
  });

  it('is the chat Label: 13.1406 baseline in an 18 px AlignVCenter row', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: p; width: 15; height: 18; color: '#fff'; verticalAlignment: Text.AlignVCenter; text: "#" }
  Text { id: m; x: 15; width: 345; height: 18; color: '#fff'; verticalAlignment: Text.AlignVCenter; text: "socket open" }
}`);
    expect(r.id('p').baselineOffset).toBe(13.140625);
    expect(r.id('m').baselineOffset).toBe(13.140625);
    expect(String(r.id('m').color)).toBe('#ffffff');
    expect(r.id('m').textLayout.lines[0].y).toBe(2);
  });

  it('lays out again only when something the layout depends on changes', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: plain; text: "The quick brown fox" }
  Text { id: wrapped; width: 200; text: "The quick brown fox"; wrapMode: Text.WordWrap }
}`);
    const plain = r.id('plain');
    const n = plain.layoutCount;
    plain.width = 50;
    plain.height = 40;
    plain.color = 'red';
    expect(plain.layoutCount).toBe(n);
    plain.horizontalAlignment = 2;
    expect(plain.layoutCount).toBe(n + 1);
    expect(plain.textLayout.lines[0].x).toBeCloseTo(50 - plain.contentWidth, 6);
    const wrapped = r.id('wrapped');
    const before = wrapped.textLayout;
    wrapped.width = 60;
    expect(wrapped.textLayout).not.toBe(before);
    expect(wrapped.lineCount).toBe(2);
    expect(wrapped.implicitHeight).toBe(28);
  });

  it('tells the renderer when its drawing changes', async () => {
    const r = await runQml(`import QtQuick
Item { Text { id: t; text: "Hello" } }`);
    const t = r.id('t');
    t.dirty = 0;
    t.color = 'blue';
    expect(t.dirty & Dirty.Content).toBe(Dirty.Content);
    t.dirty = 0;
    t.text = 'Bye';
    expect(t.dirty & Dirty.Content).toBe(Dirty.Content);
  });

  it('elides and truncates, and shows styled text as runs (never as HTML)', async () => {
    const r = await runQml(`import QtQuick
Item {
  Text { id: e; width: 60; text: "The quick brown fox"; elide: Text.ElideRight }
  Text { id: s; text: "<b>hi</b> <a href='http://x'>link</a>" }
  Text { id: p; text: "<b>hi</b>"; textFormat: Text.PlainText }
}`);
    const e = r.id('e');
    expect(e.truncated).toBe(true);
    expect(e.textLayout.lines[0].source).toMatch(/…$/);
    const s = r.id('s');
    expect(s.textLayout.lines[0].source).toBe('hi link');
    expect(s.textLayout.styleRuns[0].bold).toBe(true);
    expect(s.linkAt(s.implicitWidth - 2, 5)).toBe('http://x');
    expect(s.linkAt(2, 5)).toBe('');
    expect(r.id('p').textLayout.lines[0].source).toBe('<b>hi</b>');
  });

  it('pads its content', async () => {
    const r = await runQml(`import QtQuick
Item { Text { id: t; text: "Hello"; padding: 5; leftPadding: 10 } }`);
    const t = r.id('t');
    expect([t.topPadding, t.leftPadding, t.rightPadding, t.bottomPadding]).toEqual([5, 10, 5, 5]);
    expect([t.implicitWidth, t.implicitHeight]).toEqual([30.375 + 15, 24]);
    expect(t.baselineOffset).toBe(16.140625);
    expect([t.contentOriginX, t.contentOriginY]).toEqual([10, 5]);
  });

  it('aligns right-to-left text to the right unless told otherwise', async () => {
    const r = await runQml(`import QtQuick
Item { Text { id: t; width: 100; text: "שלום" } }`);
    expect(r.id('t').horizontalAlignment).toBe(2);
    expect(r.id('t').effectiveHorizontalAlignment).toBe(2);
  });

  it('has the enums of QQuickText', async () => {
    const r = await runQml(`import QtQuick
Item { Component.onCompleted: print(Text.AlignHCenter, Text.AlignVCenter, Text.Wrap, Text.WrapAtWordBoundaryOrAnywhere,
  Text.ElideMiddle, Text.StyledText, Text.Outline, Font.DemiBold, Font.AllUppercase) }`);
    expect(lines(r)).toEqual(['qml: 4 128 4 4 2 4 1 600 1']);
  });
});

describe('Text layout passes and fits', () => {
  it('lays a text without a width out once per change (a new implicit width needs no second pass)', async () => {
    const r = await runQml(`import QtQuick
Item {
    property alias label: label
    Text { id: label; text: "1" }
}`);
    const t = r.root.label;
    const before = t.layoutCount;
    for (let i = 0; i < 10; i++) t.text = `${'x'.repeat(i + 2)}`;
    expect(t.layoutCount - before).toBe(10);
    expect(t.width).toBe(t.implicitWidth);
  });

  it('fits the font again when the width of a fitted text changes (Qt: scaleFont)', async () => {
    const r = await runQml(`import QtQuick
Item {
    id: root
    property real w: 300
    property alias label: label
    Text { id: label; width: root.w; height: 60; fontSizeMode: Text.Fit; font.pixelSize: 40; minimumPixelSize: 6; text: "Fit me in" }
}`);
    const t = r.root.label;
    expect(t.fontInfo.pixelSize).toBe(40);
    r.root.w = 60;
    expect(t.fontInfo.pixelSize).toBeLessThan(40);
    expect(t.contentWidth).toBeLessThanOrEqual(60);
    r.root.w = 300;
    expect(t.fontInfo.pixelSize).toBe(40);
  });
});
