// Where a Canvas draws: the page gives the Canvas item a 2D drawing surface
// (a <canvas> element); the Node tools give none, and a Canvas there keeps
// its context's state and emits its signals but paints no pixels.
import type { FaceKey } from '../text';

export interface CanvasSurfaces {
  /** A drawing surface of `width` x `height` pixels. */
  create(width: number, height: number): HTMLCanvasElement;
  /** The CSS font that draws `text` with a bundled face at a pixel size. */
  cssFont(face: FaceKey, pixelSize: number, text: string): string;
  /** Null when the face's glyphs for `text` are at hand, else a promise of them. */
  fontReady(face: FaceKey, text: string): Promise<void> | null;
  /** Pixels (RGBA bytes, copied) as the surface's putImageData takes them. */
  imageData(data: Uint8ClampedArray, width: number, height: number): ImageData;
}

/** Set by the page's renderer. */
export const canvasSurfaces: { provider: CanvasSurfaces | null } = { provider: null };
