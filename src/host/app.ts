// A scene host with everything around it: pointer, keyboard and IME input,
// dropping files, the caret and the screen-reader mirror. The page
// (main.ts) and the browser tests make one with createApp.
import './host.css';
import type { GeometryDocument } from '../quick/dump';
import { facesLoading } from '../render/fonts';
import { AccessibilityMirror } from './a11y';
import { Caret } from './caret';
import { attachDrop } from './drop';
import type { BrowserFiles } from './files';
import { attachInput } from './input';
import { attachKeyboard, type KeyboardInput, placeField } from './keyboard';
import { SceneHost } from './scene-host';

export interface App {
  readonly host: SceneHost;
  readonly files: BrowserFiles;
  readonly keyboard: KeyboardInput;
  readonly caret: Caret;
  readonly a11y: AccessibilityMirror;
  /**
   * Waits `ms` (and for font files still loading, up to 10 s), then draws
   * the current state with the caret shown steadily
   * (Qt's reference renders show a focused input's cursor): for screenshots.
   */
  settle(ms: number): Promise<void>;
  /** The item tree as a `qt-reference-geometry/1` document. */
  geometry(label: string, scene: string): Promise<GeometryDocument>;
  /** Stops the scene and removes everything the app added to the page. */
  close(): void;
}

/** The longest settle waits for font files still loading. */
const FONT_WAIT_MS = 10_000;

export function createApp(parent: HTMLElement, files: BrowserFiles, options: { resize?: boolean } = {}): App {
  const host = new SceneHost({ parent, files, resize: options.resize ?? false });
  attachInput(host);
  attachDrop(host, files);
  const keyboard = attachKeyboard(host);
  const caret = new Caret(host.stage);
  const a11y = new AccessibilityMirror(host.stage);
  host.onFrame = () => {
    const w = host.runtime?.window;
    caret.update(w);
    if (w) placeField(keyboard.field, w);
    a11y.update(w, keyboard.field, keyboard.composing());
  };
  return {
    host,
    files,
    keyboard,
    caret,
    a11y,
    async settle(ms: number) {
      await new Promise((r) => setTimeout(r, ms));
      // Text waiting for a font file (a face first used by this scene) is
      // drawn once it arrives: the state settles only then.
      const end = performance.now() + FONT_WAIT_MS;
      while (facesLoading() > 0 && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
      host.renderer?.renderNow();
      caret.update(host.runtime?.window);
      caret.freeze(true);
    },
    async geometry(label: string, scene: string) {
      // loaded when asked for: pages that only show a scene never need it
      const { dumpGeometry } = await import('../quick/dump');
      return dumpGeometry(host.runtime!.window, { label, scene, platform: 'quickweb-chromium' });
    },
    close() {
      host.close();
    },
  };
}
