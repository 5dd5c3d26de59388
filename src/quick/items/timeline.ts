// A port of the part of QQuickTimeLine that Flickable and the views use:
// per-value queues of operations (move with an easing curve, constant
// deceleration, set, callback) that run one after the other. Time is whole
// milliseconds, an operation that ends inside a frame hands the rest of the
// frame to the next one (so a fixup starts where the flick stopped, not at
// the next frame), and the value at the end of an operation is written
// before the next operation's first value, as Qt does.
import type { AnimationDriver, FrameAnimation } from '../../engine/animation';

export type Easing = (t: number) => number;

/** Qt's easing curves (qeasingcurve.cpp, Robert Penner's equations). */
export const Easing = {
  Linear: (t: number) => t,
  InQuad: (t: number) => t * t,
  OutQuad: (t: number) => -t * (t - 2),
  InOutQuad: (t: number) => {
    const u = t * 2;
    if (u < 1) return (u * u) / 2;
    const v = u - 1;
    return -0.5 * (v * (v - 2) - 1);
  },
  // Qt keeps Penner's 1.001 factor.
  OutExpo: (t: number) => (t === 1 ? 1 : 1.001 * (1 - 2 ** (-10 * t))),
} as const;

/** A value a timeline animates (QQuickTimeLineValueProxy): writing it calls `apply`. */
export class TimeLineValue {
  value = 0;
  constructor(private readonly apply: (v: number) => void) {}
  setValue(v: number): void {
    this.value = v;
    this.apply(v);
  }
}

type Op =
  | { kind: 'move'; length: number; to: number; easing: Easing }
  | { kind: 'moveBy'; length: number; by: number; easing: Easing }
  | { kind: 'accel'; length: number; velocity: number; accel: number }
  | { kind: 'set'; length: 0; to: number }
  | { kind: 'exec'; length: 0; fn: () => void }
  | { kind: 'pause'; length: number };

interface Queue {
  ops: Op[];
  /** Timeline time at which the first op started. */
  start: number;
  /** The value when the first op started. */
  base: number;
}

export class TimeLine implements FrameAnimation {
  /** Milliseconds since the timeline (re)started (QQuickTimeLine::time). */
  time = 0;
  /** Called once all operations have run (QQuickTimeLine::completed). */
  onCompleted: (() => void) | null = null;
  /** Called after each step moved the values (QQuickTimeLine::updated). */
  onUpdated: (() => void) | null = null;
  private readonly queues = new Map<TimeLineValue, Queue>();
  private running = false;
  /** While an op of `value` ends: the time new ops of that value start at. */
  private cursor: { value: TimeLineValue; at: number } | null = null;

  constructor(private readonly driver: () => AnimationDriver | null) {}

  isActive(): boolean {
    return this.queues.size > 0;
  }

  /** Stops animating `v` (its queued operations are dropped). */
  reset(v: TimeLineValue): void {
    this.queues.delete(v);
    if (this.queues.size === 0) this.stop();
  }

  clear(): void {
    this.queues.clear();
    this.stop();
  }

  /** Qt: a timeline left without operations stops without reporting completion. */
  private stop(): void {
    if (!this.running || this.cursor !== null) return;
    this.running = false;
    this.driver()?.stop(this);
  }

  set(v: TimeLineValue, to: number): void {
    this.add(v, { kind: 'set', length: 0, to });
  }

  move(v: TimeLineValue, to: number, easing: Easing, ms: number): void {
    if (ms <= 0) return;
    this.add(v, { kind: 'move', length: Math.trunc(ms), to, easing });
  }

  moveBy(v: TimeLineValue, by: number, easing: Easing, ms: number): void {
    if (ms <= 0) return;
    this.add(v, { kind: 'moveBy', length: Math.trunc(ms), by, easing });
  }

  /**
   * Decelerates from `velocity` (px/s) at `acceleration` (px/s², a magnitude)
   * until it stops; with `maxDistance`, decelerates harder if needed to stop
   * within it (QQuickTimeLine::accel).
   */
  accel(v: TimeLineValue, velocity: number, acceleration: number, maxDistance?: number): void {
    let a = acceleration;
    if (maxDistance !== undefined) {
      const maxAccel = (velocity * velocity) / (2 * maxDistance);
      if (maxAccel > a) a = maxAccel;
    }
    if (velocity > 0 === a > 0) a = -a;
    const length = Math.trunc((-1000 * velocity) / a);
    if (!(length > 0)) return;
    this.add(v, { kind: 'accel', length, velocity, accel: a });
  }

  /** Decelerates from `velocity` so that it stops after exactly `distance` (QQuickTimeLine::accelDistance). */
  accelDistance(v: TimeLineValue, velocity: number, distance: number): void {
    if (distance === 0 || distance > 0 !== velocity > 0) return;
    const length = Math.trunc((1000 * (2 * distance)) / velocity);
    if (!(length > 0)) return;
    const a = (-velocity * velocity) / (2 * distance);
    this.add(v, { kind: 'accel', length, velocity, accel: a });
  }

  /** Runs `fn` once the operations queued for `v` so far have run. */
  callback(v: TimeLineValue, fn: () => void): void {
    this.add(v, { kind: 'exec', length: 0, fn });
  }

  pause(v: TimeLineValue, ms: number): void {
    this.add(v, { kind: 'pause', length: Math.trunc(ms) });
  }

  private add(v: TimeLineValue, op: Op): void {
    let q = this.queues.get(v);
    if (q === undefined) {
      const at = this.cursor !== null && this.cursor.value === v ? this.cursor.at : this.time;
      q = { ops: [], start: at, base: v.value };
      this.queues.set(v, q);
    }
    q.ops.push(op);
    if (!this.running) {
      // Qt: a stopped timeline restarts its clock at 0 and runs the ops due at once (a set).
      this.running = true;
      this.time = 0;
      q.start = 0;
      this.driver()?.start(this);
      this.advance(0);
    }
  }

  /** The value `op` gives `elapsed` ms after it started from `base`. */
  private valueAt(op: Op, elapsed: number, base: number): number {
    switch (op.kind) {
      case 'move':
        return base + (op.to - base) * op.easing(elapsed / op.length);
      case 'moveBy':
        return base + op.by * op.easing(elapsed / op.length);
      case 'accel': {
        const t = elapsed / 1000;
        // Qt's order of operations (the delta first), for the same last digit.
        const delta = op.velocity * t + 0.5 * op.accel * t * t;
        return base + delta;
      }
      case 'set':
        return op.to;
      default:
        return base;
    }
  }

  advance(deltaMs: number): boolean {
    if (!this.running) return false;
    this.time += deltaMs;
    for (const [v, q] of [...this.queues]) {
      if (this.queues.get(v) !== q) continue;
      this.advanceQueue(v, q);
    }
    this.onUpdated?.();
    if (this.queues.size === 0) {
      this.running = false;
      this.onCompleted?.();
      // Completing may have queued new operations (a fixup after a flick).
      return this.running;
    }
    return true;
  }

  private advanceQueue(v: TimeLineValue, q: Queue): void {
    while (q.ops.length > 0 && this.queues.get(v) === q) {
      const op = q.ops[0]!;
      const elapsed = this.time - q.start;
      // Qt: an operation ending exactly now shows its end value but completes
      // (running what follows) only once time has moved past it.
      if (op.length > 0 ? elapsed <= op.length : elapsed < 0) {
        if (op.kind !== 'pause') v.setValue(this.valueAt(op, elapsed, q.base));
        return;
      }
      // The op has ended: write its final value, then continue with the next one.
      q.ops.shift();
      const end = q.start + op.length;
      if (op.kind === 'exec') {
        if (q.ops.length === 0) this.queues.delete(v);
        this.cursor = { value: v, at: end };
        try {
          op.fn();
        } finally {
          this.cursor = null;
        }
        const next = this.queues.get(v);
        if (next === undefined) return;
        if (next !== q) {
          // The callback replaced the queue (reset + new ops): they start where this op ended.
          this.advanceQueue(v, next);
          return;
        }
      } else if (op.kind !== 'pause') {
        v.setValue(this.valueAt(op, op.length, q.base));
      }
      q.start = end;
      q.base = v.value;
    }
    if (q.ops.length === 0 && this.queues.get(v) === q) this.queues.delete(v);
  }
}
