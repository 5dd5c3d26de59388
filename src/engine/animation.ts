// The animation driver: advances running animations once per frame, before
// the polish pass (Qt's QUnifiedTimer / QQmlAnimationTimer). Animations get
// whole milliseconds, like Qt's animation jobs, so that positions computed
// from elapsed time match Qt's to the last digit. The host decides what a
// frame is: the browser calls `engine.polish()` from requestAnimationFrame,
// tests move a fake clock and call it themselves.

/** Something that moves with time (a flick, a highlight following the current item). */
export interface FrameAnimation {
  /**
   * Advances by `deltaMs` whole milliseconds (0 right after starting).
   * Returns false when the animation has finished (it is then dropped).
   */
  advance(deltaMs: number): boolean;
}

export class AnimationDriver {
  /** Milliseconds; replace it to control time (tests, a paused host). */
  clock: () => number;
  private readonly running = new Set<FrameAnimation>();
  /** Animations started during the tick in progress. */
  private readonly fresh = new Set<FrameAnimation>();
  private ticking = false;
  private lastTick = 0;
  /** When the last frame was produced (whether or not something animated then). */
  private lastFrame = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly requestFrame: () => void,
    clock?: () => number,
  ) {
    this.clock = clock ?? (() => performance.now());
  }

  /** True while at least one animation runs (the host should keep producing frames). */
  get active(): boolean {
    return this.running.size > 0;
  }

  /** Starts (or keeps running) an animation; it advances from the next frame on. */
  start(a: FrameAnimation): void {
    // Qt queues a start: one (re)started by an animation of this frame moves from the next.
    if (this.ticking) this.fresh.add(a);
    if (this.running.size === 0) {
      // Qt's animation clock is the frame clock: an animation started between
      // frames counts from the last frame, so its first step is a whole frame.
      // After a pause in frames, it counts from now.
      const now = Math.floor(this.clock());
      this.lastTick = now - this.lastFrame <= 50 ? this.lastFrame : now;
      this.requestFrame();
    }
    this.running.add(a);
  }

  stop(a: FrameAnimation): void {
    this.running.delete(a);
  }

  isRunning(a: FrameAnimation): boolean {
    return this.running.has(a);
  }

  /** Advances every running animation to the clock's current time. */
  tick(): void {
    const now = Math.floor(this.clock());
    this.lastFrame = now;
    if (this.running.size === 0) return;
    const delta = Math.max(0, now - this.lastTick);
    this.lastTick = now;
    if (delta === 0) return;
    this.ticking = true;
    try {
      for (const a of [...this.running]) {
        if (!this.running.has(a) || this.fresh.has(a)) continue;
        if (!a.advance(delta)) this.running.delete(a);
      }
    } finally {
      this.ticking = false;
      this.fresh.clear();
    }
  }
}
