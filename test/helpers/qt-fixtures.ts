// Runs a recorded Qt scene (test/fixtures/qt/lang) the way Qt's `qml` tool
// ran it, and returns what it printed, normalised like the recording.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeFiles } from '../../src/cli/node-files';
import { QmlError } from '../../src/qml/error';
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

/** Runs `file` until Qt.quit()/Qt.exit() or `timeoutMs`, like `qml file`. */
export async function runScene(file: string, timeoutMs = 3000): Promise<Outcome> {
  const dir = dirname(file);
  const stderr: string[] = [];
  const stdout: string[] = [];
  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const runtime = createRuntime({
    files: nodeFiles,
    sink: {
      warn: (m) => stderr.push(...m.split('\n')),
      log: (_l, m) => stderr.push(...m.split('\n')),
    },
    onQuit: (code) => finish(code),
    arguments: ['qml', file],
  });
  try {
    await runtime.run(pathToFileURL(file).href);
  } catch (e) {
    if (!(e instanceof QmlError)) throw e;
    stderr.push('QQmlApplicationEngine failed to load component', ...e.message.split('\n'));
    stdout.push('qml: Did not load any objects, exiting.');
    runtime.shutdown();
    return { exit: 2, stderr: stderr.map((l) => normalise(l, dir)), stdout };
  }
  const timer = setTimeout(() => finish(-1), timeoutMs);
  const exit = await done;
  clearTimeout(timer);
  runtime.shutdown();
  return { exit, stderr: stderr.map((l) => normalise(l, dir)), stdout: stdout.map((l) => normalise(l, dir)) };
}
