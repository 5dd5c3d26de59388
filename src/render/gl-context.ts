// PixiJS's WebGL context system asks for a dozen WebGL extensions as soon as
// the context exists, most of them compressed texture formats. In Chromium
// every getExtension that enables an extension waits for the GPU process, so
// together they were a noticeable part of the context setup before the first
// frame. The scene renderer uploads only canvases and pixel arrays, renders
// to no float targets and never sets anisotropic filtering: on WebGL 2 it
// needs WEBGL_lose_context alone (to free the context when a host closes).
// WebGL 1 keeps PixiJS's full list (vertex arrays, 32-bit indices, ...).
import { ExtensionType, extensions, GlContextSystem } from 'pixi.js';

class SceneGlContextSystem extends GlContextSystem {
  // Before the other systems (default priority -1; PixiJS's own context
  // system is first by being registered first): they read the context when
  // it changes.
  static override extension = { type: [ExtensionType.WebGLSystem], name: 'context', priority: 0 } as const;

  override getExtensions(): void {
    if (this.webGLVersion === 1) {
      super.getExtensions();
      return;
    }
    this.extensions = { loseContext: this.gl.getExtension('WEBGL_lose_context') ?? undefined };
  }
}

extensions.remove(GlContextSystem);
extensions.add(SceneGlContextSystem);
