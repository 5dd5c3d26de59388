// What screen readers see: a visually hidden mirror of the scene's visible
// Text items, in tree order, in a polite live region (a new chat message is
// announced), and the hidden text field that edits the focused TextInput,
// labelled and holding its text. Text is set as text content, never as HTML.
import type { Item } from '../quick/items/Item';
import type { QuickWindow } from '../quick/window';

interface TextLike extends Item {
  text: string;
}

function isText(i: Item): boolean {
  for (let m = i.$meta; m; m = m.base!) {
    if (m.isDerived) continue;
    if (m.name === 'Text') return true;
    if (m.name === 'TextInput') return false;
    if (!m.base) break;
  }
  return false;
}

/** The item's Accessible attached object, if the scene gave it one. */
function accessibleOf(i: Item): { name: string; ignored: boolean } | null {
  const list = i.$attached;
  if (list === null) return null;
  for (const a of list)
    if (a.$meta.name === 'Accessible') return a as unknown as { name: string; ignored: boolean };
  return null;
}

/**
 * The longest text put into the mirror, in characters. A 1 MiB chat message
 * would cost the browser most of a second to lay out in the DOM (hidden or
 * not), and no one listens to a million characters; the start is kept.
 */
const MIRRORED_CHARS = 10_000;

/**
 * The text mirror is refreshed at most this often: a reader needs a few
 * updates a second, and while a view scrolls (new rows every frame) the walk
 * and the DOM writes stay out of the frames.
 */
const TEXT_INTERVAL_MS = 200;

export class AccessibilityMirror {
  readonly element: HTMLDivElement;
  private readonly log: HTMLDivElement;
  private shown: string[] = [];
  private textsAt = Number.NEGATIVE_INFINITY;
  /** The window of a refresh that waits for TEXT_INTERVAL_MS to pass (null: none waits). */
  private pending: QuickWindow | undefined | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(stage: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'qw-a11y';
    this.element.setAttribute('role', 'region');
    this.element.setAttribute('aria-label', 'Scene');
    this.log = document.createElement('div');
    this.log.setAttribute('role', 'log');
    this.log.setAttribute('aria-live', 'polite');
    this.element.append(this.log);
    stage.append(this.element);
  }

  /** The texts a reader gets, in order (for tests). */
  get texts(): readonly string[] {
    this.flush();
    return this.shown;
  }

  update(w: QuickWindow | undefined, field: HTMLTextAreaElement | null, composing: boolean): void {
    // The walk and the DOM writes run from a timer, after the frame that
    // asked for them, never inside it.
    this.pending = w;
    const wait = Math.max(0, TEXT_INTERVAL_MS - (performance.now() - this.textsAt));
    this.timer ??= setTimeout(() => this.flush(), wait);
    this.updateField(w, field, composing);
  }

  private flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending !== null) this.updateTexts(this.pending);
  }

  private updateTexts(w: QuickWindow | undefined): void {
    this.textsAt = performance.now();
    this.pending = null;
    const texts: string[] = [];
    const walk = (i: Item) => {
      if (!i.effectiveVisible) return;
      // An item's Accessible.name is what a reader says for it (a Text's
      // name instead of its text); Accessible.ignored leaves the item out.
      const a = accessibleOf(i);
      const t =
        a !== null
          ? a.ignored
            ? ''
            : a.name || (isText(i) ? (i as TextLike).text : '')
          : isText(i)
            ? (i as TextLike).text
            : '';
      if (t !== '') texts.push(t.length > MIRRORED_CHARS ? `${t.slice(0, MIRRORED_CHARS)}…` : t);
      for (const c of i.childItems) walk(c);
    };
    if (w) walk(w.contentItem);
    if (!sameList(texts, this.shown)) {
      // Keep the lines that did not change so a live region announces only new ones.
      const kids = this.log.children;
      for (let k = 0; k < texts.length; k++) {
        const el = kids[k] as HTMLParagraphElement | undefined;
        if (el === undefined) {
          const p = document.createElement('p');
          p.textContent = texts[k]!;
          this.log.append(p);
        } else if (el.textContent !== texts[k]) el.textContent = texts[k]!;
      }
      while (this.log.children.length > texts.length) this.log.lastElementChild!.remove();
      this.shown = texts;
    }
  }

  private updateField(
    w: QuickWindow | undefined,
    field: HTMLTextAreaElement | null,
    composing: boolean,
  ): void {
    // The editing field mirrors the focused input's text and selection.
    const afi = w?.activeFocusItem as
      | (Item & {
          text?: string;
          selectionStart?: number;
          selectionEnd?: number;
          cursorPosition?: number;
          commitText?: unknown;
        })
      | null
      | undefined;
    if (field && afi && typeof afi.commitText === 'function' && !composing) {
      const text = afi.text ?? '';
      if (field.value !== text) field.value = text;
      const s = afi.selectionStart ?? 0;
      const e = afi.selectionEnd ?? 0;
      if (s !== e) field.setSelectionRange(s, e);
      else field.setSelectionRange(afi.cursorPosition ?? 0, afi.cursorPosition ?? 0);
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
