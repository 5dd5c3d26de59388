// The bundled DejaVu Sans faces, registered with the browser so glyphs are
// rasterized with the font the layout measured (never a system font).

import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import boldObliqueUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf?url';
import obliqueUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf?url';
import type { FaceKey } from '../quick/text';

/** The CSS family the faces are registered under (unique, so no system font can stand in). */
export const FONT_FAMILY = 'QuickwebDejaVuSans';

const FACES: Record<FaceKey, { url: string; weight: string; style: string }> = {
  regular: { url: regularUrl, weight: '400', style: 'normal' },
  bold: { url: boldUrl, weight: '700', style: 'normal' },
  oblique: { url: obliqueUrl, weight: '400', style: 'italic' },
  boldOblique: { url: boldObliqueUrl, weight: '700', style: 'italic' },
};

const loading = new Map<FaceKey, Promise<void>>();
const loaded = new Set<FaceKey>();

/** Loads a face once; its glyphs can be drawn when the promise resolves. */
export function loadFace(face: FaceKey): Promise<void> {
  let p = loading.get(face);
  if (!p) {
    const f = FACES[face];
    p = new FontFace(FONT_FAMILY, `url(${f.url})`, { weight: f.weight, style: f.style }).load().then((ff) => {
      document.fonts.add(ff);
      loaded.add(face);
    });
    loading.set(face, p);
  }
  return p;
}

/** Faces asked for whose files have not arrived yet. */
export function facesLoading(): number {
  return loading.size - loaded.size;
}

/** True when the face can be drawn now; otherwise starts loading it and calls `ready` when done. */
export function ensureFace(face: FaceKey, ready: () => void): boolean {
  if (loaded.has(face)) return true;
  void loadFace(face).then(ready);
  return false;
}

/** CSS font shorthand for a face at a pixel size. */
export function cssFont(face: FaceKey, pixelSize: number): string {
  const f = FACES[face];
  return `${f.style === 'italic' ? 'italic ' : ''}${f.weight === '700' ? 'bold ' : ''}${pixelSize}px ${FONT_FAMILY}`;
}
