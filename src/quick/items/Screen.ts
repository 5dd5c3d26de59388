// `Screen` (QQuickScreenAttached): the screen an item is shown on. In a
// browser it is the browser's screen (CSS pixels, 96 to the inch); without
// one (Node) it is Qt's offscreen screen: 800 by 800 pixels at 100 dpi.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';

interface ScreenLike {
  width: number;
  height: number;
  availWidth: number;
  availHeight: number;
  orientation?: { type?: string };
}

const ORIENTATIONS: Record<string, number> = {
  'portrait-primary': 1,
  'landscape-primary': 2,
  'portrait-secondary': 4,
  'landscape-secondary': 8,
};

const OFFSCREEN: ScreenLike = { width: 800, height: 800, availWidth: 800, availHeight: 800 };

/** The browser's screen, if there is one. */
function hostScreen(): ScreenLike | undefined {
  const s = (globalThis as { screen?: ScreenLike }).screen;
  return s && typeof s.width === 'number' ? s : undefined;
}

function screen(): ScreenLike {
  return hostScreen() ?? OFFSCREEN;
}

export class ScreenAttached extends QObject {
  readonly name = '';
  readonly manufacturer = '';
  readonly model = '';
  readonly serialNumber = '';
  readonly virtualX = 0;
  readonly virtualY = 0;
  get width(): number {
    return screen().width;
  }
  get height(): number {
    return screen().height;
  }
  get desktopAvailableWidth(): number {
    return screen().availWidth;
  }
  get desktopAvailableHeight(): number {
    return screen().availHeight;
  }
  get devicePixelRatio(): number {
    return (globalThis as { devicePixelRatio?: number }).devicePixelRatio ?? 1;
  }
  /** Physical pixels per millimetre. */
  get pixelDensity(): number {
    return hostScreen() ? (96 * this.devicePixelRatio) / 25.4 : 100 / 25.4;
  }
  /** Logical (device-independent) pixels per millimetre. */
  get logicalPixelDensity(): number {
    return 96 / 25.4;
  }
  get orientation(): number {
    return ORIENTATIONS[screen().orientation?.type ?? ''] ?? 0;
  }
  get primaryOrientation(): number {
    const s = screen();
    return s.width >= s.height ? 2 : 1;
  }
}

export const ScreenAttachedMeta: MetaObject = defineType(ScreenAttached, null, {
  name: 'Screen',
  cppClass: 'QQuickScreenAttached',
  creatable: false,
});

/** The `Screen` type name: only its attached object is of use. */
export class ScreenType extends QObject {}
export const ScreenMeta: MetaObject = defineType(ScreenType, null, {
  name: 'Screen',
  cppClass: 'QQuickScreen',
  creatable: false,
  attachedType: () => ScreenAttachedMeta,
});
