import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PointerDriver } from '../../helpers/pointer';
import { lines, runQml } from '../../helpers/qml';
import { fixture, fixtureLines } from '../../helpers/shape-fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Each scene was run in real Qt 6.4 with the pointer actions of its
 * `.actions` file played by xdotool; `.log` is what Qt printed. Here the
 * same actions go through QuickWindow.deliverPointer on a fake clock.
 */
describe('MouseArea and pointer handlers in Qt 6.4 scenes: the same signals, in the same order, with the same values', () => {
  test.each([
    ['mousearea_click', 'press/move/release inside, again at the same point, release outside'],
    ['mousearea_doubleclick', 'a double click with and without onDoubleClicked'],
    ['mousearea_dblclick_distance', 'double click only within 400 ms and 5 px; a third press starts over'],
    ['mousearea_hold', 'press and hold (800 ms, and a 200 ms pressAndHoldInterval)'],
    ['mousearea_hover', 'hoverEnabled: enter/move/exit without a press, and pressed'],
    ['mousearea_hover_nested', 'nested and overlapping hover areas'],
    ['mousearea_overlap', 'the top area wins; a refused press goes below; disabled/invisible/z'],
    ['mousearea_propagate', 'propagateComposedEvents passes an unaccepted click down'],
    ['mousearea_buttons', 'acceptedButtons, a second button pressed, the wheel'],
    ['mousearea_clip', 'clipping, the right/bottom edges, a negative z sibling'],
    ['mousearea_drag', 'drag.target past the threshold, bounds, axis; a drag is not a click'],
    ['mousearea_hide', 'hidden while pressed: canceled; hidden while hovered: exited'],
    ['mousearea_steal', 'a Flickable takes the drag (canceled); preventStealing keeps it; clipping'],
    ['tap_basic', 'TapHandler: taps, a double tap, a drag past the threshold, another button, a long press'],
    [
      'tap_policies',
      'TapHandler: the four gesture policies: 9 and 11 px drags, leaving the bounds, coming back',
    ],
    [
      'tap_mousearea',
      'TapHandler with MouseAreas inside and below, another button, disabled, two on an item, a margin',
    ],
    ['tap_stacked', 'TapHandlers on overlapping siblings, a parent and its child: each takes the press'],
    [
      'drag_handler',
      'DragHandlers: free, one axis with bounds, taking the drag from a MouseArea, snapping a target',
    ],
    [
      'point_handler',
      'PointHandler: active while pressed, wherever the pointer goes; under a MouseArea; another button',
    ],
    ['drag_click', 'a click on a MouseArea under a DragHandler: the handler watches, the area clicks'],
    [
      'mask_contains',
      'containmentMask: a QtObject refused with the warning, an Item asked as if it were a child',
    ],
    ['hover_handler', 'HoverHandlers nested, over a hover-enabled MouseArea, disabled, with a margin'],
    [
      'drag_translation',
      "DragHandler's translations: activeTranslation per drag, persistentTranslation summed over drags",
    ],
    [
      'wheel_handler',
      'WheelHandlers: rotation, active, the wheel event, target properties, orientation, blocking',
    ],
    [
      'drop_area_mouse',
      'a tile dragged by a MouseArea onto DropAreas: Drag.active follows the drag, the release drops it',
    ],
  ])('%s: %s', async (name) => {
    const r = await runQml(
      {
        [`${name}.qml`]: fixture(`shapes/${name}.qml`),
        'LoggedArea.qml': fixture('shapes/LoggedArea.qml'),
        'LoggedTap.qml': fixture('shapes/LoggedTap.qml'),
      },
      `${name}.qml`,
    );
    const d = new PointerDriver(r);
    d.wait(500);
    d.play(fixture(`shapes/${name}.actions`));
    d.wait(300);
    expect(lines(r)).toEqual(fixtureLines(`shapes/${name}.log`));
  });
});
