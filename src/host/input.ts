// Pointer, wheel and keyboard input from the page to the scene.
import type { PointerEventLike } from '../quick/items/Item';
import type { SceneHost } from './scene-host';

const BUTTONS: Record<number, number> = { 0: 1, 1: 4, 2: 2 };

function modifiers(e: MouseEvent | KeyboardEvent): number {
  return (
    (e.shiftKey ? 0x02000000 : 0) |
    (e.ctrlKey ? 0x04000000 : 0) |
    (e.altKey ? 0x08000000 : 0) |
    (e.metaKey ? 0x10000000 : 0)
  );
}

function buttonsOf(b: number): number {
  return (b & 1 ? 1 : 0) | (b & 2 ? 2 : 0) | (b & 4 ? 4 : 0);
}

/** CSS cursors for Qt.CursorShape values (Qt.ArrowCursor = 0 ... Qt.DragLinkCursor = 21). */
const CSS_CURSORS = [
  'default', // ArrowCursor
  'default', // UpArrowCursor (no CSS equivalent)
  'crosshair',
  'wait',
  'text', // IBeamCursor
  'ns-resize',
  'ew-resize',
  'nesw-resize', // SizeBDiagCursor
  'nwse-resize', // SizeFDiagCursor
  'move', // SizeAllCursor
  'none', // BlankCursor
  'row-resize', // SplitVCursor
  'col-resize', // SplitHCursor
  'pointer', // PointingHandCursor
  'not-allowed', // ForbiddenCursor
  'help', // WhatsThisCursor
  'progress', // BusyCursor
  'grab', // OpenHandCursor
  'grabbing', // ClosedHandCursor
  'copy', // DragCopyCursor
  'move', // DragMoveCursor
  'alias', // DragLinkCursor
];

/** The CSS cursor for a Qt.CursorShape. */
export function cssCursor(shape: number): string {
  return CSS_CURSORS[shape] ?? 'default';
}

export function attachInput(host: SceneHost): void {
  const canvas = host.canvas;
  const event = (type: PointerEventLike['type'], e: MouseEvent): PointerEventLike => {
    const r = canvas.getBoundingClientRect();
    return {
      type,
      sceneX: e.clientX - r.left,
      sceneY: e.clientY - r.top,
      x: 0,
      y: 0,
      button: BUTTONS[e.button] ?? 0,
      buttons: buttonsOf(e.buttons),
      modifiers: modifiers(e),
      timestamp: e.timeStamp,
      angleDeltaX: 0,
      angleDeltaY: 0,
      pixelDeltaX: 0,
      pixelDeltaY: 0,
      accepted: false,
    };
  };
  const deliver = (ev: PointerEventLike) => {
    const w = host.runtime?.window;
    if (!w) return false;
    return w.deliverPointer(ev);
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    if (deliver(event('press', e))) e.preventDefault();
  });
  canvas.addEventListener('pointermove', (e) => {
    deliver(event(e.buttons ? 'move' : 'hover', e));
  });
  canvas.addEventListener('pointerup', (e) => {
    deliver(event('release', e));
  });
  canvas.addEventListener('pointercancel', () => host.runtime?.window.cancelPointer());
  // Qt: the pointer leaving the window ends hover (containsMouse goes false).
  canvas.addEventListener('pointerleave', (e) => {
    if (e.buttons === 0) host.runtime?.window.pointerLeft();
  });
  canvas.addEventListener(
    'wheel',
    (e) => {
      const ev = event('wheel', e);
      // Qt: angleDelta in eighths of a degree, 120 per notch; browsers give pixels (about 100 per notch).
      const scale = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? 800 : 1.2;
      ev.angleDeltaX = -e.deltaX * scale;
      ev.angleDeltaY = -e.deltaY * scale;
      if (e.deltaMode === 0) {
        ev.pixelDeltaX = -e.deltaX;
        ev.pixelDeltaY = -e.deltaY;
      }
      if (deliver(ev)) e.preventDefault();
    },
    { passive: false },
  );
}
