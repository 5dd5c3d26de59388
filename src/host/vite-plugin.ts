// Vite plugin (runs in Node, in the dev server and the build): gives the
// page the list of .qml files under scenes/, tells it when one changes so the
// running scene is swapped in place (no page reload), and copies the scene
// files into the static build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

const VIRTUAL = 'virtual:quickweb-scenes';
const RESOLVED = `\0${VIRTUAL}`;

/** The event the page listens to: `{ files: ['/scenes/chat/ChatView.qml'] }`. */
export const QML_UPDATE_EVENT = 'quickweb:qml-update';

function listQml(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listQml(full));
    else if (name.endsWith('.qml') || name.endsWith('.js')) out.push(full);
  }
  return out;
}

export function quickwebScenes(options: { root: string; scenesDir?: string }): Plugin {
  const scenesDir = join(options.root, options.scenesDir ?? 'scenes');
  const toUrl = (file: string) => `/${relative(options.root, file).split(sep).join('/')}`;
  let server: ViteDevServer | null = null;
  return {
    name: 'quickweb-scenes',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = listQml(scenesDir).map(toUrl).sort();
      return `export const sceneFiles = ${JSON.stringify(files)};\n`;
    },
    configureServer(s) {
      server = s;
      // New or deleted scene files change the list.
      const refresh = (file: string) => {
        if (!file.startsWith(scenesDir)) return;
        const mod = s.moduleGraph.getModuleById(RESOLVED);
        if (mod) s.moduleGraph.invalidateModule(mod);
      };
      s.watcher.on('add', refresh);
      s.watcher.on('unlink', refresh);
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.endsWith('.qml') && !(ctx.file.startsWith(scenesDir) && ctx.file.endsWith('.js'))) return;
      server?.ws.send({ type: 'custom', event: QML_UPDATE_EVENT, data: { files: [toUrl(ctx.file)] } });
      // Handled: no full reload.
      return [];
    },
    generateBundle() {
      for (const file of listQml(scenesDir)) {
        this.emitFile({ type: 'asset', fileName: toUrl(file).slice(1), source: readFileSync(file) });
      }
    },
  };
}
