// Vite plugin (runs in Node, in the dev server and the build): gives the
// page the list of .qml files under scenes/, tells it when one changes so the
// running scene is swapped in place (no page reload), and copies the scene
// files (and the pictures beside them) into the static build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { sceneReadsScript } from './scene-reads.ts';

const VIRTUAL = 'virtual:quickweb-scenes';
const RESOLVED = `\0${VIRTUAL}`;

/** The event the page listens to: `{ files: ['/scenes/chat/ChatView.qml'] }`. */
export const QML_UPDATE_EVENT = 'quickweb:qml-update';

/** The pictures a scene's Images show (copied into the build beside its files). */
const PICTURE = /\.(png|jpe?g|gif|webp|bmp|svg)$/i;
/** A scene's JavaScript: a script (`.js`) or an ECMAScript module (`.mjs`). */
const SCRIPT = /\.m?js$/;

function listQml(dir: string, pictures = false): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listQml(full, pictures));
    else if (name.endsWith('.qml') || SCRIPT.test(name) || name === 'qmldir') out.push(full);
    else if (pictures && PICTURE.test(name)) out.push(full);
  }
  return out;
}

export function quickwebScenes(options: { root: string; scenesDir?: string }): Plugin {
  const scenesDir = join(options.root, options.scenesDir ?? 'scenes');
  const toUrl = (file: string) => `/${relative(options.root, file).split(sep).join('/')}`;
  let server: ViteDevServer | null = null;
  let base = '/';
  const sceneFiles = () => listQml(scenesDir).map(toUrl).sort();
  return {
    name: 'quickweb-scenes',
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export const sceneFiles = ${JSON.stringify(sceneFiles())};\n`;
    },
    // The HTML's first script starts reading the scene its address asks
    // for: the files arrive while the page's modules download and run.
    transformIndexHtml() {
      return [{ tag: 'script', children: sceneReadsScript(sceneFiles(), base), injectTo: 'head' }];
    },
    configureServer(s) {
      server = s;
      // A scene's JavaScript files and modules are QML's (`.pragma library`, `.import`,
      // imported by QML), not the page's: what the page fetches (not imports) is served as written, and
      // Vite's module graph never holds it (see handleHotUpdate). A scene file
      // that is not there is a 404, not the page (the loader asks for
      // `Name.qml` beside a scene to know whether a type is there).
      s.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const file = join(options.root, path);
        const fetched = req.headers['sec-fetch-dest'] === 'empty';
        const sceneFile = SCRIPT.test(path) || path.endsWith('.qml') || path.endsWith('/qmldir');
        if (
          !fetched ||
          !sceneFile ||
          !file.startsWith(options.root + sep) ||
          file.includes(`${sep}node_modules${sep}`)
        )
          return next();
        let body: Buffer;
        try {
          body = readFileSync(file);
        } catch {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader(
          'Content-Type',
          `${SCRIPT.test(path) ? 'text/javascript' : 'text/plain'}; charset=utf-8`,
        );
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
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
      // (a .js file that is no module of the page is a scene's script)
      const script = SCRIPT.test(ctx.file) && ctx.modules.length === 0;
      if (!ctx.file.endsWith('.qml') && !/(^|[\\/])qmldir$/.test(ctx.file) && !script) return;
      server?.ws.send({ type: 'custom', event: QML_UPDATE_EVENT, data: { files: [toUrl(ctx.file)] } });
      // Handled: no full reload.
      return [];
    },
    generateBundle() {
      for (const file of listQml(scenesDir, true)) {
        this.emitFile({ type: 'asset', fileName: toUrl(file).slice(1), source: readFileSync(file) });
      }
    },
  };
}
