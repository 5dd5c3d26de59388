#!/usr/bin/env node
// Makes sure the browser tests can run: finds Chromium ($CHROMIUM_PATH or
// /usr/bin/chromium) and, on Debian/Ubuntu as root, installs Debian's
// `chromium` package when it is missing. Playwright's own browser download is
// not used.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumInstalled, chromiumPath } from './chromium.mjs';

if (chromiumInstalled()) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`setup: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!existsSync('/usr/bin/apt-get') || !isRoot) {
  console.error(
    'setup: Chromium was not found at /usr/bin/chromium.\n' +
      '  On Debian/Ubuntu run: sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
  process.exit(1);
}

console.error('setup: installing Debian chromium (apt-get install -y chromium)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
if (!chromiumInstalled()) {
  console.error(`setup: chromium installed but ${chromiumPath()} is still missing.`);
  process.exit(1);
}
