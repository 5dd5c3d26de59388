// `Screen` (QQuickScreenAttached): the screen an item is shown on. The host
// says what it is (setPrimaryScreen: the browser's screen); without one it
// is Qt's offscreen screen, 800 by 800 pixels at 100 dpi.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';

/** What the host knows of its screen (Qt's QScreen, as QQuickScreenAttached shows it). */
export interface ScreenInfo {
  width: number;
  height: number;
  availWidth: number;
  availHeight: number;
  devicePixelRatio: number;
  /** Physical dots per inch. */
  physicalDpi: number;
  /** Qt::ScreenOrientation (0: the primary orientation). */
  orientation: number;
}

/** Qt's offscreen screen: 800 by 800 pixels at 100 dpi. */
const OFFSCREEN: ScreenInfo = {
  width: 800,
  height: 800,
  availWidth: 800,
  availHeight: 800,
  devicePixelRatio: 1,
  physicalDpi: 100,
  orientation: 0,
};

let primaryScreen: () => ScreenInfo = () => OFFSCREEN;

/** Where `Screen` reads its values (the browser host gives its screen; read when asked). */
export function setPrimaryScreen(source: () => ScreenInfo): void {
  primaryScreen = source;
}

export class ScreenAttached extends QObject {
  readonly name = '';
  readonly manufacturer = '';
  readonly model = '';
  readonly serialNumber = '';
  readonly virtualX = 0;
  readonly virtualY = 0;
  get width(): number {
    return primaryScreen().width;
  }
  get height(): number {
    return primaryScreen().height;
  }
  get desktopAvailableWidth(): number {
    return primaryScreen().availWidth;
  }
  get desktopAvailableHeight(): number {
    return primaryScreen().availHeight;
  }
  get devicePixelRatio(): number {
    return primaryScreen().devicePixelRatio;
  }
  /** Physical pixels per millimetre. */
  get pixelDensity(): number {
    return primaryScreen().physicalDpi / 25.4;
  }
  /** Logical (device-independent) pixels per millimetre. */
  get logicalPixelDensity(): number {
    return 96 / 25.4;
  }
  get orientation(): number {
    return primaryScreen().orientation;
  }
  get primaryOrientation(): number {
    const s = primaryScreen();
    return s.width >= s.height ? 2 : 1;
  }
}

export const ScreenAttachedMeta: MetaObject = defineType(ScreenAttached, null, {
  name: 'Screen',
  cppClass: 'QQuickScreenAttached',
  creatable: 'Screen can only be used via the attached property.',
});

/** The `Screen` type name: only its attached object is of use. */
export class ScreenType extends QObject {}
export const ScreenMeta: MetaObject = defineType(ScreenType, null, {
  name: 'Screen',
  cppClass: 'QQuickScreen',
  creatable: 'Screen can only be used via the attached property.',
  attachedType: () => ScreenAttachedMeta,
});
