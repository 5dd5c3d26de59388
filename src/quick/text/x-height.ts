/**
 * FontMetrics.xHeight of DejaVu Sans. The OS/2 table of DejaVu is version 1
 * (no sxHeight), so Qt falls back to the height of the hinted bounding box of
 * "x" (QFontEngine::xHeight), which depends on TrueType hinting and cannot be
 * derived from unhinted outlines. These values were measured with Qt 6.4.2
 * for pixel sizes 1..256; all four faces give the same value.
 */
import type { FaceKey } from './font';

// index = pixel size - 1
const X_HEIGHT = [
  1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 14, 15, 15, 16, 16, 17, 17,
  18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 27, 27, 28, 28, 30, 30, 31, 31, 32, 33,
  33, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 40, 40, 41, 42, 42, 43, 43, 44, 44, 45, 45, 46, 46, 47,
  48, 48, 49, 49, 50, 50, 51, 51, 52, 52, 53, 54, 54, 55, 55, 56, 56, 57, 57, 58, 58, 59, 60, 60, 61, 61, 62,
  62, 63, 63, 64, 64, 65, 66, 66, 67, 67, 68, 68, 69, 69, 70, 70, 71, 72, 72, 73, 73, 74, 74, 75, 75, 76, 77,
  77, 78, 78, 79, 79, 80, 80, 81, 81, 82, 83, 83, 84, 84, 85, 85, 86, 86, 87, 87, 88, 89, 89, 90, 90, 91, 91,
  92, 92, 93, 93, 94, 95, 95, 96, 96, 97, 97, 98, 98, 99, 99, 100, 101, 101, 102, 102, 103, 103, 104, 104,
  105, 105, 106, 107, 107, 108, 108, 109, 109, 110, 110, 111, 112, 112, 113, 113, 114, 114, 115, 115, 116,
  116, 117, 118, 118, 119, 119, 120, 120, 121, 121, 122, 122, 123, 124, 124, 125, 125, 126, 126, 127, 127,
  128, 128, 129, 130, 130, 131, 131, 132, 132, 133, 133, 134, 134, 135, 136, 136, 137, 137, 138, 138, 139,
  139, 140, 140,
];

/** x height in whole pixels; beyond the measured sizes the scaled 1120-unit height, rounded. */
export function xHeightFor(_face: FaceKey, ppem: number): number {
  if (ppem >= 1 && ppem <= X_HEIGHT.length) return X_HEIGHT[ppem - 1]!;
  return Math.round((1120 * ppem) / 2048);
}
