/**
 * Text layout and font metrics matching Qt 6.4.2 (DejaVu Sans, FreeType,
 * HarfBuzz, QTextLayout, QQuickText) without DOM or font parser at run time.
 *
 * - resolveFont / fontInfo / FontMetrics: fonts and their metrics
 * - layoutText: a Text item's lines, glyph positions and sizes
 * - measureTextInput: TextInput's single line, cursor positions, hit testing
 * - mightBeRichText / parseStyledText: AutoText detection and StyledText runs
 */
export {
  type FamilyKey,
  loadFace,
  loadFamiliesNamedIn,
  loadFamily,
  resolveFamily,
  type StyleKey,
} from './families';
export {
  type FaceKey,
  type FontInfo,
  FontMetrics,
  type FontSpec,
  fontInfo,
  type ResolvedFont,
  resolveFont,
} from './font';
export {
  ElideMode,
  fuzzyCompare,
  type GlyphPosition,
  HAlign,
  LAZY_SHAPING_LENGTH,
  layoutText,
  type StyledRunFont,
  TextFormat,
  type TextLayoutOptions,
  type TextLayoutResult,
  type TextLine,
  VAlign,
  WrapMode,
} from './layout';
export { mightBeRichText, parseStyledText, type StyledText, type StyleRun } from './styled-text';
export { measureTextInput, type TextInputLayoutOptions, type TextInputMetrics } from './text-input';
