// Reads the Qt reference fixtures under test/fixtures/qt/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'qt');

/** The text of a fixture file, e.g. `fixture('shapes/color_math.qml')`. */
export function fixture(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** A fixture's lines without a trailing empty line. */
export function fixtureLines(path: string): string[] {
  const lines = fixture(path).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One node of a `qt-reference-geometry/1` dump. */
export interface QtNode {
  path: string;
  type: string;
  base: string;
  objectName: string;
  x: number;
  y: number;
  localX: number;
  localY: number;
  width: number;
  height: number;
  implicitWidth: number;
  implicitHeight: number;
  visible: boolean;
  opacity: number;
  z: number;
  color?: string;
  border?: { color: string; width: number };
  radius?: number;
  children: QtNode[];
}

/** The root item of a geometry dump (the scene's root, below Qt's window content item). */
export function qtGeometry(path: string): QtNode {
  return (JSON.parse(fixture(path)) as { root: QtNode }).root;
}
