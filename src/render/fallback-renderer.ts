// The renderers other than WebGL, in a module of their own that is loaded
// only when WebGL cannot be used or another backend is asked for: PixiJS's
// WebGPU and canvas renderers (and autoDetectRenderer, which imports them)
// would otherwise be part of the startup code of every page.
import {
  AbstractRenderer,
  CanvasRenderer,
  isWebGLSupported,
  isWebGPUSupported,
  type Renderer,
  WebGLRenderer,
  WebGPURenderer,
} from 'pixi.js';

export type Backend = 'webgl' | 'canvas' | 'webgpu';

/** The first backend of `preference` that this browser supports, initialized (PixiJS's autoDetectRenderer order). */
export async function createFallbackRenderer(
  preference: readonly Backend[],
  settings: Record<string, unknown>,
): Promise<Renderer> {
  for (const backend of preference) {
    let r: Renderer | null = null;
    if (backend === 'webgpu' && (await isWebGPUSupported())) r = new WebGPURenderer();
    else if (
      backend === 'webgl' &&
      isWebGLSupported(AbstractRenderer.defaultOptions.failIfMajorPerformanceCaveat as boolean | undefined)
    )
      r = new WebGLRenderer();
    else if (backend === 'canvas') r = new CanvasRenderer();
    if (r !== null) {
      await r.init(settings);
      return r;
    }
  }
  throw new Error('No available renderer for the current environment');
}
