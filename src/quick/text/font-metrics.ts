/**
 * Pixel metrics of one DejaVu Sans face at one pixel size, computed exactly as
 * Qt 6.4 gets them from FreeType 2.12 and HarfBuzz 6 on Linux (96 dpi,
 * fontconfig hintstyle "slight").
 *
 * All lengths are integers in 26.6 fixed point (1/64 px), Qt's QFixed:
 *
 * - Scale: DejaVu's head.flags bit 3 asks for integer ppem, so FreeType scales
 *   with x_scale = FT_DivFix(ppem * 64, unitsPerEm) where ppem is the rounded
 *   pixel size. A point size of 10 (13.33 px) is laid out at 13 px.
 * - Advances: Qt's Text uses design metrics (QTextOption::useDesignMetrics,
 *   and hintslight means QFontEngineFT::shouldUseDesignMetrics anyway), i.e.
 *   FreeType's linearHoriAdvance (16.16) >> 10: the unhinted advance truncated
 *   to 1/64 px. "Hello" at 12 px: H 577 + e 472 + l 213 + l 213 + o 469 = 1944
 *   = 30.375 px.
 * - Kerning: HarfBuzz applies the GPOS 'kern' pairs on top of those advances,
 *   scaled with hb_font_t::em_mult (rounded, x_scale = ppem * 64).
 * - Vertical metrics: FT_MulFix(hhea.ascender/descender, y_scale), rounded to
 *   1/64 (ascent 11.1406 + descent 2.8281 = height 13.9688 at 12 px). A
 *   QTextLine is ceil(ascent + descent) high, hence 14.
 * - Right bearing: QTextLine adds the last glyph's negative right bearing to
 *   the line width (qtextlayout.cpp, layout_helper). Qt takes it from the
 *   hinted glyph metrics: rounded advance minus the ceiled outline xMax, whole
 *   pixels (light hinting does not move points horizontally). "A" alone at
 *   12 px is 8.2031 + 1 = 9.2031 wide.
 */
import type { FaceData, KernTable } from './font-data';

/** FreeType's FT_MulFix: (a * b) / 0x10000 rounded half away from zero. */
export function ftMulFix(a: number, b: number): number {
  const s = (a < 0 ? -1 : 1) * (b < 0 ? -1 : 1);
  return s * Math.floor((Math.abs(a) * Math.abs(b) + 0x8000) / 0x10000);
}

/** FreeType's FT_DivFix for positive operands. */
function ftDivFix(a: number, b: number): number {
  return Math.floor((a * 0x10000 + (b >> 1)) / b);
}

/** FreeType's FT_MulDiv for non-negative operands: (a * b + c / 2) / c. */
function ftMulDiv(a: number, b: number, c: number): number {
  return Math.floor((a * b + (c >> 1)) / c);
}

export class FaceMetrics {
  /** the integer pixel size FreeType scales with */
  readonly ppem: number;
  /** 16.16 scale from font units to 26.6 pixels */
  readonly scale: number;
  /** HarfBuzz's x_mult for ppem * 64 (scaleKern) */
  readonly hbMult: number;
  private readonly advanceCache: Int32Array;
  private readonly bearingCache: Int32Array;
  readonly ascent: number;
  readonly descent: number;
  readonly leading: number;
  /** minimum right side bearing of the font in pixels (QFontEngine::minRightBearing, qreal) */
  readonly minRightBearing: number;

  constructor(
    readonly face: FaceData,
    pixelSize: number,
  ) {
    this.ppem = Math.max(1, Math.round(pixelSize));
    const upem = face.unitsPerEm;
    this.scale = ftDivFix(this.ppem * 64, upem);
    this.hbMult = Math.floor((this.ppem * 64 * 65536) / upem);
    this.advanceCache = new Int32Array(face.glyphCount + 1).fill(-1);
    this.bearingCache = new Int32Array(face.glyphCount + 1).fill(1);
    this.ascent = ftMulFix(face.ascender, this.scale);
    this.descent = ftMulFix(face.descender, this.scale);
    this.leading = ftMulFix(face.lineGap, this.scale);
    this.minRightBearing = (face.minRightSideBearing * this.ppem) / upem;
  }

  /** Design advance of a local glyph, 26.6, truncated like linearHoriAdvance >> 10. */
  advance(glyph: number): number {
    let a = this.advanceCache[glyph]!;
    if (a < 0) {
      a = Math.floor(ftMulDiv(this.face.advances[glyph]!, this.scale, 64) / 1024);
      this.advanceCache[glyph] = a;
    }
    return a;
  }

  /** The design advances of all glyphs (what advance() returns), for loops over long texts. */
  advanceTable(): Int32Array {
    const cache = this.advanceCache;
    if (!this.advancesComplete) {
      for (let g = 0; g < cache.length; g++) if (cache[g]! < 0) this.advance(g);
      this.advancesComplete = true;
    }
    return cache;
  }
  private advancesComplete = false;

  /** GPOS value (font units) scaled like HarfBuzz's em_mult. */
  scaleKern(v: number): number {
    return Math.floor((v * this.hbMult + 32768) / 65536);
  }

  /**
   * Right bearing Qt's line breaker sees for a glyph, 26.6, never positive
   * (only negative bearings matter there): hinted advance - ceil(xMax).
   */
  rightBearing(glyph: number): number {
    let b = this.bearingCache[glyph]!;
    if (b === 1) {
      const adv = this.face.advances[glyph]!;
      const rsb = this.face.rightBearings[glyph]!;
      const hinted = (ftMulFix(adv, this.scale) + 32) & -64;
      const xMax = adv - rsb;
      const right = (ftMulFix(xMax, this.scale) + 63) & -64;
      b = rsb === adv ? 0 : Math.min(0, hinted - right);
      this.bearingCache[glyph] = b;
    }
    return b;
  }

  kernTablesFor(otScriptTag: string): readonly KernTable[] {
    return this.face.scriptKern.get(otScriptTag) ?? this.face.scriptKern.get('DFLT') ?? [];
  }

  /** Height of one QTextLine in whole pixels: ceil(ascent + descent). */
  get lineHeight(): number {
    return Math.ceil((this.ascent + this.descent) / 64);
  }

  /** QFontEngineFT::averageCharWidth: QFixed(xAvgCharWidth * ppem) / QFixed(unitsPerEm), rounded. */
  get averageCharWidth(): number {
    const a = this.face.xAvgCharWidth * this.ppem * 64;
    const b = this.face.unitsPerEm * 64;
    return Math.floor((a * 64 + (b >> 1)) / b);
  }

  /** Rounded scaled hhea.advanceWidthMax (FreeType's size metrics max_advance). */
  get maxCharWidth(): number {
    return (ftMulFix(this.face.advanceWidthMax, this.scale) + 32) & -64;
  }

  /** QFontEngineFT::lineThickness (26.6): the post table's underline thickness, at least a pixel. */
  get lineThickness(): number {
    return Math.max(64, ftMulFix(this.face.underlineThickness, this.scale));
  }

  /**
   * QFontEngineFT::underlinePosition (26.6): the underline's centre below
   * the baseline less half its unclamped thickness (measured:
   * test/fixtures/qt/text/font_metrics_mono_serif).
   */
  get underlinePosition(): number {
    const thickness = this.face.underlineThickness;
    return (
      ftMulFix(-this.face.underlinePosition - (thickness >> 1), this.scale) -
      Math.trunc(ftMulFix(thickness, this.scale) / 2)
    );
  }
}
