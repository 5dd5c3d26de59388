// Stands in for PixiJS's getMaxFragmentPrecision (vite.config.ts maps its
// module here). PixiJS asks it for every shader program, the first ones
// while the renderer is set up, and answers from a WebGL context it makes
// for the purpose (getTestContext): a second context, made while the page
// starts (in a profile of startup the most expensive single call before the
// first frame) and never released. The renderer's own context answers
// instead (renderer.ts makes it before PixiJS makes any program); a context
// of our own, released at once, only when a program is made before any.
// This module imports nothing from PixiJS, whose module graph it is part of;
// the answer is kept on globalThis because the development server's
// prebundled PixiJS has its own instance of this module.

type Precision = 'highp' | 'mediump';

const ANSWER = Symbol.for('quickweb.maxFragmentPrecision');
const store = globalThis as { [ANSWER]?: Precision };

function query(gl: WebGLRenderingContext | WebGL2RenderingContext | null | undefined): Precision {
  const format = gl?.getShaderPrecisionFormat?.(gl.FRAGMENT_SHADER, gl.HIGH_FLOAT);
  return format?.precision ? 'highp' : 'mediump';
}

/** Takes the answer from the renderer's context (the first one made). */
export function setMaxFragmentPrecisionFrom(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
  store[ANSWER] ??= query(gl);
}

/** The highest float precision fragment shaders can use (PixiJS's getMaxFragmentPrecision). */
export function getMaxFragmentPrecision(): Precision {
  let answer = store[ANSWER];
  if (answer === undefined) {
    const gl = document.createElement('canvas').getContext('webgl');
    answer = query(gl);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    store[ANSWER] = answer;
  }
  return answer;
}
