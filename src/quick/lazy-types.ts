// The QtQuick types the page loads on first use (index.ts, LAZY_TYPE_NAMES).
import type { MetaObject } from '../engine/qobject';
import { ANIMATION_TYPES } from './animation/animations';
import { AccessibleMeta, EnterKeyMeta, InputMethodMeta } from './items/Accessible';
import { CanvasMeta } from './items/Canvas';
import { DropAreaMeta } from './items/DropArea';
import { FlipableMeta } from './items/Flipable';
import { FlowMeta } from './items/Flow';
import { FontMetricsMeta, glyphBoxesReady, TextMetricsMeta } from './items/FontMetrics';
import { GridMeta } from './items/Grid';
import { GridViewMeta } from './items/GridView';
import { BorderImageMeta, ImageMeta } from './items/Image';
import { InputMask } from './items/input-mask';
import { KeyNavigationMeta } from './items/KeyNavigation';
import { KeysAttachedMeta } from './items/KeysAttached';
import { LayoutMirroringMeta } from './items/LayoutMirroring';
import { type FxViewItem, provideListSections, provideViewTransitions } from './items/ListView';
import { LoaderMeta } from './items/Loader';
import { ListSections } from './items/list-sections';
import { DragMeta, MouseAreaMeta } from './items/MouseArea';
import { PATH_TYPES } from './items/Path';
import { PathViewMeta } from './items/PathView';
import {
  DragHandlerMeta,
  HoverHandlerMeta,
  PointHandlerMeta,
  TapHandlerMeta,
  WheelHandlerMeta,
} from './items/PointerHandlers';
import { providePositionerTransitions } from './items/Positioner';
import { RepeaterMeta } from './items/Repeater';
import { ShortcutMeta } from './items/Shortcut';
import { SystemPaletteMeta } from './items/SystemPalette';
import { provideInputMask } from './items/TextInput';
import { Matrix4x4Meta, RotationMeta, ScaleMeta, TranslateMeta } from './items/TransformTypes';
import { DoubleValidatorMeta, IntValidatorMeta, RegularExpressionValidatorMeta } from './items/Validators';
import { ItemViewTransitions, PositionerTransitions, ViewTransitionMeta } from './items/view-transition';
import { InstantiatorMeta } from './models/Instantiator';
import { ObjectModelMeta } from './models/ObjectModel';
import { STATE_OPERATION_TYPES } from './states/operations';
import { STATE_TYPES } from './states/states';

export const LAZY_QTQUICK_TYPES: Record<string, MetaObject> = {
  Accessible: AccessibleMeta,
  EnterKey: EnterKeyMeta,
  InputMethod: InputMethodMeta,
  Canvas: CanvasMeta,
  Instantiator: InstantiatorMeta,
  ObjectModel: ObjectModelMeta,
  Translate: TranslateMeta,
  Scale: ScaleMeta,
  Rotation: RotationMeta,
  Matrix4x4: Matrix4x4Meta,
  FontMetrics: FontMetricsMeta,
  TextMetrics: TextMetricsMeta,
  IntValidator: IntValidatorMeta,
  DoubleValidator: DoubleValidatorMeta,
  RegularExpressionValidator: RegularExpressionValidatorMeta,
  Shortcut: ShortcutMeta,
  Grid: GridMeta,
  GridView: GridViewMeta,
  PathView: PathViewMeta,
  ...PATH_TYPES,
  Image: ImageMeta,
  BorderImage: BorderImageMeta,
  Flow: FlowMeta,
  Flipable: FlipableMeta,
  MouseArea: MouseAreaMeta,
  TapHandler: TapHandlerMeta,
  HoverHandler: HoverHandlerMeta,
  DragHandler: DragHandlerMeta,
  PointHandler: PointHandlerMeta,
  WheelHandler: WheelHandlerMeta,
  Drag: DragMeta,
  DropArea: DropAreaMeta,
  Keys: KeysAttachedMeta,
  KeyNavigation: KeyNavigationMeta,
  Repeater: RepeaterMeta,
  Loader: LoaderMeta,
  LayoutMirroring: LayoutMirroringMeta,
  SystemPalette: SystemPaletteMeta,
  ...ANIMATION_TYPES,
  ...STATE_TYPES,
  ViewTransition: ViewTransitionMeta,
  ...STATE_OPERATION_TYPES,
};

// TextInput's input mask and ListView's sections come with them.
provideInputMask(InputMask);
provideListSections(ListSections);
providePositionerTransitions((p) => new PositionerTransitions(p));
provideViewTransitions((view) => new ItemViewTransitions<FxViewItem>(view));

/** Resolves when the types are ready to use (FontMetrics has the glyph boxes of the faces loaded so far). */
export const LAZY_QTQUICK_READY: Promise<void> = glyphBoxesReady;
