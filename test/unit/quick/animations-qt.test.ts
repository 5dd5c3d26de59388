// Animations frame by frame against Qt 6.4 (test/fixtures/qt/animations):
// each scene prints Qt's animation clock (a linear NumberAnimation whose
// value is its time in ms); the scene runs here with the same frame steps
// and prints the same lines.
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readExpected } from '../../helpers/qt-fixtures';
import { fakeRuntime, sceneWithoutClock } from './views-harness';

const DIR = new URL('../../fixtures/qt/animations/', import.meta.url).pathname;

/** The lines without the clock's, and the frame steps the clock shows. */
function splitFrames(lines: string[]): { output: string[]; steps: number[] } {
  const output: string[] = [];
  const steps: number[] = [];
  let last = 0;
  for (const l of lines) {
    const m = /^qml: clock ([\d.]+)$/.exec(l);
    if (m) {
      const t = Math.round(Number(m[1]));
      steps.push(t - last);
      last = t;
    } else output.push(l);
  }
  return { output, steps };
}

async function replay(name: string): Promise<{ got: string[]; expected: string[] }> {
  const { output: expected, steps } = splitFrames(readExpected(`${DIR}${name}.expected.txt`).stderr);
  const { url, source, files } = sceneWithoutClock(`${DIR}${name}.qml`);
  // Qt's animation clock starts with the first frame, after the timers: each
  // timer whose handler prints a word first fired between two frames of the
  // recording, and fires between the same two here.
  const lines = readExpected(`${DIR}${name}.expected.txt`).stderr;
  const clockAt = (i: number) => Math.round(Number(/^qml: clock ([\d.]+)$/.exec(lines[i]!)![1]));
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (const m of source.matchAll(/Timer \{ interval: (\d+);[^\n]*onTriggered: \{ print\("([^"]+)"\)/g)) {
    const at = lines.indexOf(`qml: ${m[2]}`);
    if (at < 0) continue;
    const interval = Number(m[1]);
    let before = at;
    while (before >= 0 && !lines[before]!.startsWith('qml: clock ')) before--;
    const after = lines.findIndex((l, i) => i > at && l.startsWith('qml: clock '));
    // the frame before fired earlier than the timer, the frame after not
    if (before >= 0) high = Math.min(high, interval - clockAt(before));
    if (after >= 0) low = Math.max(low, interval - clockAt(after));
  }
  const phase = Number.isFinite(low) && Number.isFinite(high) ? Math.floor((low + high) / 2) : 0;
  const run = fakeRuntime(files, phase);
  // Qt's animation clock starts with the frames: an animation started with
  // the scene counts from the first frame's phase, not from the timers' start.
  const driver = run.runtime.engine.animations;
  const clock = driver.clock;
  const start = Math.floor(1000 + phase);
  let framed = false;
  driver.clock = () => (framed ? clock() : start);
  await run.runtime.run(url);
  run.runtime.engine.polish();
  framed = true;
  for (const dt of steps) run.time.frame(dt);
  // (up to the timer that quits)
  run.time.run(100);
  return { got: run.output.map((l) => l.replace(pathToFileURL(DIR).href, '')), expected };
}

describe('animations frame by frame, as recorded from Qt 6.4', () => {
  test.each([
    // `NumberAnimation on x`: started before Component.onCompleted; stopped, running false, finished
    'value_source',
    // OutQuad over two loops, an int property rounded, a ColorAnimation, a Behavior (InOutQuad)
    'standalone',
    // Sequential: pause, ScriptAction, PropertyAction, then a Parallel; two loops
    'groups',
    // pause and resume, stop, restart, complete; an Animation.Infinite one run by a binding
    'control',
    // a Behavior follows a binding and is retargeted mid-way; enabled: false; a colour
    'behavior',
    // alwaysRunToEnd: stop() ends the loop it is in; start() in the last loop goes on
    'run_to_end',
    // targets and properties, property by property; Qt's warning for a missing property
    'targets',
    // FrameAnimation: a frame count from 1 (from 0 after a restart), pause and resume, reset
    'frame_animation',
    // a ListView moved at every frame by a FrameAnimation fills its cache buffer only once it stops
    'frame_stepped_view',
    // RotationAnimation's directions and default property; points, sizes, rects, vectors
    'value_types',
    // SmoothedAnimation retargeted while moving, and as a value source; SpringAnimation's spring and velocity
    'following',
    // Animators: the properties keep their values until the end; stopped, the value reached
    'animators',
    // states through transitions: bound end values, from/to and enabled, an interrupted change, scriptName
    'transitions',
    // reversible: the change back runs the transition backwards, also from part-way; a Parallel with loops
    'reversible',
    // AnchorChanges animated by an AnchorAnimation, and applied at the end of a transition without one
    'anchor_animation',
    // a reversible transition run back completes; the direction of the last match; a chained change keeps running
    'transitions_edges',
    // ParentAnimation: the reparenting at its start, and by way of an item (via)
    'parent_animation',
    // a Column's populate (x and y from one value), add (opacity; the item placed at once) and move transitions
    'positioner_transitions',
    // ViewTransition's index, item, destination and targets as each run starts; a pause by index; a Flow's add and move
    'positioner_view_transition',
    // ListView: add, displaced, remove (the row kept to the end of its run) and move; ViewTransition's values
    'listview_transitions',
    // ListView's populate: the rows in view at creation and for a new model; the cache buffer's rows placed at once
    'listview_populate',
    // GridView: populate, add and the cells displaced, remove, move
    'gridview_transitions',
    // a removal that brings a row into view, an insertion while another's runs (its add interrupted), rows displaced out of view
    'listview_transitions_edges',
    // PathAnimation: a path with a start and an orientation (anchor point, entry, exit, endRotation); one from where the item is; none without a target in a state's transition
    'path_animation',
    // PathAnimation in a state's transition (its target) and back; in a ListView's add transition, from each row's destination
    'path_animation_transitions',
    // rows moved into a ListView from outside it start their move transition where their old index would be
    'listview_move_into_view',
  ])('%s', async (name) => {
    const { got, expected } = await replay(name);
    expect(got).toEqual(expected);
  });

  test('every easing curve (the last bit of a power of two may differ: V8 and glibc round pow apart)', async () => {
    const { got, expected } = await replay('easing');
    const numbers = (lines: string[]) =>
      lines.map((l) => l.split(' ').map((w) => (/^-?[\d.e+-]+$/.test(w) ? Number(w) : w)));
    const g = numbers(got);
    const e = numbers(expected);
    expect(g.length).toBe(e.length);
    for (let i = 0; i < e.length; i++) {
      expect(g[i]!.length).toBe(e[i]!.length);
      for (let j = 0; j < e[i]!.length; j++) {
        const x = e[i]![j]!;
        const y = g[i]![j]!;
        if (typeof x === 'number' && typeof y === 'number')
          expect(Math.abs(x - y)).toBeLessThanOrEqual(Math.abs(x) * 1e-13);
        else expect(y).toBe(x);
      }
    }
  });
});
