// A color as a 2D canvas takes it (the Canvas item's context, a Shape's fill and stroke).
import type { QColor } from '../../engine/valuetypes';

export function cssColor(c: QColor): string {
  return `rgba(${c.red8}, ${c.green8}, ${c.blue8}, ${c.alpha8 / 255})`;
}
