// Runs the cases of test/fixtures/text/text-cases.json through our layout and
// pairs every number with Qt's (text-cases.expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontSpec } from '../../../src/quick/text/font';
import { FontMetrics, fontInfo, resolveFont } from '../../../src/quick/text/font';
import { layoutText, type TextLayoutOptions } from '../../../src/quick/text/layout';
import { measureTextInput } from '../../../src/quick/text/text-input';

export interface QtCase {
  readonly kind: 'text' | 'input' | 'metrics';
  readonly text: string;
  readonly props: Readonly<Record<string, string | number | boolean>>;
}

export interface Comparison {
  readonly index: number;
  readonly label: string;
  readonly field: string;
  readonly qt: number;
  readonly ours: number;
}

const dir = join(import.meta.dirname, '../../fixtures/text');

export function loadCases(): { cases: QtCase[]; expected: Record<string, unknown>[] } {
  const cases = JSON.parse(readFileSync(join(dir, 'text-cases.json'), 'utf8')) as QtCase[];
  const doc = JSON.parse(readFileSync(join(dir, 'text-cases.expected.json'), 'utf8')) as {
    results: Record<string, unknown>[];
  };
  return { cases, expected: doc.results };
}

function fontOf(props: QtCase['props']): FontSpec {
  const f: { -readonly [K in keyof FontSpec]: FontSpec[K] } = {};
  if (props['font.pixelSize'] !== undefined) f.pixelSize = props['font.pixelSize'] as number;
  if (props['font.pointSize'] !== undefined) f.pointSize = props['font.pointSize'] as number;
  if (props['font.bold'] !== undefined) f.bold = props['font.bold'] as boolean;
  if (props['font.italic'] !== undefined) f.italic = props['font.italic'] as boolean;
  if (props['font.weight'] !== undefined) f.weight = props['font.weight'] as number;
  if (props['font.family'] !== undefined) f.family = props['font.family'] as string;
  return f;
}

function optionsOf(props: QtCase['props']): TextLayoutOptions {
  const o: { -readonly [K in keyof TextLayoutOptions]: TextLayoutOptions[K] } = {};
  if (props.width !== undefined) o.width = props.width as number;
  if (props.height !== undefined) o.height = props.height as number;
  if (props.wrapMode !== undefined) o.wrapMode = props.wrapMode as number;
  if (props.elide !== undefined) o.elide = props.elide as number;
  if (props.maximumLineCount !== undefined) o.maximumLineCount = props.maximumLineCount as number;
  if (props.horizontalAlignment !== undefined) o.horizontalAlignment = props.horizontalAlignment as number;
  if (props.verticalAlignment !== undefined) o.verticalAlignment = props.verticalAlignment as number;
  if (props.textFormat !== undefined) o.textFormat = props.textFormat as number;
  return o;
}

export function compareAll(): Comparison[] {
  const { cases, expected } = loadCases();
  const out: Comparison[] = [];
  cases.forEach((c, index) => {
    const e = expected[index]!;
    const label = `${c.kind} ${JSON.stringify(c.text)} ${JSON.stringify(c.props)}`;
    const push = (field: string, qt: unknown, ours: number) => {
      if (typeof qt === 'number') out.push({ index, label, field, qt, ours });
      else if (typeof qt === 'boolean') out.push({ index, label, field, qt: qt ? 1 : 0, ours });
    };
    if (c.kind === 'text') {
      const font = resolveFont(fontOf(c.props));
      const r = layoutText(c.text, font, optionsOf(c.props));
      push('implicitWidth', e.implicitWidth, r.implicitWidth);
      push('implicitHeight', e.implicitHeight, r.implicitHeight);
      push('width', e.width, r.width);
      push('height', e.height, r.height);
      push('contentWidth', e.contentWidth, r.contentWidth);
      push('contentHeight', e.contentHeight, r.contentHeight);
      push('paintedWidth', e.paintedWidth, r.paintedWidth);
      push('paintedHeight', e.paintedHeight, r.paintedHeight);
      push('lineCount', e.lineCount, r.lineCount);
      push('truncated', e.truncated, r.truncated ? 1 : 0);
      push('baselineOffset', e.baselineOffset, r.baselineOffset);
      const fi = fontInfo(font);
      const efi = e.fontInfo as { pixelSize: number; pointSize: number; bold: boolean };
      push('fontInfo.pixelSize', efi.pixelSize, fi.pixelSize);
      push('fontInfo.pointSize', efi.pointSize, fi.pointSize);
      push('fontInfo.bold', efi.bold, fi.bold ? 1 : 0);
      const ef = e.font as { pixelSize: number; pointSize: number };
      push('font.pixelSize', ef.pixelSize, font.pixelSize);
      push('font.pointSize', ef.pointSize, font.pointSize);
    } else if (c.kind === 'metrics') {
      const fm = new FontMetrics(fontOf(c.props));
      for (const k of [
        'ascent',
        'descent',
        'height',
        'leading',
        'lineSpacing',
        'xHeight',
        'averageCharacterWidth',
        'maximumCharacterWidth',
      ] as const) {
        push(k, e[k], fm[k]);
      }
      push('advanceWidth', e.advanceWidth, fm.advanceWidth(c.text));
    } else {
      const r = measureTextInput(c.text, fontOf(c.props));
      push('implicitWidth', e.implicitWidth, r.implicitWidth);
      push('implicitHeight', e.implicitHeight, r.implicitHeight);
      push('contentWidth', e.contentWidth, r.contentWidth);
      push('contentHeight', e.contentHeight, r.contentHeight);
      const xs = e.cursorX as number[];
      for (let i = 0; i < xs.length; i++) push(`cursorX[${i}]`, xs[i], r.cursorToX(i));
      const cr = e.cursorRectangle as number[];
      const ours = r.cursorRectangle(c.text.length);
      push('cursorRectangle.x', cr[0], ours.x);
      push('cursorRectangle.height', cr[3], ours.height);
      for (const [x, pos] of e.positionAt as [number, number][])
        push(`positionAt(${x})`, pos, r.positionAt(x));
    }
  });
  return out;
}
