// Drives a window with pointer events the way the Qt reference runs did
// (xdotool actions: "move X Y", "down B", "up B", "wheel up|down", "sleep MS"),
// on a fake clock, polishing every 16 ms frame like Qt.
import { vi } from 'vitest';
import type { PointerEventLike } from '../../src/quick/items/Item';
import type { Run } from './qml';

/** X11 button numbers (xdotool) to Qt.MouseButton. */
const BUTTONS: Record<string, number> = { '1': 1, '2': 4, '3': 2 };

export class PointerDriver {
  now = 0;
  x = 0;
  y = 0;
  buttons = 0;
  constructor(readonly run: Run) {}

  /** Lets time pass (timers fire), in frames. Needs vi.useFakeTimers(). */
  wait(ms: number): void {
    let left = ms;
    while (left > 0) {
      const step = Math.min(16, left);
      vi.advanceTimersByTime(step);
      this.now += step;
      left -= step;
      this.run.runtime.engine.polish();
    }
  }

  event(type: PointerEventLike['type'], button = 0): PointerEventLike {
    return {
      type,
      sceneX: this.x,
      sceneY: this.y,
      x: 0,
      y: 0,
      button,
      buttons: this.buttons,
      modifiers: 0,
      timestamp: this.now,
      angleDeltaX: 0,
      angleDeltaY: 0,
      pixelDeltaX: 0,
      pixelDeltaY: 0,
      accepted: false,
    };
  }

  move(x: number, y: number): boolean {
    this.x = x;
    this.y = y;
    return this.run.runtime.window.deliverPointer(this.event('move'));
  }

  press(button = 1): boolean {
    this.buttons |= button;
    return this.run.runtime.window.deliverPointer(this.event('press', button));
  }

  release(button = 1): boolean {
    this.buttons &= ~button;
    return this.run.runtime.window.deliverPointer(this.event('release', button));
  }

  wheel(dy: number, dx = 0): boolean {
    const e = this.event('wheel');
    e.angleDeltaX = dx;
    e.angleDeltaY = dy;
    return this.run.runtime.window.deliverPointer(e);
  }

  /** Plays an actions file of the Qt reference runs. */
  play(actions: string): void {
    for (const line of actions.split('\n')) {
      const [cmd, a, b] = line.trim().split(/\s+/);
      switch (cmd) {
        case 'move':
          this.move(Number(a), Number(b));
          break;
        case 'down':
          this.press(BUTTONS[a!]);
          break;
        case 'up':
          this.release(BUTTONS[a!]);
          break;
        case 'wheel':
          if (a === 'up' || a === 'down') this.wheel(a === 'up' ? 120 : -120);
          else this.wheel(0, a === 'left' ? 120 : -120);
          break;
        case 'sleep':
          this.wait(Number(a));
          break;
      }
    }
  }
}
