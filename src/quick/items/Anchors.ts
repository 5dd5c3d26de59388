// Anchors (QQuickAnchors): an object of its own that moves and sizes its
// item from anchor lines of the parent or siblings. The arithmetic follows
// qtdeclarative's qquickanchors.cpp, including the half-pixel rule of
// hcenter()/vcenter() for odd sizes (measured with Qt 6.4 in FACTS.md: parent
// 75 wide, child 22.5469 wide, centered: x = 26.7266, not 26.2266).
import { AssignError } from '../../engine/assign-error';
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { qtTypeName } from '../../engine/types';
import type { Change, Item, ItemChangeListener } from './Item';

export enum AnchorLineKind {
  Left = 1,
  Right = 2,
  HCenter = 4,
  Top = 8,
  Bottom = 16,
  VCenter = 32,
  Baseline = 64,
}

/** The value of `parent.left` and friends. */
export interface AnchorLine {
  item: Item;
  line: AnchorLineKind;
}

const HORIZONTAL = AnchorLineKind.Left | AnchorLineKind.Right | AnchorLineKind.HCenter;

function isLine(v: unknown): v is AnchorLine {
  return typeof v === 'object' && v !== null && 'item' in v && 'line' in v;
}

/** Qt's hcenter(): half the width, rounded up to a whole pixel for odd integer widths unless alignWhenCentered is off. */
function hcenter(item: Item): number {
  const w = item.$v[geo.width] as number;
  const a = item.$v[geo.anchors] as Anchors | null;
  if (a !== null && !(a.$v[A.alignWhenCentered] as boolean)) return w / 2;
  const iw = Math.trunc(w);
  return iw % 2 ? (w + 1) / 2 : w / 2;
}

function vcenter(item: Item): number {
  const h = item.$v[geo.height] as number;
  const a = item.$v[geo.anchors] as Anchors | null;
  if (a !== null && !(a.$v[A.alignWhenCentered] as boolean)) return h / 2;
  const ih = Math.trunc(h);
  return ih % 2 ? (h + 1) / 2 : h / 2;
}

/** Position of a line of `item` in its parent's coordinates. */
function position(item: Item, line: AnchorLineKind): number {
  const x = item.$v[geo.x] as number;
  const y = item.$v[geo.y] as number;
  switch (line) {
    case AnchorLineKind.Left:
      return x;
    case AnchorLineKind.Right:
      return x + (item.$v[geo.width] as number);
    case AnchorLineKind.HCenter:
      return x + hcenter(item);
    case AnchorLineKind.Top:
      return y;
    case AnchorLineKind.Bottom:
      return y + (item.$v[geo.height] as number);
    case AnchorLineKind.VCenter:
      return y + vcenter(item);
    case AnchorLineKind.Baseline:
      return y + (item.$v[geo.baselineOffset] as number);
  }
}

/** Position of a line of `item` in its own coordinates. */
function adjustedPosition(item: Item, line: AnchorLineKind): number {
  switch (line) {
    case AnchorLineKind.Left:
    case AnchorLineKind.Top:
      return 0;
    case AnchorLineKind.Right:
      return item.$v[geo.width] as number;
    case AnchorLineKind.Bottom:
      return item.$v[geo.height] as number;
    case AnchorLineKind.HCenter:
      return hcenter(item);
    case AnchorLineKind.VCenter:
      return vcenter(item);
    case AnchorLineKind.Baseline:
      return item.$v[geo.baselineOffset] as number;
  }
}

export class Anchors extends QObject implements ItemChangeListener {
  /** Items whose changes this object listens to. */
  private depends: Item[] = [];
  private updatingHorizontal = 0;
  private updatingVertical = 0;
  private updatingFill = 0;
  private updatingCenterIn = 0;
  explicitMargins = 0;

  constructor(readonly item: Item) {
    super();
    this.$engine = item.$engine;
  }

  private get complete(): boolean {
    return this.item.isComponentComplete;
  }

  componentComplete(): void {
    this.updateDepends();
    this.update();
  }

  /** Recomputes everything (after a change of anchors or of an item they depend on). */
  update(): void {
    if (!this.complete) return;
    if (this.$v[A.fill]) this.applyFill();
    else if (this.$v[A.centerIn]) this.applyCenterIn();
    else {
      this.updateHorizontal();
      this.updateVertical();
    }
  }

  /** The item's layout mirroring changed (QQuickItemPrivate::setLayoutMirror). */
  mirrorChanged(): void {
    this.update();
  }

  /** The anchored item's own geometry changed (a right anchor needs the new width). */
  ownGeometryChanged(_change: Change): void {
    // Qt (QQuickAnchorsPrivate::updateMe): changes the anchors make themselves are not fed back.
    if (this.updatingMe) return;
    this.update();
  }

  /** The anchored item's baselineOffset changed: a baseline anchor places it again. */
  ownBaselineOffsetChanged(): void {
    if (this.complete && this.$v[A.baseline]) this.updateVertical();
  }

  private updatingMe = false;

  private setX(v: number): void {
    this.updatingMe = true;
    try {
      this.item.setX(v);
    } finally {
      this.updatingMe = false;
    }
  }
  private setY(v: number): void {
    this.updatingMe = true;
    try {
      this.item.setY(v);
    } finally {
      this.updatingMe = false;
    }
  }
  private setWidth(v: number): void {
    this.updatingMe = true;
    try {
      this.item.setWidth(v);
    } finally {
      this.updatingMe = false;
    }
  }
  private setHeight(v: number): void {
    this.updatingMe = true;
    try {
      this.item.setHeight(v);
    } finally {
      this.updatingMe = false;
    }
  }

  itemChanged(_item: Item, _change: Change): void {
    this.update();
  }

  /** Called when an anchor property changes. */
  anchorsChanged(): void {
    if (!this.complete) return;
    this.updateDepends();
    this.update();
  }

  detach(): void {
    for (const d of this.depends) d.removeListener(this);
    this.depends = [];
  }

  private updateDepends(): void {
    const items = new Set<Item>();
    const parent = this.item.parentItem;
    const fill = this.$v[A.fill] as Item | null;
    const centerIn = this.$v[A.centerIn] as Item | null;
    if (fill) items.add(fill);
    if (centerIn) items.add(centerIn);
    for (const idx of LINES) {
      const l = this.$v[idx];
      if (isLine(l)) items.add(l.item);
    }
    if (parent) items.add(parent);
    for (const d of this.depends) if (!items.has(d)) d.removeListener(this);
    for (const i of items) if (!this.depends.includes(i)) i.addListener(this);
    this.depends = [...items];
  }

  private isParentOrSibling(target: Item): boolean {
    const p = this.item.parentItem;
    return target === p || (target.parentItem === p && p !== null);
  }

  private applyFill(): void {
    const fill = this.$v[A.fill] as Item | null;
    if (!fill) return;
    if (this.updatingFill >= 2) {
      this.item.warn('Possible anchor loop detected on fill.');
      return;
    }
    this.updatingFill++;
    try {
      const left = this.$v[A.leftMargin] as number;
      const right = this.$v[A.rightMargin] as number;
      const top = this.$v[A.topMargin] as number;
      const bottom = this.$v[A.bottomMargin] as number;
      // (mirrored: the right margin is the one at the left)
      const h = this.item.effectiveLayoutMirror ? right : left;
      const parent = this.item.parentItem;
      if (fill === parent) {
        this.setX(h);
        this.setY(top);
      } else if (fill.parentItem === parent) {
        this.setX((fill.$v[geo.x] as number) + h);
        this.setY((fill.$v[geo.y] as number) + top);
      }
      this.setWidth((fill.$v[geo.width] as number) - left - right);
      this.setHeight((fill.$v[geo.height] as number) - top - bottom);
    } finally {
      this.updatingFill--;
    }
  }

  private applyCenterIn(): void {
    const c = this.$v[A.centerIn] as Item | null;
    if (!c) return;
    if (this.updatingCenterIn >= 2) {
      this.item.warn('Possible anchor loop detected on centerIn.');
      return;
    }
    this.updatingCenterIn++;
    try {
      const h = (this.$v[A.horizontalCenterOffset] as number) * (this.item.effectiveLayoutMirror ? -1 : 1);
      const v = this.$v[A.verticalCenterOffset] as number;
      const parent = this.item.parentItem;
      if (c === parent) {
        this.setX(hcenter(c) - hcenter(this.item) + h);
        this.setY(vcenter(c) - vcenter(this.item) + v);
      } else if (c.parentItem === parent) {
        this.setX((c.$v[geo.x] as number) + hcenter(c) - hcenter(this.item) + h);
        this.setY((c.$v[geo.y] as number) + vcenter(c) - vcenter(this.item) + v);
      }
    } finally {
      this.updatingCenterIn--;
    }
  }

  /** Stretch between two lines (QQuickAnchorsPrivate::calcStretch); undefined when the lines are unrelated. */
  private stretch(
    e1: AnchorLine,
    e2: AnchorLine,
    off1: number,
    off2: number,
    line: AnchorLineKind,
  ): number | undefined {
    const parent = this.item.parentItem;
    const e1Parent = e1.item === parent;
    const e2Parent = e2.item === parent;
    const e1Sibling = e1.item.parentItem === parent;
    const e2Sibling = e2.item.parentItem === parent;
    if ((e1Parent && e2Parent) || (e1Sibling && e2Sibling)) {
      return position(e2.item, e2.line) + off2 - (position(e1.item, e1.line) + off1);
    }
    if (e2Parent && e1Sibling) {
      return (
        position(e2.item, e2.line) + off2 - (position(parent!, line) + position(e1.item, e1.line) + off1)
      );
    }
    if (e2Sibling && e1Parent) {
      return (
        position(parent!, line) + position(e2.item, e2.line) + off2 - (position(e1.item, e1.line) + off1)
      );
    }
    return undefined;
  }

  /** x or y from a line: relative to the parent's origin, or in the parent's coordinates for a sibling. */
  private linePos(l: AnchorLine): number | undefined {
    const parent = this.item.parentItem;
    if (l.item === parent) return adjustedPosition(l.item, l.line);
    if (l.item.parentItem === parent) return position(l.item, l.line);
    return undefined;
  }

  private updateHorizontal(): void {
    // Mirrored (QQuickAnchorsPrivate::updateHorizontalAnchors): left and right
    // swap, with their lines and margins, and the center offset turns around.
    const mirrored = this.item.effectiveLayoutMirror;
    const left = reversed(this.$v[mirrored ? A.right : A.left] as AnchorLine | undefined, mirrored);
    const right = reversed(this.$v[mirrored ? A.left : A.right] as AnchorLine | undefined, mirrored);
    const hc = this.$v[A.horizontalCenter] as AnchorLine | undefined;
    if (!left && !right && !hc) return;
    if (this.updatingHorizontal >= 3) {
      this.item.warn('Possible anchor loop detected on horizontal anchor.');
      return;
    }
    this.updatingHorizontal++;
    try {
      const lm = this.$v[mirrored ? A.rightMargin : A.leftMargin] as number;
      const rm = this.$v[mirrored ? A.leftMargin : A.rightMargin] as number;
      const ho = (this.$v[A.horizontalCenterOffset] as number) * (mirrored ? -1 : 1);
      const item = this.item;
      if (left) {
        let width: number | undefined;
        if (right) width = this.stretch(left, right, lm, -rm, AnchorLineKind.Left);
        else if (hc) {
          const w = this.stretch(left, hc, lm, ho, AnchorLineKind.Left);
          width = w === undefined ? undefined : w * 2;
        }
        if (width !== undefined) item.setWidth(width);
        const p = this.linePos(left);
        if (p !== undefined) item.setX(p + lm);
      } else if (right) {
        if (hc) {
          const w = this.stretch(hc, right, ho, -rm, AnchorLineKind.Left);
          if (w !== undefined) item.setWidth(w * 2);
        }
        const p = this.linePos(right);
        if (p !== undefined) item.setX(p - (item.$v[geo.width] as number) - rm);
      } else if (hc) {
        const p = this.linePos(hc);
        if (p !== undefined) item.setX(p - hcenter(item) + ho);
      }
    } finally {
      this.updatingHorizontal--;
    }
  }

  private updateVertical(): void {
    const top = this.$v[A.top] as AnchorLine | undefined;
    const bottom = this.$v[A.bottom] as AnchorLine | undefined;
    const vc = this.$v[A.verticalCenter] as AnchorLine | undefined;
    const baseline = this.$v[A.baseline] as AnchorLine | undefined;
    if (!top && !bottom && !vc && !baseline) return;
    if (this.updatingVertical >= 3) {
      this.item.warn('Possible anchor loop detected on vertical anchor.');
      return;
    }
    this.updatingVertical++;
    try {
      const tm = this.$v[A.topMargin] as number;
      const bm = this.$v[A.bottomMargin] as number;
      const vo = this.$v[A.verticalCenterOffset] as number;
      const item = this.item;
      if (top) {
        let height: number | undefined;
        if (bottom) height = this.stretch(top, bottom, tm, -bm, AnchorLineKind.Top);
        else if (vc) {
          const h = this.stretch(top, vc, tm, vo, AnchorLineKind.Top);
          height = h === undefined ? undefined : h * 2;
        }
        if (height !== undefined) item.setHeight(height);
        const p = this.linePos(top);
        if (p !== undefined) item.setY(p + tm);
      } else if (bottom) {
        if (vc) {
          const h = this.stretch(vc, bottom, vo, -bm, AnchorLineKind.Top);
          if (h !== undefined) item.setHeight(h * 2);
        }
        const p = this.linePos(bottom);
        if (p !== undefined) item.setY(p - (item.$v[geo.height] as number) - bm);
      } else if (vc) {
        const p = this.linePos(vc);
        if (p !== undefined) item.setY(p - vcenter(item) + vo);
      } else if (baseline) {
        const p = this.linePos(baseline);
        if (p !== undefined) {
          item.setY(p - (item.$v[geo.baselineOffset] as number) + (this.$v[A.baselineOffset] as number));
        }
      }
    } finally {
      this.updatingVertical--;
    }
  }

  /** Validates a line assignment the way Qt does (warnings, and the anchor is not set). */
  checkLine(name: string, v: unknown): boolean {
    if (v === undefined || v === null) return true;
    // (Qt: "Cannot assign int to QQuickAnchorLine" from JavaScript, "Unable to assign ..." in a binding)
    if (!isLine(v)) throw new AssignError(qtTypeName(v), 'QQuickAnchorLine');
    const horizontal = name === 'left' || name === 'right' || name === 'horizontalCenter';
    const lineIsHorizontal = (v.line & HORIZONTAL) !== 0;
    if (v.item === this.item) {
      this.item.warn('Cannot anchor item to self.');
      return false;
    }
    if (!this.isParentOrSibling(v.item)) {
      this.item.warn("Cannot anchor to an item that isn't a parent or sibling.");
      return false;
    }
    if (horizontal !== lineIsHorizontal) {
      this.item.warn(
        horizontal
          ? 'Cannot anchor a horizontal edge to a vertical edge.'
          : 'Cannot anchor a vertical edge to a horizontal edge.',
      );
      return false;
    }
    return this.checkCombination(name);
  }

  /** Qt's checkHValid/checkVValid: the anchor that would make an impossible set is refused. */
  private checkCombination(name: string): boolean {
    const set = (
      n: 'left' | 'right' | 'horizontalCenter' | 'top' | 'bottom' | 'verticalCenter' | 'baseline',
    ) => n === name || isLine(this.$v[A[n]]);
    if (set('left') && set('right') && set('horizontalCenter')) {
      this.item.warn('Cannot specify left, right, and horizontalCenter anchors at the same time.');
      return false;
    }
    if (set('top') && set('bottom') && set('verticalCenter')) {
      this.item.warn('Cannot specify top, bottom, and verticalCenter anchors at the same time.');
      return false;
    }
    if (set('baseline') && (set('top') || set('bottom') || set('verticalCenter'))) {
      this.item.warn(
        'Baseline anchor cannot be used in conjunction with top, bottom, or verticalCenter anchors.',
      );
      return false;
    }
    return true;
  }

  checkItem(v: unknown): boolean {
    if (v === null || v === undefined) return true;
    const target = v as Item;
    if (target === this.item) {
      this.item.warn('Cannot anchor item to self.');
      return false;
    }
    if (!this.isParentOrSibling(target)) {
      this.item.warn("Cannot anchor to an item that isn't a parent or sibling.");
      return false;
    }
    return true;
  }
}

const SIDES = ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin'] as const;

function lineSpec(name: string) {
  return {
    type: 'var',
    write: (o: QObject, v: unknown) => {
      const a = o as Anchors;
      const value = v === null ? undefined : v;
      if (!a.checkLine(name, value)) return;
      if (a.$store(a.$meta.index(name), value)) a.anchorsChanged();
    },
  };
}

function itemSpec(name: string) {
  const write = (o: QObject, v: unknown) => {
    const a = o as Anchors;
    if (!a.checkItem(v)) return;
    if (a.$store(a.$meta.index(name), v ?? null)) a.anchorsChanged();
  };
  // (QQuickAnchors::resetFill/resetCenterIn: `anchors.fill = undefined` lets go)
  return { type: 'Item', write, reset: (o: QObject) => write(o, null) };
}

function marginSpec(bit: number) {
  return {
    type: 'real',
    write: (o: QObject, v: unknown) => {
      const a = o as Anchors;
      a.explicitMargins |= bit;
      a.$store(A.sides[Math.log2(bit)]!, v);
    },
    // (QQuickAnchors::resetLeftMargin...: the side follows `margins` again)
    reset: (o: QObject) => {
      const a = o as Anchors;
      a.explicitMargins &= ~bit;
      a.$store(A.sides[Math.log2(bit)]!, a.$v[A.margins]);
    },
    changed: (o: QObject) => (o as Anchors).anchorsChanged(),
  };
}

const anchorChanged = (o: QObject) => (o as Anchors).anchorsChanged();

export const AnchorsMeta: MetaObject = defineType(Anchors, null, {
  name: 'Anchors',
  cppClass: 'QQuickAnchors',
  properties: {
    left: lineSpec('left'),
    right: lineSpec('right'),
    horizontalCenter: lineSpec('horizontalCenter'),
    top: lineSpec('top'),
    bottom: lineSpec('bottom'),
    verticalCenter: lineSpec('verticalCenter'),
    baseline: lineSpec('baseline'),
    fill: itemSpec('fill'),
    centerIn: itemSpec('centerIn'),
    margins: {
      type: 'real',
      changed: (o) => {
        // Qt: a side margin that was not set explicitly follows `margins`.
        const a = o as Anchors;
        const m = a.$v[A.margins] as number;
        SIDES.forEach((_, i) => {
          if (!(a.explicitMargins & (1 << i))) a.$store(A.sides[i]!, m);
        });
        a.anchorsChanged();
      },
    },
    leftMargin: marginSpec(1),
    rightMargin: marginSpec(2),
    topMargin: marginSpec(4),
    bottomMargin: marginSpec(8),
    horizontalCenterOffset: { type: 'real', changed: anchorChanged },
    verticalCenterOffset: { type: 'real', changed: anchorChanged },
    baselineOffset: { type: 'real', changed: anchorChanged },
    alignWhenCentered: { type: 'bool', default: true, changed: anchorChanged },
  },
  creatable: false,
});

const A = {
  left: AnchorsMeta.index('left'),
  right: AnchorsMeta.index('right'),
  horizontalCenter: AnchorsMeta.index('horizontalCenter'),
  top: AnchorsMeta.index('top'),
  bottom: AnchorsMeta.index('bottom'),
  verticalCenter: AnchorsMeta.index('verticalCenter'),
  baseline: AnchorsMeta.index('baseline'),
  fill: AnchorsMeta.index('fill'),
  centerIn: AnchorsMeta.index('centerIn'),
  margins: AnchorsMeta.index('margins'),
  leftMargin: AnchorsMeta.index('leftMargin'),
  rightMargin: AnchorsMeta.index('rightMargin'),
  topMargin: AnchorsMeta.index('topMargin'),
  bottomMargin: AnchorsMeta.index('bottomMargin'),
  sides: SIDES.map((s) => AnchorsMeta.index(s)),
  horizontalCenterOffset: AnchorsMeta.index('horizontalCenterOffset'),
  verticalCenterOffset: AnchorsMeta.index('verticalCenterOffset'),
  baselineOffset: AnchorsMeta.index('baselineOffset'),
  alignWhenCentered: AnchorsMeta.index('alignWhenCentered'),
};

const LINES = [A.left, A.right, A.horizontalCenter, A.top, A.bottom, A.verticalCenter, A.baseline];

/** Indexes of the Item properties anchors read (set by Item.ts, which imports this module). */
export const geo = { x: 0, y: 0, width: 0, height: 0, baselineOffset: 0, anchors: 0 };

/** A mirrored anchor's line: left and right swap (reverseAnchorLine). */
function reversed(l: AnchorLine | undefined, mirrored: boolean): AnchorLine | undefined {
  if (!mirrored || l === undefined) return l;
  if (l.line === AnchorLineKind.Left) return { ...l, line: AnchorLineKind.Right };
  if (l.line === AnchorLineKind.Right) return { ...l, line: AnchorLineKind.Left };
  return l;
}
