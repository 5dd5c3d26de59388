// Puts the engine and the modules together: what the command-line tools and
// the browser host run scenes with.
import { type EngineOptions, type FileSource, QmlEngine } from './engine/engine';
import { picturesNamedIn } from './engine/images';
import type { QObject } from './engine/qobject';
import { QmlError } from './qml/error';
import { registerQtQuick } from './quick';
import { Item } from './quick/items/Item';
import { WindowObject, windowObjectFor } from './quick/items/Window';
import { loadFamiliesNamedIn } from './quick/text';
import { QuickWindow } from './quick/window';
import { registerQtWebSockets } from './websockets';

export interface Runtime {
  readonly engine: QmlEngine;
  /** The scene's root object once `run` has created it. */
  readonly root: QObject | null;
  /** The window the root item is shown in (sized to the root item, like Qt's qml tool). */
  readonly window: QuickWindow;
  /** Loads the file and creates its root object; throws QmlError when it does not load. */
  run(url: string): Promise<QObject>;
  /** Destroys the scene (Component.onDestruction handlers run). */
  shutdown(): void;
}

export function createRuntime(options: EngineOptions): Runtime {
  let root: QObject | null = null;
  let shown: QuickWindow | null = null;
  let engine!: QmlEngine;
  let frameScheduled = false;
  const scheduleFrame =
    options.scheduleFrame ??
    (() => {
      if (frameScheduled) return;
      frameScheduled = true;
      // Frames come at display rate while something animates, at once otherwise.
      setTimeout(
        () => {
          frameScheduled = false;
          engine.polish();
        },
        engine.animations.active ? 16 : 0,
      );
    });
  // The font families a scene's sources name are loaded while it loads, so
  // that its texts are measured with them from the start (files read later,
  // by a Loader, start their families' loads too).
  const fontLoads: Promise<unknown>[] = [];
  // (and the pictures they name, where the host reads pictures ahead; only
  // the scene's start waits for them)
  const images = options.images;
  let started = false;
  const scan = (text: string, url: string): void => {
    const p = loadFamiliesNamedIn(text);
    if (p !== null && !started) fontLoads.push(p);
    if (images?.preload !== undefined)
      for (const picture of picturesNamedIn(text, url)) {
        const read = images.preload(picture);
        if (!started) fontLoads.push(read);
      }
  };
  const source = options.files;
  const files: FileSource = {
    read(url: string): Promise<string> | string {
      const text = source.read(url);
      if (typeof text === 'string') scan(text, url);
      else
        void text.then(
          (t) => scan(t, url),
          () => {},
        );
      return text;
    },
    exists: (url: string) => source.exists(url),
  };
  if (source.isDirectory) files.isDirectory = (url: string) => source.isDirectory!(url);
  engine = new QmlEngine({ ...options, files, scheduleFrame });
  registerQtQuick(engine);
  registerQtWebSockets(engine);
  const window = new QuickWindow(engine);
  return {
    engine,
    // A Window root brings its own window.
    get window() {
      return shown ?? window;
    },
    get root() {
      return root;
    },
    async run(url: string) {
      const file = await engine.load(url, true);
      if (fontLoads.length > 0) await Promise.all(fontLoads.splice(0));
      started = true;
      const created = engine.create(file);
      root = created;
      // Qt's qml tool shows a Window, or an Item in a window of its own; any
      // other root is created, then "Did not load any objects" (shutdown() destroys it).
      if (created instanceof WindowObject) {
        shown = created.quickWindow;
        engine.polish();
        return created;
      }
      if (!(created instanceof Item)) {
        const e = new QmlError(url, -1, -1, 'Did not load any objects');
        e.stage = 'nothing';
        throw e;
      }
      // (the window object exists first: an item's windowChanged hands it over)
      const windowObject = windowObjectFor(window, engine);
      window.setRoot(created);
      windowObject.adopt(window);
      // Qt's qml tool sizes its window to the root in whole pixels, and a window is at
      // least 1x1: a root less than a pixel wide or high is then given the window's 1
      // (as an assignment, which ends a binding).
      if (Math.trunc(created.width) < 1) created.width = 1;
      if (Math.trunc(created.height) < 1) created.height = 1;
      engine.polish();
      return created;
    },
    shutdown() {
      // Qt closes the window first: its items leave it, then they are destroyed.
      if (root instanceof Item && shown === null) root.leaveWindow();
      root?.$destroy();
      root = null;
      engine.shutdown();
    },
  };
}
