// TextInput (QQuickTextInput): one line of editable text, as a headless
// model. The editing logic is a port of QQuickTextInputPrivate (qtdeclarative
// src/quick/items/qquicktextinput.cpp): the text with its cursor and
// selection, an undo history of single-character commands, validators and
// input masks, echo modes, key handling (QKeySequence bindings of the X11
// scheme), the mouse (press, drag, double and triple click), an input method
// pre-edit string, horizontal scrolling to keep the cursor visible, and the
// cursor rectangle. Hosts feed it key events (keyPressEvent), pointer
// events, and IME text (setPreedit / commitText); the renderer reads
// `inputLayout`, `scrollX`/`scrollY`, the selection and `cursorRectangle`.
import { defineType, type MetaObject, type QObject } from '../../engine/qobject';
import { currentObserver } from '../../engine/reactive';
import { QColor, QRect } from '../../engine/valuetypes';
import { clipboard } from '../clipboard';
import { FontMetrics, measureTextInput, type ResolvedFont, type TextInputMetrics } from '../text';
import { capitalize, type Font, FontMeta, type FontOwner, fontProperty } from './Font';
import {
  Change,
  Dirty,
  IMPLICIT_SIZE,
  ITEM,
  Item,
  ItemMeta,
  type KeyEventLike,
  type PointerEventLike,
} from './Item';
import { Key, Mod, matchesStandardKey, StandardKey } from './Keys';
import { DEFAULT_FONT, mirroredAlign } from './Text';
import { isRightToLeft } from './text-direction';
import { VALIDATOR_CHANGED, type Validator, ValidatorState } from './validator-base';

const INT_MAX = 2147483647;
/** QStyleHints defaults on the reference machine. */
const START_DRAG_DISTANCE = 10;
const DOUBLE_CLICK_INTERVAL = 400;

export enum EchoMode {
  Normal = 0,
  NoEcho = 1,
  Password = 2,
  PasswordEchoOnEdit = 3,
}

enum Align {
  Left = 1,
  Right = 2,
  HCenter = 4,
  Top = 32,
  Bottom = 64,
  VCenter = 128,
}

/** QQuickTextInputPrivate::CommandType (the order matters: undo groups compare the values). */
enum Cmd {
  Separator = 0,
  Insert = 1,
  Remove = 2,
  Delete = 3,
  RemoveSelection = 4,
  DeleteSelection = 5,
  SetSelection = 6,
}

interface Command {
  type: Cmd;
  pos: number;
  uc: string;
  selStart: number;
  selEnd: number;
}

const command = (type: Cmd, pos: number, uc: string, selStart: number, selEnd: number): Command => ({
  type,
  pos,
  uc,
  selStart,
  selEnd,
});

/** An input mask (input-mask.ts, loaded with the types that load on first use). */
export interface InputMaskLike {
  readonly length: number;
  readonly data: ReadonlyArray<{ maskChar: string; separator: boolean }>;
  isValidInput(key: string, maskChar: string): boolean;
  find(pos: number, maxLength: number, forward: boolean, findSeparator: boolean, searchChar?: string): number;
  maskString(pos: number, str: string, fill: string, maxLength: number): string;
  clearString(pos: number, len: number, maxLength: number): string;
  stripString(str: string, maxLength: number): string;
  toString(): string;
}

let maskClass: (new (maskFields: string) => InputMaskLike) | null = null;
let loadMask: (() => Promise<unknown>) | null = null;

/** Gives TextInput its input mask code (input-mask.ts) and how to load it when it is not there yet. */
export function provideInputMask(
  ctor: (new (maskFields: string) => InputMaskLike) | null,
  load?: () => Promise<unknown>,
): void {
  if (ctor !== null) maskClass = ctor;
  if (load !== undefined) loadMask = load;
}

// ---- character classes (QChar) ------------------------------------------------

const isSpaceChar = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
export const isPrint = (s: string): boolean => {
  const cp = s.codePointAt(0);
  if (cp === undefined || cp < 0x20) return false;
  if (cp < 0x7f) return true;
  return !/[\p{Cc}\p{Cn}]/u.test(String.fromCodePoint(cp));
};

/**
 * Line and paragraph separators and the object replacement character are
 * shown as spaces (QQuickTextInputPrivate::updateDisplayText); Qt 6 keeps
 * control characters (measured: most draw the font's box).
 */
function replaceUnprintable(str: string): string {
  let out: string | null = null;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x2028 || c === 0x2029 || c === 0xfffc) {
      out ??= str.slice(0, i);
      out += ' ';
    } else if (out !== null) out += str[i];
  }
  return out ?? str;
}

/** QTextEngine::atWordSeparator */
const WORD_SEPARATORS = new Set('.,?!@#$:;-<>[](){}=/+%&^*\'"`~|\\');

let graphemes: Intl.Segmenter | null = null;
let words: Intl.Segmenter | null = null;

/** Grapheme cluster boundaries of a string (QCharAttributes::graphemeBoundary). */
function graphemeBoundaries(text: string): Set<number> {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = new Set<number>([text.length]);
  for (const s of graphemes.segment(text)) out.add(s.index);
  return out;
}

/** QTextLayout::nextCursorPosition */
function nextCursorPosition(text: string, oldPos: number, skipWords: boolean): number {
  const len = text.length;
  if (oldPos < 0 || oldPos >= len) return oldPos;
  let pos = oldPos;
  if (!skipWords) {
    const b = graphemeBoundaries(text);
    pos++;
    while (pos < len && !b.has(pos)) pos++;
    return pos;
  }
  if (pos < len && WORD_SEPARATORS.has(text[pos]!)) {
    pos++;
    while (pos < len && WORD_SEPARATORS.has(text[pos]!)) pos++;
  } else {
    while (pos < len && !isSpaceChar(text[pos]) && !WORD_SEPARATORS.has(text[pos]!)) pos++;
  }
  while (pos < len && isSpaceChar(text[pos])) pos++;
  return pos;
}

/** QTextLayout::previousCursorPosition */
function previousCursorPosition(text: string, oldPos: number, skipWords: boolean): number {
  const len = text.length;
  if (oldPos <= 0 || oldPos > len) return oldPos;
  let pos = oldPos;
  if (!skipWords) {
    const b = graphemeBoundaries(text);
    pos--;
    while (pos > 0 && !b.has(pos)) pos--;
    return pos;
  }
  while (pos > 0 && isSpaceChar(text[pos - 1])) pos--;
  if (pos && WORD_SEPARATORS.has(text[pos - 1]!)) {
    pos--;
    while (pos && WORD_SEPARATORS.has(text[pos - 1]!)) pos--;
  } else {
    while (pos > 0 && !isSpaceChar(text[pos - 1]) && !WORD_SEPARATORS.has(text[pos - 1]!)) pos--;
  }
  return pos;
}

/** QTextBoundaryFinder(Word) over a string: boundaries with start/end-of-word reasons. */
class WordBoundaries {
  private readonly starts = new Set<number>();
  private readonly ends = new Set<number>();
  private readonly all: number[] = [];
  constructor(text: string) {
    words ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    const set = new Set<number>([0, text.length]);
    for (const s of words.segment(text)) {
      set.add(s.index);
      set.add(s.index + s.segment.length);
      if (s.isWordLike) {
        this.starts.add(s.index);
        this.ends.add(s.index + s.segment.length);
      }
    }
    this.all = [...set].sort((a, b) => a - b);
  }
  isBoundary(p: number): boolean {
    return this.all.includes(p);
  }
  isStartOfItem(p: number): boolean {
    return this.starts.has(p);
  }
  isEndOfItem(p: number): boolean {
    return this.ends.has(p);
  }
  next(p: number): number {
    for (const b of this.all) if (b > p) return b;
    return -1;
  }
  previous(p: number): number {
    for (let i = this.all.length - 1; i >= 0; i--) if (this.all[i]! < p) return this.all[i]!;
    return -1;
  }
}

/** Where the text is drawn and how to find cursor positions in it: what the renderer reads. */
export interface TextInputLayout {
  /** the laid-out string: the display text with the pre-edit string at `preeditStart` */
  readonly text: string;
  readonly metrics: TextInputMetrics;
  readonly preeditStart: number;
  readonly preeditLength: number;
}

/** Qt::IBeamCursor. */
const CURSOR_IBEAM = 4;

export class TextInput extends Item implements FontOwner {
  declare text: string;
  declare readonly font: Font;
  declare readonly displayText: string;
  declare cursorPosition: number;
  declare readonly cursorRectangle: QRect;
  declare cursorVisible: boolean;
  declare readonly selectionStart: number;
  declare readonly selectionEnd: number;
  declare readonly selectedText: string;
  declare readOnly: boolean;
  declare echoMode: number;
  declare maximumLength: number;
  declare horizontalAlignment: number;
  declare verticalAlignment: number;
  declare readonly acceptableInput: boolean;
  declare readonly contentWidth: number;
  declare readonly contentHeight: number;
  declare selectByMouse: boolean;
  declare persistentSelection: boolean;

  /** QStyleHints::cursorFlashTime: the cursor shows for half of it and hides for the other half. */
  static readonly cursorFlashTime = 1000;
  /** Incremented whenever Qt restarts the blink with the cursor shown (a key, focus): the renderer's blink phase starts over. */
  cursorBlinkEpoch = 0;

  // ---- QQuickTextInputPrivate state ----
  private m_text = '';
  private m_cursor = 0;
  private m_selstart = 0;
  private m_selend = 0;
  private m_lastCursorPos = -1;
  private history: Command[] = [];
  private undoState = 0;
  private separator = false;
  private textDirty = false;
  private selDirty = false;
  private validInput = true;
  private maxLength = 32767;
  private passwordEchoEditing = false;
  private passwordEchoTimer: unknown = null;
  /** m_textLayout.text(): the text as shown (echo mode applied), without the pre-edit string. */
  private displayStr = '';
  private preedit = '';
  private preeditPos = 0;
  private preeditCursor = 0;
  private hasImState = false;
  private preeditDirty = false;
  private hscroll = 0;
  private vscroll = 0;
  private requireImplicitWidth = false;
  private inLayout = false;
  private hAlignImplicit = true;
  private explicitPadding = 0;
  private mask: InputMaskLike | null = null;
  private layout: TextInputLayout | null = null;
  // mouse
  private selectPressed = false;
  private tripleClickX = 0;
  private tripleClickY = 0;
  private tripleClickTime = Number.NEGATIVE_INFINITY;

  constructor() {
    super();
    // Qt: QQuickTextInputPrivate::init sets the I-beam cursor.
    this.itemCursor = CURSOR_IBEAM;
    this.acceptedMouseButtons = 1;
    // QQuickTextInput::focusInEvent / focusOutEvent
    this.$connect(ACTIVE_FOCUS_CHANGED, {
      fn: () => this.handleFocusEvent(this.$v[ITEM.activeFocus] as boolean),
      thisArg: this,
      report: (e) => this.$engine?.reportError(e, undefined),
    });
  }

  /** The laid-out line (null before componentComplete). */
  get inputLayout(): TextInputLayout | null {
    return this.layout;
  }
  /** How far the text is scrolled left (autoScroll keeps the cursor inside the item). */
  get scrollX(): number {
    return this.hscroll;
  }
  /** How far the text is moved up (negative: moved down by verticalAlignment). */
  get scrollY(): number {
    return this.vscroll;
  }
  /** The pre-edit (IME composition) string shown at the cursor. */
  get preeditString(): string {
    return this.preedit;
  }

  get resolvedFont(): ResolvedFont {
    const f = this.$v[TI.font] as Font | null;
    return f === null ? DEFAULT_FONT : f.resolved;
  }

  private get ready(): boolean {
    return this.isComponentComplete && !this.$destroyed;
  }

  private get padLeft(): number {
    return this.$v[TI.leftPadding] as number;
  }
  private get padRight(): number {
    return this.$v[TI.rightPadding] as number;
  }
  private get padTop(): number {
    return this.$v[TI.topPadding] as number;
  }
  private get padBottom(): number {
    return this.$v[TI.bottomPadding] as number;
  }
  private get echo(): EchoMode {
    return this.$v[TI.echoMode] as EchoMode;
  }
  private get isReadOnly(): boolean {
    return this.$v[TI.readOnly] as boolean;
  }

  protected override componentComplete(): void {
    this.checkIsValid();
    this.updateLayout();
    this.updateCursorRectangle();
  }

  fontUpdated(): void {
    this.updateLayout();
    this.updateCursorRectangle();
    this.$emit(TI.fontChanged, undefined);
  }

  // ---- text ---------------------------------------------------------------------

  /** QQuickTextInput::text(): the text without the blanks of an input mask. */
  private realText(): string {
    return this.mask ? this.stripString(this.m_text) : this.m_text;
  }

  setText(s: string): void {
    if (s === this.realText()) return;
    this.cancelPreedit();
    this.internalSetText(s, -1, false);
  }

  private internalSetText(txt: string, pos = -1, edited = true): void {
    this.internalDeselect();
    const oldText = this.m_text;
    if (this.mask) {
      this.m_text = this.maskString(0, txt, true);
      this.m_text += this.clearString(this.m_text.length, this.maxLength - this.m_text.length);
    } else {
      this.m_text = txt === '' ? txt : txt.slice(0, this.maxLength);
    }
    this.history = [];
    this.undoState = 0;
    this.m_cursor = pos < 0 || pos > this.m_text.length ? this.m_text.length : pos;
    this.textDirty = oldText !== this.m_text;
    this.finishChange(-1, true, edited);
  }

  /** QQuickTextInputPrivate::finishChange: validates a change, emits what changed. False when it was undone. */
  private finishChange(validateFromState = -1, _update = false, edited = true): boolean {
    let alignmentChanged = false;
    let textChanged = false;
    if (this.textDirty) {
      const wasValidInput = this.validInput;
      const wasAcceptable = this.$v[TI.acceptableInput] as boolean;
      this.validInput = true;
      let acceptable = true;
      const validator = this.$v[TI.validator] as Validator | null;
      if (validator) {
        const r = validator.validate(this.m_text, this.m_cursor);
        this.validInput = r.state !== ValidatorState.Invalid;
        acceptable = r.state === ValidatorState.Acceptable;
        if (this.validInput) {
          if (this.m_text !== r.input) {
            this.$store(TI.acceptableInput, acceptable);
            this.internalSetText(r.input, r.pos);
            return true;
          }
          this.m_cursor = r.pos;
        }
      }
      if (this.mask) {
        if (this.m_text.length !== this.maxLength) acceptable = false;
        else {
          for (let i = 0; i < this.maxLength; i++) {
            const md = this.mask.data[i]!;
            const ch = this.m_text[i]!;
            if (md.separator ? ch !== md.maskChar : !this.mask.isValidInput(ch, md.maskChar)) {
              acceptable = false;
              break;
            }
          }
        }
      }
      if (validateFromState >= 0 && wasValidInput && !this.validInput) {
        this.internalUndo(validateFromState);
        this.history.length = this.undoState;
        this.validInput = true;
        acceptable = wasAcceptable;
        this.textDirty = false;
      }
      this.$store(TI.acceptableInput, acceptable);
      if (this.textDirty) {
        textChanged = true;
        this.textDirty = false;
        this.preeditDirty = false;
        alignmentChanged = this.determineHorizontalAlignment();
        this.$v[TI.length] = this.m_text.length;
        // Qt's text() reads the new text in textEdited handlers, then textChanged follows
        this.$v[TI.text] = this.realText();
        if (edited) this.$emit(TI.textEdited, undefined);
        this.$emit(TI.textChanged, undefined);
      }
      this.updateDisplayText(alignmentChanged);
    }
    if (this.preeditDirty) {
      this.preeditDirty = false;
      if (this.determineHorizontalAlignment()) {
        alignmentChanged = true;
        this.updateLayout();
      }
    }
    if (this.selDirty) {
      this.selDirty = false;
      this.selectionDidChange();
    }
    this.emitUndoRedoChanged();
    if (!this.emitCursorPositionChanged() && (alignmentChanged || textChanged)) this.updateCursorRectangle();
    return true;
  }

  /** QQuickTextInputPrivate::updateDisplayText: the text as the echo mode shows it. */
  private updateDisplayText(forceUpdate = false): void {
    const orig = this.displayStr;
    const echo = this.echo;
    let str = echo === EchoMode.NoEcho ? '' : this.m_text;
    const pc = this.$v[TI.passwordCharacter] as string;
    if (echo === EchoMode.Password) {
      const chars = Array.from({ length: str.length }, () => pc);
      if (this.passwordEchoTimer !== null && this.m_cursor > 0 && this.m_cursor <= this.m_text.length) {
        // the character just typed stays visible for passwordMaskDelay
        const cursor = this.m_cursor - 1;
        chars[cursor] = this.m_text[cursor]!;
        const uc = this.m_text.charCodeAt(cursor);
        if (cursor > 0 && uc >= 0xdc00 && uc < 0xe000) {
          const hi = this.m_text.charCodeAt(cursor - 1);
          if (hi >= 0xd800 && hi < 0xdc00) chars[cursor - 1] = this.m_text[cursor - 1]!;
        }
      }
      str = chars.join('');
    } else if (echo === EchoMode.PasswordEchoOnEdit && !this.passwordEchoEditing) {
      str = pc.repeat(str.length);
    }
    // Qt: non-printable characters are drawn as spaces
    str = replaceUnprintable(str);
    if (str !== orig || forceUpdate) {
      this.displayStr = str;
      this.updateLayout();
      this.storeDisplayText();
    }
  }

  private storeDisplayText(): void {
    const d = this.displayStr;
    const p = this.preedit;
    const pos = Math.min(this.preeditPos, d.length);
    this.$store(TI.displayText, p === '' ? d : d.slice(0, pos) + p + d.slice(pos));
  }

  /** The string laid out: the display text with the pre-edit string at the cursor. */
  private layoutString(): string {
    const d = this.displayStr;
    if (this.preedit === '') return d;
    const pos = Math.min(this.preeditPos, d.length);
    return d.slice(0, pos) + this.preedit + d.slice(pos);
  }

  private capitalized(s: string): string {
    const f = this.$v[TI.font] as Font | null;
    const caps = f === null ? 0 : (f.$v[CAPS] as number);
    return caps === 0 ? s : capitalize(s, caps).text;
  }

  // ---- layout -------------------------------------------------------------------

  /** QQuickTextInputPrivate::updateLayout */
  private updateLayout(): void {
    if (!this.ready) return;
    const font = this.resolvedFont;
    const text = this.layoutString();
    const lp = this.padLeft;
    const rp = this.padRight;
    const lineWidth = this.widthValid ? (this.$v[ITEM.width] as number) - lp - rp : INT_MAX;
    const metrics = measureTextInput(this.capitalized(text), font, {
      lineWidth,
      alignment: this.$v[TI.effectiveHorizontalAlignment] as number,
    });
    this.layout = {
      text,
      metrics,
      preeditStart: this.preedit === '' ? -1 : Math.min(this.preeditPos, this.displayStr.length),
      preeditLength: this.preedit.length,
    };
    const tp = this.padTop;
    const bp = this.padBottom;
    const h = metrics.contentHeight + tp + bp;
    this.inLayout = true;
    try {
      // Qt: whole pixels once implicitWidth was read; the text's width while it follows it
      if (this.requireImplicitWidth) this.setImplicitSize(Math.ceil(metrics.contentWidth) + lp + rp, h);
      else if (!this.widthValid) this.setImplicitSize(metrics.contentWidth + lp + rp, h);
      else this.setImplicitSize(this.$v[ITEM.implicitWidth] as number, h);
    } finally {
      this.inLayout = false;
    }
    this.$store(TI.contentWidth, metrics.contentWidth);
    this.$store(TI.contentHeight, metrics.contentHeight);
    this.updateBaselineOffset();
    this.markDirty(Dirty.Content);
  }

  /**
   * QQuickTextInputPrivate::getImplicitWidth: the first read of implicitWidth
   * switches it to whole pixels (ceil of the text's width) without moving
   * the item's width; later layouts keep it whole. Measured: "Hello World"
   * is 68.5313 wide and reads implicitWidth 69 while width stays 68.5313.
   */
  requireImplicitWidthNow(): void {
    if (this.requireImplicitWidth) return;
    this.requireImplicitWidth = true;
    if (!this.ready) return;
    const d = this.m_text;
    const p = this.preedit;
    const pos = Math.min(this.m_cursor, d.length);
    const text = p === '' ? d : d.slice(0, pos) + p + d.slice(pos);
    const m = measureTextInput(this.capitalized(text), this.resolvedFont);
    this.$v[ITEM.implicitWidth] = Math.ceil(m.contentWidth) + this.padLeft + this.padRight;
  }

  private updateBaselineOffset(): void {
    if (!this.ready) return;
    const ascent = new FontMetrics(this.resolvedFont).ascent;
    let yoff = 0;
    if (this.heightValid) {
      const surplus =
        (this.$v[ITEM.height] as number) -
        (this.$v[TI.contentHeight] as number) -
        this.padTop -
        this.padBottom;
      const va = this.$v[TI.verticalAlignment];
      if (va === Align.Bottom) yoff = surplus;
      else if (va === Align.VCenter) yoff = surplus / 2;
    }
    this.$store(ITEM.baselineOffset, ascent + yoff + this.padTop);
  }

  override geometryChanged(change: Change, old: number): void {
    if (!this.inLayout && this.ready) {
      if (change & Change.Width) this.updateLayout();
      else if (change & Change.Height && this.$v[TI.verticalAlignment] !== Align.Top)
        this.updateBaselineOffset();
      if (change & (Change.Width | Change.Height)) this.updateCursorRectangle();
    }
    super.geometryChanged(change, old);
  }

  private cursorToX(pos: number): number {
    return this.layout ? this.layout.metrics.cursorToX(pos) : 0;
  }

  /** QQuickTextInput::cursorRectangle */
  private computeCursorRectangle(): QRect {
    if (!this.layout) return new QRect(0, 0, 0, 0);
    let c = this.m_cursor + this.preeditCursor;
    if (this.echo === EchoMode.NoEcho) c = 0;
    const x = this.cursorToX(c) - this.hscroll + this.padLeft;
    const y = -this.vscroll + this.padTop;
    let w = 1;
    if (this.$v[TI.overwriteMode] as boolean) {
      if (c < this.realText().length) w = this.cursorToX(c + 1) - x;
      else w = Math.round(new FontMetrics(this.resolvedFont).advanceWidth(' '));
    }
    return new QRect(x, y, w, this.layout.metrics.contentHeight);
  }

  /** QQuickTextInput::updateCursorRectangle */
  private updateCursorRectangle(scroll = true): void {
    if (!this.ready) return;
    if (scroll) {
      this.updateHorizontalScroll();
      this.updateVerticalScroll();
    }
    this.markDirty(Dirty.Content);
    this.$store(TI.cursorRectangle, this.computeCursorRectangle());
  }

  /** QQuickTextInputPrivate::ensureVisible: scrolls so that the cursor at `position` is inside the item. */
  private ensureCursorVisible(position: number, preeditCursor = 0, preeditLength = 0): void {
    const width = Math.max(0, (this.$v[ITEM.width] as number) - this.padLeft - this.padRight);
    let cix = 0;
    let widthUsed = 0;
    if (this.layout) {
      cix = this.cursorToX(position + preeditLength);
      const cursorWidth = cix >= 0 ? cix : width - cix;
      widthUsed = Math.max(this.layout.metrics.contentWidth, cursorWidth);
    }
    const previous = this.hscroll;
    if (widthUsed <= width) {
      this.hscroll = 0;
    } else {
      if (cix - this.hscroll >= width) this.hscroll = cix - width;
      else if (cix - this.hscroll < 0 && this.hscroll < widthUsed) this.hscroll = cix;
      else if (widthUsed - this.hscroll < width) this.hscroll = widthUsed - width;
      else if (width - this.hscroll > widthUsed) this.hscroll = width - widthUsed;
      if (preeditLength > 0) {
        cix = this.cursorToX(position + Math.max(0, preeditCursor - 1));
        if (cix < this.hscroll) this.hscroll = cix;
      }
    }
    if (previous !== this.hscroll) this.markDirty(Dirty.Content);
  }

  private updateHorizontalScroll(): void {
    if ((this.$v[TI.autoScroll] as boolean) && this.echo !== EchoMode.NoEcho)
      this.ensureCursorVisible(this.m_cursor, this.preeditCursor, this.preedit.length);
    else this.hscroll = 0;
  }

  private updateVerticalScroll(): void {
    const height = Math.max(0, (this.$v[ITEM.height] as number) - this.padTop - this.padBottom);
    const heightUsed = this.$v[TI.contentHeight] as number;
    const va = this.$v[TI.verticalAlignment];
    if (!(this.$v[TI.autoScroll] as boolean) || heightUsed <= height) {
      // the text fits: vscroll does the vertical alignment
      let y = 0;
      if (va === Align.Bottom) y = height - heightUsed;
      else if (va === Align.VCenter) y = (height - heightUsed) / 2;
      this.vscroll = -y;
    } else {
      // one line taller than the item: QRect's bottom is the last pixel row (measured: a 14 px
      // line in an 8 px AlignVCenter input is scrolled up by 5)
      const top = 0;
      const bottom = Math.round(heightUsed) - 1;
      if (bottom - this.vscroll >= height) this.vscroll = bottom - height;
      else if (top - this.vscroll < 0 && this.vscroll < heightUsed) this.vscroll = top;
      else if (heightUsed - this.vscroll < height) this.vscroll = heightUsed - height;
    }
  }

  // ---- cursor and selection ---------------------------------------------------

  private hasSelectedText(): boolean {
    return this.m_text !== '' && this.m_selend > this.m_selstart;
  }
  private selStart(): number {
    return this.hasSelectedText() ? this.m_selstart : -1;
  }
  private selEnd(): number {
    return this.hasSelectedText() ? this.m_selend : -1;
  }
  /**
   * Qt's ShortcutOverride for a TextInput (QQuickTextInput::event): it keeps
   * the standard editing keys and unmodified typing keys; its Keys handlers
   * are asked about the others. A read-only one keeps none and asks nobody.
   */
  override keepsShortcutKey(e: KeyEventLike): boolean {
    if (this.$v[TI.readOnly] as boolean) return false;
    if (SHORTCUT_EDITING_KEYS.some((k) => matchesStandardKey(e, k))) return true;
    const m = e.modifiers & ~Mod.GroupSwitch;
    if (
      (m === 0 || m === Mod.Shift || m === Mod.Keypad) &&
      (e.key < Key.Escape || SHORTCUT_PLAIN_KEYS.has(e.key))
    )
      return true;
    return super.keepsShortcutKey(e);
  }

  /** What `selectedText` reads: the selection as it is now (Qt computes it), even inside a change's signals. */
  selectedString(): string {
    return this.hasSelectedText() ? this.m_text.slice(this.m_selstart, this.m_selend) : '';
  }

  private internalDeselect(): void {
    this.selDirty ||= this.m_selend > this.m_selstart;
    this.m_selstart = 0;
    this.m_selend = 0;
  }

  /** QQuickTextInput::selectionChanged (the private slot) */
  private selectionDidChange(): void {
    this.markDirty(Dirty.Content);
    this.$store(TI.selectedText, this.selectedString());
    let s = this.selStart();
    if (s === -1) s = this.m_cursor;
    if ((this.$v[TI.selectionStart] as number) !== this.selStart()) this.$store(TI.selectionStart, s);
    let e = this.selEnd();
    if (e === -1) e = this.m_cursor;
    if ((this.$v[TI.selectionEnd] as number) !== this.selEnd()) this.$store(TI.selectionEnd, e);
  }

  private emitCursorPositionChanged(): boolean {
    if (this.m_cursor === this.m_lastCursorPos) return false;
    this.m_lastCursorPos = this.m_cursor;
    this.updateCursorRectangle();
    this.$store(TI.cursorPosition, this.m_cursor);
    if (!this.hasSelectedText()) {
      this.$store(TI.selectionStart, this.m_cursor);
      this.$store(TI.selectionEnd, this.m_cursor);
    }
    return true;
  }

  /** QQuickTextInputPrivate::setSelection */
  private setSelection(start: number, length: number): void {
    this.commitPreedit();
    if (start < 0 || start > this.m_text.length) {
      this.$engine?.sink.warn('QQuickTextInputPrivate::setSelection: Invalid start position');
      return;
    }
    if (length > 0) {
      if (start === this.m_selstart && start + length === this.m_selend && this.m_cursor === this.m_selend)
        return;
      this.m_selstart = start;
      this.m_selend = Math.min(start + length, this.m_text.length);
      this.m_cursor = this.m_selend;
    } else if (length < 0) {
      if (start === this.m_selend && start + length === this.m_selstart && this.m_cursor === this.m_selstart)
        return;
      this.m_selstart = Math.max(start + length, 0);
      this.m_selend = start;
      this.m_cursor = this.m_selstart;
    } else if (this.m_selstart !== this.m_selend) {
      this.m_selstart = 0;
      this.m_selend = 0;
      this.m_cursor = start;
    } else {
      this.m_cursor = start;
      this.emitCursorPositionChanged();
      return;
    }
    this.selectionDidChange();
    this.emitCursorPositionChanged();
  }

  /** QQuickTextInputPrivate::moveCursor: moves the cursor, extending the selection when `mark`. */
  private moveCursor(p: number, mark = false): void {
    this.commitPreedit();
    let pos = p;
    if (pos !== this.m_cursor) {
      this.separator = true;
      if (this.mask) pos = pos > this.m_cursor ? this.nextMaskBlank(pos) : this.prevMaskBlank(pos);
    }
    if (mark) {
      let anchor: number;
      if (this.m_selend > this.m_selstart && this.m_cursor === this.m_selstart) anchor = this.m_selend;
      else if (this.m_selend > this.m_selstart && this.m_cursor === this.m_selend) anchor = this.m_selstart;
      else anchor = this.m_cursor;
      this.m_selstart = Math.min(anchor, pos);
      this.m_selend = Math.max(anchor, pos);
    } else {
      this.internalDeselect();
    }
    this.m_cursor = pos;
    if (mark || this.selDirty) {
      this.selDirty = false;
      this.selectionDidChange();
    }
    this.emitCursorPositionChanged();
  }

  private cursorForward(mark: boolean, steps: number): void {
    let c = this.m_cursor;
    const t = this.displayStr;
    if (steps > 0) while (steps-- > 0) c = nextCursorPosition(t, c, false);
    else while (steps++ < 0) c = previousCursorPosition(t, c, false);
    this.moveCursor(c, mark);
  }
  private cursorWordForward(mark: boolean): void {
    this.moveCursor(nextCursorPosition(this.displayStr, this.m_cursor, true), mark);
  }
  private cursorWordBackward(mark: boolean): void {
    this.moveCursor(previousCursorPosition(this.displayStr, this.m_cursor, true), mark);
  }
  private home(mark: boolean): void {
    this.moveCursor(0, mark);
  }
  private end(mark: boolean): void {
    this.moveCursor(this.realText().length, mark);
  }

  /** QQuickTextInputPrivate::selectWordAtPos */
  private selectWordAtPos(cursor: number): void {
    let next = cursor + 1;
    if (next > this.m_text.length) --next;
    const c = previousCursorPosition(this.displayStr, next, true);
    this.moveCursor(c, false);
    let end = nextCursorPosition(this.displayStr, c, true);
    while (end > cursor && isSpaceChar(this.m_text[end - 1])) --end;
    this.moveCursor(end, true);
  }

  private isLeftToRight(): boolean {
    return !isRightToLeft(this.m_text === '' ? this.preedit : this.m_text);
  }

  // ---- edits and undo -----------------------------------------------------------

  private addCommand(cmd: Command): void {
    if (this.separator && this.undoState && this.history[this.undoState - 1]!.type !== Cmd.Separator) {
      this.history.length = this.undoState + 2;
      this.history[this.undoState++] = command(
        Cmd.Separator,
        this.m_cursor,
        '',
        this.m_selstart,
        this.m_selend,
      );
    } else {
      this.history.length = this.undoState + 1;
    }
    this.separator = false;
    this.history[this.undoState++] = cmd;
  }

  private internalInsert(s: string): void {
    if (this.echo === EchoMode.Password) this.startPasswordEchoTimer();
    if (this.mask) {
      const ms = this.maskString(this.m_cursor, s);
      for (let i = 0; i < ms.length; i++) {
        this.addCommand(
          command(Cmd.DeleteSelection, this.m_cursor + i, this.m_text[this.m_cursor + i]!, -1, -1),
        );
        this.addCommand(command(Cmd.Insert, this.m_cursor + i, ms[i]!, -1, -1));
      }
      this.m_text = this.m_text.slice(0, this.m_cursor) + ms + this.m_text.slice(this.m_cursor + ms.length);
      this.m_cursor += ms.length;
      this.m_cursor = this.nextMaskBlank(this.m_cursor);
      this.textDirty = true;
    } else {
      const remaining = this.maxLength - this.m_text.length;
      if (remaining !== 0) {
        const part = s.slice(0, Math.max(0, remaining));
        this.m_text = this.m_text.slice(0, this.m_cursor) + part + this.m_text.slice(this.m_cursor);
        for (let i = 0; i < part.length; i++)
          this.addCommand(command(Cmd.Insert, this.m_cursor++, part[i]!, -1, -1));
        this.textDirty = true;
      }
    }
  }

  private internalDelete(wasBackspace = false): void {
    if (this.m_cursor >= this.m_text.length) return;
    this.cancelPasswordEchoTimer();
    const type = (this.mask ? 2 : 0) + (wasBackspace ? Cmd.Remove : Cmd.Delete);
    this.addCommand(command(type, this.m_cursor, this.m_text[this.m_cursor]!, -1, -1));
    if (this.mask) {
      this.m_text =
        this.m_text.slice(0, this.m_cursor) +
        this.clearString(this.m_cursor, 1) +
        this.m_text.slice(this.m_cursor + 1);
      this.addCommand(command(Cmd.Insert, this.m_cursor, this.m_text[this.m_cursor]!, -1, -1));
    } else {
      this.m_text = this.m_text.slice(0, this.m_cursor) + this.m_text.slice(this.m_cursor + 1);
    }
    this.textDirty = true;
  }

  private removeSelectedText(): void {
    if (!(this.m_selstart < this.m_selend && this.m_selend <= this.m_text.length)) return;
    this.cancelPasswordEchoTimer();
    const t = this.m_text;
    if (this.m_selstart <= this.m_cursor && this.m_cursor < this.m_selend) {
      // the cursor is inside the selection: split the commands so undo restores it
      for (let i = this.m_cursor; i >= this.m_selstart; --i)
        this.addCommand(command(Cmd.DeleteSelection, i, t[i]!, -1, 1));
      for (let i = this.m_selend - 1; i > this.m_cursor; --i)
        this.addCommand(command(Cmd.DeleteSelection, i - this.m_cursor + this.m_selstart - 1, t[i]!, -1, -1));
    } else {
      for (let i = this.m_selend - 1; i >= this.m_selstart; --i)
        this.addCommand(command(Cmd.RemoveSelection, i, t[i]!, -1, -1));
    }
    if (this.mask) {
      const cleared = this.clearString(this.m_selstart, this.m_selend - this.m_selstart);
      this.m_text = t.slice(0, this.m_selstart) + cleared + t.slice(this.m_selend);
      for (let i = 0; i < this.m_selend - this.m_selstart; ++i)
        this.addCommand(command(Cmd.Insert, this.m_selstart + i, this.m_text[this.m_selstart + i]!, -1, -1));
    } else {
      this.m_text = t.slice(0, this.m_selstart) + t.slice(this.m_selend);
    }
    if (this.m_cursor > this.m_selstart)
      this.m_cursor -= Math.min(this.m_cursor, this.m_selend) - this.m_selstart;
    this.internalDeselect();
    this.textDirty = true;
  }

  private separateSelection(): boolean {
    if (!this.hasSelectedText()) return false;
    this.separator = true;
    this.addCommand(command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend));
    return true;
  }

  /** QQuickTextInputPrivate::insert: replaces the selection by `newText`. */
  private insertAtCursor(newText: string): void {
    const priorState = this.undoState;
    if (this.separateSelection()) this.removeSelectedText();
    this.internalInsert(newText);
    this.finishChange(priorState);
  }

  private backspace(): void {
    const priorState = this.undoState;
    if (this.separateSelection()) {
      this.removeSelectedText();
    } else if (this.m_cursor) {
      --this.m_cursor;
      if (this.mask) this.m_cursor = this.prevMaskBlank(this.m_cursor);
      const uc = this.m_text.charCodeAt(this.m_cursor);
      if (this.m_cursor > 0 && uc >= 0xdc00 && uc < 0xe000) {
        const hi = this.m_text.charCodeAt(this.m_cursor - 1);
        if (hi >= 0xd800 && hi < 0xdc00) {
          this.internalDelete(true);
          --this.m_cursor;
        }
      }
      this.internalDelete(true);
    }
    this.finishChange(priorState);
  }

  private del(): void {
    const priorState = this.undoState;
    if (this.separateSelection()) {
      this.removeSelectedText();
    } else {
      let n = nextCursorPosition(this.displayStr, this.m_cursor, false) - this.m_cursor;
      while (n-- > 0) this.internalDelete();
    }
    this.finishChange(priorState);
  }

  private internalClear(): void {
    const priorState = this.undoState;
    this.separateSelection();
    this.m_selstart = 0;
    this.m_selend = this.m_text.length;
    this.removeSelectedText();
    this.separator = true;
    this.finishChange(priorState, false, false);
  }

  private deleteStartOfWord(): void {
    const priorState = this.undoState;
    const cmd = command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend);
    this.separator = true;
    this.cursorWordBackward(true);
    this.addCommand(cmd);
    this.removeSelectedText();
    this.finishChange(priorState);
  }

  private deleteEndOfWord(): void {
    const priorState = this.undoState;
    const cmd = command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend);
    this.separator = true;
    this.cursorWordForward(true);
    this.addCommand(cmd);
    this.removeSelectedText();
    this.finishChange(priorState);
  }

  private deleteEndOfLine(): void {
    const priorState = this.undoState;
    const cmd = command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend);
    this.separator = true;
    this.setSelection(this.m_cursor, this.m_text.length);
    this.addCommand(cmd);
    this.removeSelectedText();
    this.finishChange(priorState);
  }

  private isUndoAvailable(): boolean {
    return !this.isReadOnly && this.undoState > 0;
  }
  private isRedoAvailable(): boolean {
    return !this.isReadOnly && this.undoState < this.history.length;
  }

  private internalUndo(until = -1): void {
    if (!this.isUndoAvailable()) return;
    this.cancelPasswordEchoTimer();
    this.internalDeselect();
    while (this.undoState && this.undoState > until) {
      const cmd = this.history[--this.undoState]!;
      switch (cmd.type) {
        case Cmd.Insert:
          this.m_text = this.m_text.slice(0, cmd.pos) + this.m_text.slice(cmd.pos + 1);
          this.m_cursor = cmd.pos;
          break;
        case Cmd.SetSelection:
          this.m_selstart = cmd.selStart;
          this.m_selend = cmd.selEnd;
          this.m_cursor = cmd.pos;
          break;
        case Cmd.Remove:
        case Cmd.RemoveSelection:
          this.m_text = this.m_text.slice(0, cmd.pos) + cmd.uc + this.m_text.slice(cmd.pos);
          this.m_cursor = cmd.pos + 1;
          break;
        case Cmd.Delete:
        case Cmd.DeleteSelection:
          this.m_text = this.m_text.slice(0, cmd.pos) + cmd.uc + this.m_text.slice(cmd.pos);
          this.m_cursor = cmd.pos;
          break;
        case Cmd.Separator:
          continue;
      }
      if (until < 0 && this.undoState) {
        const next = this.history[this.undoState - 1]!;
        if (
          next.type !== cmd.type &&
          next.type < Cmd.RemoveSelection &&
          (cmd.type < Cmd.RemoveSelection || next.type === Cmd.Separator)
        )
          break;
      }
    }
    this.separator = true;
    this.textDirty = true;
  }

  private internalRedo(): void {
    if (!this.isRedoAvailable()) return;
    this.internalDeselect();
    while (this.undoState < this.history.length) {
      const cmd = this.history[this.undoState++]!;
      switch (cmd.type) {
        case Cmd.Insert:
          this.m_text = this.m_text.slice(0, cmd.pos) + cmd.uc + this.m_text.slice(cmd.pos);
          this.m_cursor = cmd.pos + 1;
          break;
        case Cmd.SetSelection:
        case Cmd.Separator:
          this.m_selstart = cmd.selStart;
          this.m_selend = cmd.selEnd;
          this.m_cursor = cmd.pos;
          break;
        case Cmd.Remove:
        case Cmd.Delete:
        case Cmd.RemoveSelection:
        case Cmd.DeleteSelection:
          this.m_text = this.m_text.slice(0, cmd.pos) + this.m_text.slice(cmd.pos + 1);
          this.m_selstart = cmd.selStart;
          this.m_selend = cmd.selEnd;
          this.m_cursor = cmd.pos;
          break;
      }
      if (this.undoState < this.history.length) {
        const next = this.history[this.undoState]!;
        if (
          next.type !== cmd.type &&
          cmd.type < Cmd.RemoveSelection &&
          next.type !== Cmd.Separator &&
          (next.type < Cmd.RemoveSelection || cmd.type === Cmd.Separator)
        )
          break;
      }
    }
    this.textDirty = true;
  }

  private emitUndoRedoChanged(): void {
    this.$store(TI.canUndo, this.isUndoAvailable());
    this.$store(TI.canRedo, this.isRedoAvailable());
  }

  // ---- validation -------------------------------------------------------------

  private hasAcceptableInput(str: string): ValidatorState {
    const validator = this.$v[TI.validator] as Validator | null;
    if (validator) {
      const r = validator.validate(str, this.m_cursor);
      if (r.state !== ValidatorState.Acceptable) return r.state;
    }
    if (!this.mask) return ValidatorState.Acceptable;
    if (str.length !== this.maxLength) return ValidatorState.Invalid;
    for (let i = 0; i < this.maxLength; i++) {
      const md = this.mask.data[i]!;
      if (md.separator ? str[i] !== md.maskChar : !this.mask.isValidInput(str[i]!, md.maskChar))
        return ValidatorState.Invalid;
    }
    return ValidatorState.Acceptable;
  }

  private checkIsValid(): void {
    const state = this.hasAcceptableInput(this.m_text);
    this.validInput = state !== ValidatorState.Invalid;
    this.$store(TI.acceptableInput, state === ValidatorState.Acceptable);
  }

  /** QQuickTextInputPrivate::fixup: the validator may turn the text acceptable. */
  private fixup(): boolean {
    const validator = this.$v[TI.validator] as Validator | null;
    if (!validator) return false;
    const textCopy = validator.fixup(this.m_text);
    const r = validator.validate(textCopy, this.m_cursor);
    if (r.state !== ValidatorState.Acceptable) return false;
    if (r.input !== this.m_text || r.pos !== this.m_cursor) this.internalSetText(r.input, r.pos);
    return true;
  }

  validatorDidChange(old: Validator | null): void {
    if (old) old.$disconnect(VALIDATOR_CHANGED, this);
    const v = this.$v[TI.validator] as Validator | null;
    if (v)
      v.$connect(VALIDATOR_CHANGED, {
        fn: () => this.checkIsValid(),
        thisArg: this,
        key: this,
        report: (e) => this.$engine?.reportError(e, undefined),
      });
    if (this.isComponentComplete) this.checkIsValid();
  }

  // ---- input mask (QLineEdit's mask syntax, input-mask.ts) --------------------------

  setInputMask(maskFields: string): void {
    if (this.inputMaskString() === maskFields) return;
    const delimiter = maskFields.indexOf(';');
    if (maskFields === '' || delimiter === 0) {
      if (this.mask) {
        this.mask = null;
        this.maxLength = 32767;
        this.$store(TI.maximumLength, this.maxLength);
        this.internalSetText('');
      }
      this.$store(TI.inputMask, this.inputMaskString());
      return;
    }
    // (its code comes with the types loaded on first use, when a file names inputMask)
    if (maskClass === null) {
      void loadMask?.().then(() => this.setInputMask(maskFields));
      return;
    }
    this.mask = new maskClass(maskFields);
    this.maxLength = this.mask.length;
    this.$store(TI.maximumLength, this.maxLength);
    this.internalSetText(this.m_text);
    this.$store(TI.inputMask, this.inputMaskString());
    // QQuickTextInputPrivate::setInputMask: the cursor goes to the first blank
    this.moveCursor(this.nextMaskBlank(0));
  }

  private inputMaskString(): string {
    return this.mask ? this.mask.toString() : '';
  }

  private nextMaskBlank(pos: number): number {
    const c = this.mask!.find(pos, this.maxLength, true, false);
    this.separator ||= c !== pos;
    return c !== -1 ? c : this.maxLength;
  }

  private prevMaskBlank(pos: number): number {
    const c = this.mask!.find(pos, this.maxLength, false, false);
    this.separator ||= c !== pos;
    return c !== -1 ? c : 0;
  }

  /** QQuickTextInputPrivate::maskString */
  private maskString(pos: number, str: string, clear = false): string {
    const fill = clear ? this.clearString(0, this.maxLength) : this.m_text;
    return this.mask!.maskString(pos, str, fill, this.maxLength);
  }

  private clearString(pos: number, len: number): string {
    return this.mask!.clearString(pos, len, this.maxLength);
  }

  private stripString(str: string): string {
    return this.mask ? this.mask.stripString(str, this.maxLength) : str;
  }

  // ---- echo modes -------------------------------------------------------------------

  private updatePasswordEchoEditing(editing: boolean): void {
    this.cancelPasswordEchoTimer();
    this.passwordEchoEditing = editing;
    this.updateDisplayText();
  }

  private startPasswordEchoTimer(): void {
    const delay = this.$v[TI.passwordMaskDelay] as number;
    if (delay <= 0 || !this.$engine) return;
    this.cancelPasswordEchoTimer();
    this.passwordEchoTimer = this.$engine.setTimer(() => {
      this.passwordEchoTimer = null;
      if (this.$destroyed) return;
      this.updateDisplayText();
      this.updateCursorRectangle();
    }, delay);
  }

  private cancelPasswordEchoTimer(): void {
    if (this.passwordEchoTimer !== null) this.$engine?.clearTimer(this.passwordEchoTimer);
    this.passwordEchoTimer = null;
  }

  // ---- alignment ------------------------------------------------------------------

  /** Without an explicit alignment, right-to-left text aligns right (QQuickTextInputPrivate::determineHorizontalAlignment). */
  private determineHorizontalAlignment(): boolean {
    if (!this.hAlignImplicit) return false;
    return this.setHAlign(this.isLeftToRight() ? Align.Left : Align.Right);
  }

  private setHAlign(a: number, force = false): boolean {
    // Qt: AlignJustify is not supported by TextInput
    if (((this.$v[TI.horizontalAlignment] as number) !== a || force) && a <= Align.HCenter) {
      this.$store(TI.horizontalAlignment, a);
      this.$store(
        TI.effectiveHorizontalAlignment,
        this.hAlignImplicit ? a : mirroredAlign(a, this.effectiveLayoutMirror),
      );
      return true;
    }
    return false;
  }

  /** LayoutMirroring changed: an explicit left or right alignment turns around (QQuickTextInputPrivate::mirrorChange). */
  protected override mirrorChange(): void {
    if (this.hAlignImplicit) return;
    const a = mirroredAlign(this.$v[TI.horizontalAlignment] as number, this.effectiveLayoutMirror);
    if (this.$store(TI.effectiveHorizontalAlignment, a) && this.isComponentComplete) {
      this.updateLayout();
      this.updateCursorRectangle();
    }
  }

  setHorizontalAlignment(a: number): void {
    this.hAlignImplicit = false;
    const changed = this.setHAlign(a);
    const mirrored = mirroredAlign(this.$v[TI.horizontalAlignment] as number, this.effectiveLayoutMirror);
    if ((this.$store(TI.effectiveHorizontalAlignment, mirrored) || changed) && this.isComponentComplete) {
      this.updateLayout();
      this.updateCursorRectangle();
    }
  }

  // ---- focus and cursor visibility ---------------------------------------------------

  private handleFocusEvent(focus: boolean): void {
    if (!this.isReadOnly) {
      this.setCursorVisible(focus);
      if (focus) this.restartBlink();
    }
    if (focus) {
      if (this.determineHorizontalAlignment()) {
        this.updateLayout();
        this.updateCursorRectangle();
      }
    } else {
      if (this.passwordEchoEditing || this.passwordEchoTimer !== null) this.updatePasswordEchoEditing(false);
      if (this.hasSelectedText() && !(this.$v[TI.persistentSelection] as boolean)) this.deselect();
      if (this.hasAcceptableInput(this.m_text) === ValidatorState.Acceptable || this.fixup())
        this.$emit(TI.editingFinished, undefined);
    }
  }

  setCursorVisible(on: boolean): void {
    if (this.$store(TI.cursorVisible, on)) this.restartBlink();
  }

  /** QQuickTextInputPrivate::updateCursorBlinking: the cursor shows, the blink phase starts over. */
  private restartBlink(): void {
    this.cursorBlinkEpoch++;
    this.markDirty(Dirty.Content);
  }

  readOnlyDidChange(): void {
    this.moveCursor(this.realText().length);
    this.emitUndoRedoChanged();
    this.updateCanPaste();
    if (this.isReadOnly) this.setCursorVisible(false);
    else if (this.$v[ITEM.activeFocus] as boolean) this.setCursorVisible(true);
    this.markDirty(Dirty.Content);
  }

  private updateCanPaste(): void {
    this.$store(TI.canPaste, !this.isReadOnly && clipboard().text() !== '');
  }

  echoModeDidChange(): void {
    this.cancelPasswordEchoTimer();
    this.passwordEchoEditing = false;
    this.updateDisplayText();
    this.updateCursorRectangle();
  }

  setMaximumLength(ml: number): void {
    if (this.maxLength === ml || this.mask) return;
    this.maxLength = ml;
    this.$store(TI.maximumLength, ml);
    this.internalSetText(this.m_text, -1, false);
  }

  setPasswordCharacter(s: string): void {
    if (s.length < 1) return;
    this.$store(TI.passwordCharacter, s[0]!);
    const e = this.echo;
    if (e === EchoMode.Password || e === EchoMode.PasswordEchoOnEdit) this.updateDisplayText();
  }

  setPaddingSide(idx: number, bit: number, value: number): void {
    this.explicitPadding |= bit;
    this.$store(idx, value);
  }

  paddingDidChange(): void {
    const p = this.$v[TI.padding] as number;
    const e = this.explicitPadding;
    if (!(e & 1)) this.$store(TI.topPadding, p);
    if (!(e & 2)) this.$store(TI.leftPadding, p);
    if (!(e & 4)) this.$store(TI.rightPadding, p);
    if (!(e & 8)) this.$store(TI.bottomPadding, p);
    this.updateLayout();
  }

  layoutDidChange(): void {
    this.updateLayout();
    this.updateCursorRectangle();
  }

  verticalAlignmentDidChange(): void {
    if (!this.isComponentComplete) return;
    this.updateCursorRectangle();
    this.updateBaselineOffset();
  }

  // ---- QML methods ----------------------------------------------------------------------

  setCursorPosition(cp: number): void {
    if (cp < 0 || cp > this.realText().length) return;
    this.moveCursor(cp);
  }

  /** `select(start, end)`: ignored when either is out of range. */
  select(start: number, end: number): void {
    const len = this.m_text.length;
    if (start < 0 || end < 0 || start > len || end > len) return;
    this.setSelection(start, end - start);
  }

  selectAll(): void {
    this.setSelection(0, this.realText().length);
  }

  selectWord(): void {
    this.selectWordAtPos(this.m_cursor);
  }

  deselect(): void {
    this.internalDeselect();
    this.finishChange();
  }

  /** `isRightToLeft(start, end)` */
  isRightToLeft(start: number, end: number): boolean {
    if (start > end) {
      this.warn('isRightToLeft(start, end) called with the end property being smaller than the start.');
      return false;
    }
    return isRightToLeft(this.realText().slice(start, end));
  }

  /** `cut()`: not in echo modes other than Normal (no copying a password). */
  cut(): void {
    if (!this.isReadOnly && this.echo === EchoMode.Normal) {
      this.copy();
      this.del();
    }
  }

  copy(): void {
    const t = this.selectedString();
    if (t !== '' && this.echo === EchoMode.Normal) {
      clipboard().setText(t);
      this.updateCanPaste();
    }
  }

  paste(): void {
    if (this.isReadOnly) return;
    const clip = clipboard().text();
    if (clip !== '' || this.hasSelectedText()) {
      this.separator = true;
      this.insertAtCursor(clip);
      this.separator = true;
    }
  }

  undo(): void {
    if (this.isReadOnly) return;
    this.cancelPreedit();
    this.internalUndo();
    this.finishChange(-1, true);
  }

  redo(): void {
    if (this.isReadOnly) return;
    this.cancelPreedit();
    this.internalRedo();
    this.finishChange();
  }

  /** `clear()` (undoable, unlike `text = ""`). */
  clear(): void {
    this.cancelPreedit();
    this.internalClear();
  }

  /** `insert(position, text)`: at a position, keeping the cursor and selection around it. */
  insert(position: number, text: string): void {
    if (this.echo === EchoMode.Password) this.startPasswordEchoTimer();
    if (position < 0 || position > this.m_text.length) return;
    const priorState = this.undoState;
    let insertText = String(text);
    if (this.hasSelectedText())
      this.addCommand(command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend));
    if (this.mask) {
      insertText = this.maskString(position, insertText);
      for (let i = 0; i < insertText.length; ++i) {
        this.addCommand(command(Cmd.DeleteSelection, position + i, this.m_text[position + i]!, -1, -1));
        this.addCommand(command(Cmd.Insert, position + i, insertText[i]!, -1, -1));
      }
      this.m_text =
        this.m_text.slice(0, position) + insertText + this.m_text.slice(position + insertText.length);
      if (insertText !== '') this.textDirty = true;
      if (position < this.m_selend && position + insertText.length > this.m_selstart) this.selDirty = true;
    } else {
      const remaining = this.maxLength - this.m_text.length;
      if (remaining !== 0) {
        insertText = insertText.slice(0, Math.max(0, remaining));
        this.m_text = this.m_text.slice(0, position) + insertText + this.m_text.slice(position);
        for (let i = 0; i < insertText.length; ++i)
          this.addCommand(command(Cmd.Insert, position + i, insertText[i]!, -1, -1));
        if (this.m_cursor >= position) this.m_cursor += insertText.length;
        if (this.m_selstart >= position) this.m_selstart += insertText.length;
        if (this.m_selend >= position) this.m_selend += insertText.length;
        this.textDirty = true;
        if (position >= this.m_selstart && position <= this.m_selend) this.selDirty = true;
      }
    }
    this.addCommand(command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend));
    this.finishChange(priorState);
    this.syncSelectionBounds();
  }

  /** `remove(start, end)` */
  remove(startArg: number, endArg: number): void {
    const len = this.m_text.length;
    let start = Math.max(0, Math.min(startArg, len));
    let end = Math.max(0, Math.min(endArg, len));
    if (start > end) [start, end] = [end, start];
    else if (start === end) return;
    if (start < this.m_selend && end > this.m_selstart) this.selDirty = true;
    const priorState = this.undoState;
    this.addCommand(command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend));
    const t = this.m_text;
    if (start <= this.m_cursor && this.m_cursor < end) {
      for (let i = this.m_cursor; i >= start; --i)
        this.addCommand(command(Cmd.DeleteSelection, i, t[i]!, -1, 1));
      for (let i = end - 1; i > this.m_cursor; --i)
        this.addCommand(command(Cmd.DeleteSelection, i - this.m_cursor + start - 1, t[i]!, -1, -1));
    } else {
      for (let i = end - 1; i >= start; --i) this.addCommand(command(Cmd.RemoveSelection, i, t[i]!, -1, -1));
    }
    if (this.mask) {
      this.m_text = t.slice(0, start) + this.clearString(start, end - start) + t.slice(end);
      for (let i = 0; i < end - start; ++i)
        this.addCommand(command(Cmd.Insert, start + i, this.m_text[start + i]!, -1, -1));
    } else {
      this.m_text = t.slice(0, start) + t.slice(end);
      if (this.m_cursor > start) this.m_cursor -= Math.min(this.m_cursor, end) - start;
      if (this.m_selstart > start) this.m_selstart -= Math.min(this.m_selstart, end) - start;
      if (this.m_selend > end) this.m_selend -= Math.min(this.m_selend, end) - start;
    }
    this.addCommand(command(Cmd.SetSelection, this.m_cursor, '', this.m_selstart, this.m_selend));
    this.textDirty = true;
    this.finishChange(priorState);
    this.syncSelectionBounds();
  }

  /** After insert()/remove(): a selection that moved reports its new bounds. */
  private syncSelectionBounds(): void {
    if ((this.$v[TI.selectionStart] as number) === (this.$v[TI.selectionEnd] as number)) return;
    this.$store(TI.selectionStart, this.m_selstart);
    this.$store(TI.selectionEnd, this.m_selend);
  }

  /** `getText(start, end)` */
  getText(start: number, end: number): string {
    const [a, b] = start > end ? [end, start] : [start, end];
    return this.m_text.slice(a, b);
  }

  /** The cursor position for a point inside the item (scroll and padding removed). */
  private positionAtPoint(x: number, _y: number, onCharacter = false): number {
    if (!this.layout) return 0;
    return this.layout.metrics.positionAt(x + this.hscroll - this.padLeft, onCharacter);
  }

  /** `positionAt(x, y, position)`: the text position for a point (TextInput.CursorBetweenCharacters or CursorOnCharacter). */
  positionAt(x: number, y = 0, position = 0): number {
    let pos = this.positionAtPoint(Number(x), Number(y), position === 1);
    const cursor = this.m_cursor;
    if (pos > cursor) {
      const pl = this.preedit.length;
      pos = pos > cursor + pl ? pos - pl : cursor;
    }
    return pos;
  }

  /** `positionToRectangle(pos)`: where the cursor would be drawn at `pos` (ignoring padding, like Qt). */
  positionToRectangle(p: number): QRect {
    let pos = p;
    if (this.echo === EchoMode.NoEcho) pos = 0;
    else if (pos > this.m_cursor) pos += this.preedit.length;
    if (!this.layout) return new QRect(0, 0, 0, 0);
    const x = this.cursorToX(pos) - this.hscroll;
    const y = -this.vscroll;
    let w = 1;
    if (this.$v[TI.overwriteMode] as boolean) {
      if (pos < this.realText().length) w = this.cursorToX(pos + 1) - x;
      else w = Math.round(new FontMetrics(this.resolvedFont).advanceWidth(' '));
    }
    return new QRect(x, y, w, this.layout.metrics.contentHeight);
  }

  /** `moveCursorSelection(position, mode)`: TextInput.SelectCharacters (0) or SelectWords (1). */
  moveCursorSelection(pos: number, mode = 0): void {
    if (mode === 0) {
      this.moveCursor(pos, true);
      return;
    }
    if (pos === this.m_cursor) return;
    const cursor = this.m_cursor;
    let anchor: number;
    if (!this.hasSelectedText()) anchor = this.m_cursor;
    else if (this.selStart() === this.m_cursor) anchor = this.selEnd();
    else anchor = this.selStart();
    const text = this.realText();
    const finder = new WordBoundaries(text);
    if (anchor < pos || (anchor === pos && cursor < pos)) {
      if (
        anchor < text.length &&
        (!finder.isBoundary(anchor) || finder.isEndOfItem(anchor)) &&
        !finder.isStartOfItem(anchor)
      ) {
        const p = finder.previous(anchor);
        anchor = p !== -1 ? p : 0;
      }
      let c = pos;
      if (pos > 0 && !finder.isBoundary(pos)) c = finder.next(pos);
      this.setSelection(anchor, (c !== -1 ? c : text.length) - anchor);
    } else if (anchor > pos || (anchor === pos && cursor > pos)) {
      if (
        anchor > 0 &&
        (!finder.isBoundary(anchor) || finder.isStartOfItem(anchor)) &&
        !finder.isEndOfItem(anchor)
      ) {
        const n = finder.next(anchor);
        anchor = n !== -1 ? n : text.length;
      }
      let c = pos;
      if (pos < text.length && !finder.isBoundary(pos)) c = finder.previous(pos);
      this.setSelection(anchor, (c !== -1 ? c : 0) - anchor);
    }
  }

  /** `ensureVisible(position)`: scrolls so that `position` is visible. */
  ensureVisible(position: number): void {
    this.ensureCursorVisible(position);
    this.updateCursorRectangle(false);
  }

  // ---- keys -----------------------------------------------------------------------

  /** QQuickTextInput::keyPressEvent: returns whether the key was used (unused keys go to the parent). */
  override keyPressEvent(e: KeyEventLike): boolean {
    // Up and Down are not used (they move focus in a Column, scroll a view...)
    let ignore = (e.key === Key.Up || e.key === Key.Down) && e.modifiers === 0;
    const selStart = this.$v[TI.selectionStart] as number;
    const selEnd = this.$v[TI.selectionEnd] as number;
    if (!ignore && selStart === selEnd && (e.key === Key.Right || e.key === Key.Left)) {
      // moving off either end does nothing without a selection: let it go
      const ltr = this.isLeftToRight();
      if (this.m_cursor === 0) ignore = e.key === (ltr ? Key.Left : Key.Right);
      if (!ignore && this.m_cursor === this.m_text.length) ignore = e.key === (ltr ? Key.Right : Key.Left);
    }
    if (ignore) e.accepted = false;
    else this.processKeyEvent(e);
    return e.accepted;
  }

  /** QQuickTextInputPrivate::processKeyEvent */
  private processKeyEvent(e: KeyEventLike): void {
    if (e.key === Key.Enter || e.key === Key.Return) {
      if (this.hasAcceptableInput(this.m_text) === ValidatorState.Acceptable || this.fixup()) {
        this.commitPreedit();
        if (this.$v[ITEM.activeFocus] as boolean) this.$emit(TI.editingFinished, undefined);
        this.$emit(TI.accepted, undefined);
      }
      e.accepted = false;
      return;
    }
    if (this.$v[TI.cursorVisible] as boolean) this.restartBlink();
    const readOnly = this.isReadOnly;
    if (
      this.echo === EchoMode.PasswordEchoOnEdit &&
      !this.passwordEchoEditing &&
      !readOnly &&
      e.text !== '' &&
      !(e.modifiers & Mod.Control)
    ) {
      // typing replaces the hidden text and shows it while editing
      this.updatePasswordEchoEditing(true);
      this.internalClear();
    }
    const m = (k: StandardKey) => matchesStandardKey(e, k);
    const ltr = this.isLeftToRight();
    const normal = this.echo === EchoMode.Normal;
    let unknown = false;
    if (m(StandardKey.Undo)) this.undo();
    else if (m(StandardKey.Redo)) this.redo();
    else if (m(StandardKey.SelectAll)) this.selectAll();
    else if (m(StandardKey.Copy)) this.copy();
    else if (m(StandardKey.Paste)) {
      if (!readOnly) this.paste();
    } else if (m(StandardKey.Cut)) this.cut();
    else if (m(StandardKey.DeleteEndOfLine)) {
      if (!readOnly) this.deleteEndOfLine();
    } else if (m(StandardKey.MoveToStartOfLine) || m(StandardKey.MoveToStartOfBlock)) this.home(false);
    else if (m(StandardKey.MoveToEndOfLine) || m(StandardKey.MoveToEndOfBlock)) this.end(false);
    else if (m(StandardKey.SelectStartOfLine) || m(StandardKey.SelectStartOfBlock)) this.home(true);
    else if (m(StandardKey.SelectEndOfLine) || m(StandardKey.SelectEndOfBlock)) this.end(true);
    else if (m(StandardKey.MoveToNextChar)) {
      if (this.hasSelectedText()) this.moveCursor(this.selEnd(), false);
      else this.cursorForward(false, ltr ? 1 : -1);
    } else if (m(StandardKey.SelectNextChar)) this.cursorForward(true, ltr ? 1 : -1);
    else if (m(StandardKey.MoveToPreviousChar)) {
      if (this.hasSelectedText()) this.moveCursor(this.selStart(), false);
      else this.cursorForward(false, ltr ? -1 : 1);
    } else if (m(StandardKey.SelectPreviousChar)) this.cursorForward(true, ltr ? -1 : 1);
    else if (m(StandardKey.MoveToNextWord)) {
      if (normal) ltr ? this.cursorWordForward(false) : this.cursorWordBackward(false);
      else ltr ? this.end(false) : this.home(false);
    } else if (m(StandardKey.MoveToPreviousWord)) {
      if (normal) ltr ? this.cursorWordBackward(false) : this.cursorWordForward(false);
      else if (!readOnly) ltr ? this.home(false) : this.end(false);
    } else if (m(StandardKey.SelectNextWord)) {
      if (normal) ltr ? this.cursorWordForward(true) : this.cursorWordBackward(true);
      else ltr ? this.end(true) : this.home(true);
    } else if (m(StandardKey.SelectPreviousWord)) {
      if (normal) ltr ? this.cursorWordBackward(true) : this.cursorWordForward(true);
      else ltr ? this.home(true) : this.end(true);
    } else if (m(StandardKey.Delete)) {
      if (!readOnly) this.del();
    } else if (m(StandardKey.DeleteEndOfWord)) {
      if (!readOnly) this.deleteEndOfWord();
    } else if (m(StandardKey.DeleteStartOfWord)) {
      if (!readOnly) this.deleteStartOfWord();
    } else if (m(StandardKey.DeleteCompleteLine)) {
      if (!readOnly) {
        this.selectAll();
        this.copy();
        this.del();
      }
    } else if (e.modifiers & Mod.Control) {
      if (e.key === Key.Backspace) {
        if (!readOnly) this.deleteStartOfWord();
      } else unknown = true;
    } else if (e.key === Key.Backspace) {
      if (!readOnly) this.backspace();
    } else unknown = true;

    if (unknown && !readOnly) {
      const t = e.text;
      if (t !== '' && isPrint(t)) {
        if (
          (this.$v[TI.overwriteMode] as boolean) &&
          !this.hasSelectedText() &&
          this.m_cursor !== this.realText().length
        )
          this.del();
        this.insertAtCursor(t);
        e.accepted = true;
        return;
      }
    }
    e.accepted = !unknown;
  }

  // ---- input method ------------------------------------------------------------------

  /**
   * The host's input method composes `text` (shown at the cursor, not part of
   * `text` yet); `cursor` is the cursor inside it (default: at its end).
   */
  setPreedit(text: string, cursor = text.length): void {
    this.processInputMethodEvent('', text, cursor);
  }

  /** The host's input method commits `text` (replacing the pre-edit string). */
  commitText(text: string): void {
    this.processInputMethodEvent(text, '', undefined);
  }

  private processInputMethodEvent(commit: string, preedit: string, cursorAttr: number | undefined): void {
    if (this.isReadOnly) return;
    const wasComposing = this.hasImState;
    let priorState = -1;
    const isGettingInput = commit !== '' || preedit !== this.preedit;
    let cursorPositionChanged = false;
    this.preeditDirty = preedit !== this.preedit;
    if (isGettingInput) {
      priorState = this.undoState;
      this.separateSelection();
      if (this.echo === EchoMode.PasswordEchoOnEdit && !this.passwordEchoEditing) {
        this.updatePasswordEchoEditing(true);
        this.m_selstart = 0;
        this.m_selend = this.m_text.length;
      }
      this.removeSelectedText();
    }
    const c = this.m_cursor + commit.length;
    if (commit !== '') {
      this.internalInsert(commit);
      cursorPositionChanged = true;
    }
    this.m_cursor = Math.max(0, Math.min(c, this.m_text.length));
    const oldPreedit = this.preedit;
    this.preeditPos = this.m_cursor;
    this.preedit = preedit;
    if (oldPreedit !== preedit) this.$store(TI.preeditText, preedit);
    const oldPreeditCursor = this.preeditCursor;
    this.preeditCursor = preedit.length;
    this.hasImState = preedit !== '';
    if (cursorAttr !== undefined && preedit !== '') {
      this.hasImState = true;
      this.preeditCursor = Math.max(0, Math.min(cursorAttr, preedit.length));
    }
    this.updateDisplayText(true);
    if (
      (cursorPositionChanged && !this.emitCursorPositionChanged()) ||
      this.preeditCursor !== oldPreeditCursor ||
      isGettingInput
    )
      this.updateCursorRectangle();
    if (isGettingInput) this.finishChange(priorState);
    this.setCursorVisible(true);
    if (wasComposing !== this.hasImState) this.$store(TI.inputMethodComposing, this.hasImState);
  }

  /** Commits the pre-edit string (a click or a cursor move ends the composition). */
  private commitPreedit(): void {
    if (!this.hasImState) return;
    this.processInputMethodEvent(this.preedit, '', undefined);
  }

  /** Drops the pre-edit string (setting `text` cancels the composition). */
  private cancelPreedit(): void {
    if (!this.hasImState) return;
    this.processInputMethodEvent('', '', undefined);
  }

  // ---- mouse ---------------------------------------------------------------------------

  override pointerEvent(e: PointerEventLike): void {
    switch (e.type) {
      case 'press':
        this.mousePress(e);
        return;
      case 'doubleclick':
        if ((this.$v[TI.selectByMouse] as boolean) && e.button === 1) {
          this.commitPreedit();
          this.selectWordAtPos(this.positionAtPoint(e.x, e.y));
          e.accepted = true;
          if (e.timestamp - this.tripleClickTime >= DOUBLE_CLICK_INTERVAL) {
            this.tripleClickX = e.x;
            this.tripleClickY = e.y;
            this.tripleClickTime = e.timestamp;
          }
          this.selectPressed = true;
        } else this.mousePress(e);
        return;
      case 'move':
        if (this.selectPressed) {
          this.moveCursorSelection(this.positionAtPoint(e.x, e.y), this.$v[TI.mouseSelectionMode] as number);
          e.accepted = true;
        } else e.accepted = false;
        return;
      case 'release':
        this.selectPressed = false;
        e.accepted = true;
        return;
      default:
        e.accepted = false;
    }
  }

  private mousePress(e: PointerEventLike): void {
    if (this.$v[TI.selectByMouse] as boolean) {
      this.selectPressed = true;
      const d = Math.abs(e.x - this.tripleClickX) + Math.abs(e.y - this.tripleClickY);
      if (e.timestamp - this.tripleClickTime < DOUBLE_CLICK_INTERVAL && d < START_DRAG_DISTANCE) {
        e.accepted = true;
        this.selectAll();
        return;
      }
    }
    const mark = (e.modifiers & Mod.Shift) !== 0 && (this.$v[TI.selectByMouse] as boolean);
    this.moveCursor(this.positionAtPoint(e.x, e.y), mark);
    if (this.$v[TI.activeFocusOnPress] as boolean) this.forceActiveFocus();
    e.accepted = true;
  }

  override pointerUngrab(): void {
    this.selectPressed = false;
  }

  override $teardown(): void {
    this.cancelPasswordEchoTimer();
    const v = this.$v[TI.validator] as Validator | null;
    v?.$disconnect(VALIDATOR_CHANGED, this);
    super.$teardown();
  }
}

const CAPS = FontMeta.index('capitalization');
const ti = (f: (t: TextInput, v: unknown) => void) => (o: QObject, v: unknown) => f(o as TextInput, v);
const layoutChanged = (o: QObject) => (o as TextInput).layoutDidChange();
const repaint = (o: QObject) => (o as TextInput).markDirty(Dirty.Content);
const side = (name: string, bit: number) => ({
  type: 'real',
  write: ti((t, v) => t.setPaddingSide(TextInputMeta.index(name), bit, v as number)),
  changed: layoutChanged,
});

export const TextInputMeta: MetaObject = defineType(TextInput, ItemMeta, {
  readonlyProperties: IMPLICIT_SIZE,
  name: 'TextInput',
  cppClass: 'QQuickTextInput',
  properties: {
    text: { type: 'string', write: ti((t, v) => t.setText(v as string)) },
    // (Qt announces the length with the text)
    length: { type: 'int', readonly: true, notify: 'textChanged' },
    font: fontProperty(),
    color: { type: 'color', default: new QColor(0, 0, 0), changed: repaint },
    selectionColor: { type: 'color', default: QColor.fromRgba8(0, 0, 128), changed: repaint },
    selectedTextColor: { type: 'color', default: QColor.fromRgba8(255, 255, 255), changed: repaint },
    horizontalAlignment: {
      type: 'enumeration',
      default: Align.Left,
      write: ti((t, v) => t.setHorizontalAlignment(v as number)),
    },
    effectiveHorizontalAlignment: { type: 'enumeration', readonly: true, default: Align.Left },
    verticalAlignment: {
      type: 'enumeration',
      default: Align.Top,
      changed: (o) => (o as TextInput).verticalAlignmentDidChange(),
    },
    // Wrapping into several lines is not laid out: the text stays on one line.
    wrapMode: { type: 'enumeration', changed: layoutChanged },
    readOnly: { type: 'bool', changed: (o) => (o as TextInput).readOnlyDidChange() },
    cursorVisible: { type: 'bool', write: ti((t, v) => t.setCursorVisible(v as boolean)) },
    cursorPosition: { type: 'int', write: ti((t, v) => t.setCursorPosition(v as number)) },
    cursorRectangle: { type: 'rect', readonly: true },
    // A cursor delegate is kept for the renderer; it is not instantiated here.
    cursorDelegate: { type: 'Component' },
    overwriteMode: { type: 'bool' },
    selectionStart: { type: 'int', readonly: true },
    selectionEnd: { type: 'int', readonly: true },
    selectedText: { type: 'string', readonly: true },
    maximumLength: { type: 'int', default: 32767, write: ti((t, v) => t.setMaximumLength(v as number)) },
    validator: {
      type: 'Validator',
      changed: (o, old) => (o as TextInput).validatorDidChange(old as Validator | null),
    },
    inputMask: { type: 'string', write: ti((t, v) => t.setInputMask(v as string)) },
    inputMethodHints: { type: 'int' },
    acceptableInput: { type: 'bool', readonly: true, default: true },
    echoMode: { type: 'enumeration', changed: (o) => (o as TextInput).echoModeDidChange() },
    activeFocusOnPress: { type: 'bool', default: true },
    passwordCharacter: {
      type: 'string',
      default: '\u25cf',
      write: ti((t, v) => t.setPasswordCharacter(v as string)),
    },
    passwordMaskDelay: { type: 'int' },
    displayText: { type: 'string', readonly: true },
    preeditText: { type: 'string', readonly: true },
    autoScroll: { type: 'bool', default: true, changed: layoutChanged },
    // Qt 6.4 turned selectByMouse on by default (measured).
    selectByMouse: { type: 'bool', default: true },
    mouseSelectionMode: { type: 'enumeration' },
    persistentSelection: { type: 'bool' },
    canPaste: { type: 'bool', readonly: true },
    canUndo: { type: 'bool', readonly: true },
    canRedo: { type: 'bool', readonly: true },
    inputMethodComposing: { type: 'bool', readonly: true },
    contentWidth: { type: 'real', readonly: true },
    contentHeight: { type: 'real', readonly: true },
    renderType: { type: 'enumeration', changed: layoutChanged },
    padding: { type: 'real', changed: (o) => (o as TextInput).paddingDidChange() },
    topPadding: side('topPadding', 1),
    leftPadding: side('leftPadding', 2),
    rightPadding: side('rightPadding', 4),
    bottomPadding: side('bottomPadding', 8),
  },
  signals: { accepted: {}, editingFinished: {}, textEdited: {} },
  methods: [
    'clear',
    'selectAll',
    'selectWord',
    'select',
    'deselect',
    'isRightToLeft',
    'cut',
    'copy',
    'paste',
    'undo',
    'redo',
    'insert',
    'remove',
    'getText',
    'positionAt',
    'positionToRectangle',
    'moveCursorSelection',
    'ensureVisible',
  ],
  enums: {
    AlignLeft: Align.Left,
    AlignRight: Align.Right,
    AlignHCenter: Align.HCenter,
    AlignTop: Align.Top,
    AlignBottom: Align.Bottom,
    AlignVCenter: Align.VCenter,
    Normal: EchoMode.Normal,
    NoEcho: EchoMode.NoEcho,
    Password: EchoMode.Password,
    PasswordEchoOnEdit: EchoMode.PasswordEchoOnEdit,
    SelectCharacters: 0,
    SelectWords: 1,
    CursorBetweenCharacters: 0,
    CursorOnCharacter: 1,
    NoWrap: 0,
    WordWrap: 1,
    WrapAnywhere: 3,
    WrapAtWordBoundaryOrAnywhere: 4,
    Wrap: 4,
    QtRendering: 0,
    NativeRendering: 1,
  },
});

const TI = {
  text: TextInputMeta.index('text'),
  textChanged: TextInputMeta.signalsByName.get('textChanged')!.index,
  length: TextInputMeta.index('length'),
  font: TextInputMeta.index('font'),
  fontChanged: TextInputMeta.signalsByName.get('fontChanged')!.index,
  horizontalAlignment: TextInputMeta.index('horizontalAlignment'),
  effectiveHorizontalAlignment: TextInputMeta.index('effectiveHorizontalAlignment'),
  verticalAlignment: TextInputMeta.index('verticalAlignment'),
  readOnly: TextInputMeta.index('readOnly'),
  cursorVisible: TextInputMeta.index('cursorVisible'),
  cursorPosition: TextInputMeta.index('cursorPosition'),
  cursorRectangle: TextInputMeta.index('cursorRectangle'),
  overwriteMode: TextInputMeta.index('overwriteMode'),
  selectionStart: TextInputMeta.index('selectionStart'),
  selectionEnd: TextInputMeta.index('selectionEnd'),
  selectedText: TextInputMeta.index('selectedText'),
  maximumLength: TextInputMeta.index('maximumLength'),
  validator: TextInputMeta.index('validator'),
  inputMask: TextInputMeta.index('inputMask'),
  acceptableInput: TextInputMeta.index('acceptableInput'),
  echoMode: TextInputMeta.index('echoMode'),
  activeFocusOnPress: TextInputMeta.index('activeFocusOnPress'),
  passwordCharacter: TextInputMeta.index('passwordCharacter'),
  passwordMaskDelay: TextInputMeta.index('passwordMaskDelay'),
  displayText: TextInputMeta.index('displayText'),
  preeditText: TextInputMeta.index('preeditText'),
  autoScroll: TextInputMeta.index('autoScroll'),
  selectByMouse: TextInputMeta.index('selectByMouse'),
  mouseSelectionMode: TextInputMeta.index('mouseSelectionMode'),
  persistentSelection: TextInputMeta.index('persistentSelection'),
  canPaste: TextInputMeta.index('canPaste'),
  canUndo: TextInputMeta.index('canUndo'),
  canRedo: TextInputMeta.index('canRedo'),
  inputMethodComposing: TextInputMeta.index('inputMethodComposing'),
  contentWidth: TextInputMeta.index('contentWidth'),
  contentHeight: TextInputMeta.index('contentHeight'),
  padding: TextInputMeta.index('padding'),
  topPadding: TextInputMeta.index('topPadding'),
  leftPadding: TextInputMeta.index('leftPadding'),
  rightPadding: TextInputMeta.index('rightPadding'),
  bottomPadding: TextInputMeta.index('bottomPadding'),
  accepted: TextInputMeta.signalsByName.get('accepted')!.index,
  editingFinished: TextInputMeta.signalsByName.get('editingFinished')!.index,
  textEdited: TextInputMeta.signalsByName.get('textEdited')!.index,
};
const ACTIVE_FOCUS_CHANGED = ItemMeta.signalsByName.get('activeFocusChanged')!.index;
const IMPLICIT_WIDTH_CHANGED = ItemMeta.signalsByName.get('implicitWidthChanged')!.index;
/** The editing keys a TextInput keeps when they would also be shortcuts. */
const SHORTCUT_EDITING_KEYS = [
  StandardKey.Copy,
  StandardKey.Paste,
  StandardKey.Cut,
  StandardKey.Redo,
  StandardKey.Undo,
  StandardKey.MoveToNextWord,
  StandardKey.MoveToPreviousWord,
  StandardKey.MoveToStartOfDocument,
  StandardKey.MoveToEndOfDocument,
  StandardKey.SelectNextWord,
  StandardKey.SelectPreviousWord,
  StandardKey.SelectStartOfLine,
  StandardKey.SelectEndOfLine,
  StandardKey.SelectStartOfBlock,
  StandardKey.SelectEndOfBlock,
  StandardKey.SelectStartOfDocument,
  StandardKey.SelectAll,
  StandardKey.SelectEndOfDocument,
  StandardKey.DeleteCompleteLine,
];
/** Delete, Home, End, Backspace, Left and Right. */
const SHORTCUT_PLAIN_KEYS = new Set<number>([
  Key.Delete,
  Key.Home,
  Key.End,
  Key.Backspace,
  Key.Left,
  Key.Right,
]);

const SELECTED_TEXT_CHANGED = TextInputMeta.signalsByName.get('selectedTextChanged')!.index;

// selectedText is read from the selection as it is (a textChanged handler sees a deleted selection gone).
Object.defineProperty(TextInput.prototype, 'selectedText', {
  configurable: true,
  get(this: TextInput) {
    const o = currentObserver;
    if (o !== null) o.track(this.$source(SELECTED_TEXT_CHANGED));
    return this.selectedString();
  },
  set(this: TextInput, v: unknown) {
    this.$assign(TI.selectedText, v);
  },
});

// Reading implicitWidth makes it whole pixels from then on (see requireImplicitWidthNow).
Object.defineProperty(TextInput.prototype, 'implicitWidth', {
  configurable: true,
  get(this: TextInput) {
    const o = currentObserver;
    if (o !== null) o.track(this.$source(IMPLICIT_WIDTH_CHANGED));
    this.requireImplicitWidthNow();
    return this.$v[ITEM.implicitWidth];
  },
  set(this: TextInput, v: unknown) {
    this.$assign(ITEM.implicitWidth, v);
  },
});
