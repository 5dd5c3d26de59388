// The state operations of qquickstateoperations.cpp: AnchorChanges (anchors
// set, reset and restored by a state, with the geometry they moved) and
// ParentChange (a new parent, the item kept where it was on screen); and
// AnchorAnimation, which animates an AnchorChanges in a transition.
import type { PropertyBinding } from '../../engine/binding';
import type { QmlContext } from '../../engine/context';
import type { StateChange } from '../../engine/creator';
import { defineType, type MetaObject, type PropertyInfo, QObject, qmlWarning } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import {
  AbstractAnimation,
  ActionJob,
  AnchorAnimationBase,
  AnchorAnimationBaseMeta,
  type AnimationGroup,
  ParallelAnimation,
  SequentialAnimation,
  SequentialAnimationMeta,
  type TouchedProperties,
  type TransitionAction,
} from '../animation/animations';
import { type Anchors, AnchorsMeta } from '../items/Anchors';
import { ITEM, Item } from '../items/Item';
import {
  bindingOf,
  changeBinding,
  removeBinding,
  StateAction,
  StateEvent,
  type StateOperation,
  setBinding,
} from './states';

// ---- AnchorChanges ----------------------------------------------------------------

/** The anchor lines an AnchorChanges may change, with QQuickAnchors' bits. */
const LINES = [
  ['left', 0x01],
  ['right', 0x02],
  ['horizontalCenter', 0x10],
  ['top', 0x04],
  ['bottom', 0x08],
  ['verticalCenter', 0x20],
  ['baseline', 0x40],
] as const;
type Line = (typeof LINES)[number][0];
const H_MASK = 0x01 | 0x02 | 0x10;
const V_MASK = 0x04 | 0x08 | 0x20 | 0x40;
const LEFT = 0x01;
const RIGHT = 0x02;
const HCENTER = 0x10;
const TOP = 0x04;
const BOTTOM = 0x08;
const VCENTER = 0x20;
const BASELINE = 0x40;

const lineInfo = (line: Line): PropertyInfo => AnchorsMeta.propsByName.get(line)!;

interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
}

function geometryOf(item: Item): Geometry {
  const v = item.$v;
  return {
    x: v[ITEM.x] as number,
    y: v[ITEM.y] as number,
    width: v[ITEM.width] as number,
    height: v[ITEM.height] as number,
  };
}

/** Writes geometry past its bindings, which stay (Qt's setValueBypassingBindings, then geometryChange). */
function setGeometryValue(item: Item, idx: number, v: number): void {
  if (Number.isNaN(v) || item.$v[idx] === v) return;
  item.$store(idx, v);
}

/** AnchorChanges as a state runs it (the QQuickStateActionEvent part of QQuickAnchorChanges). */
class AnchorEvent extends StateEvent {
  readonly type = 'anchors';
  /** QQuickAnchorSet: the anchors the state sets, and those it resets (`undefined`). */
  used = 0;
  reset = 0;
  private bindings = new Map<Line, PropertyBinding>();
  private orig = new Map<Line, PropertyBinding | null>();
  private applyOrig = 0;
  private origWidth: number | null = null;
  private origHeight: number | null = null;
  private origX = Number.NaN;
  private origY = Number.NaN;
  private from: Geometry = { x: 0, y: 0, width: 0, height: 0 };
  private to: Geometry = { x: 0, y: 0, width: 0, height: 0 };
  private rewindGeometry: Geometry = { x: Number.NaN, y: Number.NaN, width: Number.NaN, height: Number.NaN };

  constructor(private readonly owner: AnchorChanges) {
    super();
  }

  get target(): Item | null {
    const t = this.owner.$v[AC.target];
    return t instanceof Item ? t : null;
  }

  private anchors(): Anchors {
    return this.target!.anchors;
  }

  private resetLine(line: Line): void {
    this.anchors().$write(lineInfo(line).index, undefined);
  }

  /** The anchors in use on the target (QQuickAnchors::usedAnchors). */
  private usedOnTarget(): number {
    const a = this.anchors();
    let bits = 0;
    for (const [line, bit] of LINES) if (a.$v[lineInfo(line).index] !== undefined) bits |= bit;
    return bits;
  }

  /** QQuickAnchorChanges::actions: the bindings of the anchors it sets. */
  prepare(changes: readonly StateChange[], ctx: QmlContext | null): void {
    this.bindings.clear();
    this.used = 0;
    this.reset = 0;
    const target = this.target;
    for (const c of changes) {
      const entry = LINES.find(([line]) => `anchors.${line}` === c.name);
      if (entry === undefined) continue;
      const [line, bit] = entry;
      if (c.undefinedLiteral) {
        this.reset |= bit;
        continue;
      }
      this.used |= bit;
      if (target === null || c.fn === undefined) continue;
      this.bindings.set(line, changeBinding(target.anchors, lineInfo(line), c, target, ctx, 'Anchors'));
    }
  }

  execute(): void {
    if (this.target === null) return;
    const a = this.anchors();
    // (the reverts it took over from the state before)
    for (const [line, bit] of LINES) {
      if (!(this.applyOrig & bit)) continue;
      const b = this.orig.get(line) ?? null;
      if (b === null) {
        this.resetLine(line);
        removeBinding(a, lineInfo(line));
      } else setBinding(a, lineInfo(line), b);
    }
    for (const [line, bit] of LINES) {
      if (!(this.reset & bit)) continue;
      this.resetLine(line);
      removeBinding(a, lineInfo(line));
    }
    for (const [line] of LINES) {
      const b = this.bindings.get(line);
      if (b !== undefined) setBinding(a, lineInfo(line), b);
    }
  }

  override isReversable(): boolean {
    return true;
  }

  override reverse(): void {
    const target = this.target;
    if (target === null) return;
    const a = this.anchors();
    for (const [line] of LINES) {
      const b = this.bindings.get(line);
      if (b === undefined) continue;
      this.resetLine(line);
      if (bindingOf(a, lineInfo(line)) === b) removeBinding(a, lineInfo(line));
    }
    for (const [line] of LINES) {
      const b = this.orig.get(line) ?? null;
      if (b !== null) setBinding(a, lineInfo(line), b);
    }
    // the geometry the state's anchors changed goes back
    const stateV = this.used & V_MASK;
    const origV = this.usedOnTarget() & V_MASK;
    const stateH = this.used & H_MASK;
    const origH = this.usedOnTarget() & H_MASK;
    const setsWidth = (h: number) => h !== 0 && h !== LEFT && h !== RIGHT && h !== HCENTER;
    const setsHeight = (v: number) => v !== 0 && v !== TOP && v !== BOTTOM && v !== VCENTER && v !== BASELINE;
    // (Qt 6.4 counts the state's own anchors only, not an edge added to the item's)
    const stateSetWidth = setsWidth(stateH);
    const stateSetHeight = setsHeight(stateV);
    if (this.origWidth !== null && stateSetWidth && !setsWidth(origH) && !Number.isNaN(this.origWidth)) {
      target.widthValid = true;
      setGeometryValue(target, ITEM.width, this.origWidth);
    }
    if (this.origHeight !== null && stateSetHeight && !setsHeight(origV) && !Number.isNaN(this.origHeight)) {
      target.heightValid = true;
      setGeometryValue(target, ITEM.height, this.origHeight);
    }
    if (stateH && !origH) setGeometryValue(target, ITEM.x, this.origX);
    if (stateV && !origV) setGeometryValue(target, ITEM.y, this.origY);
  }

  /** The geometry the change moves, for an AnchorAnimation (QQuickAnchorChanges::additionalActions). */
  additionalActions(): Array<{ obj: QObject; info: PropertyInfo; toValue: unknown }> {
    const target = this.target;
    if (target === null) return [];
    const combined = this.used | this.reset;
    const h = (combined & H_MASK) !== 0;
    const v = (combined & V_MASK) !== 0;
    const extra: Array<{ obj: QObject; info: PropertyInfo; toValue: unknown }> = [];
    const add = (idx: number, to: number) =>
      extra.push({ obj: target, info: target.$meta.props[idx]!, toValue: to });
    if (h && this.from.x !== this.to.x) add(ITEM.x, this.to.x);
    if (v && this.from.y !== this.to.y) add(ITEM.y, this.to.y);
    if (h && this.from.width !== this.to.width) add(ITEM.width, this.to.width);
    if (v && this.from.height !== this.to.height) add(ITEM.height, this.to.height);
    return extra;
  }

  override changesBindings(): boolean {
    return true;
  }

  override saveOriginals(): void {
    const target = this.target;
    if (target === null) return;
    const a = this.anchors();
    for (const [line] of LINES) this.orig.set(line, bindingOf(a, lineInfo(line)));
    this.origWidth = target.widthValid ? (target.$v[ITEM.width] as number) : null;
    this.origHeight = target.heightValid ? (target.$v[ITEM.height] as number) : null;
    this.origX = target.$v[ITEM.x] as number;
    this.origY = target.$v[ITEM.y] as number;
    this.applyOrig = 0;
    this.saveCurrentValues();
  }

  override needsCopy(): boolean {
    return true;
  }

  override copyOriginals(other: StateEvent): void {
    const o = other as AnchorEvent;
    this.applyOrig = o.used | o.reset;
    this.orig = new Map(o.orig);
    this.origWidth = o.origWidth;
    this.origHeight = o.origHeight;
    this.origX = o.origX;
    this.origY = o.origY;
    o.bindings.clear();
    o.orig.clear();
    this.saveCurrentValues();
  }

  override clearBindings(): void {
    const target = this.target;
    if (target === null) return;
    this.from = geometryOf(target);
    const a = this.anchors();
    const combined = this.reset | this.used;
    for (const [line, bit] of LINES) {
      if (!(this.applyOrig & bit) && !(combined & bit)) continue;
      this.resetLine(line);
      removeBinding(a, lineInfo(line));
    }
  }

  override mayOverride(other: StateEvent): boolean {
    return other.type === 'anchors' && (other === this || (other as AnchorEvent).target === this.target);
  }

  override rewind(): void {
    const target = this.target;
    if (target === null) return;
    const r = this.rewindGeometry;
    setGeometryValue(target, ITEM.x, r.x);
    setGeometryValue(target, ITEM.y, r.y);
    if (target.widthValid && !Number.isNaN(r.width)) setGeometryValue(target, ITEM.width, r.width);
    if (target.heightValid && !Number.isNaN(r.height)) setGeometryValue(target, ITEM.height, r.height);
  }

  override saveCurrentValues(): void {
    const target = this.target;
    if (target !== null) this.rewindGeometry = geometryOf(target);
  }

  override saveTargetValues(): void {
    const target = this.target;
    if (target !== null) this.to = geometryOf(target);
  }
}

export class AnchorChanges extends QObject implements StateOperation {
  private changes: StateChange[] = [];
  private ctx: QmlContext | null = null;
  readonly event = new AnchorEvent(this);

  $setStateChanges(changes: StateChange[], ctx: QmlContext): void {
    this.changes = changes;
    this.ctx = ctx;
  }

  actions(): StateAction[] {
    this.event.prepare(this.changes, this.ctx);
    const a = new StateAction();
    a.event = this.event;
    return [a];
  }
}
const AnchorChangesMeta = defineType(AnchorChanges, QtObjectMeta, {
  name: 'AnchorChanges',
  cppClass: 'QQuickAnchorChanges',
  stateChanges: ['anchors'],
  properties: { target: { type: 'Item' } },
});
const AC = { target: AnchorChangesMeta.index('target') };

/** AnchorAnimation: in a transition, animates the geometry an AnchorChanges moves. */
export class AnchorAnimation extends AnchorAnimationBase {
  protected override changesOf(
    event: unknown,
  ): Array<{ obj: QObject; info: PropertyInfo; toValue: unknown }> | null {
    if (!(event instanceof AnchorEvent)) return null;
    const targets = this.targetList();
    if (targets.length > 0 && (event.target === null || !targets.includes(event.target))) return null;
    return event.additionalActions();
  }
}
const AnchorAnimationMeta = defineType(AnchorAnimation, AnchorAnimationBaseMeta, {
  name: 'AnchorAnimation',
  cppClass: 'QQuickAnchorAnimation',
});

// ---- ParentChange -----------------------------------------------------------------

/** Where and how an item was (QQuickParentChangePrivate::StateSnapshot). */
interface Snapshot {
  parent: Item | null;
  stackBefore: Item | null;
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  rotation: number;
}

/**
 * How `from`'s coordinates map to `to`'s (QQuickItem::itemTransform), as a
 * ParentChange keeps an item's appearance: a uniform scale and a rotation,
 * or not ok (with Qt's warning at `owner`) for a shear or a non-uniform scale.
 */
function appearance(
  from: Item,
  to: Item,
  owner: QObject,
): { ok: boolean; scale: number; rotation: number; map(x: number, y: number): { x: number; y: number } } {
  const map = (px: number, py: number) => {
    const s = from.mapToScenePoint(px, py);
    return to.mapFromScenePoint(s.x, s.y);
  };
  const o = map(0, 0);
  const ex = map(1, 0);
  const ey = map(0, 1);
  const m11 = ex.x - o.x;
  const m12 = ex.y - o.y;
  const m21 = ey.x - o.x;
  const m22 = ey.y - o.y;
  let ok = true;
  const fuzzyZero = (v: number) => Math.abs(v) <= 1e-12;
  if (!(fuzzyZero(m12) && fuzzyZero(m21)) && !fuzzyZero(m11 * m21 + m12 * m22)) {
    qmlWarning(owner, 'Unable to preserve appearance under complex transform');
    ok = false;
  }
  let scale = 1;
  let rotation = 0;
  const isRotate = !(fuzzyZero(m12) && fuzzyZero(m21)) || m11 < 0;
  if (ok && !isRotate) {
    if (m11 === m22) scale = m11;
    else {
      qmlWarning(owner, 'Unable to preserve appearance under non-uniform scale');
      ok = false;
    }
  } else if (ok && isRotate) {
    if (m11 === m22) scale = Math.sqrt(m11 * m11 + m12 * m12);
    else {
      qmlWarning(owner, 'Unable to preserve appearance under non-uniform scale');
      ok = false;
    }
    if (scale !== 0) rotation = (Math.atan2(m12 / scale, m11 / scale) * 180) / Math.PI;
    else {
      qmlWarning(owner, 'Unable to preserve appearance under scale of 0');
      ok = false;
    }
  }
  return { ok, scale, rotation, map };
}

/** Where (0, 0) goes under translate(-o), rotate, scale, translate(o): the shift a transform origin `o` makes. */
function originOffset(ox: number, oy: number, rotation: number, scale: number): { x: number; y: number } {
  if (ox === 0 && oy === 0) return { x: 0, y: 0 };
  const a = (rotation * Math.PI) / 180;
  const sx = ox * scale;
  const sy = oy * scale;
  return { x: sx * Math.cos(a) - sy * Math.sin(a) - ox, y: sx * Math.sin(a) + sy * Math.cos(a) - oy };
}

/** The properties a ParentChange may set, in the order Qt applies them. */
const PARENT_CHANGE_PROPS = ['x', 'y', 'scale', 'rotation', 'width', 'height'] as const;

class ParentEvent extends StateEvent {
  readonly type = 'parent';
  private orig: Snapshot | null = null;
  private rewindSnapshot: Snapshot | null = null;

  constructor(private readonly owner: ParentChange) {
    super();
  }

  get target(): Item | null {
    const t = this.owner.$v[PC.target];
    return t instanceof Item ? t : null;
  }

  execute(): void {
    const p = this.owner.$v[PC.parent];
    this.doChange(p instanceof Item ? p : null);
  }

  /** Reparents, keeping the item where it was on screen when the transform allows (QQuickParentChangePrivate::doChange). */
  private doChange(targetParent: Item | null): void {
    const target = this.target;
    if (target === null) return;
    const old = target.parentItem;
    if (targetParent === null || old === null) {
      target.setParentItem(targetParent);
      return;
    }
    const t = appearance(old, targetParent, this.owner);
    const point = t.map(target.$v[ITEM.x] as number, target.$v[ITEM.y] as number);
    let x = point.x;
    let y = point.y;
    target.setParentItem(targetParent);
    if (t.ok) {
      const o = target.originPoint();
      const off = originOffset(o.x, o.y, t.rotation, t.scale);
      x += off.x;
      y += off.y;
      setGeometryValue(target, ITEM.x, x);
      setGeometryValue(target, ITEM.y, y);
      target.$write(ITEM.rotation, (target.$v[ITEM.rotation] as number) + t.rotation);
      target.$write(ITEM.scale, (target.$v[ITEM.scale] as number) * t.scale);
    }
  }

  /** The parent the item had before the state (QQuickParentChange::originalParent). */
  get originalParent(): Item | null {
    return this.orig?.parent ?? null;
  }

  /** The new parent. */
  get parentItem(): Item | null {
    const p = this.owner.$v[PC.parent];
    return p instanceof Item ? p : null;
  }

  /** The properties the ParentChange sets (`x`, `width`, ...). */
  setProperties(): Set<string> {
    return this.owner.setProperties();
  }

  override isReversable(): boolean {
    return true;
  }

  override reverse(): void {
    this.restore(this.orig);
  }

  private restore(s: Snapshot | null): void {
    const target = this.target;
    if (target === null || s === null) return;
    // (the bindings stay; new ones are applied after)
    setGeometryValue(target, ITEM.x, s.x);
    setGeometryValue(target, ITEM.y, s.y);
    target.widthValid = true;
    target.heightValid = true;
    setGeometryValue(target, ITEM.width, s.width);
    setGeometryValue(target, ITEM.height, s.height);
    target.$write(ITEM.scale, s.scale);
    target.$write(ITEM.rotation, s.rotation);
    target.setParentItem(s.parent);
    if (s.stackBefore !== null) target.stackBefore(s.stackBefore);
  }

  override saveOriginals(): void {
    this.saveCurrentValues();
    this.orig = this.rewindSnapshot;
  }

  override saveCurrentValues(): void {
    const target = this.target;
    if (target === null) {
      this.rewindSnapshot = null;
      return;
    }
    const v = target.$v;
    const parent = target.parentItem;
    let stackBefore: Item | null = null;
    if (parent !== null) {
      const children = parent.childItems;
      const i = children.indexOf(target);
      if (i >= 0 && i < children.length - 1) stackBefore = children[i + 1]!;
    }
    this.rewindSnapshot = {
      parent,
      stackBefore,
      x: v[ITEM.x] as number,
      y: v[ITEM.y] as number,
      width: v[ITEM.width] as number,
      height: v[ITEM.height] as number,
      scale: v[ITEM.scale] as number,
      rotation: v[ITEM.rotation] as number,
    };
  }

  override rewind(): void {
    this.restore(this.rewindSnapshot);
    this.rewindSnapshot = null;
  }

  override mayOverride(other: StateEvent): boolean {
    return other.type === 'parent' && (other as ParentEvent).target === this.target;
  }
}

export class ParentChange extends QObject implements StateOperation {
  private changes: StateChange[] = [];
  private ctx: QmlContext | null = null;

  setProperties(): Set<string> {
    return new Set(this.changes.filter((c) => c.objectId === null).map((c) => c.name));
  }
  readonly event = new ParentEvent(this);

  $setStateChanges(changes: StateChange[], ctx: QmlContext): void {
    this.changes = changes;
    this.ctx = ctx;
  }

  actions(): StateAction[] {
    const target = this.$v[PC.target];
    if (!(target instanceof Item) || !(this.$v[PC.parent] instanceof Item)) return [];
    const e = new StateAction();
    e.event = this.event;
    const list = [e];
    for (const name of PARENT_CHANGE_PROPS) {
      const c = this.changes.find((k) => k.name === name && k.objectId === null);
      if (c === undefined) continue;
      const info = target.$meta.propsByName.get(name)!;
      const a = new StateAction();
      a.obj = target;
      a.info = info;
      a.specifiedObject = target;
      a.specifiedProperty = name;
      a.fromValue = target.$v[info.index];
      if (c.fn === undefined) {
        a.toValue = c.value;
        a.hasToValue = true;
      } else {
        a.toBinding = changeBinding(target, info, c, target, this.ctx, target.$meta.name);
        a.deletableToBinding = true;
      }
      list.push(a);
    }
    return list;
  }
}
const ParentChangeMeta = defineType(ParentChange, QtObjectMeta, {
  name: 'ParentChange',
  cppClass: 'QQuickParentChange',
  stateChanges: PARENT_CHANGE_PROPS,
  properties: { target: { type: 'Item' }, parent: { type: 'Item' } },
});
const PC = { target: ParentChangeMeta.index('target'), parent: ParentChangeMeta.index('parent') };

// ---- ParentAnimation ----------------------------------------------------------------

/** A reparenting a ParentAnimation makes at its time: ParentChange events, run or reversed. */
interface Reparenting {
  events: ParentEvent[];
  reverse: boolean;
}

/**
 * ParentAnimation (QQuickParentAnimation): in a transition, the
 * ParentChange happens at its start (or, `via` an item, the item goes to it
 * first and to its new parent at the end), around its child animations.
 */
export class ParentAnimation extends SequentialAnimation {
  /** The animations declared in it (run in parallel, between the reparentings). */
  private declared: AbstractAnimation[] = [];
  private inner: ParallelAnimation | null = null;

  override appendAnimation(v: unknown): void {
    if (v instanceof AbstractAnimation) this.declared.push(v);
  }

  /** A ParentChange of `target` to `parent`, made for this run. */
  private change(target: Item, parent: Item): ParentEvent {
    const pc = new ParentChange();
    pc.$engine = this.$engine;
    pc.$declaration = this.$declaration;
    pc.$v[PC.target] = target;
    pc.$v[PC.parent] = parent;
    return pc.event;
  }

  /** QQuickParentAnimation::transition. */
  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    (this as { children: AbstractAnimation[] }).children = [];
    this.declared = this.declared.map((a) => a.spawn(null));
    this.inner = null;
  }

  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
    const target = this.$v[PA.target] as Item | null;
    const newParent = this.$v[PA.newParent] as Item | null;
    const via = this.$v[PA.via] as Item | null;
    const data: Reparenting = { events: [], reverse: false };
    const viaData: Reparenting = { events: [], reverse: false };
    if (target !== null && newParent !== null) {
      data.events.push(this.change(target, newParent));
      if (via !== null) viaData.events.push(this.change(target, via));
    } else {
      for (let i = 0; i < actions.length; i++) {
        const action = actions[i] as TransitionAction & { reverseEvent?: boolean };
        const pc = action.event;
        if (!(pc instanceof ParentEvent) || (target !== null && pc.target !== target)) continue;
        data.reverse = action.reverseEvent === true;
        let change = pc;
        if (newParent !== null) {
          change = this.change(pc.target!, newParent);
          data.events.push(change);
        } else {
          action.actionDone = true;
          data.events.push(pc);
        }
        if (via === null) continue;
        // by way of `via`: the item goes there first, keeping where it is, and
        // the ParentChange's x, y, scale and rotation are taken there
        viaData.events.push(this.change(change.target!, via));
        const set = change.setProperties();
        const next = (name: string) =>
          set.has(name) && i < actions.length - 1 ? (actions[++i] as TransitionAction) : null;
        const xAction = next('x');
        const yAction = next('y');
        const sAction = next('scale');
        const rAction = next('rotation');
        const item = change.target!;
        const targetParent = action.reverseEvent ? pc.originalParent : change.parentItem;
        if (targetParent === null) continue;
        const t = appearance(targetParent, via, this);
        const point = t.map(Number(xAction?.toValue ?? 0), Number(yAction?.toValue ?? 0));
        let x = point.x;
        let y = point.y;
        if (t.ok && (item.$v[ITEM.transformOrigin] as number) !== 0) {
          let w = item.$v[ITEM.width] as number;
          let h = item.$v[ITEM.height] as number;
          if (set.has('width') && i < actions.length - 1) w = Number(actions[++i]!.toValue);
          if (set.has('height') && i < actions.length - 1) h = Number(actions[++i]!.toValue);
          const o = transformOriginPoint(item.$v[ITEM.transformOrigin] as number, w, h);
          const off = originOffset(o.x, o.y, t.rotation, t.scale);
          x += off.x;
          y += off.y;
        }
        if (t.ok) {
          if (xAction !== null) xAction.toValue = x;
          if (yAction !== null) yAction.toValue = y;
          if (sAction !== null) sAction.toValue = Number(sAction.toValue) * t.scale;
          if (rAction !== null) rAction.toValue = Number(rAction.toValue) + t.rotation;
        }
      }
    }
    // the run: [via or the reparenting, the animations, the reparenting after via], backwards reversed
    this.children.length = 0;
    if (data.events.length === 0) return;
    const run = (r: Reparenting) => () => {
      for (const e of r.events) {
        if (r.reverse) e.reverse();
        else e.execute();
      }
    };
    const targetAction = new ActionJob(run(data));
    const viaAction = via !== null ? new ActionJob(run(viaData)) : null;
    let inner = this.inner;
    if (inner === null) {
      inner = new ParallelAnimation();
      this.inner = inner;
    }
    inner.$engine = this.$engine;
    inner.children.length = 0;
    for (const a of this.declared) {
      a.transition(actions, touched, backward, defaultTarget);
      inner.appendAnimation(a);
    }
    for (const job of [targetAction, viaAction]) if (job !== null) job.$engine = this.$engine;
    const order = !backward
      ? [viaAction ?? targetAction, inner, viaAction !== null ? targetAction : null]
      : [viaAction !== null ? targetAction : null, inner, viaAction ?? targetAction];
    for (const job of order) if (job !== null) super.appendAnimation(job);
  }
}
const ParentAnimationMeta = defineType(ParentAnimation, SequentialAnimationMeta, {
  name: 'ParentAnimation',
  cppClass: 'QQuickParentAnimation',
  properties: {
    target: { type: 'Item' },
    newParent: { type: 'Item' },
    via: { type: 'Item' },
  },
});
const PA = {
  target: ParentAnimationMeta.index('target'),
  newParent: ParentAnimationMeta.index('newParent'),
  via: ParentAnimationMeta.index('via'),
};

/** Where an item's transform origin is for a size (QQuickItem::TransformOrigin). */
function transformOriginPoint(origin: number, w: number, h: number): { x: number; y: number } {
  const col = origin % 3;
  const row = Math.trunc(origin / 3);
  return { x: (col * w) / 2, y: (row * h) / 2 };
}

export const STATE_OPERATION_TYPES: Record<string, MetaObject> = {
  AnchorChanges: AnchorChangesMeta,
  ParentChange: ParentChangeMeta,
  AnchorAnimation: AnchorAnimationMeta,
  ParentAnimation: ParentAnimationMeta,
};
