// Qt Quick's animations: Animation and its types (QQuickAbstractAnimation,
// qquickanimation.cpp) over Qt's animation jobs (qabstractanimationjob.cpp,
// qsequentialanimationgroupjob.cpp, qparallelanimationgroupjob.cpp), and
// Behavior (qquickbehavior.cpp). Time comes from the engine's animation
// driver in whole milliseconds, like Qt's animation timer.
import type { FrameAnimation } from '../../engine/animation';
import { SCRIPT_STRING } from '../../engine/creator';
import {
  defineType,
  type MetaObject,
  type PropertyInfo,
  type PropertySpec,
  QObject,
  qmlWarning,
} from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import {
  QColor,
  QPoint,
  QRect,
  QSize,
  QVector2D,
  QVector3D,
  QVector4D,
  qRound,
} from '../../engine/valuetypes';
import { Dirty, ITEM, Item } from '../items/Item';
import { setPosition } from '../items/item-geometry';
import type { Path, PathGeometry } from '../items/Path';
import { SmoothedCurve } from '../items/smoothed-animation';
import { EASING_TYPES, type EasingParams, easingValue } from './easing';

export const STOPPED = 0;
const PAUSED = 1;
export const RUNNING = 2;
/** A job's direction: a reversed transition runs its animations backwards, from their end to 0. */
export const FORWARD = 0;
export const BACKWARD = 1;

/** One property an animation moves (QQuickStateAction): `from` is read when it first moves, unless given. */
interface Action {
  obj: QObject;
  info: PropertyInfo;
  from: unknown;
  to: unknown;
  fromSourced: boolean;
}

/**
 * A change a state makes (QQuickStateAction) as a transition's animations
 * see it: a property going from one value to another, or an event (a
 * StateChangeScript's script) that a ScriptAction may run at its time.
 */
export interface TransitionAction {
  obj: QObject | null;
  info: PropertyInfo | null;
  /** The object and property as the state named them (`rect`, `border.color`). */
  specifiedObject: QObject | null;
  specifiedProperty: string;
  fromValue: unknown;
  toValue: unknown;
  /** A StateChangeScript: its name and script (run by a ScriptAction with that scriptName). */
  readonly script: { name: string; run(): void } | null;
  /** The change when it is not a property's (an AnchorChanges, for an AnchorAnimation). */
  readonly event: unknown;
  /** The event is the transition's to run (Qt's actionDone). */
  actionDone: boolean;
}

/** The properties a transition's animations move (Qt's `modified`): the state does not write them itself. */
export type TouchedProperties = Array<{ obj: QObject; info: PropertyInfo }>;

function touch(touched: TouchedProperties, obj: QObject, info: PropertyInfo): void {
  touched.push({ obj, info });
}

/**
 * Writes a property as QQmlProperty::write does for a state or a PropertyAction: past the
 * property's interceptor (a Behavior) when `bypass`; a value the property
 * does not take is left out quietly.
 */
export function writeProperty(obj: QObject, info: PropertyInfo, v: unknown, bypass = false): void {
  if (obj.$destroyed) return;
  try {
    if (bypass) obj.$writeBypass(info.index, v);
    else obj.$write(info.index, v);
  } catch {
    // (Qt's write fails without a word)
  }
}

/** The property a value source (`NumberAnimation on x`) or a Behavior acts on. */
interface TargetProperty {
  obj: QObject;
  info: PropertyInfo;
}

/** QVariantAnimation's colour interpolation: each 8-bit channel, truncated. */
function interpolateColor(f: QColor, t: QColor, p: number): QColor {
  const c = (a: number, b: number) => Math.min(255, Math.max(0, Math.trunc(a + (b - a) * p)));
  return QColor.fromRgba8(
    c(f.red8, t.red8),
    c(f.green8, t.green8),
    c(f.blue8, t.blue8),
    c(f.alpha8, t.alpha8),
  );
}

const lerp = (f: number, t: number, p: number) => f + (t - f) * p;
/** QVector*D: float components, the progress a float too (QVector3D * float). */
const lerpF = (f: number, t: number, p: number) =>
  Math.fround(f + Math.fround(Math.fround(t - f) * Math.fround(p)));

/** QVariantAnimation's interpolators of points, sizes, rects and vectors (component by component). */
function interpolateValue(f: unknown, t: unknown, p: number): unknown {
  if (f instanceof QPoint && t instanceof QPoint) return new QPoint(lerp(f.x, t.x, p), lerp(f.y, t.y, p));
  if (f instanceof QSize && t instanceof QSize)
    return new QSize(lerp(f.width, t.width, p), lerp(f.height, t.height, p));
  if (f instanceof QRect && t instanceof QRect)
    return new QRect(
      lerp(f.x, t.x, p),
      lerp(f.y, t.y, p),
      lerp(f.width, t.width, p),
      lerp(f.height, t.height, p),
    );
  if (f instanceof QVector2D && t instanceof QVector2D)
    return new QVector2D(lerpF(f.x, t.x, p), lerpF(f.y, t.y, p));
  if (f instanceof QVector3D && t instanceof QVector3D)
    return new QVector3D(lerpF(f.x, t.x, p), lerpF(f.y, t.y, p), lerpF(f.z, t.z, p));
  if (f instanceof QVector4D && t instanceof QVector4D)
    return new QVector4D(lerpF(f.x, t.x, p), lerpF(f.y, t.y, p), lerpF(f.z, t.z, p), lerpF(f.w, t.w, p));
  // (other types change at the end)
  return f;
}

/**
 * Animation: the QML object and its animation job in one. A top-level
 * animation is advanced by the driver; one in a group by its group.
 */
export class AbstractAnimation extends QObject implements FrameAnimation {
  declare running: boolean;
  declare paused: boolean;
  declare loops: number;
  group: AnimationGroup | null = null;
  /** The Behavior whose writes this animation makes (it reports its running state). */
  behavior: Behavior | null = null;
  /** The property of `Type on prop` (Qt's defaultProperty). */
  valueSource: TargetProperty | null = null;
  jobState = STOPPED;
  /** Qt's m_totalCurrentTime, m_currentTime and m_currentLoop. */
  totalTime = 0;
  loopTime = 0;
  loop = 0;
  jobLoops = 1;
  direction = FORWARD;
  private isComplete = false;
  private avoidValueSourceStart = false;

  /** One loop's duration in ms (-1: not known). */
  loopDuration(): number {
    return 0;
  }
  /** Moves to `time` ms into the current loop. */
  updateCurrentTime(_time: number): void {}
  /** Sets up a run (Qt's transition()): the properties it moves, from the actions given or its own. */
  prepare(_actions: readonly Action[] | null, _target: TargetProperty | null): void {
    this.setupLoops();
  }
  /**
   * Sets up a run in a state change's transition (Qt's transition()): the
   * animation takes the changes it matches from `actions` and records the
   * properties it moves in `touched`.
   */
  transition(
    _actions: TransitionAction[],
    _touched: TouchedProperties,
    _backward: boolean,
    _defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
  }

  /**
   * A run of its own of this animation (Qt makes a job for each run of a
   * transition): a view runs one transition for several items at once. The
   * run reads this animation's properties as they are now and keeps its own
   * state.
   */
  spawn(group: AnimationGroup | null): AbstractAnimation {
    const run = Object.create(this) as AbstractAnimation;
    run.$v = this.$v.slice();
    run.resetJob(group);
    return run;
  }

  /** A spawned run's own state, as a new job has it. */
  protected resetJob(group: AnimationGroup | null): void {
    this.group = group;
    this.behavior = null;
    this.valueSource = null;
    this.jobState = STOPPED;
    this.totalTime = this.loopTime = this.loop = 0;
    this.jobLoops = 1;
    this.direction = FORWARD;
  }

  /** QAbstractAnimationJob::setDirection (a group passes it on). */
  setDirection(direction: number): void {
    if (this.direction === direction) return;
    this.direction = direction;
    this.directionChanged(direction);
  }
  protected directionChanged(_direction: number): void {}
  protected setupLoops(): void {
    const loops = this.$v[ANIM.loops] as number;
    this.jobLoops = loops < 0 ? -1 : loops;
  }
  /** Called when the job's state changes (Qt's updateState). */
  protected stateChanged(_state: number, _old: number): void {}

  totalDuration(): number {
    const d = this.loopDuration();
    return d <= 0 ? d : this.jobLoops < 0 ? -1 : d * this.jobLoops;
  }

  // ---- the job (QAbstractAnimationJob) ---------------------------------------

  setCurrentTime(msecs: number): void {
    msecs = Math.max(msecs, 0);
    const dura = this.loopDuration();
    let totalDura: number;
    if (dura < 0) {
      totalDura = -1;
      this.totalTime = this.loopTime = msecs;
    } else {
      totalDura = dura === 0 ? 0 : this.jobLoops < 0 ? -1 : dura * this.jobLoops;
      if (totalDura !== -1) msecs = Math.min(totalDura, msecs);
      this.totalTime = msecs;
      this.loop = dura === 0 ? 0 : Math.trunc(msecs / dura);
      if (this.loop === this.jobLoops) {
        this.loopTime = dura;
        this.loop = Math.max(0, this.jobLoops - 1);
      } else if (this.direction === FORWARD) this.loopTime = dura === 0 ? msecs : msecs % dura;
      else {
        this.loopTime = dura === 0 ? msecs : ((msecs - 1) % dura) + 1;
        if (this.loopTime === dura) this.loop--;
      }
    }
    this.updateCurrentTime(this.loopTime);
    const atEnd = this.direction === FORWARD ? this.totalTime === totalDura : this.totalTime === 0;
    if (atEnd && this.jobState !== STOPPED) this.jobStop();
  }

  jobStart(): void {
    if (this.jobState !== RUNNING) this.setState(RUNNING);
  }

  jobStop(): void {
    if (this.jobState !== STOPPED) this.setState(STOPPED);
  }

  jobPause(): void {
    if (this.jobState === RUNNING) this.setState(PAUSED);
  }

  private setState(state: number): void {
    if (this.jobLoops === 0) return;
    const old = this.jobState;
    const oldTime = this.loopTime;
    const oldLoop = this.loop;
    const oldDirection = this.direction;
    if (old === STOPPED)
      this.totalTime = this.loopTime =
        this.direction === FORWARD ? 0 : this.jobLoops === -1 ? this.loopDuration() : this.totalDuration();
    this.jobState = state;
    const topLevel = this.group === null || this.group.jobState === STOPPED;
    const driver = this.$engine?.animations;
    if (old === RUNNING) driver?.stop(this);
    else if (state === RUNNING && topLevel) driver?.start(this);
    this.stateChanged(state, old);
    if (this.jobState !== state) return;
    if (this.behavior !== null && (state === RUNNING) !== (old === RUNNING))
      this.behavior.runningChanged(this);
    if (state === RUNNING && old === STOPPED) {
      this.loop = 0;
      if (topLevel) this.setCurrentTime(this.totalTime);
    } else if (state === STOPPED) {
      const dura = this.loopDuration();
      if (
        dura === -1 ||
        this.jobLoops < 0 ||
        (oldDirection === FORWARD && oldTime * (oldLoop + 1) === dura * this.jobLoops) ||
        (oldDirection === BACKWARD && oldTime === 0)
      )
        this.jobFinished();
    }
  }

  /** The job reached its end (Qt's finished(): the QML animation's completion). */
  protected jobFinished(): void {
    if (this.group !== null || this.behavior !== null) return;
    this.setRunning(false);
    if (this.$v[ANIM.alwaysRunToEnd]) this.$emit(ANIM.stopped, undefined);
    this.$emit(ANIM.finished, undefined);
  }

  /** FrameAnimation: the driver's tick. */
  advance(deltaMs: number): boolean {
    if (this.jobState !== RUNNING) return false;
    this.setCurrentTime(this.totalTime + (this.direction === FORWARD ? deltaMs : -deltaMs));
    return this.jobState === RUNNING;
  }

  // ---- the QML object (QQuickAbstractAnimation) ------------------------------

  $componentComplete(): void {
    this.isComplete = true;
  }

  $componentFinalized(): void {
    if (this.$v[ANIM.running]) {
      this.$v[ANIM.running] = false;
      this.setRunning(true);
    }
    if (this.$v[ANIM.paused]) {
      this.$v[ANIM.paused] = false;
      this.setPaused(true);
    }
  }

  /** `Type on prop`: animates that property, running from the start unless told not to. */
  $setValueSource(target: QObject, property: string): void {
    const info = target.$meta.propsByName.get(property);
    if (info === undefined) return;
    this.valueSource = { obj: target, info };
    if (!this.avoidValueSourceStart) this.setRunning(true);
  }

  setRunning(r: boolean): void {
    if (!this.isComplete) {
      this.$v[ANIM.running] = r;
      if (!r) this.avoidValueSourceStart = true;
      return;
    }
    if (this.group !== null) {
      qmlWarning(this, 'setRunning() cannot be used on non-root animation nodes.');
      return;
    }
    if (this.$v[ANIM.running] === r) return;
    this.$v[ANIM.running] = r;
    const loops = this.$v[ANIM.loops] as number;
    const toEnd = this.$v[ANIM.alwaysRunToEnd] as boolean;
    if (r) {
      if (toEnd && loops !== 1 && this.jobState === RUNNING) {
        // started again before the last loop ended: it goes on (no `started`), with its loops from here
        this.jobLoops = loops < 0 ? -1 : this.loop + loops;
      } else {
        // (measured: started comes before the first values are written)
        this.$emit(ANIM.started, undefined);
        this.prepare(null, this.valueSource);
        this.jobStart();
      }
    } else {
      if (this.$v[ANIM.paused]) {
        this.$v[ANIM.paused] = false;
        this.$emit(ANIM.pausedChanged, undefined);
      }
      if (toEnd) {
        // the loop it is in runs to its end
        if (loops !== 1 && this.jobState !== STOPPED) this.jobLoops = this.loop + 1;
      } else {
        if (this.jobState !== STOPPED) this.jobStop();
        this.$emit(ANIM.stopped, undefined);
      }
    }
    this.$emit(ANIM.runningChanged, undefined);
  }

  setPaused(p: boolean): void {
    if (!this.isComplete) {
      this.$v[ANIM.paused] = p;
      return;
    }
    if (this.group !== null) {
      qmlWarning(this, 'setPaused() cannot be used on non-root animation nodes.');
      return;
    }
    if (this.$v[ANIM.paused] === p) return;
    this.$v[ANIM.paused] = p;
    if (p) this.jobPause();
    else if (this.jobState === PAUSED) this.setState(RUNNING);
    this.$emit(ANIM.pausedChanged, undefined);
  }

  start(): void {
    this.setRunning(true);
  }
  stop(): void {
    this.setRunning(false);
  }
  pause(): void {
    this.setPaused(true);
  }
  resume(): void {
    this.setPaused(false);
  }
  restart(): void {
    this.stop();
    this.start();
  }
  complete(): void {
    if (this.$v[ANIM.running] && this.jobState !== STOPPED) this.setCurrentTime(this.loopDuration());
  }

  override $teardown(): void {
    this.$engine?.animations.stop(this);
    this.jobState = STOPPED;
  }
}

const notBelowZero = (a: AbstractAnimation, v: unknown) => {
  // (SmoothedAnimation's -1: no duration, the velocity alone)
  if ((v as number) < 0 && !(v === -1 && a instanceof SmoothedAnimation)) {
    qmlWarning(a, 'Cannot set a duration of < 0');
    return false;
  }
  return true;
};

const AnimationMeta = defineType(AbstractAnimation, QtObjectMeta, {
  name: 'Animation',
  cppClass: 'QQuickAbstractAnimation',
  creatable: false,
  properties: {
    running: { type: 'bool', write: (o, v) => (o as AbstractAnimation).setRunning(v as boolean) },
    paused: { type: 'bool', write: (o, v) => (o as AbstractAnimation).setPaused(v as boolean) },
    alwaysRunToEnd: { type: 'bool' },
    loops: { type: 'int', default: 1, notify: 'loopCountChanged' },
  },
  signals: { loopCountChanged: {}, started: {}, stopped: {}, finished: {} },
  methods: ['start', 'stop', 'pause', 'resume', 'restart', 'complete'],
  enums: { Infinite: -2 },
});
const ANIM = {
  running: AnimationMeta.index('running'),
  paused: AnimationMeta.index('paused'),
  alwaysRunToEnd: AnimationMeta.index('alwaysRunToEnd'),
  loops: AnimationMeta.index('loops'),
  started: AnimationMeta.signalsByName.get('started')!.index,
  stopped: AnimationMeta.signalsByName.get('stopped')!.index,
  finished: AnimationMeta.signalsByName.get('finished')!.index,
  runningChanged: AnimationMeta.signalsByName.get('runningChanged')!.index,
  pausedChanged: AnimationMeta.signalsByName.get('pausedChanged')!.index,
};

// ---- PauseAnimation ------------------------------------------------------------

export class PauseAnimation extends AbstractAnimation {
  override loopDuration(): number {
    return this.$v[PAUSE_DURATION] as number;
  }
}
const PauseAnimationMeta = defineType(PauseAnimation, AnimationMeta, {
  name: 'PauseAnimation',
  cppClass: 'QQuickPauseAnimation',
  properties: {
    duration: {
      type: 'int',
      default: 250,
      write: (o, v) => {
        if (notBelowZero(o as AbstractAnimation, v)) o.$store(PAUSE_DURATION, v);
      },
    },
  },
});
const PAUSE_DURATION = PauseAnimationMeta.index('duration');

// ---- the easing group --------------------------------------------------------

export class EasingCurve extends QObject implements EasingParams {
  declare type: number;
  declare amplitude: number;
  declare period: number;
  declare overshoot: number;
}
const EasingCurveMeta = defineType(EasingCurve, null, {
  name: 'QEasingCurve',
  creatable: false,
  properties: {
    type: { type: 'int' },
    amplitude: { type: 'real', default: 1 },
    period: { type: 'real', default: 0.3 },
    overshoot: { type: 'real', default: 1.70158 },
  },
});
const EASING = {
  type: EasingCurveMeta.index('type'),
  amplitude: EasingCurveMeta.index('amplitude'),
  period: EasingCurveMeta.index('period'),
  overshoot: EasingCurveMeta.index('overshoot'),
};
const LINEAR: EasingParams = { type: 0, amplitude: 1, period: 0.3, overshoot: 1.70158 };

/** The progress `time` ms into a loop of `duration` ms, eased by an `easing` group. */
function easedProgress(easing: EasingCurve | null, time: number, duration: number): number {
  const e = easing?.$v;
  const params: EasingParams =
    e === undefined
      ? LINEAR
      : {
          type: e[EASING.type] as number,
          amplitude: e[EASING.amplitude] as number,
          period: e[EASING.period] as number,
          overshoot: e[EASING.overshoot] as number,
        };
  return easingValue(params, duration === 0 ? 1 : time / duration);
}

/** An animation's `easing` group. */
const EASING_GROUP: PropertySpec = {
  type: 'QEasingCurve',
  readonly: true,
  group: {
    meta: () => EasingCurveMeta,
    create: (owner) => {
      const e = new EasingCurve();
      e.$engine = owner.$engine;
      return e;
    },
  },
};

/** `Easing.InOutQuad`: the curve types (QML's Easing enumeration). */
class EasingEnums extends QObject {}
const EasingEnumsMeta = defineType(EasingEnums, null, {
  name: 'Easing',
  creatable: false,
  enums: EASING_TYPES,
});

// ---- PropertyAnimation, NumberAnimation, ColorAnimation ----------------------

/** The names in `property` and `properties` ("x,y"). */
function propertyNames(one: string, many: string): string[] {
  const names = many
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (one !== '') names.unshift(one);
  return names;
}

/**
 * Whether an animation in a transition takes a state's change: one of its
 * targets (or any) and not excluded, one of its properties, or with no
 * properties named, one of the type it interpolates (ColorAnimation).
 */
function selects(
  x: TransitionAction,
  targets: QObject[],
  exclude: QObject[],
  props: string[],
  type: string | null,
): x is TransitionAction & { obj: QObject; info: PropertyInfo } {
  if (x.obj === null || x.info === null) return false;
  const same = x.obj === x.specifiedObject;
  const s = x.specifiedObject;
  return (
    (targets.length === 0 || targets.includes(x.obj) || (!same && s !== null && targets.includes(s))) &&
    !exclude.includes(x.obj) &&
    (same || s === null || !exclude.includes(s)) &&
    (props.includes(x.info.name) ||
      (!same && props.includes(x.specifiedProperty)) ||
      (type !== null && x.info.type === type))
  );
}

/** A transition's property names: `properties`, then `property` (Qt's order). */
function transitionNames(one: string, many: string): string[] {
  const names = many === '' ? [] : many.split(',').map((s) => s.trim());
  if (one !== '') names.push(one);
  return names;
}

/** A transition's targets: `targets`, then `target` (Qt's order). */
/** The objects an animation in a transition names, else the transition's default target (a view's item). */
function transitionTargets(target: unknown, targets: unknown, defaultTarget: QObject | null): QObject[] {
  const list = targetObjects(null, targets);
  if (target instanceof QObject) list.push(target);
  if (list.length === 0 && defaultTarget !== null) list.push(defaultTarget);
  return list;
}

function targetObjects(target: unknown, targets: unknown): QObject[] {
  const list: QObject[] = [];
  if (target instanceof QObject) list.push(target);
  if (Array.isArray(targets)) for (const t of targets) if (t instanceof QObject) list.push(t);
  return list;
}

export class PropertyAnimation extends AbstractAnimation {
  /** The properties a target without `property` gets (RotationAnimation: rotation). */
  protected defaultProperties: string[] = [];
  fromDefined = false;
  toDefined = false;
  protected actions: Action[] = [];

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.actions = [];
    this.reverse = false;
  }

  override loopDuration(): number {
    return this.$v[PROP.duration] as number;
  }

  /** The value between `from` and `to` at eased progress `p` (QVariantAnimation's interpolators). */
  protected interpolate(a: Action, p: number): unknown {
    const f = a.from;
    const t = a.to;
    if (typeof f === 'number' && typeof t === 'number') {
      const v = f + (t - f) * p;
      return a.info.type === 'int' ? Math.trunc(v) : v;
    }
    if (f instanceof QColor && t instanceof QColor) return interpolateColor(f, t, p);
    return interpolateValue(f, t, p);
  }

  /** A value as the animation holds it for property `info` (NumberAnimation: a number). */
  protected convert(v: unknown, a: Action): unknown {
    return a.info.coerce(v, a.obj);
  }

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    this.reverse = false;
    const names = propertyNames(this.$v[PROP.property] as string, this.$v[PROP.properties] as string);
    const objects = targetObjects(this.$v[PROP.target], this.$v[PROP.targets]);
    const list: Action[] = [];
    const add = (obj: QObject, info: PropertyInfo, from?: unknown, to?: unknown) => {
      const a: Action = { obj, info, from: undefined, to: undefined, fromSourced: false };
      if (this.fromDefined) {
        a.from = this.convert(this.$v[PROP.from], a);
        a.fromSourced = true;
      } else if (from !== undefined) {
        a.from = from;
        a.fromSourced = true;
      }
      if (this.toDefined) a.to = this.convert(this.$v[PROP.to], a);
      else a.to = to !== undefined ? to : obj.$get(info.index);
      list.push(a);
    };
    if (actions !== null) {
      for (const x of actions) {
        if (objects.length > 0 && !objects.includes(x.obj)) continue;
        if (names.length > 0 && !names.includes(x.info.name)) continue;
        add(x.obj, x.info, x.from, x.to);
      }
    } else if (names.length > 0 || objects.length > 0) {
      const objs = objects.length > 0 ? objects : target ? [target.obj] : [];
      const props = names.length > 0 ? names : target ? [target.info.name] : this.defaultProperties;
      // (Qt's order: each property, then each target)
      for (const name of props) {
        for (const obj of objs) {
          const info = obj.$meta.propsByName.get(name);
          if (info === undefined) {
            qmlWarning(this, `Cannot animate non-existent property "${name}"`);
            continue;
          }
          if (info.readonly) {
            qmlWarning(this, `Cannot animate read-only property "${name}"`);
            continue;
          }
          add(obj, info);
        }
      }
    } else if (target !== null) add(target.obj, target.info);
    this.actions = list;
  }

  /** ColorAnimation: with no properties named, a transition's changes of colour properties (Qt's defaultToInterpolatorType). */
  protected interpolatorType: string | null = null;

  /** In a transition run backwards: the values go from `to` back to `from` (Qt's updater's `reverse`). */
  protected reverse = false;

  /** QQuickPropertyAnimation::transition (createTransitionActions). */
  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
    this.reverse = backward;
    const props = transitionNames(this.$v[PROP.property] as string, this.$v[PROP.properties] as string);
    const targets = transitionTargets(this.$v[PROP.target], this.$v[PROP.targets], defaultTarget);
    const exclude = targetObjects(null, this.$v[PROP.exclude]);
    const useType = props.length === 0 && this.interpolatorType !== null;
    let usingDefault = false;
    if (props.length === 0 && this.defaultProperties.length > 0) {
      props.push(...this.defaultProperties);
      usingDefault = true;
    }
    const list: Action[] = [];
    const make = (obj: QObject, info: PropertyInfo, to: unknown): Action => {
      const a: Action = { obj, info, from: undefined, to: undefined, fromSourced: this.fromDefined };
      if (this.fromDefined) a.from = this.convert(this.$v[PROP.from], a);
      a.to = this.convert(to, a);
      return a;
    };
    let explicit = false;
    if (this.toDefined) {
      // an explicit animation: its targets' properties, to its `to`
      const errors: string[] = [];
      let madeDefault = false;
      for (const name of props) {
        for (const obj of targets) {
          const info = obj.$meta.propsByName.get(name);
          if (info === undefined) errors.push(`Cannot animate non-existent property "${name}"`);
          else if (info.readonly) errors.push(`Cannot animate read-only property "${name}"`);
          else {
            if (usingDefault) madeDefault = true;
            list.push(make(obj, info, this.$v[PROP.to]));
            explicit = true;
            const x = actions.find((x) => x.obj === obj && x.info === info);
            if (x !== undefined) touch(touched, obj, info);
          }
        }
      }
      if (!madeDefault) for (const e of errors) qmlWarning(this, e);
    }
    if (!explicit) {
      for (const x of actions) {
        if (selects(x, targets, exclude, props, useType ? this.interpolatorType : null)) {
          const a = make(x.obj, x.info, this.toDefined ? this.$v[PROP.to] : x.toValue);
          touch(touched, x.obj, x.info);
          list.push(a);
          x.fromValue = a.to;
        }
      }
    }
    this.actions = list;
  }

  /** The eased progress `time` ms into the loop. */
  protected progress(time: number): number {
    return easedProgress(this.$v[PROP.easing] as EasingCurve | null, time, this.loopDuration());
  }

  /** The value of action `a` at eased progress `p` (its start read at its first step). */
  protected valueAt(a: Action, p: number): unknown {
    if (p === 1) return a.to;
    if (!a.fromSourced) {
      a.from = this.convert(a.obj.$get(a.info.index), a);
      a.fromSourced = true;
    }
    return this.interpolate(a, p);
  }

  override updateCurrentTime(time: number): void {
    if (this.jobState === STOPPED) return;
    const p = this.reverse ? 1 - this.progress(time) : this.progress(time);
    for (const a of this.actions) if (!a.obj.$destroyed) a.obj.$writeBypass(a.info.index, this.valueAt(a, p));
  }
}

const durationSpec = (index: () => number): PropertySpec => ({
  type: 'int',
  default: 250,
  write: (o: QObject, v: unknown) => {
    if (notBelowZero(o as AbstractAnimation, v)) o.$store(index(), v);
  },
});

const PropertyAnimationMeta: MetaObject = defineType(PropertyAnimation, AnimationMeta, {
  name: 'PropertyAnimation',
  cppClass: 'QQuickPropertyAnimation',
  properties: {
    duration: durationSpec(() => PROP.duration),
    from: {
      type: 'var',
      write: (o, v) => {
        (o as PropertyAnimation).fromDefined = true;
        o.$store(PROP.from, v);
      },
    },
    to: {
      type: 'var',
      write: (o, v) => {
        (o as PropertyAnimation).toDefined = true;
        o.$store(PROP.to, v);
      },
    },
    easing: EASING_GROUP,
    target: { type: 'QtObject' },
    targets: { type: 'list' },
    property: { type: 'string' },
    properties: { type: 'string' },
    exclude: { type: 'list' },
  },
});
const PROP: Record<string, number> = {
  duration: PropertyAnimationMeta.index('duration'),
  from: PropertyAnimationMeta.index('from'),
  to: PropertyAnimationMeta.index('to'),
  easing: PropertyAnimationMeta.index('easing'),
  target: PropertyAnimationMeta.index('target'),
  targets: PropertyAnimationMeta.index('targets'),
  property: PropertyAnimationMeta.index('property'),
  properties: PropertyAnimationMeta.index('properties'),
  exclude: PropertyAnimationMeta.index('exclude'),
};

/** Animates as reals (QQuickNumberAnimation); an int property gets the value rounded. */
export class NumberAnimation extends PropertyAnimation {
  protected override convert(v: unknown): unknown {
    return Number(v instanceof QObject ? Number.NaN : v);
  }
  protected override interpolate(a: Action, p: number): unknown {
    const f = a.from as number;
    const v = f + ((a.to as number) - f) * p;
    return a.info.type === 'int' ? qRound(v) : v;
  }
}
const NumberAnimationMeta = defineType(NumberAnimation, PropertyAnimationMeta, {
  name: 'NumberAnimation',
  cppClass: 'QQuickNumberAnimation',
});

/**
 * AnchorAnimation's animation (QQuickAnchorAnimation::transition): the
 * geometry of the AnchorChanges of a transition, as reals. Which changes
 * those are is the state operation's to say (src/quick/states).
 */
export abstract class AnchorAnimationBase extends NumberAnimation {
  protected abstract changesOf(
    event: unknown,
  ): Array<{ obj: QObject; info: PropertyInfo; toValue: unknown }> | null;

  protected targetList(): QObject[] {
    return targetObjects(null, this.$v[PROP.targets]);
  }

  override transition(actions: TransitionAction[], _touched: TouchedProperties, backward: boolean): void {
    this.setupLoops();
    this.reverse = backward;
    const list: Action[] = [];
    for (const x of actions) {
      const changes = this.changesOf(x.event);
      if (changes === null) continue;
      for (const c of changes)
        list.push({ obj: c.obj, info: c.info, from: undefined, to: Number(c.toValue), fromSourced: false });
    }
    this.actions = list;
  }
}
export const AnchorAnimationBaseMeta: MetaObject = defineType(AnchorAnimationBase, PropertyAnimationMeta, {
  name: 'AnchorAnimationBase',
  creatable: false,
});

/** Animates colours (QQuickColorAnimation). */
export class ColorAnimation extends PropertyAnimation {
  protected override interpolatorType: string | null = 'color';
  protected override convert(v: unknown, a: Action): unknown {
    return v instanceof QColor ? v : a.info.coerce(v, a.obj);
  }
}
const ColorAnimationMeta = defineType(ColorAnimation, PropertyAnimationMeta, {
  name: 'ColorAnimation',
  cppClass: 'QQuickColorAnimation',
});

// ---- SmoothedAnimation and SpringAnimation -------------------------------------

/**
 * Animations that follow a target value for as long as it takes (Qt's
 * uncontrolled jobs in a QContinuingAnimationGroupJob): one follower per
 * property, kept across runs so that a new target continues the motion.
 */
abstract class FollowingAnimation<F extends Follower> extends NumberAnimation {
  private followers = new Map<QObject, Map<number, F>>();
  protected running_: F[] = [];

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.followers = new Map();
    this.running_ = [];
  }

  override loopDuration(): number {
    return this.inTransition ? 0 : -1;
  }

  /**
   * In a transition (not followed yet: it would never end there) the run
   * does nothing and the change is made at the end, as without an animation.
   */
  private inTransition = false;

  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    super.transition(actions, touched, backward, defaultTarget);
    this.inTransition = true;
    this.running_ = [];
  }

  protected abstract follower(a: Action): F;
  /** Sets a follower up for a run; `reused`: it was already following this property. */
  protected abstract aim(f: F, a: Action, reused: boolean): void;

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    this.inTransition = false;
    const used: F[] = [];
    for (const a of this.actions) {
      let byIndex = this.followers.get(a.obj);
      if (byIndex === undefined) {
        byIndex = new Map();
        this.followers.set(a.obj, byIndex);
      }
      let f = byIndex.get(a.info.index);
      const reused = f !== undefined;
      if (f === undefined) {
        f = this.follower(a);
        byIndex.set(a.info.index, f);
      }
      this.aim(f, a, reused);
      used.push(f);
    }
    // (the followers of properties this run leaves alone are let go)
    for (const [obj, byIndex] of this.followers) {
      for (const [i, f] of byIndex) if (!used.includes(f)) byIndex.delete(i);
      if (byIndex.size === 0) this.followers.delete(obj);
    }
    this.running_ = used;
    // (a run going on takes the new followers in at once)
    if (this.jobState === RUNNING) for (const f of used) f.start(this.loopTime);
  }

  protected override stateChanged(state: number): void {
    if (state === RUNNING) for (const f of this.running_) f.start(this.loopTime);
    else if (state === STOPPED) for (const f of this.running_) f.stop(false);
  }

  override updateCurrentTime(time: number): void {
    for (const f of this.running_) if (f.running) f.update(time);
  }

  /** A follower reached its target: the run ends with the last one (uncontrolledAnimationFinished). */
  followerStopped(): void {
    if (this.jobState !== STOPPED && this.running_.every((f) => !f.running)) this.jobStop();
  }

  override $teardown(): void {
    for (const f of this.running_) f.stop(false);
    super.$teardown();
  }
}

abstract class Follower {
  running = false;
  constructor(
    readonly obj: QObject,
    readonly info: PropertyInfo,
    protected readonly owner: FollowingAnimation<Follower>,
  ) {}
  read(): number {
    return Number(this.obj.$get(this.info.index));
  }
  write(v: number): void {
    if (!this.obj.$destroyed) this.obj.$writeBypass(this.info.index, v);
  }
  start(time: number): void {
    if (this.running) return;
    this.running = true;
    this.init(time);
  }
  stop(notify = true): void {
    if (!this.running) return;
    this.running = false;
    this.stopped();
    if (notify) this.owner.followerStopped();
  }
  protected stopped(): void {}
  abstract init(time: number): void;
  abstract update(time: number): void;
}

/** QSmoothedAnimation: eases in and out (quadratic) towards `to`, keeping its velocity when `to` moves. */
class SmoothedFollower extends Follower {
  to = 0;
  velocity = 200;
  userDuration = -1;
  maximumEasingTime = -1;
  reversingMode = 0;
  initialVelocity = 0;
  readonly curve = new SmoothedCurve();
  private initialValue = 0;
  private invert = false;
  private lastTime = 0;
  private delayedStop: unknown = null;

  init(time: number): void {
    if (this.velocity === 0) {
      this.stop();
      return;
    }
    this.cancelDelayedStop();
    this.initialValue = this.read();
    this.lastTime = time;
    if (this.to === this.initialValue) {
      this.stop();
      return;
    }
    const curve = this.curve;
    const reversed = curve.trackVelocity !== 0 && !this.invert === this.initialValue - this.to > 0;
    if (reversed) {
      if (this.reversingMode === 2) {
        this.write(this.to);
        curve.trackVelocity = 0;
        this.stop();
        return;
      }
      this.initialVelocity = this.reversingMode === 1 ? 0 : -curve.trackVelocity;
    }
    curve.trackVelocity = this.initialVelocity;
    this.invert = this.to < this.initialValue;
    const s = (this.invert ? -1 : 1) * (this.to - this.initialValue);
    if (!curve.plan(s, this.initialVelocity, this.velocity, this.userDuration, this.maximumEasingTime)) {
      this.write(this.to);
      this.stop();
    }
  }

  update(time: number): void {
    const value = this.curve.follow((time - this.lastTime) / 1000);
    if (this.curve.reached) {
      // (Qt stops 32 ms later, on a timer: a new target meanwhile goes on from here)
      const engine = this.obj.$engine;
      if (this.delayedStop === null && engine)
        this.delayedStop = engine.setTimer(() => {
          this.delayedStop = null;
          this.stop();
        }, 32);
    }
    this.write(this.initialValue + value * (this.invert ? -1 : 1));
  }

  private cancelDelayedStop(): void {
    if (this.delayedStop !== null) this.obj.$engine?.clearTimer(this.delayedStop);
    this.delayedStop = null;
  }

  protected override stopped(): void {
    this.cancelDelayedStop();
  }
}

export class SmoothedAnimation extends FollowingAnimation<SmoothedFollower> {
  constructor() {
    super();
    this.$v[PROP.duration] = -1;
  }
  protected follower(a: Action): SmoothedFollower {
    return new SmoothedFollower(a.obj, a.info, this as FollowingAnimation<Follower>);
  }
  protected aim(f: SmoothedFollower, a: Action, reused: boolean): void {
    f.to = Number(a.to);
    this.configure(f);
    f.initialVelocity = f.curve.trackVelocity;
    // (Qt's prepareForRestart: a follower still moving starts again from here)
    if (reused && f.running) f.init(this.loopTime);
  }
  private configure(f: SmoothedFollower): void {
    f.velocity = this.$v[SMOOTH.velocity] as number;
    f.userDuration = this.$v[PROP.duration] as number;
    f.maximumEasingTime = this.$v[SMOOTH.maximumEasingTime] as number;
    f.reversingMode = this.$v[SMOOTH.reversingMode] as number;
  }
  /** A parameter changed: the running followers take it at once (updateRunningAnimations). */
  retune(): void {
    for (const f of this.running_) {
      if (!f.running) continue;
      this.configure(f);
      f.init(this.loopTime);
    }
  }
}
const SmoothedAnimationMeta = defineType(SmoothedAnimation, NumberAnimationMeta, {
  name: 'SmoothedAnimation',
  cppClass: 'QQuickSmoothedAnimation',
  properties: {
    velocity: { type: 'real', default: 200, changed: (o) => (o as SmoothedAnimation).retune() },
    reversingMode: { type: 'enumeration', changed: (o) => (o as SmoothedAnimation).retune() },
    maximumEasingTime: { type: 'int', default: -1, changed: (o) => (o as SmoothedAnimation).retune() },
  },
  enums: { Eased: 0, Immediate: 1, Sync: 2 },
});
const SMOOTH = {
  velocity: SmoothedAnimationMeta.index('velocity'),
  reversingMode: SmoothedAnimationMeta.index('reversingMode'),
  maximumEasingTime: SmoothedAnimationMeta.index('maximumEasingTime'),
};

const TRACK = 0;
const VELOCITY = 1;
const SPRING = 2;

/** QSpringAnimation: a spring pulling towards `to` (16 ms steps), or a constant velocity. */
class SpringFollower extends Follower {
  to = 0;
  currentValue = 0;
  velocity = 0;
  startTime = 0;
  dura = 0;
  lastTime = 0;
  stopTime = -1;
  mode = TRACK;
  velocityms = 0;
  maxVelocity = 0;
  mass = 1;
  spring = 0;
  damping = 0;
  epsilon = 0.01;
  modulus = 0;

  init(time: number): void {
    this.lastTime = this.startTime = time;
    this.stopTime = -1;
  }

  update(time: number): void {
    if (this.mode === TRACK) {
      this.stop();
      return;
    }
    const elapsed = time - this.lastTime;
    if (!elapsed) return;
    const count = Math.trunc(elapsed / 16);
    if (this.mode === SPRING) {
      // (capped at 62 fps)
      if (elapsed < 16) return;
      this.lastTime = time - (elapsed - count * 16);
    } else this.lastTime = time;
    const m = this.modulus;
    let src = this.to;
    let stopped = false;
    if (m !== 0) {
      this.currentValue %= m;
      src %= m;
    }
    if (this.mode === SPRING) {
      for (let i = 0; i < count; ++i) {
        let diff = src - this.currentValue;
        if (m !== 0 && Math.abs(diff) > m / 2) diff += diff < 0 ? m : -m;
        if (this.mass !== 1) this.velocity += (this.spring * diff - this.damping * this.velocity) / this.mass;
        else this.velocity = this.velocity + this.spring * diff - this.damping * this.velocity;
        if (this.maxVelocity > 0)
          this.velocity = Math.min(Math.max(this.velocity, -this.maxVelocity), this.maxVelocity);
        this.currentValue += (this.velocity * 16.0) / 1000.0;
        if (m !== 0) {
          this.currentValue %= m;
          if (this.currentValue < 0) this.currentValue += m;
        }
      }
      if (Math.abs(this.velocity) < this.epsilon && Math.abs(src - this.currentValue) < this.epsilon) {
        this.velocity = 0;
        this.currentValue = src;
        stopped = true;
      }
    } else {
      const moveBy = elapsed * this.velocityms;
      let diff = src - this.currentValue;
      if (m !== 0 && Math.abs(diff) > m / 2) diff += diff < 0 ? m : -m;
      if (diff > 0) {
        this.currentValue += moveBy;
        if (m !== 0) this.currentValue %= m;
      } else {
        this.currentValue -= moveBy;
        if (m !== 0 && this.currentValue < 0) this.currentValue = (this.currentValue % m) + m;
      }
      if (this.lastTime - this.startTime >= this.dura) {
        this.currentValue = this.to;
        stopped = true;
      }
    }
    const oldTo = this.to;
    this.write(this.currentValue);
    // (not when a new target came meanwhile)
    if (stopped && oldTo === this.to) {
      this.stopTime = this.obj.$engine?.animations.clock() ?? 0;
      this.stop();
    }
  }
}

export class SpringAnimation extends FollowingAnimation<SpringFollower> {
  protected follower(a: Action): SpringFollower {
    return new SpringFollower(a.obj, a.info, this as FollowingAnimation<Follower>);
  }
  private mode(): number {
    const v = this.$v;
    if (v[SPRING_P.spring] === 0 && v[SPRING_P.velocity] === 0) return TRACK;
    return (v[SPRING_P.spring] as number) > 0 ? SPRING : VELOCITY;
  }
  protected aim(f: SpringFollower, a: Action, reused: boolean): void {
    const v = this.$v;
    const modulus = v[SPRING_P.modulus] as number;
    f.to = Number(a.to);
    f.startTime = 0;
    f.velocityms = (v[SPRING_P.velocity] as number) / 1000;
    f.maxVelocity = v[SPRING_P.velocity] as number;
    f.mass = v[SPRING_P.mass] as number;
    f.spring = v[SPRING_P.spring] as number;
    f.damping = Math.min(v[SPRING_P.damping] as number, 1);
    f.epsilon = v[SPRING_P.epsilon] as number;
    f.modulus = modulus;
    f.mode = this.mode();
    f.dura = -1;
    f.currentValue = this.fromDefined ? Number(a.from) : f.read();
    if (f.mode === VELOCITY) {
      let dist = Math.abs(f.currentValue - f.to);
      if (modulus !== 0 && dist > modulus / 2) dist = modulus - (dist % modulus);
      f.dura = dist / f.velocityms;
    }
    const now = this.$engine?.animations.clock() ?? 0;
    // (Qt's restart: a follower moving, or stopped less than 32 ms ago, goes on from here)
    if (reused && (f.running || (f.stopTime !== -1 && now - f.stopTime < 32))) f.init(this.loopTime);
  }
}
const SpringAnimationMeta = defineType(SpringAnimation, NumberAnimationMeta, {
  name: 'SpringAnimation',
  cppClass: 'QQuickSpringAnimation',
  properties: {
    velocity: { type: 'real' },
    spring: { type: 'real' },
    damping: { type: 'real' },
    epsilon: { type: 'real', default: 0.01 },
    modulus: { type: 'real' },
    mass: {
      type: 'real',
      default: 1,
      write: (o, v) => {
        if ((v as number) > 0) o.$store(SPRING_P.mass, v);
      },
    },
  },
});
const SPRING_P = {
  velocity: SpringAnimationMeta.index('velocity'),
  spring: SpringAnimationMeta.index('spring'),
  damping: SpringAnimationMeta.index('damping'),
  epsilon: SpringAnimationMeta.index('epsilon'),
  modulus: SpringAnimationMeta.index('modulus'),
  mass: SpringAnimationMeta.index('mass'),
};

/**
 * A rotation's target moved by whole turns so that it goes the way
 * `direction` asks (Qt's rotation interpolators): the action to interpolate.
 */
function turned(a: Action, direction: number): Action {
  const f = a.from as number;
  let t = a.to as number;
  if (direction === 3) {
    let diff = t - f;
    while (diff > 180) {
      t -= 360;
      diff -= 360;
    }
    while (diff < -180) {
      t += 360;
      diff += 360;
    }
  } else if (direction === 1 && t < f) t += 360;
  else if (direction === 2 && t > f) t -= 360;
  return { ...a, to: t };
}

/** QQuickRotationAnimation: turns the shorter way, clockwise or counterclockwise as asked. */
export class RotationAnimation extends NumberAnimation {
  protected override defaultProperties = ['rotation'];
  protected override interpolate(a: Action, p: number): unknown {
    return super.interpolate(turned(a, this.$v[ROTATION_DIRECTION] as number), p);
  }
}
/** RotationAnimation's and RotationAnimator's `direction`. */
const rotationSpec = (name: string) => ({
  name,
  cppClass: `QQuick${name}`,
  properties: { direction: { type: 'enumeration' } },
  enums: { Numerical: 0, Clockwise: 1, Counterclockwise: 2, Shortest: 3 },
});
const RotationAnimationMeta = defineType(
  RotationAnimation,
  NumberAnimationMeta,
  rotationSpec('RotationAnimation'),
);
const ROTATION_DIRECTION = RotationAnimationMeta.index('direction');

/** Animates vector3d values (QQuickVector3dAnimation). */
export class Vector3dAnimation extends PropertyAnimation {}
const Vector3dAnimationMeta = defineType(Vector3dAnimation, PropertyAnimationMeta, {
  name: 'Vector3dAnimation',
  cppClass: 'QQuickVector3dAnimation',
});

// ---- Animators ------------------------------------------------------------------

/**
 * QQuickAnimator: moves what is drawn of an item (its scene graph node), not
 * the property, which gets its value when the animation ends or is stopped
 * (measured: x reads 0 half-way through an XAnimator from 0 to 50).
 */
export abstract class Animator extends NumberAnimation {
  protected abstract readonly field: 'x' | 'y' | 'scale' | 'rotation' | 'opacity';

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    this.defaultProperties = [this.field];
    super.prepare(actions, target);
    this.actions = this.actions.filter((a) => a.obj instanceof Item && a.info.name === this.field);
  }

  /** QQuickAnimator::transition: the changes of its own property (of the view's item, in a view transition). */
  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.defaultProperties = [this.field];
    super.transition(actions, touched, backward, defaultTarget);
    this.actions = this.actions.filter((a) => a.obj instanceof Item && a.info.name === this.field);
  }

  override updateCurrentTime(time: number): void {
    if (this.jobState === STOPPED) return;
    // (the scene graph's jobs take the eased progress as a float)
    const p = Math.fround(this.progress(time));
    for (const a of this.actions) {
      const item = a.obj as Item;
      if (item.$destroyed) continue;
      const v = this.valueAt(a, p) as number;
      if (p === 1) this.writeBack(item, v);
      else {
        item.animated ??= {};
        item.animated[this.field] = v;
        item.markDirty(this.field === 'opacity' ? Dirty.Opacity | Dirty.Visibility : Dirty.Transform);
      }
    }
  }

  /** The property gets the value drawn, and the item is drawn from its properties again. */
  private writeBack(item: Item, v: number): void {
    const an = item.animated;
    if (an != null) {
      delete an[this.field];
      if (Object.keys(an).length === 0) item.animated = null;
    }
    item.markDirty(Dirty.Transform | Dirty.Opacity | Dirty.Visibility);
    item.$writeBypass(ITEM[this.field], v);
  }

  /** Started, and waiting for the frame that hands it to the scene graph. */
  private handedOver = false;

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.handedOver = false;
  }

  override advance(deltaMs: number): boolean {
    // (Qt starts an animator's job at the next frame's sync: its time runs a frame behind)
    if (this.handedOver) {
      this.handedOver = false;
      deltaMs = 0;
    }
    return super.advance(deltaMs);
  }

  protected override stateChanged(state: number, old: number): void {
    if (state === RUNNING && old === STOPPED) this.handedOver = this.group === null;
    if (state !== STOPPED) return;
    // (stopped on the way: the value reached is written back)
    for (const a of this.actions) {
      const v = (a.obj as Item).animated?.[this.field];
      if (v !== undefined && !a.obj.$destroyed) this.writeBack(a.obj as Item, v);
    }
  }
}

export class XAnimator extends Animator {
  protected readonly field = 'x';
}
export class YAnimator extends Animator {
  protected readonly field = 'y';
}
export class ScaleAnimator extends Animator {
  protected readonly field = 'scale';
}
export class OpacityAnimator extends Animator {
  protected readonly field = 'opacity';
}
export class RotationAnimator extends Animator {
  protected readonly field = 'rotation';
  protected override interpolate(a: Action, p: number): unknown {
    return super.interpolate(turned(a, this.$v[ROTATOR_DIRECTION] as number), p);
  }
}
const animatorMeta = (ctor: new () => Animator, name: string) =>
  defineType(ctor, NumberAnimationMeta, { name, cppClass: `QQuick${name}` });
const XAnimatorMeta = animatorMeta(XAnimator, 'XAnimator');
const YAnimatorMeta = animatorMeta(YAnimator, 'YAnimator');
const ScaleAnimatorMeta = animatorMeta(ScaleAnimator, 'ScaleAnimator');
const OpacityAnimatorMeta = animatorMeta(OpacityAnimator, 'OpacityAnimator');
const RotationAnimatorMeta = defineType(
  RotationAnimator,
  NumberAnimationMeta,
  rotationSpec('RotationAnimator'),
);
const ROTATOR_DIRECTION = RotationAnimatorMeta.index('direction');

// ---- ScriptAction and PropertyAction -----------------------------------------

/** An action of no duration: it acts when it starts (QActionAnimation). */
abstract class ActionAnimation extends AbstractAnimation {
  override loopDuration(): number {
    return 0;
  }
  protected abstract act(): void;
  protected override stateChanged(state: number): void {
    if (state === RUNNING) this.act();
  }
}

/** An action an animation makes for a transition's run (a QActionAnimation with a callback). */
export class ActionJob extends ActionAnimation {
  constructor(private readonly run: () => void) {
    super();
  }
  protected act(): void {
    this.run();
  }
}

export class ScriptAction extends ActionAnimation {
  /** In a transition: the StateChangeScript named by `scriptName`, run instead of `script`. */
  private stateScript: (() => void) | null = null;

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.stateScript = null;
  }

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    this.stateScript = null;
  }

  /** QQuickScriptAction::transition: takes the state's script of its scriptName. */
  override transition(actions: TransitionAction[], touched: TouchedProperties, backward: boolean): void {
    super.transition(actions, touched, backward);
    this.stateScript = null;
    const name = this.$v[SCRIPT_NAME] as string;
    if (name === '') return;
    for (const x of actions) {
      if (x.script !== null && x.script.name === name) {
        const script = x.script;
        this.stateScript = () => script.run();
        x.actionDone = true;
        break;
      }
    }
  }

  protected act(): void {
    if (this.stateScript !== null) {
      this.stateScript();
      return;
    }
    runScript(this, SCRIPT);
  }
}

/** A property that keeps its expression to run later (ScriptAction's and StateChangeScript's `script`). */
export const SCRIPT_PROPERTY: PropertySpec = {
  type: SCRIPT_STRING,
  coerce: Object.assign((v: unknown) => v, { initial: null }),
};

/** Runs the expression of script property `idx`; an exception is reported at the object. */
export function runScript(o: QObject, idx: number): void {
  const script = o.$v[idx] as (() => unknown) | null;
  if (typeof script !== 'function') return;
  try {
    script();
  } catch (e) {
    o.$engine?.reportError(e, o.$declaration ?? undefined);
  }
}

const ScriptActionMeta = defineType(ScriptAction, AnimationMeta, {
  name: 'ScriptAction',
  cppClass: 'QQuickScriptAction',
  properties: {
    script: SCRIPT_PROPERTY,
    scriptName: { type: 'string' },
  },
});
const SCRIPT = ScriptActionMeta.index('script');
const SCRIPT_NAME = ScriptActionMeta.index('scriptName');

export class PropertyAction extends ActionAnimation {
  private actions: Array<{ obj: QObject; info: PropertyInfo; value?: unknown }> = [];

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.actions = [];
  }

  /** QQuickPropertyAction::transition: sets the changes it matches (or its targets, to its value) at its time. */
  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    _backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
    const props = transitionNames(this.$v[PA.property] as string, this.$v[PA.properties] as string);
    const targets = transitionTargets(this.$v[PA.target], this.$v[PA.targets], defaultTarget);
    const exclude = targetObjects(null, this.$v[PA.exclude]);
    const value = this.$v[PA.value];
    this.actions = [];
    let explicit = false;
    if (value !== undefined) {
      for (const name of props) {
        for (const obj of targets) {
          const info = obj.$meta.propsByName.get(name);
          if (info === undefined) {
            qmlWarning(this, `Cannot animate non-existent property "${name}"`);
            continue;
          }
          this.actions.push({ obj, info, value });
          explicit = true;
          if (actions.some((x) => x.obj === obj && x.info === info)) touch(touched, obj, info);
        }
      }
    }
    if (explicit) return;
    for (const x of actions) {
      if (selects(x, targets, exclude, props, null)) {
        const to = value !== undefined ? value : x.toValue;
        touch(touched, x.obj, x.info);
        this.actions.push({ obj: x.obj, info: x.info, value: to });
        x.fromValue = to;
      }
    }
  }

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    const names = propertyNames(this.$v[PA.property] as string, this.$v[PA.properties] as string);
    const objs = targetObjects(this.$v[PA.target], this.$v[PA.targets]);
    this.actions = [];
    for (const obj of objs.length > 0 ? objs : target ? [target.obj] : []) {
      for (const name of names.length > 0 ? names : target ? [target.info.name] : []) {
        const info = obj.$meta.propsByName.get(name);
        if (info !== undefined) this.actions.push({ obj, info });
      }
    }
  }
  protected act(): void {
    for (const a of this.actions)
      writeProperty(a.obj, a.info, 'value' in a ? a.value : this.$v[PA.value], true);
  }
}
const PropertyActionMeta = defineType(PropertyAction, AnimationMeta, {
  name: 'PropertyAction',
  cppClass: 'QQuickPropertyAction',
  properties: {
    target: { type: 'QtObject' },
    targets: { type: 'list' },
    property: { type: 'string' },
    properties: { type: 'string' },
    value: { type: 'var' },
    exclude: { type: 'list' },
  },
});
const PA = {
  target: PropertyActionMeta.index('target'),
  targets: PropertyActionMeta.index('targets'),
  property: PropertyActionMeta.index('property'),
  properties: PropertyActionMeta.index('properties'),
  value: PropertyActionMeta.index('value'),
  exclude: PropertyActionMeta.index('exclude'),
};

// ---- SequentialAnimation and ParallelAnimation --------------------------------

export abstract class AnimationGroup extends AbstractAnimation {
  readonly children: AbstractAnimation[] = [];

  appendAnimation(v: unknown): void {
    if (!(v instanceof AbstractAnimation)) return;
    v.group = this;
    this.children.push(v);
  }

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    for (const c of this.children) c.prepare(actions, target);
  }

  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
    // (backwards, the last animation takes its changes first)
    const n = this.children.length;
    for (let i = 0; i < n; i++)
      this.children[backward ? n - 1 - i : i]!.transition(actions, touched, backward, defaultTarget);
  }

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    (this as { children: AbstractAnimation[] }).children = this.children.map((c) => c.spawn(this));
  }
}

const groupSpec = {
  defaultProperty: 'animations',
  properties: {
    animations: {
      type: 'list',
      append: (o: QObject, v: unknown) => (o as AnimationGroup).appendAnimation(v),
    },
  },
};

export class SequentialAnimation extends AnimationGroup {
  private current: AbstractAnimation | null = null;
  private previousLoop = 0;

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.current = null;
    this.previousLoop = 0;
  }

  override loopDuration(): number {
    let d = 0;
    for (const c of this.children) {
      const t = c.totalDuration();
      if (t === -1) return -1;
      d += t;
    }
    return d;
  }

  protected override stateChanged(state: number, old: number): void {
    const cur = this.current ?? this.children[0] ?? null;
    if (cur === null) return;
    if (state === STOPPED) cur.jobStop();
    else if (state === PAUSED) {
      if (old === cur.jobState && old === RUNNING) cur.jobPause();
      else this.restart_();
    } else if (old === cur.jobState && old === PAUSED) cur.jobStart();
    else this.restart_();
  }

  private restart_(): void {
    const forward = this.direction === FORWARD;
    this.previousLoop = forward ? 0 : this.jobLoops - 1;
    const first = this.children[forward ? 0 : this.children.length - 1]!;
    if (this.current === first) this.activate();
    else this.setCurrent(first);
  }

  protected override directionChanged(direction: number): void {
    if (this.jobState !== STOPPED && this.current !== null) this.current.setDirection(direction);
  }

  private setCurrent(a: AbstractAnimation): void {
    if (a === this.current) return;
    this.current?.jobStop();
    this.current = a;
    this.activate();
  }

  private activate(): void {
    const c = this.current;
    if (c === null || this.jobState === STOPPED) return;
    c.jobStop();
    c.setDirection(this.direction);
    c.jobStart();
    if (this.jobState === PAUSED) c.jobPause();
  }

  override updateCurrentTime(time: number): void {
    if (this.current === null) return;
    // the child at `time`, and where it starts (indexForCurrentTime)
    let offset = 0;
    let at: AbstractAnimation | null = null;
    let afterCurrent = false;
    const backward = this.direction === BACKWARD;
    for (const c of this.children) {
      const d = c.totalDuration();
      if (d === -1 || this.loopTime < offset + d || (backward && this.loopTime === offset + d)) {
        at = c;
        break;
      }
      if (c === this.current) afterCurrent = true;
      offset += d;
    }
    if (at === null) {
      at = this.children[this.children.length - 1]!;
      offset -= at.totalDuration();
    }
    const sameLoop = this.previousLoop === this.loop;
    if (this.previousLoop > this.loop || (sameLoop && this.current !== at && !afterCurrent)) {
      // rewindForwards: the animations after `at` go back to their start
      if (this.previousLoop > this.loop) {
        for (let i = this.children.indexOf(this.current); i >= 0; i--) {
          const c = this.children[i]!;
          this.setCurrent(c);
          c.setCurrentTime(0);
        }
        const last = this.children[this.children.length - 1]!;
        if (this.children.length === 1) this.activate();
        else this.setCurrent(last);
      }
      for (let i = this.children.indexOf(this.current); i >= 0; i--) {
        const c = this.children[i]!;
        if (c === at) break;
        this.setCurrent(c);
        c.setCurrentTime(0);
      }
    } else if (this.previousLoop < this.loop || (this.current !== at && afterCurrent)) {
      // advanceForwards: the animations before `at` run to their end
      if (this.previousLoop < this.loop) {
        for (let i = this.children.indexOf(this.current); i < this.children.length; i++) {
          const c = this.children[i]!;
          this.setCurrent(c);
          c.setCurrentTime(c.totalDuration());
        }
        if (this.children.length === 1) this.activate();
        else this.setCurrent(this.children[0]!);
      }
      for (let i = this.children.indexOf(this.current); i >= 0 && i < this.children.length; i++) {
        const c = this.children[i]!;
        if (c === at) break;
        this.setCurrent(c);
        c.setCurrentTime(c.totalDuration());
      }
    }
    this.setCurrent(at);
    const local = time - offset;
    at.setCurrentTime(local);
    if (
      this.loop === this.jobLoops - 1 &&
      !backward &&
      at === this.children[this.children.length - 1] &&
      at.totalTime === at.totalDuration()
    ) {
      this.loopTime += at.totalTime - local;
      this.totalTime += at.totalTime - local;
      this.jobStop();
    }
    this.previousLoop = this.loop;
  }
}
export const SequentialAnimationMeta: MetaObject = defineType(SequentialAnimation, AnimationMeta, {
  name: 'SequentialAnimation',
  cppClass: 'QQuickSequentialAnimation',
  ...groupSpec,
});

export class ParallelAnimation extends AnimationGroup {
  private previousLoop = 0;
  private previousTime = 0;

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.previousLoop = this.previousTime = 0;
  }

  override loopDuration(): number {
    let d = 0;
    for (const c of this.children) {
      const t = c.totalDuration();
      if (t === -1) return -1;
      d = Math.max(d, t);
    }
    return d;
  }

  /** Whether child `c` runs at the group's time (Qt's shouldAnimationStart). */
  private shouldStart(c: AbstractAnimation, startIfAtEnd: boolean): boolean {
    const dura = c.totalDuration();
    if (dura === -1) return true;
    if (startIfAtEnd) return this.loopTime <= dura;
    if (this.direction === FORWARD) return this.loopTime < dura;
    return this.loopTime !== 0 && this.loopTime <= dura;
  }

  protected override directionChanged(direction: number): void {
    for (const c of this.children) c.setDirection(direction);
  }

  /** A child in the group's state (Qt's applyGroupState). */
  private applyGroupState(c: AbstractAnimation): void {
    if (this.jobState === RUNNING) c.jobStart();
    else if (this.jobState === PAUSED) c.jobPause();
  }

  protected override stateChanged(state: number, old: number): void {
    for (const c of this.children) {
      if (state === STOPPED) c.jobStop();
      else if (state === PAUSED) c.jobPause();
      else {
        if (old === STOPPED) {
          c.jobStop();
          this.previousLoop = this.direction === FORWARD ? 0 : this.jobLoops - 1;
        }
        c.setDirection(this.direction);
        if (this.shouldStart(c, old === STOPPED)) c.jobStart();
      }
    }
  }

  override updateCurrentTime(time: number): void {
    if (this.children.length === 0) return;
    if (this.loop > this.previousLoop) {
      // the loop before ends
      const dura = this.loopDuration();
      if (dura > 0) for (const c of this.children) if (c.jobState !== STOPPED) c.setCurrentTime(dura);
    } else if (this.loop < this.previousLoop) {
      // the loop before ends, backwards
      for (const c of this.children) {
        this.applyGroupState(c);
        c.setCurrentTime(0);
        c.jobStop();
      }
    }
    for (const c of this.children) {
      const dura = c.totalDuration();
      if (this.loop > this.previousLoop || this.shouldStart(c, this.previousTime > dura))
        this.applyGroupState(c);
      if (c.jobState === this.jobState) {
        c.setCurrentTime(time);
        if (dura > 0 && time > dura) c.jobStop();
      }
    }
    this.previousLoop = this.loop;
    this.previousTime = time;
  }
}
const ParallelAnimationMeta = defineType(ParallelAnimation, AnimationMeta, {
  name: 'ParallelAnimation',
  cppClass: 'QQuickParallelAnimation',
  ...groupSpec,
});

// ---- Behavior -----------------------------------------------------------------

/**
 * `Behavior on x { NumberAnimation {} }`: writes to the property (bindings,
 * assignments) animate from its value to the new one (QQuickBehavior::write).
 */
export class Behavior extends QObject {
  private target: TargetProperty | null = null;
  private finalized = false;
  private blockRunningChanged = false;

  $componentComplete(): void {}
  $componentFinalized(): void {
    this.finalized = true;
  }

  $setValueSource(obj: QObject, property: string): void {
    const info = obj.$meta.propsByName.get(property);
    if (info === undefined) return;
    this.target = { obj, info };
    obj.$icpt ??= [];
    obj.$icpt[info.index] = (v) => this.write(v);
  }

  override $teardown(): void {
    const t = this.target;
    if (t !== null && t.obj.$icpt !== null) t.obj.$icpt[t.info.index] = undefined;
  }

  /** A write to the property. */
  private write(value: unknown): void {
    const { obj, info } = this.target!;
    const v = info.coerce(value, obj);
    const changed = !info.equals(this.$v[BEHAVIOR.targetValue], v);
    if (changed) this.$store(BEHAVIOR.targetValue, v);
    const anim = this.$v[BEHAVIOR.animation] as AbstractAnimation | null;
    if (anim === null || anim.$destroyed || !this.$v[BEHAVIOR.enabled] || !this.finalized) {
      anim?.jobStop();
      obj.$writeBypass(info.index, v);
      return;
    }
    const active = anim.jobState === RUNNING;
    if (active && !changed) return;
    // (a new target restarts the animation: its `running` stays true throughout;
    // one that follows its target, SmoothedAnimation or SpringAnimation, goes on)
    const following = active && anim.loopDuration() === -1;
    if (following) this.setAnimationRunning(anim, false);
    else if (anim.jobState !== STOPPED) {
      this.blockRunningChanged = true;
      anim.jobStop();
    }
    const current = obj.$get(info.index);
    if (!active && info.equals(current, v)) {
      obj.$writeBypass(info.index, v);
      return;
    }
    anim.behavior = this;
    anim.prepare([{ obj, info, from: current, to: v, fromSourced: true }], null);
    anim.jobStart();
    this.blockRunningChanged = false;
    // (Qt replaces the run going on by a new one, which ticks after the
    // animations running already: running false, then true)
    if (following) {
      const driver = anim.$engine?.animations;
      driver?.stop(anim);
      driver?.start(anim);
      this.setAnimationRunning(anim, true);
    }
  }

  /** The animation started or stopped: its `running` says so. */
  runningChanged(anim: AbstractAnimation): void {
    if (!this.blockRunningChanged) this.setAnimationRunning(anim, anim.jobState === RUNNING);
  }

  private setAnimationRunning(anim: AbstractAnimation, running: boolean): void {
    if (anim.$v[ANIM.running] === running) return;
    anim.$v[ANIM.running] = running;
    anim.$emit(ANIM.runningChanged, undefined);
  }
}
const BehaviorMeta = defineType(Behavior, QtObjectMeta, {
  name: 'Behavior',
  cppClass: 'QQuickBehavior',
  defaultProperty: 'animation',
  properties: {
    animation: { type: 'QtObject' },
    enabled: { type: 'bool', default: true },
    targetValue: { type: 'var', readonly: true },
  },
});
const BEHAVIOR = {
  animation: BehaviorMeta.index('animation'),
  enabled: BehaviorMeta.index('enabled'),
  targetValue: BehaviorMeta.index('targetValue'),
};

// ---- FrameAnimation ------------------------------------------------------------

/**
 * FrameAnimation (Qt 6.4): `triggered` at every animation frame while it
 * runs, with the frame's number and times in seconds (QQuickFrameAnimation).
 */
export class FrameAnimationObject extends QObject implements FrameAnimation {
  private isComplete = false;
  private firstTick = true;
  private driving = false;
  /** The clock (ms) at the previous frame. */
  private previousAt = 0;
  private previousFrameTime = 0;

  private now(): number {
    return this.$engine?.animations.clock() ?? 0;
  }

  $componentComplete(): void {
    this.isComplete = true;
    this.updateState();
  }

  setRunning(r: boolean): void {
    if (this.$v[FRAME.running] === r) return;
    this.$v[FRAME.running] = r;
    this.firstTick = true;
    this.$emit(FRAME.runningChanged, undefined);
    this.updateState();
  }

  setPaused(p: boolean): void {
    if (this.$v[FRAME.paused] === p) return;
    this.$v[FRAME.paused] = p;
    this.$emit(FRAME.pausedChanged, undefined);
    this.updateState();
  }

  private updateState(): void {
    if (!this.isComplete) return;
    const driver = this.$engine?.animations;
    if (this.$v[FRAME.running] && !this.$v[FRAME.paused]) {
      if (this.firstTick) this.$v[FRAME.elapsedTime] = 0;
      this.previousAt = this.now();
      if (!this.driving) {
        this.driving = true;
        driver?.start(this);
      }
    } else if (this.driving) {
      this.driving = false;
      driver?.stop(this);
    }
  }

  advance(deltaMs: number): boolean {
    if (!this.driving) return false;
    // (a frame job of 1 ms loops: every frame that moves the clock is a new loop)
    if (deltaMs >= 1) this.tick();
    return this.driving;
  }

  private tick(): void {
    const now = this.now();
    const frameMs = now - this.previousAt;
    const frameTime = frameMs / 1000;
    if (frameMs !== this.previousFrameTime) this.$store(FRAME.frameTime, frameTime);
    const smooth = 0.1 * frameTime + 0.9 * (this.$v[FRAME.smoothFrameTime] as number);
    this.$store(FRAME.smoothFrameTime, smooth);
    this.$store(FRAME.elapsedTime, (this.$v[FRAME.elapsedTime] as number) + frameTime);
    const current = this.$v[FRAME.currentFrame] as number;
    this.$store(FRAME.currentFrame, this.firstTick && current > 0 ? 0 : current + 1);
    this.previousAt = now;
    this.previousFrameTime = frameMs;
    this.firstTick = false;
    this.$emit(FRAME.triggered, undefined);
  }

  start(): void {
    this.setRunning(true);
  }
  stop(): void {
    this.setRunning(false);
    this.setPaused(false);
  }
  restart(): void {
    this.stop();
    this.start();
  }
  pause(): void {
    this.setPaused(true);
  }
  resume(): void {
    this.setPaused(false);
  }
  reset(): void {
    this.$store(FRAME.elapsedTime, 0);
    this.$store(FRAME.currentFrame, 0);
    this.previousAt = this.now();
  }

  override $teardown(): void {
    if (this.driving) this.$engine?.animations.stop(this);
    this.driving = false;
  }
}
const FrameAnimationMeta = defineType(FrameAnimationObject, QtObjectMeta, {
  name: 'FrameAnimation',
  cppClass: 'QQuickFrameAnimation',
  properties: {
    running: { type: 'bool', write: (o, v) => (o as FrameAnimationObject).setRunning(v as boolean) },
    paused: { type: 'bool', write: (o, v) => (o as FrameAnimationObject).setPaused(v as boolean) },
    currentFrame: { type: 'int', readonly: true },
    frameTime: { type: 'real', readonly: true },
    smoothFrameTime: { type: 'real', readonly: true },
    elapsedTime: { type: 'real', readonly: true },
  },
  signals: { triggered: {} },
  methods: ['start', 'stop', 'restart', 'pause', 'resume', 'reset'],
});
const FRAME = {
  running: FrameAnimationMeta.index('running'),
  paused: FrameAnimationMeta.index('paused'),
  currentFrame: FrameAnimationMeta.index('currentFrame'),
  frameTime: FrameAnimationMeta.index('frameTime'),
  smoothFrameTime: FrameAnimationMeta.index('smoothFrameTime'),
  elapsedTime: FrameAnimationMeta.index('elapsedTime'),
  triggered: FrameAnimationMeta.signalsByName.get('triggered')!.index,
  runningChanged: FrameAnimationMeta.signalsByName.get('runningChanged')!.index,
  pausedChanged: FrameAnimationMeta.signalsByName.get('pausedChanged')!.index,
};

// ---- PathAnimation ------------------------------------------------------------------

const FIXED = 0;

/**
 * Moves an item along a Path (QQuickPathAnimation and its updater): from
 * where the item is when the path has no start, to the end of the path or,
 * in a transition, to the item's new x and y; turned to follow the path for
 * an `orientation` other than Fixed.
 */
export class PathAnimation extends AbstractAnimation {
  /** Qt's activeAnimations: the last run of each target (its start rotation is kept for the way back). */
  private readonly lastRuns = new Map<Item, PathAnimation>();
  private item: Item | null = null;
  private along: Path | null = null;
  private toX = 0;
  private toY = 0;
  private reverse = false;
  private fromIsSourced = false;
  private fromIsDefined = false;
  private geometry: PathGeometry | undefined = undefined;
  private startRotation: number | null = null;
  private entryInterval = 0;
  private exitInterval = 0;
  private finalRotation: number | null = null;
  private turn = FIXED;
  private anchorX = 0;
  private anchorY = 0;
  /** `endRotation` was set (it reads 0 until then, and the item keeps the path's direction). */
  endRotationSet = false;

  override loopDuration(): number {
    return this.$v[PATHANIM.duration] as number;
  }

  protected override resetJob(group: AnimationGroup | null): void {
    super.resetJob(group);
    this.item = this.along = null;
    this.geometry = undefined;
    this.startRotation = null;
  }

  override prepare(actions: readonly Action[] | null, target: TargetProperty | null): void {
    super.prepare(actions, target);
    this.setUp([], [], false, null);
  }

  override transition(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null = null,
  ): void {
    this.setupLoops();
    this.setUp(actions, touched, backward, defaultTarget);
  }

  /** QQuickPathAnimation::transition: the target's x and y changes are its end. */
  private setUp(
    actions: TransitionAction[],
    touched: TouchedProperties,
    backward: boolean,
    defaultTarget: QObject | null,
  ): void {
    const v = this.$v;
    const own = v[PATHANIM.target] as Item | null;
    const target = own ?? (defaultTarget instanceof Item ? defaultTarget : null);
    const path = v[PATHANIM.path] as Path | null;
    const previous = target !== null ? this.lastRuns.get(target) : undefined;
    const duration = v[PATHANIM.duration] as number;
    const anchor = v[PATHANIM.anchorPoint] as QPoint;
    this.turn = v[PATHANIM.orientation] as number;
    this.anchorX = anchor.x;
    this.anchorY = anchor.y;
    this.entryInterval = duration ? (v[PATHANIM.orientationEntryDuration] as number) / duration : 0;
    this.exitInterval = duration ? (v[PATHANIM.orientationExitDuration] as number) / duration : 0;
    this.finalRotation = this.endRotationSet ? (v[PATHANIM.endRotation] as number) : null;
    this.reverse = backward;
    this.fromIsSourced = false;
    this.fromIsDefined = path !== null && path.hasStartX && path.hasStartY;
    this.toX = this.toY = 0;
    this.geometry = undefined;
    for (const a of actions) {
      if (a.event !== null || a.specifiedObject !== target || a.obj === null || a.info === null) continue;
      const name = a.info.name;
      if (name !== 'x' && name !== 'y') continue;
      if (name === 'x') this.toX = Number(a.toValue);
      else this.toY = Number(a.toValue);
      touch(touched, a.obj, a.info);
      a.fromValue = a.toValue;
    }
    if (target === null || path === null) {
      this.item = this.along = null;
      return;
    }
    this.item = target;
    this.along = path;
    this.startRotation = previous ? previous.startRotation : null;
    this.lastRuns.set(target, this);
  }

  override updateCurrentTime(time: number): void {
    if (this.jobState === STOPPED || this.item === null || this.item.$destroyed) return;
    this.setValue(easedProgress(this.$v[PATHANIM.easing] as EasingCurve | null, time, this.loopDuration()));
  }

  /** QQuickPathAnimationUpdater::setValue. */
  private setValue(v: number): void {
    v = Math.min(Math.max(v, 0), 1);
    const target = this.item!;
    const path = this.along!;
    const reverse = this.reverse;
    const atStart = reverse ? v === 1 : v === 0;
    const ax = this.anchorX;
    const ay = this.anchorY;
    if (!this.fromIsSourced && !this.fromIsDefined) {
      // the path from where the item is to where it goes
      const here: [number, number] = [(target.$v[ITEM.x] as number) + ax, (target.$v[ITEM.y] as number) + ay];
      const there: [number, number] = [this.toX + ax, this.toY + ay];
      this.geometry = path.createPath(reverse ? there : here, reverse ? here : there);
      this.fromIsSourced = true;
    }
    const fixed = this.turn === FIXED;
    const at = path.pointAndAngleAt(v, this.geometry);
    const anchored = ax !== 0 || ay !== 0;
    if (anchored && atStart && !fixed) setOrigin(target, { x: ax, y: ay });
    setPosition(target, at.x - ax, at.y - ay);
    if (fixed) return;
    // (RightFirst, LeftFirst, BottomFirst, TopFirst)
    let angle = -at.angle + [0, 0, 180, 270, 90][this.turn]!;
    if (atStart && !reverse) {
      // the shortest way round to the path's direction
      let start = target.$v[ITEM.rotation] as number;
      let diff = angle - start;
      for (; diff > 180; diff -= 360) start += 360;
      for (; diff < -180; diff += 360) start -= 360;
      this.startRotation = start;
    }
    const entry = this.entryInterval;
    const start = this.startRotation;
    if (start !== null) {
      if (reverse && v === 0) angle = start;
      else if (v < entry) angle = (angle * v) / entry + (start * (entry - v)) / entry;
    }
    const end = this.finalRotation;
    if (end !== null) {
      // (Qt starts the exit at 1 - the entry interval)
      const exitStart = 1 - entry;
      const exit = this.exitInterval;
      if (!reverse && v === 1) angle = end;
      else if (v > exitStart)
        angle = (end * (v - exitStart)) / exit + (angle * (exit - (v - exitStart))) / exit;
    }
    target.$store(ITEM.rotation, angle);
    if ((reverse ? v === 0 : v === 1) && anchored && Math.abs(angle) <= 1e-12) setOrigin(target, null);
  }
}
/** QQuickItem::setTransformOriginPoint. */
function setOrigin(item: Item, p: { x: number; y: number } | null): void {
  item.userOrigin = p;
  item.markDirty(Dirty.Transform);
}

const PathAnimationMeta: MetaObject = defineType(PathAnimation, AnimationMeta, {
  name: 'PathAnimation',
  cppClass: 'QQuickPathAnimation',
  properties: {
    duration: durationSpec(() => PATHANIM.duration),
    easing: EASING_GROUP,
    path: { type: 'QtObject' },
    target: { type: 'Item' },
    orientation: { type: 'enumeration' },
    anchorPoint: { type: 'point' },
    orientationEntryDuration: { type: 'int' },
    orientationExitDuration: { type: 'int' },
    endRotation: {
      type: 'real',
      write: (o, v) => {
        (o as PathAnimation).endRotationSet = true;
        o.$store(PATHANIM.endRotation, v);
      },
    },
  },
  enums: { Fixed: 0, RightFirst: 1, LeftFirst: 2, BottomFirst: 3, TopFirst: 4 },
});
const PATHANIM = {
  duration: PathAnimationMeta.index('duration'),
  easing: PathAnimationMeta.index('easing'),
  path: PathAnimationMeta.index('path'),
  target: PathAnimationMeta.index('target'),
  orientation: PathAnimationMeta.index('orientation'),
  anchorPoint: PathAnimationMeta.index('anchorPoint'),
  orientationEntryDuration: PathAnimationMeta.index('orientationEntryDuration'),
  orientationExitDuration: PathAnimationMeta.index('orientationExitDuration'),
  endRotation: PathAnimationMeta.index('endRotation'),
};

export const ANIMATION_TYPES: Record<string, MetaObject> = {
  Animation: AnimationMeta,
  PauseAnimation: PauseAnimationMeta,
  PropertyAnimation: PropertyAnimationMeta,
  NumberAnimation: NumberAnimationMeta,
  ColorAnimation: ColorAnimationMeta,
  RotationAnimation: RotationAnimationMeta,
  SmoothedAnimation: SmoothedAnimationMeta,
  SpringAnimation: SpringAnimationMeta,
  Vector3dAnimation: Vector3dAnimationMeta,
  XAnimator: XAnimatorMeta,
  YAnimator: YAnimatorMeta,
  ScaleAnimator: ScaleAnimatorMeta,
  OpacityAnimator: OpacityAnimatorMeta,
  RotationAnimator: RotationAnimatorMeta,
  ScriptAction: ScriptActionMeta,
  PropertyAction: PropertyActionMeta,
  SequentialAnimation: SequentialAnimationMeta,
  ParallelAnimation: ParallelAnimationMeta,
  Behavior: BehaviorMeta,
  Easing: EasingEnumsMeta,
  FrameAnimation: FrameAnimationMeta,
  PathAnimation: PathAnimationMeta,
};
