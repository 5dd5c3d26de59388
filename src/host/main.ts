// The page: a scene picker listing every scene under scenes/, and the scene
// runner (`?scene=chat`, `?scene=echo/echo.qml`, `&resize=1`). Dropping a
// .qml file, or a folder of them, onto the page runs it.
// Evaluated first, before the app's modules: it starts reading the requested scene's files.
import './scene-urls';
import { createApp } from './app';
import { BrowserFiles } from './files';
import { abs, earlyReads, mainFiles, resolveScene, sceneFiles } from './scene-urls';

const QML_UPDATE_EVENT = 'quickweb:qml-update';

const files = new BrowserFiles(new Set(sceneFiles.map(abs)));
files.adopt(earlyReads);

function showPicker(root: HTMLElement): void {
  const section = document.createElement('section');
  section.id = 'picker';
  const h = document.createElement('h1');
  h.textContent = 'Scenes';
  const list = document.createElement('ul');
  for (const f of mainFiles()) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    const name = f.replace(/^\/scenes\//, '');
    a.href = `?scene=${encodeURIComponent(name)}`;
    a.textContent = name;
    li.append(a);
    list.append(li);
  }
  const hint = document.createElement('p');
  hint.textContent = 'Or drop a .qml file (or a folder of them) onto this page.';
  section.append(h, list, hint);
  root.append(section);
}

function openScene(name: string): Promise<boolean> {
  const path = resolveScene(name);
  if (!path) {
    host.showError(`No scene named "${name}"`);
    return Promise.resolve(false);
  }
  document.title = `${name.replace(/^\/?scenes\//, '')} - Quickweb`;
  const select = document.querySelector<HTMLSelectElement>('.qw-switcher select');
  if (select) select.value = path.replace(/^\/scenes\//, '');
  return host.open(abs(path));
}

/** Under the running scene: a list to switch to another scene in place, and a link to the picker. */
function showSwitcher(root: HTMLElement): void {
  const nav = document.createElement('nav');
  nav.className = 'qw-switcher';
  const select = document.createElement('select');
  select.setAttribute('aria-label', 'Scene');
  for (const f of mainFiles()) {
    const option = document.createElement('option');
    option.value = f.replace(/^\/scenes\//, '');
    option.textContent = option.value;
    select.append(option);
  }
  select.addEventListener('change', () => {
    history.pushState(null, '', `?scene=${encodeURIComponent(select.value)}`);
    void openScene(select.value);
  });
  const all = document.createElement('a');
  all.href = '?';
  all.textContent = 'All scenes';
  nav.append(select, all);
  root.append(nav);
}

const app = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const scene = params.get('scene');
const page = createApp(app, files, { resize: params.has('resize') });
const { host } = page;

/** Resolves when the requested scene has started (true) or failed to load (false). */
let ready: Promise<boolean> = Promise.resolve(false);
const direct = params.get('url');
if (direct) {
  // A file anywhere the server may read (npm run snapshot): it and its folder become known files.
  const url = abs(direct);
  files.setKnown(new Set([...sceneFiles.map(abs), url]));
  // The scene folders' files are all listed; other folders are asked for file by file.
  const dir = url.slice(0, url.lastIndexOf('/') + 1);
  if (!sceneFiles.some((f) => abs(f).startsWith(dir))) files.allowDirectory(dir);
  ready = host.open(url);
} else if (scene) {
  if (!params.has('resize')) showSwitcher(app);
  ready = openScene(scene);
  addEventListener('popstate', () => {
    const s = new URLSearchParams(location.search).get('scene');
    if (s) void openScene(s);
  });
} else {
  showPicker(app);
}

if (import.meta.hot) {
  import.meta.hot.on(QML_UPDATE_EVENT, (data: { files: string[] }) => {
    void host.filesChanged(data.files.map(abs));
  });
}

// For tests and tools driving the page (npm run snapshot, the browser tests).
(globalThis as { quickweb?: unknown }).quickweb = { ...page, ready };
