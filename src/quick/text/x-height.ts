/**
 * FontMetrics.xHeight of DejaVu Sans. The OS/2 table of DejaVu is version 1
 * (no sxHeight), so Qt falls back to the height of the hinted bounding box of
 * "x" (QFontEngine::xHeight), which depends on TrueType hinting and cannot be
 * derived from unhinted outlines. These values were measured with Qt 6.4.2
 * (test/fixtures/text/font-metrics.json); all four faces give the same value.
 */
import type { FaceKey } from './font';

// index = pixel size - 1
const X_HEIGHT = [
  1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 14, 15, 15, 16, 16, 17, 17,
  18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 27, 27, 28, 28, 30, 30, 31, 31, 32, 33,
  33, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 40,
];

/** x height in whole pixels; beyond the measured sizes the scaled 1120-unit height, rounded. */
export function xHeightFor(_face: FaceKey, ppem: number): number {
  if (ppem >= 1 && ppem <= X_HEIGHT.length) return X_HEIGHT[ppem - 1]!;
  return Math.round((1120 * ppem) / 2048);
}
