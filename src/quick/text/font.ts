/**
 * Font descriptions and their resolution to a bundled face (DejaVu Sans,
 * Sans Mono or Serif, see families.ts), plus Qt's FontMetrics values.
 */
import {
  type FaceKey,
  type FaceTable,
  type FamilyKey,
  faceTable as loadedFaceTable,
  resolveFamily,
  type StyleKey,
} from './families';
import { decodeFace, type FaceData } from './font-data';
import { FaceMetrics } from './font-metrics';
import { shapeText } from './shaper';
import { xHeightFor } from './x-height';

export interface FontSpec {
  /** requested family; default "Sans Serif" (resolved to DejaVu Sans); see families.ts */
  readonly family?: string;
  /** pixel size (QML font.pixelSize, an integer); wins over pointSize */
  readonly pixelSize?: number;
  /** point size (pixel size = pointSize * 96 / 72); default 9 pt = 12 px */
  readonly pointSize?: number;
  /** shorthand for weight 700 */
  readonly bold?: boolean;
  /** 1..1000, default 400 */
  readonly weight?: number;
  readonly italic?: boolean;
  /** QFont::letterSpacing in pixels (absolute spacing), added after every character */
  readonly letterSpacing?: number;
  /** QFont::wordSpacing in pixels, added to every space */
  readonly wordSpacing?: number;
}

export type { FaceKey, FamilyKey, StyleKey };

/** A font resolved to a face and a size. */
export interface ResolvedFont {
  /** what QML reads back: font.family */
  readonly family: string;
  /** font.pixelSize as QML reads it (truncated when set via points) */
  readonly pixelSize: number;
  /** font.pointSize as QML reads it */
  readonly pointSize: number;
  readonly weight: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly letterSpacing: number;
  readonly wordSpacing: number;
  readonly face: FaceKey;
  /**
   * the face the font resolves to when its tables are still loading (the
   * font is measured with DejaVu Sans in the same style, or its regular
   * face, until then), else null
   */
  readonly loading: FaceKey | null;
  /** metrics at the size Qt's font engine uses */
  readonly metrics: FaceMetrics;
  /** the description this font was resolved from */
  readonly spec: FontSpec;
}

/** QML fontInfo: the font actually used. */
export interface FontInfo {
  readonly family: string;
  readonly styleName: string;
  readonly pixelSize: number;
  readonly pointSize: number;
  readonly bold: boolean;
  readonly weight: number;
  readonly italic: boolean;
}

const DPI = 96;
const decoded = new Map<FaceKey, FaceData>();
const metricsCache = new Map<string, FaceMetrics>();

function faceTable(key: FaceKey): FaceTable {
  const table = loadedFaceTable(key);
  if (!table) throw new Error(`font face ${key} is not loaded`);
  return table;
}

export function faceData(key: FaceKey): FaceData {
  let f = decoded.get(key);
  if (!f) {
    f = decodeFace(faceTable(key).data);
    decoded.set(key, f);
  }
  return f;
}

export function faceMetrics(key: FaceKey, pixelSize: number): FaceMetrics {
  const ppem = Math.max(1, Math.round(pixelSize));
  const id = `${key}/${ppem}`;
  let m = metricsCache.get(id);
  if (!m) {
    m = new FaceMetrics(faceData(key), ppem);
    metricsCache.set(id, m);
  }
  return m;
}

/**
 * The face fontconfig/QFontDatabase picks for a weight: each DejaVu family
 * has Book (400) and Bold (700); the nearer one wins (ties go to the
 * lighter). Weights of 300 and below would pick DejaVu Sans ExtraLight in
 * Qt, which is not shipped; Book is used for them.
 */
const FACES: Record<FamilyKey, readonly FaceKey[]> = {
  sans: ['sans-regular', 'sans-bold', 'sans-oblique', 'sans-boldOblique'],
  mono: ['mono-regular', 'mono-bold', 'mono-oblique', 'mono-boldOblique'],
  serif: ['serif-regular', 'serif-bold', 'serif-oblique', 'serif-boldOblique'],
};

function faceFor(family: FamilyKey, weight: number, italic: boolean): FaceKey {
  return FACES[family][(weight > 550 ? 1 : 0) + (italic ? 2 : 0)]!;
}

/**
 * Resolves a font the way QQuickText does: point sizes are rounded to 0.5 pt
 * (QQuickText::setFont; pass roundPoints = false for sizes that do not come
 * from the item's font, like StyledText's <font size>), the engine uses the
 * rounded pixel size.
 */
export function resolveFont(spec: FontSpec = {}, roundPoints = true): ResolvedFont {
  const family = spec.family ?? 'Sans Serif';
  const weight = spec.weight ?? (spec.bold ? 700 : 400);
  const italic = spec.italic ?? false;
  let pixelSize: number;
  let pointSize: number;
  let enginePixels: number;
  if (spec.pixelSize !== undefined && spec.pixelSize > 0) {
    pixelSize = Math.trunc(spec.pixelSize);
    pointSize = (pixelSize * 72) / DPI;
    enginePixels = pixelSize;
  } else {
    const pt = spec.pointSize !== undefined && spec.pointSize > 0 ? spec.pointSize : 9;
    pointSize = pt;
    const rounded = roundPoints ? Math.round(pt * 2) / 2 : pt;
    enginePixels = (rounded * DPI) / 72;
    pixelSize = Math.trunc((pt * DPI) / 72);
  }
  const wanted = faceFor(resolveFamily(family), weight, italic);
  let face = wanted;
  let loading: FaceKey | null = null;
  if (loadedFaceTable(wanted) === null) {
    loading = wanted;
    face = faceFor('sans', weight, italic);
    if (loadedFaceTable(face) === null) face = 'sans-regular';
  }
  return {
    family,
    pixelSize,
    pointSize,
    weight,
    bold: weight >= 700,
    italic,
    letterSpacing: spec.letterSpacing ?? 0,
    wordSpacing: spec.wordSpacing ?? 0,
    face,
    loading,
    metrics: faceMetrics(face, enginePixels),
    spec,
  };
}

export function fontInfo(font: ResolvedFont): FontInfo {
  const ppem = font.metrics.ppem;
  const face = faceTable(font.face);
  return {
    family: face.family,
    styleName: face.style,
    pixelSize: ppem,
    pointSize: (ppem * 72) / DPI,
    // QFontInfo reports the requested weight when the match is within reach
    // (weight 500 is drawn with Book but reads bold: weight > Normal)
    bold: font.weight > 400,
    weight: font.weight,
    italic: font.italic,
  };
}

/** Qt's FontMetrics (QFontMetricsF) for a font; values in pixels. */
export class FontMetrics {
  readonly font: ResolvedFont;
  constructor(font: ResolvedFont | FontSpec) {
    this.font = 'metrics' in font ? font : resolveFont(font);
  }
  private get m(): FaceMetrics {
    return this.font.metrics;
  }
  get ascent(): number {
    return this.m.ascent / 64;
  }
  get descent(): number {
    return this.m.descent / 64;
  }
  /** ascent + descent (not rounded; a Text line is ceil(height) high) */
  get height(): number {
    return (this.m.ascent + this.m.descent) / 64;
  }
  get leading(): number {
    return this.m.leading / 64;
  }
  get lineSpacing(): number {
    return (this.m.ascent + this.m.descent + this.m.leading) / 64;
  }
  /** Height of the hinted "x" glyph, whole pixels (measured from Qt, see x-height.ts). */
  get xHeight(): number {
    return xHeightFor(this.font.face, this.m.ppem);
  }
  get averageCharacterWidth(): number {
    return this.m.averageCharWidth / 64;
  }
  get maximumCharacterWidth(): number {
    return this.m.maxCharWidth / 64;
  }
  /** Advance of a string as one shaped run (kerning included, no right bearing). */
  advanceWidth(text: string): number {
    const shaped = shapeText(text, this.font);
    let w = 0;
    for (let i = 0; i < shaped.glyphCount; i++) w += shaped.advances[i]!;
    return w / 64;
  }
}
