// Runs a recorded Qt scene (test/fixtures/qt/lang) the way Qt's `qml` tool
// ran it, and returns what it printed, normalised like the recording.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeFiles, nodeImages } from '../../src/cli/node-files';
import { failureReport, QmlError } from '../../src/qml/error';
import { createRuntime } from '../../src/runtime';

export interface Outcome {
  exit: number;
  stderr: string[];
  stdout: string[];
}

/** Parses a `NAME.expected.txt`. */
export function readExpected(path: string): Outcome {
  const text = readFileSync(path, 'utf8').replace(/\n$/, '');
  const lines = text.split('\n');
  const exit = Number(/^exit: (-?\d+)/.exec(lines[0]!)![1]);
  const err = lines.indexOf('--- stderr');
  const out = lines.indexOf('--- stdout');
  return { exit, stderr: lines.slice(err + 1, out), stdout: lines.slice(out + 1) };
}

/** Removes the scene folder from file URLs and replaces object addresses, as in the recordings. */
export function normalise(line: string, dir: string): string {
  const url = pathToFileURL(dir).href;
  return line
    .replaceAll(`${url}/`, '')
    .replaceAll(`${dir}/`, '')
    .replace(/0x[0-9a-fA-F]{8,}/g, '0xADDR');
}

/**
 * Timers on a virtual clock: each runs at its due time, in due order, as if
 * every handler took no time. A scene's timers (`interval: 1` next to
 * `interval: 100`) then fire in the order Qt fires them on an idle machine,
 * however busy the test machine is.
 */
class VirtualTimers {
  now = 0;
  private seq = 0;
  private readonly queue: Array<{ due: number; seq: number; fn: () => void; cancelled: boolean }> = [];

  set = (fn: () => void, ms: number): unknown => {
    const t = { due: this.now + Math.max(0, Number(ms) || 0), seq: this.seq++, fn, cancelled: false };
    this.queue.push(t);
    return t;
  };

  clear = (handle: unknown): void => {
    if (handle && typeof handle === 'object') (handle as { cancelled: boolean }).cancelled = true;
  };

  /** Runs the earliest timer due by `limit`; false when there is none. */
  runNext(limit: number): boolean {
    let best = -1;
    for (let i = 0; i < this.queue.length; i++) {
      const t = this.queue[i]!;
      if (t.cancelled) continue;
      const b = best >= 0 ? this.queue[best]! : undefined;
      if (!b || t.due < b.due || (t.due === b.due && t.seq < b.seq)) best = i;
    }
    if (best < 0 || this.queue[best]!.due > limit) {
      if (best < 0) this.queue.length = 0;
      return false;
    }
    const [t] = this.queue.splice(best, 1);
    this.now = Math.max(this.now, t!.due);
    t!.fn();
    return true;
  }
}

/** Lets promise reactions and I/O callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `file` until Qt.quit()/Qt.exit() or `timeoutMs` (of the scene's own clock), like `qml file`. */
export async function runScene(file: string, timeoutMs = 3000): Promise<Outcome> {
  const dir = dirname(file);
  const stderr: string[] = [];
  const stdout: string[] = [];
  let exit: number | undefined;
  const timers = new VirtualTimers();
  let frameScheduled = false;
  const runtime = createRuntime({
    files: nodeFiles,
    images: nodeImages,
    sink: {
      warn: (m) => stderr.push(...m.split('\n')),
      log: (_l, m) => stderr.push(...m.split('\n')),
    },
    onQuit: (code) => {
      exit ??= code;
    },
    arguments: ['qml', file],
    // The recordings ran on X11.
    platformPluginName: 'xcb',
    setTimer: timers.set,
    clearTimer: timers.clear,
    now: () => timers.now,
    scheduleFrame: () => {
      if (frameScheduled) return;
      frameScheduled = true;
      timers.set(
        () => {
          frameScheduled = false;
          runtime.engine.polish();
        },
        runtime.engine.animations.active ? 16 : 0,
      );
    },
  });
  try {
    await runtime.run(pathToFileURL(file).href);
  } catch (e) {
    if (!(e instanceof QmlError)) throw e;
    stderr.push(...failureReport(e));
    stdout.push('qml: Did not load any objects, exiting.');
    runtime.shutdown();
    return { exit: 2, stderr: stderr.map((l) => normalise(l, dir)), stdout };
  }
  for (let steps = 0; exit === undefined && steps < 100_000; steps++) {
    await settle();
    if (exit !== undefined || !timers.runNext(timeoutMs)) break;
  }
  await settle();
  runtime.shutdown();
  return {
    exit: exit ?? -1,
    stderr: stderr.map((l) => normalise(l, dir)),
    stdout: stdout.map((l) => normalise(l, dir)),
  };
}
