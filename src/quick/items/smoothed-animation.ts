// QSmoothedAnimation (qquicksmoothedanimation.cpp): moves a value towards a
// target at a velocity, easing in and out (quadratic), continuing smoothly
// when the target changes while it runs. ListView moves and resizes its
// highlight with it (velocity 400 px/s, or highlightMoveDuration).
import type { AnimationDriver, FrameAnimation } from '../../engine/animation';

/**
 * QSmoothedAnimation's motion (recalc and easeFollow): accelerate, cruise,
 * decelerate over a distance, starting at a velocity; ListView's highlight
 * and the SmoothedAnimation type move along it.
 */
export class SmoothedCurve {
  /** The velocity at the last point followed (units per second). */
  trackVelocity = 0;
  private s = 0;
  private vi = 0;
  private a = 0;
  private d = 0;
  private tp = 0;
  private td = 0;
  private tf = 0;
  private vp = 0;
  private sp = 0;
  private sd = 0;

  /**
   * Plans a motion over distance `s` (made positive by the caller) starting
   * at velocity `vi`; false when neither a velocity nor a duration allows one.
   */
  plan(s: number, vi: number, velocity: number, userDuration: number, maximumEasingTime: number): boolean {
    this.s = s;
    this.vi = vi;
    let tf: number;
    if (userDuration >= 0 && velocity > 0) {
      tf = s / velocity;
      if (tf > userDuration / 1000) tf = userDuration / 1000;
    } else if (userDuration >= 0) {
      tf = userDuration / 1000;
    } else if (velocity > 0) {
      tf = s / velocity;
    } else {
      return false;
    }
    this.tf = tf;
    if (maximumEasingTime === 0) {
      this.a = 0;
      this.d = 0;
      this.tp = 0;
      this.td = tf;
      this.vp = velocity;
      this.sp = 0;
      this.sd = s;
    } else if (maximumEasingTime !== -1 && tf > maximumEasingTime / 1000) {
      const met = maximumEasingTime / 1000;
      const ta = met / 2;
      this.a = (s - (vi * tf - 0.5 * vi * ta)) / (tf * ta - ta * ta);
      this.vp = vi + this.a * ta;
      this.d = this.vp / ta;
      this.tp = ta;
      this.sp = vi * ta + 0.5 * this.a * this.tp * this.tp;
      this.sd = this.sp + this.vp * (tf - 2 * ta);
      this.td = tf - ta;
    } else {
      const c1 = 0.25 * tf * tf;
      const c2 = 0.5 * vi * tf - s;
      const c3 = -0.25 * vi * vi;
      const a1 = (-c2 + Math.sqrt(c2 * c2 - 4 * c1 * c3)) / (2 * c1);
      const tp1 = 0.5 * tf - (0.5 * vi) / a1;
      const vp1 = a1 * tp1 + vi;
      const sp1 = 0.5 * a1 * tp1 * tp1 + vi * tp1;
      this.a = a1;
      this.d = a1;
      this.tp = tp1;
      this.td = tp1;
      this.vp = vp1;
      this.sp = sp1;
      this.sd = sp1;
    }
    return true;
  }

  /** The distance covered `t` seconds in (the whole distance once `t` reaches the end: `reached`). */
  follow(t: number): number {
    this.reached = false;
    if (t < this.tp) {
      this.trackVelocity = this.vi + t * this.a;
      return 0.5 * this.a * t * t + this.vi * t;
    }
    if (t < this.td) {
      const u = t - this.tp;
      this.trackVelocity = this.vp;
      return this.sp + u * this.vp;
    }
    if (t < this.tf) {
      const u = t - this.td;
      this.trackVelocity = this.vp - u * this.a;
      return this.sd - 0.5 * this.d * u * u + this.vp * u;
    }
    this.trackVelocity = 0;
    this.reached = true;
    return this.s;
  }
  /** The last point followed was the end. */
  reached = false;
}

export class SmoothedAnimation extends SmoothedCurve implements FrameAnimation {
  to = 0;
  velocity = 200;
  /** ms, -1 for none: the animation takes the shorter of velocity and duration. */
  userDuration = -1;
  maximumEasingTime = -1;
  private initialVelocity = 0;
  private initialValue = 0;
  private invert = false;
  private time = 0;
  private lastTime = 0;
  private running = false;

  constructor(
    private readonly driver: () => AnimationDriver | null,
    private readonly read: () => number,
    private readonly write: (v: number) => void,
  ) {
    super();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts towards `to` (or re-aims a running animation, keeping its velocity). */
  restart(): void {
    this.initialVelocity = this.trackVelocity;
    if (this.running) {
      this.init();
      return;
    }
    const value = this.read();
    if (this.velocity === 0 || value === this.to) {
      // Qt starts the job, and init() stops it at once (nothing to move):
      // the same state without registering with the driver and leaving it.
      this.time = 0;
      this.lastTime = 0;
      this.initialValue = value;
      this.trackVelocity = 0;
    } else {
      this.running = true;
      this.time = 0;
      this.driver()?.start(this);
      this.init();
      // Qt: a started animation is updated at time 0 at once.
      if (this.running) this.update(0);
    }
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.trackVelocity = 0;
    this.driver()?.stop(this);
  }

  private init(): void {
    if (this.velocity === 0) {
      this.stop();
      return;
    }
    this.initialValue = this.read();
    this.lastTime = this.time;
    if (this.to === this.initialValue) {
      this.stop();
      return;
    }
    const hasReversed = this.trackVelocity !== 0 && !this.invert === this.initialValue - this.to > 0;
    if (hasReversed) this.initialVelocity = -this.trackVelocity;
    this.trackVelocity = this.initialVelocity;
    this.invert = this.to < this.initialValue;
    const s = (this.invert ? -1 : 1) * (this.to - this.initialValue);
    if (!this.plan(s, this.initialVelocity, this.velocity, this.userDuration, this.maximumEasingTime)) {
      this.write(this.to);
      this.stop();
    }
  }

  private update(time: number): void {
    const value = this.follow((time - this.lastTime) / 1000);
    this.write(this.initialValue + value * (this.invert ? -1 : 1));
    if (this.reached) this.stop();
  }

  advance(deltaMs: number): boolean {
    if (!this.running) return false;
    this.time += deltaMs;
    this.update(this.time);
    return this.running;
  }
}
