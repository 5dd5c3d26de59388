// The clipboard TextInput's cut/copy/paste use (QGuiApplication::clipboard).
// Headless it is a string in memory; the browser host installs one backed by
// the system clipboard with setClipboard().

export interface Clipboard {
  /** The clipboard's text ("" when it holds none). */
  text(): string;
  setText(text: string): void;
}

export class MemoryClipboard implements Clipboard {
  private value = '';
  text(): string {
    return this.value;
  }
  setText(text: string): void {
    this.value = text;
  }
}

let current: Clipboard = new MemoryClipboard();

export function clipboard(): Clipboard {
  return current;
}

/** Replaces the clipboard (the host's system clipboard, or a fresh one in tests). */
export function setClipboard(c: Clipboard): void {
  current = c;
}
