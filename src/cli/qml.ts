#!/usr/bin/env node
// `npm run qml -- FILE.qml [--timeout MS]`: runs a scene headless, like Qt's
// `qml` tool: console output on stderr in Qt's format; a file that does not
// load prints Qt's messages and exits with status 2; Qt.quit() exits 0.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { failureReport, QmlError } from '../qml/error';
import { loadLazyQtQuickTypes, loadQtQuickLayouts, loadQtQuickShapes } from '../quick';
import { createRuntime } from '../runtime';
import { loadWebSocketServer } from '../websockets';
import { nodeFiles, nodeImages } from './node-files';

function usage(): never {
  process.stderr.write('usage: npm run qml -- FILE.qml [--timeout MS] [-- SCENE ARGUMENTS]\n');
  process.exit(1);
}

const all = process.argv.slice(2);
// Like Qt's qml tool, what follows `--` is the scene's own (Qt.application.arguments).
const dashes = all.indexOf('--');
const args = dashes >= 0 ? all.slice(0, dashes) : all;
const sceneArgs = dashes >= 0 ? all.slice(dashes) : [];
let file: string | undefined;
let timeout: number | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--timeout') {
    const v = Number(args[++i]);
    if (!Number.isFinite(v) || v < 0) usage();
    timeout = v;
  } else if (a.startsWith('--timeout=')) {
    timeout = Number(a.slice('--timeout='.length));
  } else if (a === '-h' || a === '--help') usage();
  else if (file === undefined) file = a;
  else usage();
}
if (file === undefined) usage();

const url = pathToFileURL(resolve(file)).href;
// Files are read synchronously here: every type is there before the scene starts.
await Promise.all([loadLazyQtQuickTypes(), loadQtQuickLayouts(), loadQtQuickShapes(), loadWebSocketServer()]);
const runtime = createRuntime({
  files: nodeFiles,
  images: nodeImages,
  sink: {
    warn: (m) => process.stderr.write(`${m}\n`),
    log: (_level, m) => process.stderr.write(`${m}\n`),
  },
  onQuit: (code) => exit(code),
  arguments: ['qml', file, ...sceneArgs],
});

function exit(code: number): void {
  runtime.shutdown();
  process.exitCode = code;
  setImmediate(() => process.exit(code));
}

try {
  await runtime.run(url);
} catch (e) {
  if (!(e instanceof QmlError)) throw e;
  for (const line of failureReport(e)) process.stderr.write(`${line}\n`);
  process.stdout.write('qml: Did not load any objects, exiting.\n');
  process.exit(2);
}

// Like the qml tool, keep running until Qt.quit() (or the timeout).
const keepAlive = setInterval(() => {}, 1 << 30);
if (timeout !== undefined) {
  setTimeout(() => {
    clearInterval(keepAlive);
    exit(0);
  }, timeout);
}
