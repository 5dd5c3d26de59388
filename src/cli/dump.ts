#!/usr/bin/env node
// `npm run dump -- FILE.qml [--delay MS] [--label NAME]`: runs a scene headless
// and prints its item tree as a `qt-reference-geometry/1` JSON document, the
// format of real Qt's dumps, so the two can be compared node by node.
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { QmlError } from '../qml/error';
import { loadLazyQtQuickTypes, loadQtQuickLayouts, loadQtQuickShapes } from '../quick';
import { dumpGeometry } from '../quick/dump';
import { createRuntime } from '../runtime';
import { loadWebSocketServer } from '../websockets';
import { nodeFiles, nodeImages } from './node-files';

const args = process.argv.slice(2);
let file: string | undefined;
let delay = 500;
let label: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--delay') delay = Number(args[++i]);
  else if (a === '--label') label = args[++i];
  else if (file === undefined) file = a;
}
if (file === undefined || !Number.isFinite(delay)) {
  process.stderr.write('usage: npm run dump -- FILE.qml [--delay MS] [--label NAME]\n');
  process.exit(1);
}

// Files are read synchronously here: every type is there before the scene starts.
await Promise.all([loadLazyQtQuickTypes(), loadQtQuickLayouts(), loadQtQuickShapes(), loadWebSocketServer()]);
const runtime = createRuntime({
  files: nodeFiles,
  images: nodeImages,
  sink: {
    warn: (m) => process.stderr.write(`${m}\n`),
    log: (_level, m) => process.stderr.write(`${m}\n`),
  },
  onQuit: () => {},
});

try {
  await runtime.run(pathToFileURL(resolve(file)).href);
} catch (e) {
  if (!(e instanceof QmlError)) throw e;
  process.stderr.write(`QQmlApplicationEngine failed to load component\n${e.message}\n`);
  process.exit(2);
}

setTimeout(() => {
  runtime.engine.polish(true);
  const doc = dumpGeometry(runtime.window, { label: label ?? basename(file, '.qml'), scene: basename(file) });
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  runtime.shutdown();
  process.exit(0);
}, delay);
