/**
 * A port of the parts of QTextLayout/QTextEngine that QQuickText and
 * QQuickTextInput use: line breaking (QTextLine::layout_helper in
 * qtextlayout.cpp), line alignment (QTextEngine::alignLine), string widths
 * and eliding (QTextEngine::width/elidedText). Lengths are 26.6 fixed point
 * integers like Qt's QFixed.
 */
import type { FaceMetrics } from './font-metrics';
import {
  ensureAllItems,
  ensureItem,
  ItemKind,
  type ItemSummary,
  itemAt,
  itemOfGlyph,
  pendingItem,
  type ShapedItem,
  type ShapedText,
} from './shaper';
import { type CharAttributes, charAttributes, codePointAt, isNoBreak, isSpace } from './unicode';

/** QTextOption::WrapMode */
export enum QtWrap {
  NoWrap = 0,
  WordWrap = 1,
  ManualWrap = 2,
  WrapAnywhere = 3,
  WrapAtWordBoundaryOrAnywhere = 4,
}

/** Qt::Alignment horizontal flags */
export enum QtAlign {
  Left = 1,
  Right = 2,
  HCenter = 4,
  Justify = 8,
}

export const QFIXED_MAX_PX = Math.floor(2147483647 / 256);
const RB_NOT_CALCULATED = 64; // QFixed(1)
const INT_MAX = 2147483647;

/** QFixed::fromReal: truncation toward zero. */
export const fromReal = (v: number): number => Math.trunc(v * 64);
/** QFixed / QFixed (rounded, sign-symmetric). */
export function qfixedDiv(a: number, b: number): number {
  if (b === 0) return 0x7fffffff;
  const neg = a < 0 !== b < 0;
  const aa = Math.abs(a);
  const bb = Math.abs(b);
  const res = Math.floor((aa * 64 + Math.floor(bb / 2)) / bb);
  return neg ? -res : res;
}

export interface ScriptLine {
  from: number;
  length: number;
  trailingSpaces: number;
  textWidth: number;
  textAdvance: number;
  width: number;
  x: number;
  y: number;
  ascent: number;
  descent: number;
  leading: number;
  /** Stretched to its width by justification (QScriptLine::justified). */
  justified: boolean;
}

interface Chunk {
  textWidth: number;
  length: number;
  ascent: number;
  descent: number;
  leading: number;
}

const chunk = (): Chunk => ({ textWidth: 0, length: 0, ascent: 0, descent: 0, leading: 0 });

function resetChunk(c: Chunk): void {
  c.textWidth = 0;
  c.length = 0;
  c.ascent = 0;
  c.descent = 0;
  c.leading = 0;
}

function addTo(line: Chunk | ScriptLine, other: Chunk): void {
  line.leading =
    Math.max(line.leading + line.ascent, other.leading + other.ascent) - Math.max(line.ascent, other.ascent);
  line.descent = Math.max(line.descent, other.descent);
  line.ascent = Math.max(line.ascent, other.ascent);
  line.textWidth += other.textWidth;
  line.length += other.length;
}

/** The state scanWord advances. */
interface WordScan {
  pos: number;
  width: number;
  length: number;
  clusters: number;
  overflowed: boolean;
}
const wordScan: WordScan = { pos: 0, width: 0, length: 0, clusters: 0, overflowed: false };

/**
 * The word loop of QTextLine::layout_helper without breaking anywhere: adds
 * whole clusters (addNextCluster) from r.pos until a breakable space, a line
 * break opportunity (lineBreak, null: none) or the item end (itemEnd, its
 * glyphs end at glyphEnd). Returns true where Qt sets sb_or_ws. Stops with
 * r.overflowed once the width exceeds limit.
 */
function scanWord(
  shaped: ShapedText,
  r: WordScan,
  itemEnd: number,
  glyphEnd: number,
  lineBreak: Uint8Array | null,
  limit: number,
): boolean {
  const { text, logClusters, advances, clusterStart } = shaped;
  const len = text.length;
  let pos = r.pos;
  let width = r.width;
  let length = r.length;
  let clusters = r.clusters;
  let sbOrWs = false;
  r.overflowed = false;
  for (;;) {
    let glyph = logClusters[pos]!;
    do {
      ++pos;
      ++length;
    } while (pos < itemEnd && logClusters[pos] === glyph);
    do {
      width += advances[glyph]!;
      ++glyph;
    } while (glyph < glyphEnd && !clusterStart[glyph]);
    ++clusters;
    if (pos >= len) {
      sbOrWs = true;
      break;
    }
    const c = text.charCodeAt(pos);
    if (
      c === 0x20 ||
      (c >= 0x09 && c <= 0x0d) ||
      (c >= 0x80 && !isNoBreak(c) && isSpace(codePointAt(text, pos))) ||
      (lineBreak !== null && lineBreak[pos] === 1)
    ) {
      sbOrWs = true;
      break;
    }
    if (width > limit) {
      r.overflowed = true;
      break;
    }
    if (pos >= itemEnd) break;
  }
  r.pos = pos;
  r.width = width;
  r.length = length;
  r.clusters = clusters;
  return sbOrWs;
}

export class TextEngine {
  readonly text: string;
  readonly attrs: CharAttributes;
  lines: ScriptLine[] = [];
  minWidth = 0;
  maxWidth = 0;
  wrapMode: QtWrap;
  alignment: number;
  /** see canStopAtOverflow (null: not computed yet) */
  private overflowStops: boolean | null = null;

  constructor(
    readonly shaped: ShapedText,
    /** the layout's font: empty lines take their height from it */
    readonly baseMetrics: FaceMetrics,
    wrapMode: QtWrap,
    alignment: number,
  ) {
    this.text = shaped.text;
    this.attrs = charAttributes(shaped.text);
    this.wrapMode = wrapMode;
    this.alignment = alignment;
  }

  beginLayout(): void {
    this.lines = [];
    this.justification = null;
    this.minWidth = 0;
    this.maxWidth = 0;
  }

  /** QTextLayout::createLine: null when the text is used up. */
  createLine(): ScriptLine | null {
    const l = this.lines.length;
    if (l && this.lines[l - 1]!.length < 0) this.setNumColumns(this.lines[l - 1]!);
    const last = this.lines[l - 1];
    const from = last ? last.from + last.length + last.trailingSpaces : 0;
    const len = this.text.length;
    if (l && from >= len) {
      if (!last!.length || this.text.charCodeAt(len - 1) !== 0x2028) return null;
    }
    const line: ScriptLine = {
      from,
      length: -1,
      trailingSpaces: 0,
      textWidth: 0,
      textAdvance: 0,
      width: 0,
      x: 0,
      y: 0,
      ascent: 0,
      descent: 0,
      leading: 0,
      justified: false,
    };
    // (the first line makes an array of one: pushing onto an empty one reserves room for 17)
    if (l === 0) this.lines = [line];
    else this.lines.push(line);
    return line;
  }

  endLayout(): void {
    const l = this.lines.length;
    if (l && this.lines[l - 1]!.length < 0) this.setNumColumns(this.lines[l - 1]!);
  }

  private setNumColumns(line: ScriptLine): void {
    line.width = QFIXED_MAX_PX * 64;
    line.length = 0;
    line.textWidth = 0;
    this.layoutHelper(line, INT_MAX);
  }

  /** QTextLine::setLineWidth */
  setLineWidth(line: ScriptLine, widthPx: number): void {
    const w = Math.min(widthPx, QFIXED_MAX_PX);
    line.width = fromReal(w);
    if (line.length > 0 && line.textWidth <= line.width && line.from + line.length === this.text.length)
      return;
    line.length = 0;
    line.textWidth = 0;
    this.layoutHelper(line, INT_MAX);
  }

  /** QTextLine::height(): ascent + descent rounded up to whole pixels. */
  lineHeightPx(line: ScriptLine): number {
    return Math.ceil((line.ascent + line.descent) / 64);
  }

  /** QTextLine::textLength */
  textLength(line: ScriptLine): number {
    return line.length + line.trailingSpaces;
  }

  setDefaultHeight(line: ScriptLine | Chunk): void {
    const m = this.baseMetrics;
    addTo(line, { textWidth: 0, length: 0, ascent: m.ascent, descent: m.descent, leading: m.leading });
  }

  findItem(pos: number): number {
    return itemAt(this.shaped, pos);
  }

  /**
   * Whether a WrapAtWordBoundaryOrAnywhere line that starts with a word wider
   * than the line can stop scanning that word as soon as it is too wide:
   * Qt scans the whole word, finds the line too wide and lays it out again
   * breaking anywhere (layout_helper), so a long word costs its whole length
   * on every line it spans. Stopping early gives the same line when no glyph
   * has a negative advance (the width only grows) and all fonts have the same
   * vertical metrics (the discarded scan would have set the line's ascent,
   * descent and leading to the same values).
   */
  private canStopAtOverflow(): boolean {
    if (this.overflowStops === null) {
      ensureAllItems(this.shaped);
      const { items, advances, glyphCount } = this.shaped;
      let ok = true;
      const m0 = items[0]?.metrics;
      for (const it of items) {
        const m = it.metrics;
        if (m !== m0 && (m.ascent !== m0!.ascent || m.descent !== m0!.descent || m.leading !== m0!.leading)) {
          ok = false;
          break;
        }
      }
      for (let g = 0; ok && g < glyphCount; g++) if (advances[g]! < 0) ok = false;
      this.overflowStops = ok;
    }
    return this.overflowStops;
  }

  /** QTextEngine::calculateTabWidth with the default tab stop distance of 80 px. */
  tabWidth(x: number): number {
    const tab = 80 * 64;
    const next = ((qfixedDiv(x, tab) >> 6) + 1) * tab;
    return next - x;
  }

  /** QTextLine::layout_helper */
  private layoutHelper(line: ScriptLine, maxGlyphs: number): void {
    line.length = 0;
    line.trailingSpaces = 0;
    line.textWidth = 0;
    if (!this.shaped.items.length || line.from >= this.text.length) {
      this.setDefaultHeight(line);
      return;
    }
    // The state lives in a scan object reused from one line to the next
    // (a line laid out again below uses the next one): laying out a line
    // allocates nothing.
    let st = lineScans[lineScanDepth];
    if (st === undefined) {
      st = new LineScan();
      lineScans.push(st);
    }
    lineScanDepth++;
    try {
      this.runLineScan(st, line, maxGlyphs);
    } finally {
      st.release();
      lineScanDepth--;
    }
  }

  private runLineScan(st: LineScan, line: ScriptLine, maxGlyphs: number): void {
    const wrapMode = this.wrapMode;
    st.begin(this, line, maxGlyphs);
    st.stopAtOverflow =
      wrapMode === QtWrap.WrapAtWordBoundaryOrAnywhere && maxGlyphs === INT_MAX && this.canStopAtOverflow();
    st.scan();
    if (st.overflowed) {
      // the line is laid out again breaking anywhere, as at the end of this function
      this.wrapMode = QtWrap.WrapAnywhere;
      line.length = 0;
      line.textWidth = 0;
      this.layoutHelper(line, maxGlyphs);
      this.wrapMode = QtWrap.WrapAtWordBoundaryOrAnywhere;
      return;
    }
    // found:
    const { tmp, space } = st;
    line.textAdvance = line.textWidth;
    if (st.rightBearing === RB_NOT_CALCULATED && !st.whiteSpaceOrObject) st.calculateRightBearing();
    line.textWidth += st.negativeRightBearing();
    if (line.length === 0) addTo(line, tmp);

    const savedMinWidth = this.minWidth;
    const savedMaxWidth = this.maxWidth;
    if (st.manualWrap) {
      this.minWidth = Math.max(this.minWidth, line.textWidth);
      this.maxWidth = Math.max(this.maxWidth, line.textWidth);
    } else {
      this.minWidth = Math.max(this.minWidth, st.minw);
      this.maxWidth += line.textWidth;
    }
    if (line.textWidth > 0 && st.item < this.shaped.items.length) this.maxWidth += space.textWidth;
    if (space.length) line.trailingSpaces = space.length;

    if (wrapMode === QtWrap.WrapAtWordBoundaryOrAnywhere) {
      if (
        (maxGlyphs !== INT_MAX && st.glyphCount > maxGlyphs) ||
        (maxGlyphs === INT_MAX && line.textWidth > line.width)
      ) {
        // the line is laid out again: only the second layout counts toward
        // the natural width (Qt's implicitWidth does not grow here)
        this.minWidth = savedMinWidth;
        this.maxWidth = savedMaxWidth;
        this.wrapMode = QtWrap.WrapAnywhere;
        line.length = 0;
        line.textWidth = 0;
        this.layoutHelper(line, maxGlyphs);
        this.wrapMode = QtWrap.WrapAtWordBoundaryOrAnywhere;
      }
    }
  }

  /**
   * Extra advance (1/64 px) of each glyph that justification widened
   * (QGlyphJustification::space_18d6); null until a line is justified.
   */
  justification: Int32Array | null = null;

  /** QTextEngine::alignLine */
  alignLine(line: ScriptLine): number {
    if (this.alignment & QtAlign.Justify) this.justify(line);
    if (line.justified || line.width === QFIXED_MAX_PX * 64) return 0;
    const align = this.alignment;
    if (align & QtAlign.Right) return line.width - line.textAdvance;
    if (align & QtAlign.HCenter) return Math.trunc((line.width - line.textAdvance) / 2);
    return 0;
  }

  /**
   * QTextEngine::justify: a line that wrapped is stretched to its width, the
   * free width shared out over its spaces (trailing ones left out). The
   * last line of the text and a line ended by a newline keep their width.
   */
  private justify(line: ScriptLine): void {
    if (line.justified) return;
    const text = this.text;
    const end = line.from + line.length + line.trailingSpaces;
    if (end >= text.length) return;
    if (end > 0 && text.charCodeAt(end - 1) === 0x2028) return;
    const ws = this.attrs.whiteSpace;
    let lineLength = line.length;
    while (lineLength > 0 && ws[line.from + lineLength - 1]) lineLength--;
    // (no justification after the last character)
    lineLength--;
    if (lineLength <= 0) return;
    line.justified = true;
    let need = line.width - line.textWidth;
    if (need <= 0) return;
    const s = this.shaped;
    const last = line.from + lineLength;
    for (let i = itemAt(s, line.from); i < s.items.length && s.items[i]!.start < last; i++) ensureItem(s, i);
    const points: number[] = [];
    for (let c = line.from; c < last; c++)
      if (ws[c] && (c === line.from || s.logClusters[c] !== s.logClusters[c - 1]))
        points.push(s.logClusters[c]!);
    if (points.length === 0) return;
    this.justification ??= new Int32Array(s.glyphCount);
    let n = points.length;
    for (const g of points) {
      const add = Math.trunc(need / n);
      this.justification[g] = add;
      need -= add;
      n--;
    }
  }

  /** QTextEngine::width(from, len): advances of the glyphs of the characters in range. */
  width(from: number, len: number): number {
    const { items, logClusters, advances, glyphCount } = this.shaped;
    let w = 0;
    for (let i = 0; i < items.length; i++) {
      const si = items[i]!;
      const pos = si.start;
      const ilen = si.end - si.start;
      if (pos >= from + len) break;
      if (pos + ilen > from) {
        ensureItem(this.shaped, i);
        if (si.kind === ItemKind.Tab) {
          w += this.tabWidth(w);
          continue;
        }
        const numGlyphs = si.glyphEnd;
        let charFrom = from - pos;
        if (charFrom < 0) charFrom = 0;
        let glyphStart = logClusters[pos + charFrom]!;
        if (charFrom > 0 && logClusters[pos + charFrom - 1] === glyphStart) {
          while (charFrom < ilen && logClusters[pos + charFrom] === glyphStart) charFrom++;
        }
        if (charFrom < ilen) {
          glyphStart = logClusters[pos + charFrom]!;
          let charEnd = from + len - 1 - pos;
          if (charEnd >= ilen) charEnd = ilen - 1;
          const glyphEndC = logClusters[pos + charEnd]!;
          while (charEnd < ilen && logClusters[pos + charEnd] === glyphEndC) charEnd++;
          const glyphEnd = charEnd === ilen ? numGlyphs : logClusters[pos + charEnd]!;
          for (let g = glyphStart; g < glyphEnd && g < glyphCount; g++) w += advances[g]!;
        }
      }
    }
    return w;
  }

  /** QTextEngine::elidedText; width in 26.6. */
  elidedText(mode: number, width: number, from: number, count: number): string {
    const s = this.text;
    const len = s.length;
    const to = count >= 0 && count <= len - from ? from + count : len;
    if (mode === 3 || this.width(from, len) <= width || to - from <= 1) return s.slice(from);
    const m = this.baseMetrics;
    const ellipsisGlyph = m.face.glyphFor(0x2026);
    const ellipsisWidth = m.advance(ellipsisGlyph);
    const ellipsis = '\u2026';
    const available = width - ellipsisWidth;
    if (available < 0) return '';
    const gb = this.attrs.graphemeBoundary;
    if (mode === 1) {
      let currentWidth = 0;
      let pos: number;
      let nextBreak = from;
      do {
        pos = nextBreak;
        ++nextBreak;
        while (nextBreak < len && !gb[nextBreak]) ++nextBreak;
        currentWidth += this.width(pos, nextBreak - pos);
      } while (nextBreak < to && currentWidth < available);
      return s.slice(from, pos) + ellipsis;
    }
    if (mode === 0) {
      let currentWidth = 0;
      let pos: number;
      let nextBreak = to;
      do {
        pos = nextBreak;
        --nextBreak;
        while (nextBreak > 0 && !gb[nextBreak]) --nextBreak;
        currentWidth += this.width(nextBreak, pos - nextBreak);
      } while (nextBreak > from && currentWidth < available);
      return ellipsis + s.slice(pos, to);
    }
    // ElideMiddle
    let leftWidth = 0;
    let rightWidth = 0;
    let leftPos = from;
    let nextLeftBreak = from;
    let rightPos = to;
    let nextRightBreak = to;
    do {
      leftPos = nextLeftBreak;
      rightPos = nextRightBreak;
      ++nextLeftBreak;
      while (nextLeftBreak < len && !gb[nextLeftBreak]) ++nextLeftBreak;
      --nextRightBreak;
      while (nextRightBreak > from && !gb[nextRightBreak]) --nextRightBreak;
      leftWidth += this.width(leftPos, nextLeftBreak - leftPos);
      rightWidth += this.width(nextRightBreak, rightPos - nextRightBreak);
    } while (nextLeftBreak < to && nextRightBreak > from && leftWidth + rightWidth < available);
    return s.slice(from, leftPos) + ellipsis + s.slice(rightPos, to);
  }
}

/**
 * The variables of one QTextLine::layout_helper run and the lambdas Qt's
 * code uses on them, as fields and methods: one object per nesting level,
 * reused, instead of a dozen closures and their context for every line.
 */
class LineScan {
  private engine: TextEngine | null = null;
  private shaped: ShapedText | null = null;
  private line: ScriptLine | null = null;
  private maxGlyphs = 0;
  manualWrap = false;
  private breakany = false;
  /** break opportunities (null: a manually wrapped line never breaks, so they are not computed) */
  private lineBreak: Uint8Array | null = null;
  private graphemeBoundary: Uint8Array | null = null;
  readonly tmp: Chunk = chunk();
  readonly space: Chunk = chunk();
  glyphCount = 0;
  private currentPosition = 0;
  private previousGlyph = -1;
  minw = 0;
  private softHyphenWidth = 0;
  rightBearing = RB_NOT_CALCULATED;
  private minimumRightBearing = 0;
  private fontMetrics: FaceMetrics | null = null;
  whiteSpaceOrObject = true;
  item = -1;
  private newItem = 0;
  private end = 0;
  stopAtOverflow = false;
  overflowed = false;

  begin(engine: TextEngine, line: ScriptLine, maxGlyphs: number): void {
    const wrapMode = engine.wrapMode;
    this.engine = engine;
    this.shaped = engine.shaped;
    this.line = line;
    this.maxGlyphs = maxGlyphs;
    this.breakany = wrapMode === QtWrap.WrapAnywhere;
    this.manualWrap = wrapMode === QtWrap.ManualWrap || wrapMode === QtWrap.NoWrap;
    this.lineBreak = this.manualWrap ? null : engine.attrs.lineBreak;
    this.graphemeBoundary = this.breakany ? engine.attrs.graphemeBoundary : null;
    resetChunk(this.tmp);
    resetChunk(this.space);
    this.glyphCount = 0;
    this.currentPosition = line.from;
    this.previousGlyph = -1;
    this.minw = 0;
    this.softHyphenWidth = 0;
    this.rightBearing = RB_NOT_CALCULATED;
    this.minimumRightBearing = 0;
    this.fontMetrics = null;
    this.whiteSpaceOrObject = true;
    this.item = -1;
    this.newItem = engine.findItem(line.from);
    this.end = 0;
    this.stopAtOverflow = false;
    this.overflowed = false;
  }

  /** Drops the references to the text laid out (the object outlives it). */
  release(): void {
    this.engine = null;
    this.shaped = null;
    this.line = null;
    this.lineBreak = null;
    this.graphemeBoundary = null;
    this.fontMetrics = null;
  }

  negativeRightBearing(): number {
    return this.rightBearing === RB_NOT_CALCULATED ? 0 : Math.abs(this.rightBearing);
  }

  private calculateNewWidth(): number {
    return (
      this.line!.textWidth +
      this.tmp.textWidth +
      this.space.textWidth +
      this.softHyphenWidth +
      this.negativeRightBearing()
    );
  }

  private glyphMetrics(g: number): FaceMetrics {
    const shaped = this.shaped!;
    return shaped.items[this.engine!.findItem(shaped.glyphCluster[g]!)]!.metrics;
  }

  private rbOfGlyph(g: number): void {
    const shaped = this.shaped!;
    if (shaped.pending !== null) ensureItem(shaped, itemOfGlyph(shaped, g));
    this.rightBearing = Math.min(this.glyphMetrics(g).rightBearing(shaped.glyphs[g]!), 0);
  }

  private currentGlyph(): number {
    const shaped = this.shaped!;
    if (shaped.pending !== null) ensureItem(shaped, itemAt(shaped, this.currentPosition - 1));
    return shaped.logClusters[this.currentPosition - 1]!;
  }

  calculateRightBearing(): void {
    if (this.currentPosition <= 0) return;
    this.rbOfGlyph(this.currentGlyph());
  }

  private saveCurrentGlyph(): void {
    this.previousGlyph = this.currentPosition > 0 ? this.currentGlyph() : -1;
  }

  private checkFullOtherwiseExtend(): boolean {
    const line = this.line!;
    const tmp = this.tmp;
    const space = this.space;
    const newWidth = this.calculateNewWidth();
    if (line.length && !this.manualWrap && (newWidth > line.width || this.glyphCount > this.maxGlyphs))
      return true;
    this.minw = Math.max(this.minw, tmp.textWidth);
    addTo(line, tmp);
    line.textWidth += space.textWidth;
    line.length += space.length;
    tmp.textWidth = 0;
    tmp.length = 0;
    space.textWidth = 0;
    space.length = 0;
    return false;
  }

  private addNextCluster(target: Chunk, itemGlyphEnd: number): void {
    const { logClusters, advances, clusterStart } = this.shaped!;
    const end = this.end;
    let currentPosition = this.currentPosition;
    let glyphPosition = logClusters[currentPosition]!;
    do {
      ++currentPosition;
      ++target.length;
    } while (currentPosition < end && logClusters[currentPosition] === glyphPosition);
    this.currentPosition = currentPosition;
    do {
      target.textWidth += advances[glyphPosition]!;
      ++glyphPosition;
    } while (glyphPosition < itemGlyphEnd && !clusterStart[glyphPosition]);
    ++this.glyphCount;
  }

  private isBreakableSpace(pos: number): boolean {
    const text = this.shaped!.text;
    const c = text.charCodeAt(pos);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
    return c >= 0x80 && !isNoBreak(c) && isSpace(codePointAt(text, pos));
  }

  /**
   * A manually wrapped line taking a whole item whose glyphs are not made
   * (one glyph and cluster per character) from what the item's summary
   * says: the same chunks, widths and glyphs as the word and space loop of
   * scan (a word ends where a breakable space, or the text end, follows it;
   * the line takes each word with the spaces before it; spaces after the
   * last word wait in `space`, a word the next item goes on with in `tmp`),
   * without walking a megabyte long line.
   */
  private addSummarized(sum: ItemSummary, it: ShapedItem): void {
    const tmp = this.tmp;
    const space = this.space;
    const start = it.start;
    const itemEnd = it.end;
    const endsWithSpace = sum.spaceEnd === itemEnd;
    const wordAtEnd =
      !endsWithSpace && (itemEnd >= this.shaped!.text.length || this.isBreakableSpace(itemEnd));
    // where the item's last ended word ends (-1: none) and its advances before
    const p = wordAtEnd ? itemEnd : sum.wordEnd;
    const pw = wordAtEnd ? sum.width : sum.wordEndWidth;
    // the spaces after p end at s; the characters from s on are a word the next item goes on with
    let s: number;
    let sw: number;
    if (p >= 0) {
      tmp.textWidth += pw;
      tmp.length += p - start;
      this.checkFullOtherwiseExtend();
      s = Math.max(sum.spaceEnd, p);
      sw = sum.spaceEnd > p ? sum.spaceEndWidth : pw;
      space.textWidth += sw - pw;
      space.length += s - p;
    } else {
      s = sum.spaceEnd >= 0 ? sum.spaceEnd : start;
      sw = sum.spaceEnd >= 0 ? sum.spaceEndWidth : 0;
      space.textWidth += sw;
      space.length += s - start;
    }
    tmp.textWidth += sum.width - sw;
    tmp.length += itemEnd - s;
    this.glyphCount += itemEnd - start;
    this.whiteSpaceOrObject = endsWithSpace;
    // the last glyph of the item's last word
    const lastWordEnd = s < itemEnd ? itemEnd : p;
    if (lastWordEnd > start) this.previousGlyph = it.glyphStart + (lastWordEnd - 1 - start);
    this.currentPosition = itemEnd;
  }

  /** The scan returns where Qt jumps to 'found'. */
  scan(): void {
    const engine = this.engine!;
    const shaped = this.shaped!;
    const line = this.line!;
    const items = shaped.items;
    const text = shaped.text;
    const len = text.length;
    const { advances, logClusters } = shaped;
    const tmp = this.tmp;
    const space = this.space;
    const breakany = this.breakany;
    const manualWrap = this.manualWrap;
    const lineBreak = this.lineBreak;
    const graphemeBoundary = this.graphemeBoundary;
    while (this.newItem < items.length) {
      this.rightBearing = RB_NOT_CALCULATED;
      this.softHyphenWidth = 0;
      if (this.newItem !== this.item) {
        this.item = this.newItem;
        const cur = items[this.item]!;
        this.currentPosition = Math.max(line.from, cur.start);
        this.end = cur.end;
        if (this.fontMetrics !== cur.metrics) {
          this.fontMetrics = cur.metrics;
          this.minimumRightBearing = Math.min(0, fromReal(cur.metrics.minRightBearing));
        }
      }
      const item = this.item;
      const end = this.end;
      const current = items[item]!;
      const m = current.metrics;
      tmp.leading = Math.max(tmp.leading + tmp.ascent, m.leading + m.ascent) - Math.max(tmp.ascent, m.ascent);
      tmp.ascent = Math.max(tmp.ascent, m.ascent);
      tmp.descent = Math.max(tmp.descent, m.descent);

      const summary = pendingItem(shaped, item);
      if (summary !== null) {
        if (manualWrap && this.currentPosition === current.start) {
          this.addSummarized(summary, current);
          this.newItem = item + 1;
          continue;
        }
        ensureItem(shaped, item);
      }
      if (
        current.kind === ItemKind.Tab &&
        engine.alignment & (QtAlign.Left | QtAlign.Right | QtAlign.HCenter | QtAlign.Justify)
      ) {
        this.whiteSpaceOrObject = true;
        if (this.checkFullOtherwiseExtend()) return;
        const x = line.x + line.textWidth + tmp.textWidth + space.textWidth;
        const tabWidth = engine.tabWidth(x);
        space.textWidth += tabWidth;
        space.length++;
        this.newItem = item + 1;
        const avg = m.averageCharWidth;
        this.glyphCount += (qfixedDiv(tabWidth, avg) + 32) >> 6;
        this.currentPosition = current.end;
        if (this.checkFullOtherwiseExtend()) return;
      } else if (current.kind === ItemKind.Separator) {
        this.whiteSpaceOrObject = true;
        if (!line.length && !tmp.length) engine.setDefaultHeight(line);
        tmp.length++;
        if (this.previousGlyph >= 0) this.rbOfGlyph(this.previousGlyph);
        addTo(line, tmp);
        return;
      } else if (this.isBreakableSpace(this.currentPosition)) {
        this.whiteSpaceOrObject = true;
        while (this.currentPosition < end && this.isBreakableSpace(this.currentPosition))
          this.addNextCluster(space, current.glyphEnd);
        if (!manualWrap && space.textWidth > line.width) {
          space.textWidth = line.width; // ignore spaces that fall out of the line
          return;
        }
      } else {
        this.whiteSpaceOrObject = false;
        let sbOrWs = false;
        this.saveCurrentGlyph();
        if (graphemeBoundary === null) {
          // the loop below, in a small function of its own: a word can be a megabyte long
          const limit =
            this.stopAtOverflow && line.length === 0 ? line.width - line.textWidth : Number.POSITIVE_INFINITY;
          const r = wordScan;
          r.pos = this.currentPosition;
          r.width = tmp.textWidth;
          r.length = tmp.length;
          r.clusters = this.glyphCount;
          sbOrWs = scanWord(shaped, r, end, current.glyphEnd, lineBreak, limit);
          this.currentPosition = r.pos;
          tmp.textWidth = r.width;
          tmp.length = r.length;
          this.glyphCount = r.clusters;
          if (r.overflowed) {
            this.overflowed = true;
            return;
          }
        } else {
          do {
            this.addNextCluster(tmp, current.glyphEnd);
            const pos = this.currentPosition;
            if (pos >= len || this.isBreakableSpace(pos) || lineBreak?.[pos]) {
              sbOrWs = true;
              break;
            } else if (graphemeBoundary[pos]) {
              break;
            }
          } while (this.currentPosition < end);
        }
        this.minw = Math.max(tmp.textWidth, this.minw);

        const pos = this.currentPosition;
        if (pos > 0 && pos < end && lineBreak?.[pos] && text.charCodeAt(pos - 1) === 0xad) {
          const w = advances[logClusters[pos - 1]!]!;
          if (line.length) this.softHyphenWidth = w;
          else if (breakany) tmp.textWidth += w;
        }

        if (sbOrWs || breakany) {
          const previousRightBearing = this.rightBearing;
          if (this.calculateNewWidth() + Math.abs(this.minimumRightBearing) > line.width)
            this.calculateRightBearing();
          if (this.checkFullOtherwiseExtend()) {
            if (previousRightBearing !== RB_NOT_CALCULATED) this.rightBearing = previousRightBearing;
            else if (this.previousGlyph >= 0) this.rbOfGlyph(this.previousGlyph);
            if (!breakany) line.textWidth += this.softHyphenWidth;
            return;
          }
        }
        this.saveCurrentGlyph();
      }
      if (this.currentPosition === end) this.newItem = item + 1;
    }
    this.checkFullOtherwiseExtend();
  }
}

const lineScans: LineScan[] = [];
let lineScanDepth = 0;
