// The QtQuick module: registers its types with an engine.

import type { QmlEngine } from '../engine/engine';
import { loadOnce } from '../engine/load-once';
import type { MetaObject } from '../engine/qobject';
import { ColumnMeta } from './items/Column';
import { FlickableMeta } from './items/Flickable';
import { FocusScopeMeta } from './items/FocusScope';
import { FontEnumsMeta, fontProperty } from './items/Font';
import { GradientMeta } from './items/Gradient';
import { GradientStopMeta } from './items/GradientStop';
import { ItemMeta } from './items/Item';
import { StandardKeyMeta } from './items/Keys';
import { ListViewMeta, provideListSections, ViewSectionMeta } from './items/ListView';
import { BasePositionerMeta } from './items/Positioner';
import { RectangleMeta } from './items/Rectangle';
import { RowMeta } from './items/Row';
import { ScreenMeta } from './items/Screen';
import { TextMeta } from './items/Text';
import { provideInputMask, TextInputMeta } from './items/TextInput';
import { WindowMeta } from './items/Window';
import { ListElementMeta, ListModelMeta } from './models/ListModel';

/**
 * QtQuick types whose code the page loads when a scene names one
 * (QmlEngine.registerLazyTypes): a scene that uses none of them does not
 * download them. The Node tools load them before they start.
 */
export const LAZY_TYPE_NAMES = [
  'Accessible',
  'EnterKey',
  'InputMethod',
  'Canvas',
  'Instantiator',
  'ObjectModel',
  'Translate',
  'Scale',
  'Rotation',
  'Matrix4x4',
  'FontMetrics',
  'TextMetrics',
  'IntValidator',
  'DoubleValidator',
  'RegularExpressionValidator',
  'Shortcut',
  'Grid',
  'GridView',
  'PathView',
  'Path',
  'PathElement',
  'PathLine',
  'PathMove',
  'PathQuad',
  'PathCubic',
  'PathArc',
  'PathCurve',
  'PathAttribute',
  'PathPercent',
  'PathSvg',
  'PathAngleArc',
  'PathPolyline',
  'PathMultiline',
  'PathInterpolator',
  'Image',
  'BorderImage',
  'Flow',
  'Flipable',
  'MouseArea',
  'TapHandler',
  'HoverHandler',
  'DragHandler',
  'PointHandler',
  'WheelHandler',
  'Drag',
  'DropArea',
  'Keys',
  'KeyNavigation',
  'Repeater',
  'Loader',
  'LayoutMirroring',
  'SystemPalette',
  'StateGroup',
  'State',
  'PropertyChanges',
  'StateChangeScript',
  'Transition',
  'ViewTransition',
  'AnchorChanges',
  'ParentChange',
  'AnchorAnimation',
  'ParentAnimation',
  'Animation',
  'PauseAnimation',
  'PropertyAnimation',
  'NumberAnimation',
  'ColorAnimation',
  'RotationAnimation',
  'SmoothedAnimation',
  'SpringAnimation',
  'Vector3dAnimation',
  'XAnimator',
  'YAnimator',
  'ScaleAnimator',
  'OpacityAnimator',
  'RotationAnimator',
  'ScriptAction',
  'PropertyAction',
  'SequentialAnimation',
  'ParallelAnimation',
  'Behavior',
  'Easing',
  'FrameAnimation',
  'PathAnimation',
];
let lazyTypes: Record<string, MetaObject> | null = null;

/** Loads the QtQuick types that are loaded on first use; later engines get them at once. */
export const loadLazyQtQuickTypes: () => Promise<Record<string, MetaObject>> = loadOnce(() =>
  import('./lazy-types').then((m) => m.LAZY_QTQUICK_READY.then(() => (lazyTypes = m.LAZY_QTQUICK_TYPES))),
);

let layoutTypes: Record<string, MetaObject> | null = null;

/** Loads QtQuick.Layouts (a chunk of its own in the page, loaded by the first file naming its types). */
export const loadQtQuickLayouts: () => Promise<Record<string, MetaObject>> = loadOnce(() =>
  import('./layouts/layouts').then((m) => (layoutTypes = m.LAYOUT_TYPES)),
);

let shapeTypes: Record<string, MetaObject> | null = null;

/** Loads QtQuick.Shapes (a chunk of its own, loaded by the first file naming its types). */
export const loadQtQuickShapes: () => Promise<Record<string, MetaObject>> = loadOnce(() =>
  import('./shapes/shapes').then((m) => (shapeTypes = m.SHAPE_TYPES)),
);

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerGroupValueType('font', fontProperty);
  engine.registerModule('QtQml.Models', {
    ListModel: ListModelMeta,
    ListElement: ListElementMeta,
    ...(lazyTypes && { Instantiator: lazyTypes.Instantiator!, ObjectModel: lazyTypes.ObjectModel! }),
  });
  if (lazyTypes === null)
    engine.registerLazyTypes('QtQml.Models', ['Instantiator', 'ObjectModel'], () =>
      loadLazyQtQuickTypes().then((t) => ({ Instantiator: t.Instantiator!, ObjectModel: t.ObjectModel! })),
    );
  engine.registerModule(
    'QtQuick',
    {
      Item: ItemMeta,
      FocusScope: FocusScopeMeta,
      Rectangle: RectangleMeta,
      Gradient: GradientMeta,
      GradientStop: GradientStopMeta,
      Row: RowMeta,
      Column: ColumnMeta,
      Positioner: BasePositionerMeta,
      Text: TextMeta,
      TextInput: TextInputMeta,
      Font: FontEnumsMeta,
      StandardKey: StandardKeyMeta,
      Flickable: FlickableMeta,
      ListView: ListViewMeta,
      ViewSection: ViewSectionMeta,
      Window: WindowMeta,
      Screen: ScreenMeta,
      ...lazyTypes,
    },
    ['QtQml', 'QtQml.Models'],
  );
  if (lazyTypes === null) {
    engine.registerLazyTypes('QtQuick', LAZY_TYPE_NAMES, loadLazyQtQuickTypes);
    // (TextInput's input mask and ListView's sections come with them: a file
    // naming inputMask or section loads them too)
    engine.registerLazyTypes('QtQuick', ['inputMask', 'section'], () =>
      loadLazyQtQuickTypes().then(() => ({})),
    );
    provideInputMask(null, loadLazyQtQuickTypes);
    provideListSections(null, loadLazyQtQuickTypes);
  }
  engine.registerModule('QtQuick.Window', { Window: WindowMeta, Screen: ScreenMeta });
  engine.registerModule('QtQuick.Layouts', { ...layoutTypes });
  if (layoutTypes === null)
    engine.registerLazyTypes(
      'QtQuick.Layouts',
      ['Layout', 'RowLayout', 'ColumnLayout', 'GridLayout', 'StackLayout'],
      loadQtQuickLayouts,
    );
  engine.registerModule('QtQuick.Shapes', { ...shapeTypes });
  if (shapeTypes === null)
    engine.registerLazyTypes(
      'QtQuick.Shapes',
      ['Shape', 'ShapePath', 'ShapeGradient', 'LinearGradient', 'RadialGradient', 'ConicalGradient'],
      loadQtQuickShapes,
    );
}
