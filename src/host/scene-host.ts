// Runs a scene in the page: a canvas the size of the root item (or of the
// page, in resize mode) on a white window background, like Qt's `qml` tool;
// Qt's console output in the browser console; load errors in an overlay
// while the last good scene stays on screen; hot swapping when files change.
import type { MessageSink } from '../engine/context';
import { QmlError } from '../qml/error';
import { ITEM, Item } from '../quick/items/Item';
import { setPrimaryScreen } from '../quick/items/Screen';
import { preloadDefaultFont } from '../render/fonts';
import { SceneRenderer } from '../render/renderer';
import { createRuntime, type Runtime } from '../runtime';
import type { BrowserFiles } from './files';
import { BrowserImages } from './images';
import { cssCursor } from './input';

/** screen.orientation.type as Qt::ScreenOrientation. */
const ORIENTATIONS: Record<string, number> = {
  'portrait-primary': 1,
  'landscape-primary': 2,
  'portrait-secondary': 4,
  'landscape-secondary': 8,
};

// `Screen` in QML is the browser's screen: CSS pixels, 96 to the inch.
setPrimaryScreen(() => ({
  width: screen.width,
  height: screen.height,
  availWidth: screen.availWidth,
  availHeight: screen.availHeight,
  devicePixelRatio: devicePixelRatio,
  physicalDpi: 96 * devicePixelRatio,
  orientation: ORIENTATIONS[screen.orientation?.type ?? ''] ?? 0,
}));

/** Qt's messages, in the browser console. */
export const browserConsoleSink: MessageSink = {
  warn: (m) => console.warn(m),
  log: (level, m) => console[level](m),
};

export interface SceneHostOptions {
  /** Where the stage (canvas and overlays) goes. */
  parent: HTMLElement;
  files: BrowserFiles;
  /** The root item follows the page size instead of the page following the root item. */
  resize?: boolean;
  sink?: MessageSink;
}

export class SceneHost {
  readonly stage: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  readonly overlay: HTMLPreElement;
  renderer: SceneRenderer | null = null;
  runtime: Runtime | null = null;
  url: string | null = null;
  /** Called after a scene (re)started: the input and accessibility layers re-attach. */
  onSceneStarted: ((runtime: Runtime) => void) | null = null;
  /** Called after every rendered frame (overlays follow the scene). */
  onFrame: (() => void) | null = null;
  private generation = 0;
  private readonly closer = new AbortController();
  /** The renderer being set up (its GPU context is made when the first scene has been created). */
  private rendererReady: Promise<SceneRenderer> | null = null;

  constructor(private readonly options: SceneHostOptions) {
    this.stage = document.createElement('div');
    this.stage.className = 'qw-stage';
    this.canvas = document.createElement('canvas');
    this.stage.append(this.canvas);
    this.overlay = document.createElement('pre');
    this.overlay.className = 'qw-overlay';
    this.overlay.hidden = true;
    this.overlay.setAttribute('role', 'alert');
    options.parent.append(this.stage, this.overlay);
    if (options.resize) {
      addEventListener('resize', () => this.fitToPage(), { signal: this.signal });
    }
  }

  /** Aborted when the host closes: listeners outside the stage use it. */
  get signal(): AbortSignal {
    return this.closer.signal;
  }

  /** Stops the scene, frees the renderer (its WebGL context) and removes the stage. */
  close(): void {
    this.generation++;
    this.closer.abort();
    this.runtime?.shutdown();
    this.runtime = null;
    this.renderer?.destroy();
    this.renderer = null;
    this.stage.remove();
    this.overlay.remove();
  }

  /** The error shown in the overlay, or null. */
  get error(): string | null {
    return this.overlay.hidden ? null : this.overlay.textContent;
  }

  /**
   * Loads and starts the scene at `url`. On a load error the overlay shows
   * Qt's message and position, and the scene that was running keeps
   * running. Resolves to true when the new scene runs.
   */
  async open(url: string): Promise<boolean> {
    const generation = ++this.generation;
    // The default face's file arrives while the scene loads, not after its first frame.
    preloadDefaultFont();
    this.options.files.prefetchFolder(url);
    const sink = this.options.sink ?? browserConsoleSink;
    const runtime = createRuntime({
      files: this.options.files,
      // (read anew for each scene opened: a picture edited on disk shows when the scene is reloaded)
      images: new BrowserImages(),
      sink,
      scheduleFrame: () => this.renderer?.requestFrame(),
      arguments: ['qml', url],
      platformOs: 'wasm',
    });
    try {
      await runtime.run(url);
    } catch (e) {
      runtime.shutdown();
      if (generation !== this.generation) return false;
      this.showError(e instanceof QmlError ? e.message : String(e));
      return false;
    }
    // The GPU context is made once the first scene has been created: its
    // canvas then has the scene's size from the start (resizing a WebGL
    // canvas reallocates its buffer with synchronous GPU round trips) and no
    // frame is drawn before the scene is there. The scene's files were
    // already being read while the page's code loaded (scene-urls.ts).
    this.rendererReady ??= SceneRenderer.create({
      canvas: this.canvas,
      window: runtime.window,
      engine: runtime.engine,
    }).then((r) => {
      r.onFrame = () => this.onFrame?.();
      r.onCursor = (shape) => {
        this.canvas.style.cursor = cssCursor(shape);
      };
      // Closed while the context was being made: nothing will draw with it.
      if (this.closer.signal.aborted) r.destroy();
      else this.renderer = r;
      return r;
    });
    const renderer = await this.rendererReady;
    // Closed, or another scene opened, while this one loaded.
    if (generation !== this.generation) {
      runtime.shutdown();
      return false;
    }
    const old = this.runtime;
    this.runtime = runtime;
    this.url = url;
    this.hideError();
    if (this.options.resize) this.fitToPage();
    if (renderer.window !== runtime.window) renderer.setWindow(runtime.window, runtime.engine);
    this.canvas.style.cursor = cssCursor(runtime.window.cursorShape);
    old?.shutdown();
    this.onSceneStarted?.(runtime);
    return true;
  }

  /** Files changed on disk: re-run the current scene in place with the new files. */
  async filesChanged(urls: string[]): Promise<boolean> {
    for (const u of urls) this.options.files.invalidate(new URL(u, location.href).href);
    if (!this.url) return false;
    return this.open(this.url);
  }

  showError(message: string): void {
    this.overlay.textContent = message;
    this.overlay.hidden = false;
    console.error(message);
  }

  hideError(): void {
    this.overlay.hidden = true;
    this.overlay.textContent = '';
  }

  /** Resize mode: the root item takes the page size. */
  private fitToPage(): void {
    const root = this.runtime?.root;
    if (!(root instanceof Item)) return;
    root.$assign(ITEM.width, innerWidth);
    root.$assign(ITEM.height, innerHeight);
    this.runtime!.window.resize(innerWidth, innerHeight);
  }
}
