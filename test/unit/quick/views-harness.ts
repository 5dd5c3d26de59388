// Runs a scene of test/fixtures/qt/views with a fake clock (frames of
// 1000/60 ms, timers fired in time order) and compares its item tree with
// the one real Qt dumped for the same scene.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { nodeFiles, nodeImages } from '../../../src/cli/node-files';
import { dumpGeometry, type GeometryNode } from '../../../src/quick/dump';
import { createRuntime, type Runtime } from '../../../src/runtime';
import { memoryFiles } from '../../helpers/qml';

export const VIEWS_DIR = new URL('../../fixtures/qt/views/', import.meta.url).pathname;

export interface FakeTime {
  now: number;
  /** Advances by `ms` in frames, firing timers and running a frame (polish) each step. */
  run(ms: number): void;
  /** One frame: the clock moves by `ms` (default one 60 Hz frame), due timers fire, then polish. */
  frame(ms?: number): void;
  /** Frames up to exactly time `t`. */
  until(t: number): void;
}

export interface SceneRun {
  runtime: Runtime;
  output: string[];
  time: FakeTime;
}

/** A 60 Hz frame. Qt's animation clock then reads 16, 33, 49, 66, 83, 99 ms (measured). */
export const FRAME = 16.66666666;

/**
 * A runtime whose clock and timers are driven by the test. Frames are 1000/60
 * ms apart; `phase` (ms) shifts them relative to the timers.
 */
export function fakeRuntime(files = nodeFiles, phase = 0): SceneRun {
  const output: string[] = [];
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  let exact = 1000 + phase;
  const time: FakeTime = {
    now: 1000,
    frame(ms = FRAME) {
      exact += ms;
      // Qt's animation clock advances in whole milliseconds.
      const target = Math.floor(exact + 1e-9);
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const t = timers[0];
        if (!t || t.at > target) break;
        timers.shift();
        time.now = Math.max(time.now, t.at);
        t.fn();
      }
      time.now = target;
      runtime.engine.polish();
    },
    run(ms: number) {
      const end = exact + ms;
      while (exact + FRAME <= end + 1e-9) time.frame();
    },
    until(t: number) {
      while (exact + FRAME < t) time.frame();
      if (t > exact) time.frame(t - exact);
    },
  };
  const runtime = createRuntime({
    files,
    images: nodeImages,
    sink: { warn: (m) => output.push(m), log: (_l, m) => output.push(m) },
    scheduleFrame: () => {},
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: time.now + ms, fn, id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    now: () => time.now,
  });
  return { runtime, output, time };
}

/** A scene from its source, on the fake clock, laid out once; `id(name)` finds its objects by id. */
export async function sceneFromSource(
  source: string,
): Promise<SceneRun & { root: unknown; id(name: string): unknown }> {
  const run = fakeRuntime(memoryFiles({ 'main.qml': source }));
  const root = (await run.runtime.run('file:///test/main.qml')) as {
    $ctx: Array<{ lookupId(n: string): unknown }>;
  };
  run.runtime.engine.polish();
  const ctx = root.$ctx[root.$ctx.length - 1]!;
  return { ...run, root, id: (name: string) => ctx.lookupId(name) };
}

/** Loads a scene file and lets `ms` of fake time pass. */
export async function runFile(file: string, ms: number, phase = 0): Promise<SceneRun> {
  const run = fakeRuntime(nodeFiles, phase);
  await run.runtime.run(pathToFileURL(file).href);
  run.runtime.engine.polish();
  run.time.run(ms);
  return run;
}

/** Loads a fixture scene and lets `ms` of fake time pass (Qt's dumps are taken after a delay). */
export async function runScene(name: string, ms?: number): Promise<SceneRun> {
  const file = `${VIEWS_DIR}${name}.qml`;
  const run = fakeRuntime();
  await run.runtime.run(pathToFileURL(file).href);
  run.runtime.engine.polish();
  const source = readFileSync(file, 'utf8');
  const delay = ms ?? Number(/^\/\/ delay: (\d+)/m.exec(source)?.[1] ?? 500);
  run.time.run(delay);
  return run;
}

export function qtGeometry(name: string): GeometryNode {
  return JSON.parse(readFileSync(`${VIEWS_DIR}${name}.geometry.json`, 'utf8')).root as GeometryNode;
}

export function ourGeometry(run: SceneRun): GeometryNode {
  return dumpGeometry(run.runtime.window, { label: 'x', scene: 'x' }).root!;
}

const NUMERIC = [
  'x',
  'y',
  'width',
  'height',
  'z',
  'contentX',
  'contentY',
  'contentWidth',
  'contentHeight',
  'originX',
  'originY',
];
const EXACT = ['type', 'objectName', 'role', 'listIndex', 'focus', 'visible', 'count', 'currentIndex'];

/** Differences between Qt's tree and ours, one line each (empty when they match). */
export function compareTrees(qt: GeometryNode, ours: GeometryNode, tol = 0.01): string[] {
  const out: string[] = [];
  const walk = (a: GeometryNode, b: GeometryNode) => {
    const where = `${a.path} ${a.type}${a.objectName ? ` "${a.objectName}"` : ''}`;
    for (const k of EXACT) {
      if (k in a || k in b) {
        if (a[k] !== b[k]) out.push(`${where}: ${k} Qt ${String(a[k])} ours ${String(b[k])}`);
      }
    }
    for (const k of NUMERIC) {
      if (!(k in a)) continue;
      const x = a[k] as number;
      const y = b[k] as number;
      if (typeof y !== 'number' || Math.abs(x - y) > tol) out.push(`${where}: ${k} Qt ${x} ours ${y}`);
    }
    const ak = a.children ?? [];
    const bk = b.children ?? [];
    if (ak.length !== bk.length) {
      const names = (l: GeometryNode[]) =>
        l.map((c) => `${c.type}${c.listIndex !== undefined ? `#${c.listIndex}` : ''}`);
      out.push(`${where}: children Qt [${names(ak).join(' ')}] ours [${names(bk).join(' ')}]`);
      return;
    }
    for (let i = 0; i < ak.length; i++) walk(ak[i]!, bk[i]!);
  };
  walk(qt, ours);
  return out;
}

/**
 * A recorded scene's files with its animation clock taken out (the line
 * `Item { id: clock ... }` and the comment above it): the frames the clock
 * printed in Qt are replayed instead.
 */
export function sceneWithoutClock(path: string): { url: string; source: string; files: typeof nodeFiles } {
  const url = pathToFileURL(path).href;
  const source = readFileSync(path, 'utf8').replace(/\n.*\n\s*Item \{ id: clock.*\}/, '');
  const files = {
    read: (u: string) => (u === url ? source : nodeFiles.read(u)),
    exists: (u: string) => u === url || nodeFiles.exists(u),
  };
  return { url, source, files };
}
