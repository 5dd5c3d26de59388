// The reactive core: what a binding read, and who to tell when it changes.
//
// QML bindings are eager: when a property changes, every binding that read
// it is re-evaluated at once, inside the write (QQmlBinding::update). That is
// observable (an on<Name>Changed handler sees the cascade finished), so the
// core keeps Qt's eager, synchronous propagation rather than the lazy
// push-pull of signal libraries such as @preact/signals-core or
// alien-signals. What it borrows from them is the bookkeeping: a binding's
// sources are a list of links re-used from one evaluation to the next (a link
// is found in O(1) through the source's `node` cache), and unsubscribing is
// O(1) because a source's observers form a doubly linked list.

/** Something that can be observed: one signal (a property's change signal, usually) of one object. */
export class Source {
  /** Observers, in subscription order. */
  head: Link | null = null;
  tail: Link | null = null;
  /** The link of the binding being evaluated right now, if it read this source (see Observer.prepare). */
  node: Link | null = null;
  /**
   * A Qt 6 bindable property's change (QQuickItem's x, y, width, height):
   * like QPropertyBindingData's observer list, a binding that reads it goes
   * to the front, so the bindings hear of a change newest first.
   */
  bindable = false;
}

/** One observer observing one source. */
export class Link {
  source: Source;
  observer: Observer;
  /** -1 while an evaluation has not (yet) read the source again. */
  version = 0;
  prevInSource: Link | null = null;
  nextInSource: Link | null = null;
  nextInObserver: Link | null = null;
  rollback: Link | null = null;

  constructor(source: Source, observer: Observer) {
    this.source = source;
    this.observer = observer;
  }
}

/** Something that reads sources and wants to hear when one of them changes: a binding. */
export abstract class Observer {
  sources: Link | null = null;
  sourcesTail: Link | null = null;
  /** A binding: told first of a change of a Qt 6 bindable property (see notifyObservers). */
  isBinding = false;
  /**
   * An ordinary connection (`signal.connect(f)` from JavaScript, a view on
   * its model): told after the bindings and QML handlers (Qt's QML side
   * hears a signal first, QQmlData::signalEmitted, then the connections).
   */
  late = false;
  /**
   * Set by a read through track(): a getter whose sources may depend on state
   * (an alias, a computed property), as opposed to a plain property's
   * (trackPlain), which is the same source each time.
   */
  dynamicRead = false;

  /** Called when a source this observer read has changed (with the signal's arguments). */
  abstract notify(args: unknown[] | undefined): void;

  /** Marks the current sources as unread and makes them findable during the evaluation. */
  protected prepare(): void {
    for (let link = this.sources; link !== null; link = link.nextInObserver) {
      link.version = -1;
      link.rollback = link.source.node;
      link.source.node = link;
    }
  }

  /** Drops the sources the evaluation did not read again. */
  protected cleanup(): void {
    let prev: Link | null = null;
    let link = this.sources;
    while (link !== null) {
      const next = link.nextInObserver;
      link.source.node = link.rollback;
      link.rollback = null;
      if (link.version === -1) {
        unsubscribe(link);
        if (prev === null) this.sources = next;
        else prev.nextInObserver = next;
      } else {
        prev = link;
      }
      link = next;
    }
    this.sourcesTail = prev;
  }

  /** Stops observing everything. */
  disconnectAll(): void {
    for (let link = this.sources; link !== null; link = link.nextInObserver) unsubscribe(link);
    this.sources = this.sourcesTail = null;
  }

  /**
   * After an evaluation of a binding on a bindable property (Qt's
   * QPropertyBinding, which captures its dependencies anew each time): its
   * links to bindable sources go to the front of their lists.
   */
  frontBindableSources(): void {
    for (let link = this.sources; link !== null; link = link.nextInObserver) {
      const s = link.source;
      if (s.bindable && s.head !== link) {
        unsubscribe(link);
        prepend(link);
      }
    }
  }

  /** Records that the running evaluation read `source`. */
  track(source: Source): void {
    this.dynamicRead = true;
    this.trackPlain(source);
  }

  /** Records a read of a plain property of an object: `source` is its change signal, whatever the state. */
  trackPlain(source: Source): void {
    let link = source.node;
    if (link !== null && link.observer === this) {
      link.version = 0;
      return;
    }
    link = new Link(source, this);
    link.rollback = source.node;
    source.node = link;
    if (this.sourcesTail === null) this.sources = link;
    else this.sourcesTail.nextInObserver = link;
    this.sourcesTail = link;
    subscribe(link);
  }
}

function subscribe(link: Link): void {
  const s = link.source;
  if (s.bindable && link.observer.isBinding) {
    prepend(link);
    return;
  }
  link.prevInSource = s.tail;
  link.nextInSource = null;
  if (s.tail === null) s.head = link;
  else s.tail.nextInSource = link;
  s.tail = link;
}

function prepend(link: Link): void {
  const s = link.source;
  link.prevInSource = null;
  link.nextInSource = s.head;
  if (s.head === null) s.tail = link;
  else s.head.prevInSource = link;
  s.head = link;
}

function unsubscribe(link: Link): void {
  const s = link.source;
  const prev = link.prevInSource;
  const next = link.nextInSource;
  if (prev === null) s.head = next;
  else prev.nextInSource = next;
  if (next === null) s.tail = prev;
  else next.prevInSource = prev;
  link.prevInSource = link.nextInSource = null;
}

/** The observer whose evaluation is running, or null when reads are not tracked. */
export let currentObserver: Observer | null = null;

export function setCurrentObserver(o: Observer | null): Observer | null {
  const prev = currentObserver;
  currentObserver = o;
  return prev;
}

/** Runs `f` with tracking off (signal handlers, imperative code). */
export function untracked<T>(f: () => T): T {
  const prev = currentObserver;
  currentObserver = null;
  try {
    return f();
  } finally {
    currentObserver = prev;
  }
}

// Notification re-uses one stack of observers: a notification may cascade
// (a binding writes, which notifies more bindings), each level pushes its
// observers above the levels in progress and pops them when done. The stack
// keeps its storage (slots are cleared, the length is not cut), so a source
// with thousands of observers does not reallocate it at every change.
const pending: Array<Observer | undefined> = [];
let pendingTop = 0;

/**
 * Tells every observer of `source` that it changed, in subscription order:
 * Qt runs a signal's bindings and handlers in the order they were connected
 * (measured with Qt 6.4: an object's own on<X>Changed handler, then a binding
 * evaluated afterwards, then Connections and connect() in creation order).
 * The observers are those subscribed when the notification starts.
 */
export function notifyObservers(source: Source, args: unknown[] | undefined, bindingsFirst = false): void {
  const head = source.head;
  if (head === null) return;
  if (head === source.tail) {
    // One observer (a property read by one binding): nothing to snapshot or order.
    head.observer.notify(args);
    return;
  }
  const base = pendingTop;
  let top = base;
  let late = false;
  if (bindingsFirst) {
    // A Qt 6 bindable property (QObjectCompatProperty::notify) tells its
    // binding observers first, then emits the signal to handlers (measured:
    // binding_other_component, `a.width = 100` re-evaluates b's `width:
    // a.width / 2` before a's own onWidthChanged).
    for (let link: Link | null = head; link !== null; link = link.nextInSource)
      if (link.observer.isBinding) pending[top++] = link.observer;
    for (let link: Link | null = head; link !== null; link = link.nextInSource) {
      const o = link.observer;
      if (o.late) late = true;
      else if (!o.isBinding) pending[top++] = o;
    }
  } else {
    for (let link: Link | null = head; link !== null; link = link.nextInSource) {
      const o = link.observer;
      if (o.late) late = true;
      else pending[top++] = o;
    }
  }
  if (late)
    for (let link: Link | null = head; link !== null; link = link.nextInSource)
      if (link.observer.late) pending[top++] = link.observer;
  pendingTop = top;
  let i = base;
  try {
    for (; i < top; i++) {
      const o = pending[i]!;
      pending[i] = undefined;
      o.notify(args);
    }
  } catch (e) {
    for (; i < top; i++) pending[i] = undefined;
    pendingTop = base;
    throw e;
  }
  pendingTop = base;
}

/** Subscribes an observer to a source outside of any evaluation (signal handlers). */
export function connect(source: Source, observer: Observer): Link {
  const link = new Link(source, observer);
  subscribe(link);
  return link;
}

/** Subscribes an observer ahead of the source's other observers (an alias's forwarding of its target's change). */
export function connectFirst(source: Source, observer: Observer): Link {
  const link = new Link(source, observer);
  prepend(link);
  return link;
}

export function disconnect(link: Link): void {
  unsubscribe(link);
}
