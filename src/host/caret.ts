// The text cursor of the focused TextInput: a 1 px bar in the text color,
// 500 ms on and 500 ms off (Qt's cursorFlashTime of 1 s). It is a DOM
// element with a CSS animation over the canvas, so a blinking cursor costs
// no rendered frames.
import type { QColor } from '../engine/valuetypes';
import type { Item } from '../quick/items/Item';
import type { QuickWindow } from '../quick/window';

interface CursorItem extends Item {
  cursorVisible: boolean;
  cursorRectangle: { x: number; y: number; width: number; height: number };
  color: QColor;
  cursorBlinkEpoch: number;
}

export class Caret {
  readonly element: HTMLDivElement;
  private epoch = -1;
  private item: Item | null = null;

  constructor(stage: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'qw-caret';
    this.element.hidden = true;
    stage.append(this.element);
  }

  /** Places the caret for the window's active focus item (after each frame and input). */
  update(w: QuickWindow | undefined): void {
    const item = w?.activeFocusItem as Partial<CursorItem> | null | undefined;
    const el = this.element;
    if (item?.cursorVisible !== true || !item.cursorRectangle || !(item as Item).effectiveVisible) {
      el.hidden = true;
      this.item = null;
      return;
    }
    const t = item as CursorItem;
    const p = t.scenePosition();
    const r = t.cursorRectangle;
    el.style.left = `${p.x + r.x}px`;
    el.style.top = `${p.y + r.y}px`;
    el.style.height = `${r.height}px`;
    el.style.width = `${r.width}px`;
    el.style.background = String(t.color);
    el.hidden = false;
    // Qt restarts the blink (cursor shown) on every key and focus change.
    if (t.cursorBlinkEpoch !== this.epoch || this.item !== t) {
      this.epoch = t.cursorBlinkEpoch;
      this.item = t;
      el.style.animation = 'none';
      void el.offsetWidth;
      el.style.animation = '';
    }
  }

  /** Stops the blink with the cursor shown (for screenshots), or lets it blink again. */
  freeze(frozen: boolean): void {
    this.element.style.animationPlayState = frozen ? 'paused' : '';
    if (frozen) {
      this.element.style.animation = 'none';
      this.element.style.visibility = 'visible';
    } else {
      this.element.style.animation = '';
      this.element.style.visibility = '';
    }
  }
}
