// A scene from QML source drawn by the renderer on a canvas of its own (one
// device pixel per CSS pixel), for tests that look at what it draws.
import type { EngineOptions } from '../../src/engine/engine';
import type { Item } from '../../src/quick/items/Item';
import { facesLoading } from '../../src/render/fonts';
import { SceneRenderer } from '../../src/render/renderer';
import { createRuntime, type Runtime } from '../../src/runtime';

/** What the tests set on the items they find. */
export type TestItem = Item & {
  color: string;
  visible: boolean;
  opacity: number;
  clip: boolean;
  z: number;
  width: number;
};

/**
 * What a test may give the engine besides the scene: where pictures come
 * from, where messages go, the files beside the scene (the scene's own text
 * is read from them too, when given).
 */
export type SceneOptions = Pick<EngineOptions, 'images' | 'sink' | 'scheduleFrame'> & {
  files?: EngineOptions['files'];
};

/** Runs `source` as file:///scene/main.qml; `find` looks an item up by objectName. */
export async function runScene(source: string, options: SceneOptions = {}) {
  const url = 'file:///scene/main.qml';
  const runtime: Runtime = createRuntime({
    sink: { warn: (m) => console.warn(m), log: () => {} },
    scheduleFrame: () => {},
    ...options,
    files: options.files ?? { read: () => source, exists: (u: string) => u === url },
  });
  await runtime.run(url);
  const all = (i: Item): Item[] => [i, ...i.childItems.flatMap(all)];
  const find = (name: string) =>
    all(runtime.window.contentItem).find((c) => c.objectName === name) as TestItem;
  return { runtime, find };
}

/**
 * Runs `source` and draws its first frame (`prepare` runs first, on the
 * created scene); `pixel` reads back one canvas pixel's RGB.
 */
export async function drawScene(
  source: string,
  preference: Array<'webgl' | 'canvas'> = ['webgl'],
  prepare?: (runtime: Runtime) => void,
  options: SceneOptions = {},
) {
  const { runtime, find } = await runScene(source, options);
  prepare?.(runtime);
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const renderer = await SceneRenderer.create({
    canvas,
    window: runtime.window,
    engine: runtime.engine,
    resolution: 1,
    preference,
  });
  renderer.renderNow();
  const pixel = (x: number, y: number): number[] => {
    if (renderer.renderer.name === 'canvas')
      return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data.slice(0, 3)];
    const gl = canvas.getContext('webgl2')!;
    const out = new Uint8Array(4);
    gl.readPixels(x, canvas.height - 1 - y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return [...out.slice(0, 3)];
  };
  return { runtime, renderer, canvas, find, pixel };
}

/** Waits (up to 5 s) for the font files texts asked for; the renderer redraws them once they arrive. */
export async function fontsLoaded(): Promise<void> {
  for (let i = 0; i < 250 && facesLoading() > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

/** Waits for two animation frames (a frame the renderer scheduled has run). */
/** A PNG picture as a data URL: `width`×`height` pixels that `paint` draws with a 2D context. */
export function pngDataUrl(
  width: number,
  height: number,
  paint: (g: CanvasRenderingContext2D) => void,
): string {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  paint(c.getContext('2d')!);
  return c.toDataURL('image/png');
}

export const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
