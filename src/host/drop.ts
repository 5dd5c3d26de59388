// Dropping .qml files (or a folder of them) onto the page runs them; the
// code that reads and runs them (drop-run.ts) loads with the first drop.
import type { BrowserFiles } from './files';
import type { SceneHost } from './scene-host';

export function attachDrop(host: SceneHost, files: BrowserFiles): void {
  const marker = document.createElement('div');
  marker.className = 'qw-drop';
  marker.hidden = true;
  document.body.append(marker);
  const { signal } = host;
  signal.addEventListener('abort', () => marker.remove());
  addEventListener(
    'dragover',
    (e) => {
      e.preventDefault();
      marker.hidden = false;
    },
    { signal },
  );
  addEventListener(
    'dragleave',
    () => {
      marker.hidden = true;
    },
    { signal },
  );
  addEventListener(
    'drop',
    (e) => {
      e.preventDefault();
      marker.hidden = true;
      const dt = e.dataTransfer;
      if (!dt) return;
      const entries = [...dt.items]
        .map((i) => i.webkitGetAsEntry())
        .filter((x): x is FileSystemEntry => x !== null);
      // (the entries are taken now: the drag data is gone once the event returns)
      const dropped = [...dt.files];
      void (async () => {
        const { readEntries, runDropped } = await import('./drop-run');
        const out: Array<{ path: string; file: File }> = [];
        if (entries.length > 0) for (const entry of entries) await readEntries(entry, '', out);
        else for (const f of dropped) out.push({ path: f.name, file: f });
        await runDropped(host, files, out);
      })();
    },
    { signal },
  );
}
