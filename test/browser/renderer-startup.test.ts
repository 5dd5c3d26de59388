// What making the renderer costs the GPU process before the first frame:
// one WebGL context (PixiJS's shader precision probe is answered by it, not
// by a context of its own), and no extension it does not use.
import { expect, test } from 'vitest';
import { SceneRenderer } from '../../src/render/renderer';
import { createRuntime } from '../../src/runtime';

test('a renderer makes one WebGL 2 context, enables only WEBGL_lose_context, and destroying it loses the context', async () => {
  const made: string[] = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    if (type.startsWith('webgl')) made.push(type);
    return (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof getContext;
  const url = 'file:///scene/main.qml';
  const runtime = createRuntime({
    files: {
      read: () => 'import QtQuick\nRectangle { width: 40; height: 20; color: "navy"; Text { text: "hi" } }',
      exists: (u: string) => u === url,
    },
    sink: { warn: (m) => console.warn(m), log: () => {} },
    scheduleFrame: () => {},
  });
  await runtime.run(url);
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  let renderer: SceneRenderer;
  try {
    renderer = await SceneRenderer.create({
      canvas,
      window: runtime.window,
      engine: runtime.engine,
      resolution: 1,
    });
    renderer.renderNow();
  } finally {
    HTMLCanvasElement.prototype.getContext = getContext;
  }
  expect(made).toEqual(['webgl2']);
  const context = (renderer.renderer as unknown as { context: { extensions: object; webGLVersion: number } })
    .context;
  expect(context.webGLVersion).toBe(2);
  expect(Object.keys(context.extensions)).toEqual(['loseContext']);
  const gl = canvas.getContext('webgl2')!;
  renderer.destroy();
  expect(gl.isContextLost()).toBe(true);
});
