import { describe, expect, test } from 'vitest';
import { readExpected } from '../../helpers/qt-fixtures';
import { fakeRuntime, sceneWithoutClock, VIEWS_DIR } from './views-harness';

const DIR = `${VIEWS_DIR}flick/`;

/**
 * The scenes print Qt's animation clock (a linear NumberAnimation whose value
 * is its time in ms): the frames after the action are replayed with the same
 * steps. Our engine has no NumberAnimation: that line is taken out of the scene.
 */
function splitFrames(lines: string[]): { output: string[]; steps: number[] } {
  const output: string[] = [];
  const steps: number[] = [];
  let acted = false;
  let last = 0;
  for (const l of lines) {
    const m = /^qml: clock ([\d.]+)$/.exec(l);
    if (m) {
      const t = Math.round(Number(m[1]));
      if (acted) steps.push(t - last);
      last = t;
      continue;
    }
    if (l !== 'qml: ready') acted = true;
    output.push(l);
  }
  return { output, steps };
}

/** Runs a recorded scene whose action happens at `at` ms, with Qt's frame steps after it. */
async function replay(
  name: string,
  at: number,
  act?: (root: unknown) => void,
): Promise<{ got: string[]; expected: string[] }> {
  const { output: expected, steps } = splitFrames(readExpected(`${DIR}${name}.expected.txt`).stderr);
  const { url, files } = sceneWithoutClock(`${DIR}${name}.qml`);
  const run = fakeRuntime(files);
  const root = await run.runtime.run(url);
  run.runtime.engine.polish();
  // The last frame before the action, then the frames Qt had.
  run.time.until(1000 + at - 1);
  act?.(root);
  for (const dt of steps) run.time.frame(dt);
  run.time.run(1500);
  return { got: run.output.filter((l) => l !== 'qml: ready'), expected };
}

describe('Flickable.flick() frame by frame, as recorded from Qt 6.4 (test/fixtures/qt/views/flick)', () => {
  test.each([
    // contentHeight 5000, flick(0, -800): decelerates at 1500 px/s² to a whole pixel (427 px)
    'flick_inside',
    // contentHeight 400: passes the end, overshoots with 8x deceleration, returns in 400 ms
    'flick_overshoot',
    // overshoot is capped at min(150, velocity / 3): the flick turns 150 px past the end
    'flick_overshoot_capped',
    // StopAtBounds: decelerates harder to stop exactly at the end
    'flick_stop_at_bounds',
    // flicking towards the start from contentY 0
    'flick_up_past_start',
    // a ListView (20 px rows): the same deceleration over an estimated content height
    'listview_flick',
    // rows of 10, 17, 24, 31 px: the estimate changes while flicking to the end
    'listview_flick_varying',
    // SnapToItem: the flick is aimed at a row boundary
    'listview_snap_to_item',
    // SnapOneItem: one row at the most velocity
    'listview_snap_one_item',
    // a GridView (rows of 47 px): the flick Flickable makes
    'gridview_flick',
    // SnapToRow: the flick is aimed at a row boundary, a quarter row further
    'gridview_snap_to_row',
    // SnapOneRow: the next row, at the most velocity
    'gridview_snap_one_row',
  ])('%s', async (name) => {
    const { got, expected } = await replay(name, 300);
    expect(got).toEqual(expected);
  });

  test('a wheel notch flicks 72 px (wheel_one_notch, recorded with xdotool)', async () => {
    const { got, expected } = await replay('wheel_one_notch', 500, (root) => {
      const w = (root as { children: Array<{ wheelEvent(e: unknown): void }> }).children[0]!;
      const r = fakeWheel(-120);
      w.wheelEvent(r);
    });
    expect(got).toEqual(expected);
  });
});

function fakeWheel(angleDeltaY: number) {
  return {
    type: 'wheel' as const,
    sceneX: 100,
    sceneY: 100,
    x: 100,
    y: 100,
    button: 0,
    buttons: 0,
    modifiers: 0,
    timestamp: 1000,
    angleDeltaX: 0,
    angleDeltaY,
    pixelDeltaX: 0,
    pixelDeltaY: 0,
    accepted: false,
  };
}
