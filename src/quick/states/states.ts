// Qt Quick's states and transitions: StateGroup (qquickstategroup.cpp),
// State (qquickstate.cpp), PropertyChanges (qquickpropertychanges.cpp),
// StateChangeScript (qquickstatechangescript.cpp), the transition manager
// (qquicktransitionmanager.cpp) and Transition (qquicktransition.cpp).
import { type BindingFunction, PropertyBinding } from '../../engine/binding';
import type { QmlContext, SourceLocation } from '../../engine/context';
import { executeDeferred, type StateChange } from '../../engine/creator';
import {
  defineType,
  type Handler,
  handlerSignalName,
  type MetaObject,
  type PropertyInfo,
  QObject,
  qmlWarning,
} from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { untracked } from '../../engine/reactive';
import {
  type AbstractAnimation,
  BACKWARD,
  FORWARD,
  ParallelAnimation,
  RUNNING,
  runScript,
  SCRIPT_PROPERTY,
  STOPPED,
  type TouchedProperties,
  type TransitionAction,
  writeProperty,
} from '../animation/animations';
import { ITEM, type Item, type StateGroupHook, stateGroups } from '../items/Item';

/**
 * A change a state makes that is not a property's (QQuickStateActionEvent):
 * a StateChangeScript's script, an AnchorChanges, a ParentChange. The
 * defaults are Qt's.
 */
export abstract class StateEvent {
  abstract readonly type: string;
  abstract execute(): void;
  isReversable(): boolean {
    return false;
  }
  reverse(): void {}
  saveOriginals(): void {}
  needsCopy(): boolean {
    return false;
  }
  copyOriginals(_other: StateEvent): void {}
  isRewindable(): boolean {
    return this.isReversable();
  }
  rewind(): void {}
  saveCurrentValues(): void {}
  saveTargetValues(): void {}
  changesBindings(): boolean {
    return false;
  }
  clearBindings(): void {}
  mayOverride(_other: StateEvent): boolean {
    return false;
  }
}

/** A change a state makes (QQuickStateAction): a property's, or an event. */
export class StateAction implements TransitionAction {
  obj: QObject | null = null;
  info: PropertyInfo | null = null;
  specifiedObject: QObject | null = null;
  specifiedProperty = '';
  fromValue: unknown = undefined;
  toValue: unknown = undefined;
  /** Qt's toValue.isValid(). */
  hasToValue = false;
  fromBinding: PropertyBinding | null = null;
  toBinding: PropertyBinding | null = null;
  /** The state made toBinding (a PropertyChanges expression), as opposed to a binding restored. */
  deletableToBinding = false;
  restore = true;
  event: StateEvent | null = null;
  /** The event is to be reversed (it restores what its state changed). */
  reverseEvent = false;
  actionDone = false;

  /** A StateChangeScript's name and script, for a ScriptAction's scriptName. */
  get script(): { name: string; run(): void } | null {
    return this.event instanceof ScriptEvent ? this.event : null;
  }
}

/** What a state keeps to restore a property or undo an event (QQuickSimpleAction). */
interface SimpleAction {
  obj: QObject | null;
  info: PropertyInfo | null;
  value: unknown;
  binding: PropertyBinding | null;
  specifiedObject: QObject | null;
  specifiedProperty: string;
  event: StateEvent | null;
  reverseEvent: boolean;
}

export function bindingOf(obj: QObject, info: PropertyInfo): PropertyBinding | null {
  const b = obj.$binding(info.index);
  return b instanceof PropertyBinding ? b : null;
}

/** QQmlPropertyPrivate::removeBinding: the binding stops, kept by whoever holds it. */
export function removeBinding(obj: QObject, info: PropertyInfo): void {
  const b = bindingOf(obj, info);
  if (b === null) return;
  obj.$unlinkBinding(b);
  b.suspend();
}

/** The binding of a state's change (an expression): on `obj`'s property, read with `scope` (the object changed) first. */
export function changeBinding(
  obj: QObject,
  info: PropertyInfo,
  c: StateChange,
  scope: QObject,
  ctx: QmlContext | null,
  typeName: string,
): PropertyBinding {
  return new PropertyBinding(obj, info.index, c.fn!, scope, ctx, obj.$engine!, c.location, c.name, typeName);
}

/** QQmlPropertyPrivate::setBinding: the binding takes the property and evaluates. */
export function setBinding(obj: QObject, info: PropertyInfo, b: PropertyBinding): void {
  if (obj.$destroyed) return;
  obj.$setBinding(info.index, b);
  b.resume();
}

/** The action's start, to restore when the state is left (QQuickSimpleAction, StartState). */
function startOf(a: StateAction): SimpleAction {
  return {
    obj: a.obj,
    info: a.info,
    value: a.fromValue,
    binding: a.obj !== null && a.info !== null ? bindingOf(a.obj, a.info) : null,
    specifiedObject: a.specifiedObject,
    specifiedProperty: a.specifiedProperty,
    event: a.event,
    reverseEvent: true,
  };
}

function sameValue(info: PropertyInfo, obj: QObject, a: unknown, b: unknown): boolean {
  try {
    return info.equals(info.coerce(a, obj), info.coerce(b, obj));
  } catch {
    return false;
  }
}

// ---- the transition manager ------------------------------------------------------

/**
 * Runs a state's changes, or a view's move of an item, through a transition
 * or at once (QQuickTransitionManager); `finished` is told at the end.
 */
export class TransitionManager {
  private job: TransitionJob | null = null;
  private bindingsList: StateAction[] = [];
  private completeList: SimpleAction[] = [];

  constructor(private readonly finished: () => void) {}

  /** The transition is running (QQuickTransitionManager::isRunning). */
  get running(): boolean {
    return this.job !== null && this.job.jobState === RUNNING;
  }

  complete(): void {
    this.applyBindings();
    for (const s of this.completeList) writeProperty(s.obj!, s.info!, s.value);
    this.completeList = [];
    this.finished();
  }

  private applyBindings(): void {
    for (const a of this.bindingsList) {
      if (a.toBinding !== null) setBinding(a.obj!, a.info!, a.toBinding);
      else if (a.event !== null) runEvent(a);
    }
    this.bindingsList = [];
  }

  /** `defaultTarget`: what an animation that names no target animates (a view's item). */
  transition(list: StateAction[], transition: Transition | null, defaultTarget: QObject | null = null): void {
    this.cancel();
    const applyList = list.slice();
    // the changes to bindings wait for the end; the bindings they replace stop now
    for (const a of applyList) {
      if (a.toBinding !== null) this.bindingsList.push(a);
      if (a.fromBinding !== null) removeBinding(a.obj!, a.info!);
      if (a.event?.changesBindings()) {
        this.bindingsList.push(a);
        a.event.clearBindings();
      }
    }
    if (transition !== null && this.bindingsList.length > 0) {
      // Qt's "best effort" for the end values of bindings: apply everything,
      // read the values, and roll back.
      for (const a of applyList) {
        if (a.event !== null) {
          if (a.event.isReversable()) runEvent(a);
        } else if (a.toBinding !== null) setBinding(a.obj!, a.info!, a.toBinding);
        else writeProperty(a.obj!, a.info!, a.toValue, true);
      }
      for (const a of applyList) {
        if (a.event !== null) a.event.saveTargetValues();
        else if (a.toBinding !== null || !a.hasToValue) {
          a.toValue = a.obj!.$get(a.info!.index);
          a.hasToValue = true;
        }
      }
      for (const a of applyList) {
        if (a.event !== null) {
          if (a.event.isReversable()) {
            a.event.clearBindings();
            a.event.rewind();
            a.event.clearBindings();
          }
          continue;
        }
        if (a.toBinding !== null) removeBinding(a.obj!, a.info!);
        writeProperty(a.obj!, a.info!, a.fromValue, true);
      }
    }
    if (transition !== null) {
      const touched: TouchedProperties = [];
      this.job = transition.prepare(applyList, touched, this, defaultTarget);
      this.job.jobStart();
      // what the transition animates is not written here
      for (let i = 0; i < applyList.length; i++) {
        const a = applyList[i]!;
        if (a.event !== null) {
          if (a.actionDone) applyList.splice(i--, 1);
        } else if (touched.some((t) => t.obj === a.obj && t.info === a.info)) {
          if (!sameValue(a.info!, a.obj!, a.toValue, a.fromValue))
            this.completeList.push({
              obj: a.obj,
              info: a.info,
              value: a.toValue,
              binding: a.toBinding,
              specifiedObject: a.specifiedObject,
              specifiedProperty: a.specifiedProperty,
              event: null,
              reverseEvent: false,
            });
          applyList.splice(i--, 1);
        }
      }
    }
    // the rest at once (the bindings at the end)
    for (const a of applyList) {
      if (a.event !== null) {
        if (!a.event.changesBindings()) runEvent(a);
      } else if (a.toBinding === null) writeProperty(a.obj!, a.info!, a.toValue);
    }
    if (transition === null) this.complete();
  }

  cancel(): void {
    if (this.job !== null && this.job.jobState === RUNNING) this.job.jobStop();
    for (const a of this.bindingsList) {
      if (a.toBinding !== null && a.deletableToBinding) {
        removeBinding(a.obj!, a.info!);
        a.toBinding = null;
        a.deletableToBinding = false;
      }
    }
    this.bindingsList = [];
    this.completeList = [];
  }
}

/** Runs an event, or reverses it when it is the undoing of one. */
function runEvent(a: { event: StateEvent | null; reverseEvent: boolean }): void {
  const e = a.event!;
  if (a.reverseEvent && e.isReversable()) e.reverse();
  else e.execute();
}

// ---- State ----------------------------------------------------------------------

/** What a state is made of (QQuickStateOperation): PropertyChanges, StateChangeScript, AnchorChanges, ParentChange. */
export interface StateOperation {
  actions(): StateAction[];
}

export class State extends QObject {
  group: StateGroup | null = null;
  named = false;
  whenKnown = false;
  /** The changes to undo to leave this state (and the states it was entered from). */
  revertList: SimpleAction[] = [];
  private reverting: SimpleAction[] = [];
  private inState = false;
  private readonly manager = new TransitionManager(() => this.complete());
  readonly operations: StateOperation[] = [];

  get stateName(): string {
    return this.$v[ST.name] as string;
  }

  setName(name: string): void {
    this.named = true;
    this.$store(ST.name, name);
  }

  setWhen(when: boolean): void {
    this.whenKnown = true;
    this.$store(ST.when, when);
    this.group?.updateAutoState();
  }

  /** `when` now: its binding evaluated again (the value may not have been updated yet). */
  whenNow(): boolean {
    const b = this.$binding(ST.when);
    if (b instanceof PropertyBinding) return Boolean(b.peek());
    return this.$v[ST.when] as boolean;
  }

  appendOperation(v: unknown): void {
    if (v instanceof QObject && typeof (v as unknown as StateOperation).actions === 'function')
      this.operations.push(v as unknown as StateOperation);
  }

  cancel(): void {
    this.manager.cancel();
  }

  override $teardown(): void {
    // (a transition running for it stops: its item is going)
    this.manager.cancel();
  }

  /** The state's changes, after those of the state it extends. */
  private generateActionList(): StateAction[] {
    if (this.inState) return [];
    this.inState = true;
    let list: StateAction[] = [];
    const extend = this.$v[ST.extend] as string;
    if (extend !== '' && this.group !== null)
      for (const s of this.group.states) if (s.stateName === extend) list = s.generateActionList();
    for (const op of this.operations) list.push(...op.actions());
    this.inState = false;
    return list;
  }

  /** QQuickState::apply: enters this state from `revert`, through `transition` if there is one. */
  apply(transition: Transition | null, revert: State | null): void {
    this.cancel();
    revert?.cancel();
    this.revertList = [];
    this.reverting = [];
    if (revert !== null) {
      this.revertList = revert.revertList;
      revert.revertList = [];
    }
    const applyList = this.generateActionList();
    const additionalReverts: SimpleAction[] = [];
    for (const a of applyList) {
      const e = a.event;
      if (e !== null) {
        if (!e.isReversable()) continue;
        let found = false;
        for (let j = 0; j < this.revertList.length; j++) {
          const other = this.revertList[j]!.event;
          if (other === null || other.type !== e.type || !e.mayOverride(other)) continue;
          found = true;
          if (e !== other && e.needsCopy()) {
            e.copyOriginals(other);
            additionalReverts.push(startOf(a));
            this.revertList.splice(j, 1);
          } else if (e.isRewindable()) e.saveCurrentValues();
          break;
        }
        if (!found) {
          e.saveOriginals();
          additionalReverts.push(startOf(a));
        }
        continue;
      }
      a.fromBinding = bindingOf(a.obj!, a.info!);
      const r = this.revertList.find((r) => r.obj === a.obj && r.info === a.info);
      if (r !== undefined) {
        if (r.binding !== a.fromBinding) deleteFromBinding(a);
      } else if (!a.restore) deleteFromBinding(a);
      else additionalReverts.push(startOf(a));
    }
    // what the previous state changed and this one does not goes back
    for (const r of this.revertList) {
      const e = r.event;
      if (e !== null) {
        if (!e.isReversable()) continue;
        if (applyList.some((a) => a.event !== null && a.event.type === e.type && a.event.mayOverride(e)))
          continue;
        const a = new StateAction();
        a.event = e;
        a.reverseEvent = r.reverseEvent;
        if (e.isRewindable()) e.saveCurrentValues();
        applyList.push(a);
        this.reverting.push(r);
        continue;
      }
      if (applyList.some((a) => a.obj === r.obj && a.info === r.info)) continue;
      const a = new StateAction();
      a.obj = r.obj;
      a.info = r.info;
      a.fromValue = r.obj!.$get(r.info!.index);
      removeBinding(r.obj!, r.info!);
      a.toValue = r.value;
      a.hasToValue = true;
      a.toBinding = r.binding;
      a.specifiedObject = r.specifiedObject;
      a.specifiedProperty = r.specifiedProperty;
      applyList.push(a);
      this.reverting.push(r);
    }
    this.revertList.push(...additionalReverts);
    this.manager.transition(applyList, transition);
  }

  /** The change is over (QQuickStatePrivate::complete). */
  complete(): void {
    for (const r of this.reverting) {
      const i = this.revertList.findIndex((s) =>
        r.event !== null ? s.event === r.event : s.obj === r.obj && s.info === r.info,
      );
      if (i >= 0) this.revertList.splice(i, 1);
    }
    this.reverting = [];
    this.group?.stateAboutToComplete();
    this.$emit(ST.completed, undefined);
  }
}

function deleteFromBinding(a: StateAction): void {
  if (a.fromBinding === null) return;
  a.fromBinding.destroy();
  a.fromBinding = null;
}

const StateMeta: MetaObject = defineType(State, QtObjectMeta, {
  name: 'State',
  cppClass: 'QQuickState',
  defaultProperty: 'changes',
  properties: {
    name: { type: 'string', write: (o, v) => (o as State).setName(v as string) },
    when: { type: 'bool', write: (o, v) => (o as State).setWhen(v as boolean) },
    extend: { type: 'string' },
    changes: { type: 'list', append: (o, v) => (o as State).appendOperation(v) },
  },
  signals: { completed: {} },
});
const ST = {
  name: StateMeta.index('name'),
  when: StateMeta.index('when'),
  extend: StateMeta.index('extend'),
  completed: StateMeta.signalsByName.get('completed')!.index,
};

// ---- PropertyChanges ------------------------------------------------------------

/** A handler as it runs: the function, its `this`, and how it reports an exception. */
type HandlerExpression = Pick<Handler, 'fn' | 'thisArg' | 'report'>;

/** The object's own handler of a signal now (Qt's signal expression), if it has one. */
function signalExpression(obj: QObject, sig: number): HandlerExpression | null {
  const h = obj.$boundHandler(sig);
  return h === undefined ? null : { fn: h.fn, thisArg: h.thisArg, report: h.report };
}

/** Gives the object's own handler of a signal another expression (none: it does nothing). */
function setSignalExpression(obj: QObject, sig: number, e: HandlerExpression | null): void {
  const h = obj.$boundHandler(sig);
  if (h !== undefined) {
    h.fn = e?.fn ?? (() => {});
    h.thisArg = e?.thisArg;
    if (e !== null) h.report = e.report;
  } else if (e !== null) obj.$connect(sig, { ...e, bound: true });
}

/** A PropertyChanges' `onFoo:` (QQuickReplaceSignalHandler): the object's own handler of the signal, replaced. */
class SignalHandlerEvent extends StateEvent {
  readonly type = 'signal';
  private reverseExpression: HandlerExpression | null = null;
  private rewindExpression: HandlerExpression | null = null;

  constructor(
    readonly obj: QObject,
    readonly sig: number,
    private readonly expression: HandlerExpression,
  ) {
    super();
  }
  execute(): void {
    setSignalExpression(this.obj, this.sig, this.expression);
  }
  override isReversable(): boolean {
    return true;
  }
  override reverse(): void {
    setSignalExpression(this.obj, this.sig, this.reverseExpression);
  }
  override saveOriginals(): void {
    this.saveCurrentValues();
    this.reverseExpression = this.rewindExpression;
  }
  override needsCopy(): boolean {
    return true;
  }
  override copyOriginals(other: StateEvent): void {
    this.saveCurrentValues();
    if (other === this) return;
    this.reverseExpression = (other as SignalHandlerEvent).reverseExpression;
  }
  override rewind(): void {
    setSignalExpression(this.obj, this.sig, this.rewindExpression);
  }
  override saveCurrentValues(): void {
    this.rewindExpression = signalExpression(this.obj, this.sig);
  }
  override mayOverride(other: StateEvent): boolean {
    if (other === this) return true;
    return other instanceof SignalHandlerEvent && other.obj === this.obj && other.sig === this.sig;
  }
}

export class PropertyChanges extends QObject implements StateOperation {
  private changes: StateChange[] = [];
  private ctx: QmlContext | null = null;
  /** The handler replacements, made once for each target (Qt decodes them once). */
  private handlerEvents = new Map<StateChange, SignalHandlerEvent>();

  $setStateChanges(changes: StateChange[], ctx: QmlContext): void {
    this.changes = changes;
    this.ctx = ctx;
  }

  /** The replacement of the target's handler a change `onFoo:` makes; null (with Qt's warning) if it has no such signal. */
  private handlerEvent(c: StateChange): SignalHandlerEvent | null {
    const target = this.$v[PC.target] as QObject | null;
    const signalName = handlerSignalName(c.name);
    const signal = signalName !== undefined ? target?.$meta.signalForHandler(signalName) : undefined;
    if (target === null || signal === undefined) {
      qmlWarning(this, `Cannot assign to non-existent property "${c.name}"`);
      return null;
    }
    let e = this.handlerEvents.get(c);
    if (e === undefined || e.obj !== target) {
      const engine = this.$engine;
      const location = c.location;
      e = new SignalHandlerEvent(target, signal.index, {
        fn: c.makeHandler!(target, signal),
        thisArg: target,
        report: (err: unknown) => engine?.reportError(err, { ...location, column: 0 }),
      });
      this.handlerEvents.set(c, e);
    }
    return e;
  }

  /** The property a change names: on its object (an id, or the target), through groups (`border.color`). */
  private property(
    c: StateChange,
  ): { obj: QObject; info: PropertyInfo; object: QObject; name: string } | null {
    // (`rect.width: 5` names an object by its id when the PropertyChanges has no target)
    const target = this.$v[PC.target] as QObject | null;
    const byId = c.objectId !== null && target === null;
    const name = c.objectId !== null && !byId ? `${c.objectId}.${c.name}` : c.name;
    const object = byId ? (this.ctx?.lookupId(c.objectId!) ?? null) : target;
    const parts = name.split('.');
    let obj: QObject | null = object;
    let info: PropertyInfo | undefined;
    for (let i = 0; obj !== null && i < parts.length; i++) {
      info = obj.$meta.propsByName.get(parts[i]!);
      if (info === undefined) break;
      if ((info as { alias?: unknown }).alias !== undefined) {
        const t = obj.$resolveAlias(info.index);
        obj = t.obj;
        info = obj.$meta.props[t.index]!;
      }
      if (i < parts.length - 1) {
        const next = (obj as unknown as Record<string, unknown>)[parts[i]!];
        obj = next instanceof QObject ? next : null;
        info = undefined;
      }
    }
    if (obj === null || object === null || info === undefined) {
      qmlWarning(this, `Cannot assign to non-existent property "${name}"`);
      return null;
    }
    if (info.readonly) {
      qmlWarning(this, `Cannot assign to read-only property "${name}"`);
      return null;
    }
    return { obj, info, object, name };
  }

  actions(): StateAction[] {
    const list: StateAction[] = [];
    const restore = this.$v[PC.restoreEntryValues] as boolean;
    const make = (c: StateChange): StateAction | null => {
      const p = this.property(c);
      if (p === null) return null;
      const a = new StateAction();
      a.obj = p.obj;
      a.info = p.info;
      a.specifiedObject = p.object;
      a.specifiedProperty = p.name;
      a.fromValue = p.obj.$get(p.info.index);
      a.restore = restore;
      return a;
    };
    // (Qt's order: the values, then the expressions; each last to first as
    // written, those of groups, `border.color`, after the others)
    const grouped = (c: StateChange) => c.name.includes('.') || c.objectId !== null;
    const changes = [
      ...this.changes.filter((c) => !grouped(c)).reverse(),
      ...this.changes.filter(grouped).reverse(),
    ];
    for (const c of changes) {
      if (c.fn !== undefined || c.makeHandler !== undefined) continue;
      const a = make(c);
      if (a === null) continue;
      a.toValue = c.value;
      a.hasToValue = true;
      list.push(a);
    }
    for (const c of changes) {
      if (c.makeHandler === undefined) continue;
      const e = this.handlerEvent(c);
      if (e === null) continue;
      const a = new StateAction();
      a.event = e;
      list.push(a);
    }
    for (const c of changes) {
      if (c.fn === undefined) continue;
      const a = make(c);
      if (a === null) continue;
      if (this.$v[PC.explicit]) {
        // evaluated once, when the state is entered
        a.toValue = this.evaluateOnce(c.fn, a.specifiedObject!, c.location);
        a.hasToValue = true;
      } else {
        a.toBinding = changeBinding(a.obj!, a.info!, c, a.specifiedObject!, this.ctx, a.obj!.$meta.name);
        a.deletableToBinding = true;
      }
      list.push(a);
    }
    return list;
  }

  private evaluateOnce(fn: BindingFunction, scope: QObject, location: SourceLocation): unknown {
    try {
      return untracked(() => fn.call(scope, scope, this.ctx));
    } catch (e) {
      this.$engine?.reportError(e, location);
      return undefined;
    }
  }
}

const PropertyChangesMeta = defineType(PropertyChanges, QtObjectMeta, {
  name: 'PropertyChanges',
  cppClass: 'QQuickPropertyChanges',
  stateChanges: true,
  properties: {
    target: { type: 'QtObject', notify: 'objectChanged' },
    restoreEntryValues: { type: 'bool', default: true },
    explicit: { type: 'bool', notify: 'isExplicitChanged' },
  },
  signals: { objectChanged: {}, isExplicitChanged: {} },
});
const PC = {
  target: PropertyChangesMeta.index('target'),
  restoreEntryValues: PropertyChangesMeta.index('restoreEntryValues'),
  explicit: PropertyChangesMeta.index('explicit'),
};

// ---- StateChangeScript ----------------------------------------------------------

/** A StateChangeScript's script as a state runs it (not reversible). */
class ScriptEvent extends StateEvent {
  readonly type = 'script';
  constructor(private readonly owner: StateChangeScript) {
    super();
  }
  get name(): string {
    return this.owner.$v[SCS.name] as string;
  }
  run(): void {
    runScript(this.owner, SCS.script);
  }
  execute(): void {
    this.run();
  }
}

export class StateChangeScript extends QObject implements StateOperation {
  private readonly event = new ScriptEvent(this);
  actions(): StateAction[] {
    const a = new StateAction();
    a.event = this.event;
    return [a];
  }
}
const StateChangeScriptMeta = defineType(StateChangeScript, QtObjectMeta, {
  name: 'StateChangeScript',
  cppClass: 'QQuickStateChangeScript',
  properties: {
    script: SCRIPT_PROPERTY,
    name: { type: 'string' },
  },
});
const SCS = {
  script: StateChangeScriptMeta.index('script'),
  name: StateChangeScriptMeta.index('name'),
};

// ---- Transition -----------------------------------------------------------------

/** A transition's run: its animations in parallel (Qt's ParallelAnimationWrapper). */
class TransitionJob extends ParallelAnimation {
  manager: TransitionManager | null = null;

  constructor(private readonly owner: Transition) {
    super();
  }

  protected override stateChanged(state: number, old: number): void {
    super.stateChanged(state, old);
    // at its end (its start, run backwards) the state's change completes,
    // then the transition stops running, unless that completion started it again
    if (state === STOPPED) {
      const dura = this.loopDuration();
      const atEnd =
        dura === -1 || (this.direction === FORWARD ? this.loopTime === dura : this.loopTime === 0);
      if (atEnd) this.manager?.complete();
    }
    const running = this.jobState === RUNNING;
    if (running !== this.wasRunning) {
      this.wasRunning = running;
      this.owner.runStateChanged(running);
    }
  }
  private wasRunning = false;

  protected override jobFinished(): void {}
}

export class Transition extends QObject {
  readonly animations: AbstractAnimation[] = [];
  reversed = false;
  private job: TransitionJob | null = null;
  /** Its runs going on (a view runs one for each item that moves). */
  private runs = 0;

  appendAnimation(v: unknown): void {
    if (v instanceof QObject && 'transition' in v) this.animations.push(v as AbstractAnimation);
  }

  runStateChanged(running: boolean): void {
    this.runs += running ? 1 : -1;
    this.$store(TR.running, this.runs > 0);
  }

  get isEnabled(): boolean {
    return this.$v[TR.enabled] as boolean;
  }

  override $teardown(): void {
    if (this.job !== null && this.job.jobState !== STOPPED) this.job.jobStop();
  }

  /** QQuickTransition::prepare: the animations take the changes they match. */
  prepare(
    actions: StateAction[],
    touched: TouchedProperties,
    manager: TransitionManager,
    defaultTarget: QObject | null,
  ): TransitionJob {
    // (its animations are made for its first run)
    executeDeferred(this);
    // a view's transition (one with a default target) runs for several items
    // at once: each run has animations of its own (Qt's QQuickTransitionInstance)
    const own = defaultTarget !== null;
    let job = own ? null : this.job;
    if (job === null) {
      job = new TransitionJob(this);
      job.$engine = this.$engine;
      if (!own) this.job = job;
    }
    job.manager = manager;
    job.children.length = 0;
    const animations = own ? this.animations.map((a) => a.spawn(null)) : this.animations;
    // (reversed: run backwards, the last animation taking its changes first)
    const n = animations.length;
    for (let i = 0; i < n; i++)
      animations[this.reversed ? n - 1 - i : i]!.transition(actions, touched, this.reversed, defaultTarget);
    for (const a of animations) job.appendAnimation(a);
    job.setDirection(this.reversed ? BACKWARD : FORWARD);
    return job;
  }
}
const TransitionMeta = defineType(Transition, QtObjectMeta, {
  name: 'Transition',
  cppClass: 'QQuickTransition',
  defaultProperty: 'animations',
  properties: {
    from: { type: 'string', default: '*' },
    to: { type: 'string', default: '*' },
    reversible: { type: 'bool' },
    enabled: { type: 'bool', default: true },
    running: { type: 'bool', readonly: true },
    animations: { type: 'list', deferred: true, append: (o, v) => (o as Transition).appendAnimation(v) },
  },
});
const TR = {
  from: TransitionMeta.index('from'),
  to: TransitionMeta.index('to'),
  reversible: TransitionMeta.index('reversible'),
  enabled: TransitionMeta.index('enabled'),
  running: TransitionMeta.index('running'),
};

// ---- StateGroup -----------------------------------------------------------------

/** The states of an object (QQuickStateGroup): an Item's, or a StateGroup's own. */
class StateGroup implements StateGroupHook {
  readonly states: State[] = [];
  readonly transitions: Transition[] = [];
  private applyingState = false;
  private unnamedCount = 0;
  private nullState: State | null = null;

  constructor(
    private readonly owner: QObject,
    /** The owner's `state` property, which holds the current state's name. */
    private readonly stateIndex: number,
    private readonly stateChanged: number,
    private complete: boolean,
  ) {}

  private get currentState(): string {
    return this.owner.$v[this.stateIndex] as string;
  }
  private set currentState(name: string) {
    this.owner.$v[this.stateIndex] = name;
  }

  appendState(v: unknown): void {
    if (!(v instanceof State)) return;
    this.states.push(v);
    v.group = this;
  }

  appendTransition(v: unknown): void {
    if (v instanceof Transition) this.transitions.push(v);
  }

  setState(name: string): void {
    if (this.currentState === name) return;
    this.setCurrentStateInternal(name, false);
  }

  classBegin(): void {
    this.complete = false;
  }

  componentComplete(): void {
    this.complete = true;
    const names: string[] = [];
    for (const s of this.states) {
      if (!s.named) s.setName(`anonymousState${++this.unnamedCount}`);
      const name = s.stateName;
      if (names.includes(name)) qmlWarning(this.owner, `Found duplicate state name: ${name}`);
      else names.push(name);
    }
    if (this.updateAutoState()) return;
    if (this.currentState !== '') {
      const cs = this.currentState;
      this.currentState = '';
      this.setCurrentStateInternal(cs, true);
    }
  }

  /** The first state whose `when` holds becomes current; none: back to the base state. True if the state changed. */
  updateAutoState(): boolean {
    if (!this.complete) return false;
    let revert = false;
    for (const s of this.states) {
      if (!s.whenKnown || !s.named) continue;
      if (s.whenNow()) {
        if (this.currentState === s.stateName) return false;
        this.setState(s.stateName);
        return true;
      }
      if (s.stateName === this.currentState) revert = true;
    }
    if (!revert) return false;
    const changed = this.currentState !== '';
    this.setState('');
    return changed;
  }

  /** The best transition from `from` to `to`: named states (2 points each) before `*` (1). */
  private findTransition(from: string, to: string): Transition | null {
    let highest: Transition | null = null;
    let score = 0;
    let reversed = false;
    for (const t of this.transitions) {
      if (!t.$v[TR.enabled]) continue;
      const f = t.$v[TR.from] as string;
      const tt = t.$v[TR.to] as string;
      let done = false;
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1 && (!t.$v[TR.reversible] || (f === '*' && tt === '*'))) break;
        let fromStates = f.split(',').map((s) => s.trim());
        let toStates = tt.split(',').map((s) => s.trim());
        if (pass === 1) [fromStates, toStates] = [toStates, fromStates];
        let tScore = 0;
        if (fromStates.includes(from)) tScore += 2;
        else if (fromStates.includes('*')) tScore += 1;
        else continue;
        if (toStates.includes(to)) tScore += 2;
        else if (toStates.includes('*')) tScore += 1;
        else continue;
        // (Qt 6.4 notes the direction of every match, the one it keeps or not)
        reversed = pass === 1;
        if (tScore === 4) {
          highest = t;
          done = true;
          break;
        }
        if (tScore > score) {
          score = tScore;
          highest = t;
        }
      }
      if (done) break;
    }
    if (highest !== null) highest.reversed = reversed;
    return highest;
  }

  private setCurrentStateInternal(name: string, ignoreTrans: boolean): void {
    if (!this.complete) {
      this.currentState = name;
      return;
    }
    if (this.applyingState) {
      // (an Item's state group is an object of its own, declared nowhere)
      const message = "Can't apply a state change as part of a state definition.";
      if (this.owner instanceof StateGroupObject) qmlWarning(this.owner, message);
      else this.owner.$engine?.sink.warn(`<Unknown File>: QML StateGroup: ${message}`);
      return;
    }
    this.applyingState = true;
    const transition = ignoreTrans ? null : this.findTransition(this.currentState, name);
    let oldState: State | null = null;
    if (this.currentState !== '')
      oldState = this.states.find((s) => s.stateName === this.currentState) ?? null;
    this.currentState = name;
    this.owner.$emit(this.stateChanged, undefined);
    let newState = this.states.find((s) => s.stateName === name) ?? null;
    if (oldState === null || newState === null) {
      if (this.nullState === null) {
        this.nullState = new State();
        this.nullState.$engine = this.owner.$engine;
        this.nullState.group = this;
      }
      oldState ??= this.nullState;
      newState ??= this.nullState;
    }
    try {
      newState.apply(transition, oldState);
    } finally {
      this.applyingState = false;
    }
  }

  stateAboutToComplete(): void {
    this.applyingState = false;
  }
}

/** The `StateGroup` type: states for an object that is not an Item. */
export class StateGroupObject extends QObject {
  readonly group: StateGroup;
  constructor() {
    super();
    this.group = new StateGroup(this, SG.state, SG.stateChanged, true);
    this.$v[SG.states] = this.group.states;
    this.$v[SG.transitions] = this.group.transitions;
  }
  $classBegin(): void {
    this.group.classBegin();
  }
  $componentComplete(): void {
    this.group.componentComplete();
  }
}
const StateGroupMeta = defineType(StateGroupObject, QtObjectMeta, {
  name: 'StateGroup',
  cppClass: 'QQuickStateGroup',
  properties: {
    state: { type: 'string', write: (o, v) => (o as StateGroupObject).group.setState(v as string) },
    // (no change signals in Qt)
    states: { type: 'list', constant: true, append: (o, v) => (o as StateGroupObject).group.appendState(v) },
    transitions: {
      type: 'list',
      constant: true,
      append: (o, v) => (o as StateGroupObject).group.appendTransition(v),
    },
  },
});
const SG = {
  state: StateGroupMeta.index('state'),
  states: StateGroupMeta.index('states'),
  transitions: StateGroupMeta.index('transitions'),
  stateChanged: StateGroupMeta.signalsByName.get('stateChanged')!.index,
};

// An Item's state group: its `states` and `transitions` lists are the group's.
stateGroups.make = (owner: Item, complete: boolean) => {
  const g = new StateGroup(owner, ITEM.state, ITEM.stateChanged, complete);
  owner.$v[ITEM.states] = g.states;
  owner.$v[ITEM.transitions] = g.transitions;
  return g;
};

export const STATE_TYPES: Record<string, MetaObject> = {
  StateGroup: StateGroupMeta,
  State: StateMeta,
  PropertyChanges: PropertyChangesMeta,
  StateChangeScript: StateChangeScriptMeta,
  Transition: TransitionMeta,
};
