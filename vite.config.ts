import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
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

export default defineConfig({
  root,
  // Relative asset paths: the built site works from any folder it is served from.
  base: './',
  plugins: [quickwebScenes({ root }), pixiFragmentPrecision, pixiWithoutSpritesheetLoader],
  optimizeDeps: { rolldownOptions: { plugins: [pixiFragmentPrecision, pixiWithoutSpritesheetLoader] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The page's code in several scripts: Chromium compiles each script
        // on a background thread as it arrives, several at once, and the
        // page starts when the last is done. As one 790 KB entry script it
        // waited for that one compilation.
        codeSplitting: {
          groups: [
            { name: 'items', test: /\/src\/quick\/items\// },
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
