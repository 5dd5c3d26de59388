import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { acornRegExpPlugin } from './src/host/acorn-regexp.ts';
import { quickwebScenes } from './src/host/vite-plugin.ts';
import { commands } from './test/browser/commands.ts';

const root = import.meta.dirname;

/**
 * PixiJS's fragment precision probe, answered from the renderer's own
 * context instead of a second WebGL context (src/render/fragment-precision.ts);
 * in the build and in the development server's prebundled PixiJS.
 */
const pixiFragmentPrecision = {
  name: 'quickweb-pixi-fragment-precision',
  // before Vite's resolver, which would resolve the relative import itself
  enforce: 'pre' as const,
  resolveId(source: string): string | null {
    return /\/getMaxFragmentPrecision\.mjs$/.test(source) ? `${root}/src/render/fragment-precision.ts` : null;
  },
};

/** The empty module PixiJS's spritesheet/init resolves to (pixiWithoutSpritesheetLoader). */
const NO_SPRITESHEET_LOADER = '\0pixi-no-spritesheet-loader';

/**
 * PixiJS's root module registers its spritesheet loader with its asset
 * loader (spritesheet/init), which brings the loader's URL resolver along;
 * the page loads no spritesheets and no assets through PixiJS.
 */
const pixiWithoutSpritesheetLoader = {
  name: 'quickweb-pixi-without-spritesheet-loader',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined): string | null {
    return source === './spritesheet/init.mjs' && importer?.includes('/pixi.js/lib/')
      ? NO_SPRITESHEET_LOADER
      : null;
  },
  load(id: string): string | null {
    return id === NO_SPRITESHEET_LOADER ? 'export {};' : null;
  },
};

/**
 * PixiJS modules the page never uses, replaced by small stand-ins:
 * - video textures (the page makes textures from canvases and pixel buffers
 *   only; the stand-in never claims a resource, so PixiJS never makes one);
 * - the alpha mask pipe and its mask filter (a clip is a container mask, a
 *   stencil mask: only a Sprite mask is an alpha mask, see renderer.ts);
 * - colord's table of CSS colour names (PixiJS is given no colour names);
 * - the extract system (the page never reads pixels back through PixiJS);
 * - the uploaders of compressed and cube textures (it makes neither);
 * - the WebGL adaptors of the Graphics and Mesh pipes (it uses neither pipe);
 * - the console banner (the renderer is made with `hello` off) and the
 *   pretty-printer of shader compile errors (the page's shaders are fixed:
 *   a failure still logs the driver's message).
 */
const PIXI_STAND_INS: Record<string, { match: RegExp; code: string }> = {
  '\0pixi-no-video-source': {
    match: /\/texture\/sources\/VideoSource\.mjs$/,
    // (ExtensionType.TextureSource is 'texture-source')
    code: "export class VideoSource { static extension = 'texture-source'; static test() { return false; } }",
  },
  '\0pixi-no-color-names': {
    // (colord's CSS colour names: the page hands PixiJS numbers and hex strings only)
    match: /\/@pixi\/colord\/plugins\/names\.mjs$/,
    code: 'export default function names() {}',
  },
  '\0pixi-no-extract-system': {
    // (reading pixels back: the page never asks PixiJS for them)
    match: /\/extract\/ExtractSystem\.mjs$/,
    code:
      "export class ExtractSystem { static extension = { type: ['webgl-system', 'webgpu-system', 'canvas-system'], name: 'extract' };" +
      ' constructor() {} destroy() {} }',
  },
  '\0pixi-no-compressed-textures': {
    // (uploaders of compressed and cube textures: the page makes neither)
    match: /\/uploaders\/glUploadCompressedTextureResource\.mjs$/,
    code: "export const glUploadCompressedTextureResource = { id: 'compressed', upload() {} };",
  },
  '\0pixi-no-video-uploads': {
    match: /\/uploaders\/glUploadVideoResource\.mjs$/,
    code: "export const glUploadVideoResource = { id: 'video', upload() {} };",
  },
  '\0pixi-no-hello': {
    match: /\/utils\/sayHello\.mjs$/,
    code: 'export function sayHello() {}',
  },
  '\0pixi-plain-shader-errors': {
    match: /\/program\/logProgramError\.mjs$/,
    code:
      'export function logProgramError(gl, program) { if (!gl.getProgramParameter(program, gl.LINK_STATUS))' +
      " console.error('PixiJS Error: Could not initialize shader.', gl.getProgramInfoLog(program)); }",
  },
  '\0pixi-no-cube-textures': {
    match: /\/uploaders\/glUploadCubeTextureResource\.mjs$/,
    code: "export function createGlUploadCubeTextureResource() { return { id: 'cube', upload() {} }; }",
  },
  '\0pixi-no-gl-graphics-adaptor': {
    // (WebGL adaptors of the Graphics and Mesh pipes: the page draws neither on WebGL)
    match: /\/graphics\/gl\/GlGraphicsAdaptor\.mjs$/,
    code: "export class GlGraphicsAdaptor { static extension = { type: ['webgl-pipes-adaptor'], name: 'graphics' }; }",
  },
  '\0pixi-no-gl-mesh-adaptor': {
    match: /\/mesh\/gl\/GlMeshAdaptor\.mjs$/,
    code: "export class GlMeshAdaptor { static extension = { type: ['webgl-pipes-adaptor'], name: 'mesh' }; }",
  },
  '\0pixi-no-alpha-mask-pipe': {
    match: /\/mask\/alpha\/AlphaMaskPipe\.mjs$/,
    // (the pipe types are ExtensionType.WebGLPipes, WebGPUPipes and CanvasPipes)
    code:
      "export class AlphaMaskPipe { static extension = { type: ['webgl-pipes', 'webgpu-pipes', 'canvas-pipes'], name: 'alphaMask' };" +
      ' push() {} pop() {} execute() {} destroy() {} }',
  },
};

const pixiStandIns = {
  name: 'quickweb-pixi-stand-ins',
  enforce: 'pre' as const,
  apply: 'build' as const,
  async resolveId(
    this: { resolve(s: string, i?: string, o?: object): Promise<{ id: string } | null> },
    source: string,
    importer: string | undefined,
  ): Promise<string | null> {
    if (!importer?.includes('pixi')) return null;
    if (
      !/VideoSource|AlphaMaskPipe|plugins\/names|ExtractSystem|glUpload(Compressed|Cube|Video)|Gl(Graphics|Mesh)Adaptor|sayHello|logProgramError/.test(
        source,
      )
    )
      return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    if (!resolved) return null;
    for (const [id, { match }] of Object.entries(PIXI_STAND_INS)) if (match.test(resolved.id)) return id;
    return null;
  },
  load(id: string): string | null {
    return PIXI_STAND_INS[id]?.code ?? null;
  },
};

export default defineConfig({
  root,
  // Relative asset paths: the built site works from any folder it is served from.
  base: './',
  plugins: [
    quickwebScenes({ root }),
    pixiFragmentPrecision,
    pixiWithoutSpritesheetLoader,
    pixiStandIns,
    acornRegExpPlugin,
  ],
  // (the stand-ins only make the built page smaller: the development server keeps PixiJS's own modules)
  optimizeDeps: { rolldownOptions: { plugins: [pixiFragmentPrecision, pixiWithoutSpritesheetLoader] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the es2022 target runs in preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The page's code in several scripts: Chromium compiles each script
        // on a background thread as it arrives, several at once, and the
        // page starts when the last is done. As one 790 KB entry script it
        // waited for that one compilation.
        codeSplitting: {
          groups: [
            // (loaded on demand: the regular expression partial matcher, see
            // Validators.ts, and the types of src/quick/lazy-types.ts)
            {
              name: 'items',
              test: /\/src\/quick\/items\/(?!partial-match|input-mask|list-sections|css-color|Path|Accessible|Canvas|Shortcut|context2d|MouseArea|Grid|Flow|Repeater|Loader|KeyNavigation|KeysAttached|LayoutMirroring|Image|SystemPalette|Flipable|FontMetrics|Validators|PointerHandlers|TransformTypes|DropArea|view-transition|item-geometry)/,
            },
            { name: 'acorn', test: /\/node_modules\/acorn\// },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  test: {
    // Tests assert behaviour, not speed (speed is `npm run bench`): a test
    // that creates 10,000 items must not fail because the machine is busy.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'server/**/*.test.ts'],
          // (as the Node tools do: every QtQuick type is there before a test starts)
          setupFiles: ['test/helpers/load-lazy-types.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The WebSocket tests' servers (they run in Node, next to the browser).
          globalSetup: ['test/browser/websockets.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 800, height: 600 } }],
            // Screenshot comparisons and echo servers, run in Node.
            commands,
          },
        },
      },
    ],
  },
});
