// Key input as QML sees it: the `KeyEvent` object handlers receive and the
// `Keys` attached type (Keys.onPressed, Keys.onReturnPressed, ...), loaded
// when a scene's file names Keys.
import { defineType, type MetaObject, QObject } from '../../engine/qobject';
import { addKeyHandler, Item, type ItemKeyHandler, type KeyEventLike, removeKeyHandler } from './Item';
import { Key, matchesStandardKey } from './Keys';

/** The event object key handlers receive (QQuickKeyEvent). */
export class KeyEvent extends QObject implements KeyEventLike {
  declare key: number;
  declare text: string;
  declare modifiers: number;
  declare isAutoRepeat: boolean;
  declare count: number;
  declare nativeScanCode: number;
  declare accepted: boolean;

  /** A QML key event for a delivered event; `accepted` starts false (QQuickKeyEvent::reset). */
  static from(e: KeyEventLike): KeyEvent {
    const k = new KeyEvent();
    const v = k.$v;
    v[KE.key] = e.key;
    v[KE.text] = e.text;
    v[KE.modifiers] = e.modifiers;
    v[KE.isAutoRepeat] = e.isAutoRepeat;
    v[KE.count] = e.count ?? 1;
    v[KE.nativeScanCode] = e.nativeScanCode ?? 0;
    return k;
  }

  /** `event.matches(StandardKey.Copy)` */
  matches(key: number): boolean {
    return matchesStandardKey(this, key);
  }
}
export const KeyEventMeta: MetaObject = defineType(KeyEvent, null, {
  name: 'KeyEvent',
  cppClass: 'QQuickKeyEvent',
  creatable: false,
  properties: {
    key: { type: 'int', readonly: true, constant: true },
    text: { type: 'string', readonly: true, constant: true },
    modifiers: { type: 'int', readonly: true, constant: true },
    isAutoRepeat: { type: 'bool', readonly: true, constant: true },
    count: { type: 'int', readonly: true, constant: true },
    nativeScanCode: { type: 'int', readonly: true, constant: true },
    accepted: { type: 'bool' },
  },
  methods: ['matches'],
});
const KE = {
  key: KeyEventMeta.index('key'),
  text: KeyEventMeta.index('text'),
  modifiers: KeyEventMeta.index('modifiers'),
  isAutoRepeat: KeyEventMeta.index('isAutoRepeat'),
  count: KeyEventMeta.index('count'),
  nativeScanCode: KeyEventMeta.index('nativeScanCode'),
  accepted: KeyEventMeta.index('accepted'),
};

/** The key-specific signals of Keys (QQuickKeysAttached's keyToSignal table). */
const KEY_SIGNALS: ReadonlyArray<readonly [number, string]> = [
  [Key.Left, 'leftPressed'],
  [Key.Right, 'rightPressed'],
  [Key.Up, 'upPressed'],
  [Key.Down, 'downPressed'],
  [Key.Tab, 'tabPressed'],
  [Key.Backtab, 'backtabPressed'],
  [Key.Asterisk, 'asteriskPressed'],
  [Key.NumberSign, 'numberSignPressed'],
  [Key.Escape, 'escapePressed'],
  [Key.Return, 'returnPressed'],
  [Key.Enter, 'enterPressed'],
  [Key.Delete, 'deletePressed'],
  [Key.Space, 'spacePressed'],
  [Key.Back, 'backPressed'],
  [Key.Cancel, 'cancelPressed'],
  [Key.Select, 'selectPressed'],
  [Key.Yes, 'yesPressed'],
  [Key.No, 'noPressed'],
  [Key.Context1, 'context1Pressed'],
  [Key.Context2, 'context2Pressed'],
  [Key.Context3, 'context3Pressed'],
  [Key.Context4, 'context4Pressed'],
  [Key.Call, 'callPressed'],
  [Key.Hangup, 'hangupPressed'],
  [Key.Flip, 'flipPressed'],
  [Key.Menu, 'menuPressed'],
  [Key.VolumeUp, 'volumeUpPressed'],
  [Key.VolumeDown, 'volumeDownPressed'],
];
for (let d = 0; d <= 9; d++)
  (KEY_SIGNALS as Array<readonly [number, string]>).push([Key.Digit0 + d, `digit${d}Pressed`]);

/**
 * `Keys`: key handling attached to an item. At each item on the way up from
 * the active focus item, Qt runs Keys (priority BeforeItem) before the
 * item's own key handling, or after it (AfterItem) if the item did not take
 * the key (QQuickItemPrivate::deliverKeyEvent). Within Keys: the items in
 * `forwardTo` get the key first; then a key-specific handler
 * (onReturnPressed, ...) if one is connected, with the event accepted by
 * default; `pressed` only if the event is still not accepted
 * (QQuickKeysAttached::keyPressed).
 */
/** An attached object in an item's key filter chain (QQuickItemKeyFilter): Keys, KeyNavigation. */
export abstract class ItemKeyFilter extends QObject implements ItemKeyHandler {
  owner: Item | null = null;
  nextKeyHandler: ItemKeyHandler | null = null;

  abstract keyPressed(event: KeyEventLike, post: boolean): void;
  abstract keyReleased(event: KeyEventLike, post: boolean): void;

  // (on an object that is not an item it holds its values and does nothing)
  override $attachTo(owner: QObject): void {
    if (owner instanceof Item) {
      this.owner = owner;
      addKeyHandler(owner, this);
    }
  }

  override $ownerDestroyed(): void {
    if (this.owner) removeKeyHandler(this.owner, this);
    this.owner = null;
  }
}

export class KeysAttached extends ItemKeyFilter {
  declare enabled: boolean;
  declare priority: number;
  private inPress = false;
  private inRelease = false;

  private get processPost(): boolean {
    return this.$v[KEYS.priority] === KeysPriority.AfterItem;
  }

  /** Sends the event to the visible `forwardTo` items; true when one of them took it. */
  private forward(e: KeyEventLike, press: boolean): boolean {
    const targets = this.$v[KEYS.forwardTo] as unknown[] | null;
    if (!targets || targets.length === 0 || !this.owner?.window) return false;
    for (const t of targets) {
      if (!(t instanceof Item) || !t.effectiveVisible) continue;
      e.accepted = true;
      t.deliverKeyEvent(e, press);
      if (e.accepted) return true;
    }
    return false;
  }

  private connected(sig: number): boolean {
    return this.$isConnected(sig);
  }

  keyPressed(e: KeyEventLike, post: boolean): void {
    if (post !== this.processPost || !(this.$v[KEYS.enabled] as boolean) || this.inPress) {
      e.accepted = false;
      return;
    }
    this.inPress = true;
    try {
      if (this.forward(e, true)) return;
    } finally {
      this.inPress = false;
    }
    const ke = KeyEvent.from(e);
    const sig = SIGNAL_BY_KEY.get(e.key);
    if (sig !== undefined && this.connected(sig)) {
      // Qt: a key-specific handler accepts the event unless it says otherwise.
      ke.$v[KE.accepted] = true;
      this.$emit(sig, [ke]);
    }
    if (!(ke.$v[KE.accepted] as boolean)) this.$emit(KEYS.pressed, [ke]);
    e.accepted = ke.$v[KE.accepted] as boolean;
  }

  /** A key that may be a shortcut: true when `Keys.onShortcutOverride` accepts it (the item keeps the key). */
  // (asked even while `enabled` is false, as in Qt)
  overridesShortcut(e: KeyEventLike): boolean {
    if (!this.connected(KEYS.shortcutOverride)) return false;
    const ke = KeyEvent.from(e);
    this.$emit(KEYS.shortcutOverride, [ke]);
    return ke.$v[KE.accepted] as boolean;
  }

  keyReleased(e: KeyEventLike, post: boolean): void {
    if (post !== this.processPost || !(this.$v[KEYS.enabled] as boolean) || this.inRelease) {
      e.accepted = false;
      return;
    }
    this.inRelease = true;
    try {
      if (this.forward(e, false)) return;
    } finally {
      this.inRelease = false;
    }
    const ke = KeyEvent.from(e);
    this.$emit(KEYS.released, [ke]);
    e.accepted = ke.$v[KE.accepted] as boolean;
  }
}

export enum KeysPriority {
  BeforeItem = 0,
  AfterItem = 1,
}

const eventParam = { params: [{ name: 'event', type: 'KeyEvent' }] };
export const KeysAttachedMeta: MetaObject = defineType(KeysAttached, null, {
  name: 'Keys',
  cppClass: 'QQuickKeysAttached',
  creatable: 'Keys is only available via attached properties',
  properties: {
    enabled: { type: 'bool', default: true },
    forwardTo: { type: 'list' },
    priority: { type: 'enumeration', default: KeysPriority.BeforeItem },
  },
  signals: Object.fromEntries([
    ['pressed', eventParam],
    ['released', eventParam],
    ['shortcutOverride', eventParam],
    ...KEY_SIGNALS.map(([, name]) => [name, eventParam] as const),
  ]),
  enums: { BeforeItem: KeysPriority.BeforeItem, AfterItem: KeysPriority.AfterItem },
  // `Keys.onPressed` names the type whose attached object is this one.
  attachedType: () => KeysAttachedMeta,
});
const KEYS = {
  enabled: KeysAttachedMeta.index('enabled'),
  forwardTo: KeysAttachedMeta.index('forwardTo'),
  priority: KeysAttachedMeta.index('priority'),
  pressed: KeysAttachedMeta.signalsByName.get('pressed')!.index,
  released: KeysAttachedMeta.signalsByName.get('released')!.index,
  shortcutOverride: KeysAttachedMeta.signalsByName.get('shortcutOverride')!.index,
};
const SIGNAL_BY_KEY = new Map<number, number>(
  KEY_SIGNALS.map(([key, name]) => [key, KeysAttachedMeta.signalsByName.get(name)!.index]),
);
