// QSize (whole numbers) as a property value, beside the QSizeF that QML's
// `size` type holds.
import { type Coercer, coercerFor } from '../../engine/types';
import { QSize } from '../../engine/valuetypes';

/** A QSize (whole numbers), as Image's `sourceSize`, Canvas's `tileSize` and a layer's `textureSize` hold one. */
export class IntSize extends QSize {
  override $clone(): IntSize {
    return new IntSize(this.width, this.height);
  }
  override toString(): string {
    return `QSize(${this.width}, ${this.height})`;
  }
}

const sizeCoercer = coercerFor('size');
/** Converts a written size to whole numbers (truncated), as a QSize property does. */
export const intSize: Coercer = Object.assign(
  (v: unknown, obj: unknown) => {
    const s = sizeCoercer(v, obj) as QSize;
    return new IntSize(Math.trunc(s.width), Math.trunc(s.height));
  },
  { initial: new IntSize(0, 0) },
);
