// Where the headless Chromium used by the browser tests, `npm run snapshot`
// and `npm run bench` lives, and the flags that make its WebGL output
// deterministic (SwiftShader) on machines without a GPU.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium executable: $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

export function chromiumInstalled() {
  return existsSync(chromiumPath());
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--force-device-scale-factor=1',
  '--font-render-hinting=none',
];
