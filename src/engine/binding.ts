import type { EngineServices, QmlContext, SourceLocation } from './context';
import type { InstalledBinding, QObject } from './qobject';
import { Observer, setCurrentObserver } from './reactive';

/** A compiled binding expression: called with the scope object as `this` and first argument, and the context. */
export type BindingFunction = (this: unknown, scope: QObject, ctx: QmlContext | null) => unknown;

/** What `Qt.binding(fn)` returns: assigning it to a property binds the property to `fn`. */
export class BindingMarker {
  constructor(
    readonly fn: BindingFunction,
    readonly engine: EngineServices,
  ) {}
}

/**
 * A property binding (`width: parent.width / 2`): evaluates its expression,
 * writes the result, and re-evaluates whenever something it read changes.
 */
export class PropertyBinding extends Observer implements InstalledBinding {
  pending = false;
  nextBinding: InstalledBinding | null = null;
  private evaluating = false;
  private dead = false;
  /** The expression reads the same properties of the same objects every time (see isFlatExpression). */
  private readonly flat: boolean;
  /** A flat binding whose last evaluation read plain properties only: its sources stay what they are. */
  private stable = false;
  /** Qt 6 bindable property (Item x/y/width/height): errors and loops are reported at the binding. */
  private readonly bindable: boolean;

  constructor(
    readonly target: QObject,
    readonly index: number,
    private readonly fn: BindingFunction,
    private readonly scope: QObject,
    private readonly ctx: QmlContext | null,
    private readonly engine: EngineServices,
    readonly location: SourceLocation | undefined,
    /** For the binding loop message: the property as written (`width`, `border.width`) and the object's type. */
    private readonly propertyName: string,
    private readonly typeName: string,
  ) {
    super();
    this.isBinding = true;
    this.bindable = target.$meta.props[index]!.bindable;
    this.flat = (fn as { flat?: boolean }).flat === true;
  }

  notify(): void {
    if (!this.dead) this.update();
  }

  update(): void {
    if (this.dead) return;
    this.pending = false;
    if (this.evaluating) {
      // Qt reports the loop every time it happens: at the binding for a
      // bindable property, at the declaration of the object otherwise.
      const loc = this.bindable
        ? this.location
        : (this.target.$declaration ?? this.scope.$declaration ?? this.location);
      const where = loc ? `${loc.url}:${loc.line}:${loc.column}: ` : '';
      this.engine.sink.warn(
        `${where}QML ${this.typeName}: Binding loop detected for property "${this.propertyName}"`,
      );
      return;
    }
    this.evaluating = true;
    try {
      let value: unknown;
      let ok = true;
      let evaluated = false;
      if (this.stable) {
        // The same sources as last time: read without tracking them anew.
        const prev = setCurrentObserver(null);
        try {
          value = this.fn.call(this.scope, this.scope, this.ctx);
          evaluated = true;
        } catch {
          // Evaluated again below, tracked: after an error the binding depends
          // only on what was read before it (and reports it from there).
          this.stable = false;
        } finally {
          setCurrentObserver(prev);
        }
      }
      if (!evaluated) {
        this.prepare();
        this.dynamicRead = false;
        const prev = setCurrentObserver(this);
        try {
          value = this.fn.call(this.scope, this.scope, this.ctx);
          this.stable = this.flat && !this.dynamicRead;
        } catch (e) {
          ok = false;
          this.engine.reportBindingError(
            this.engine.qtError(e, this.scope, this.ctx),
            this.location,
            this.bindable,
          );
          // Qt: a failing binding resets a resettable property (width goes back to its implicit width).
          if (this.bindable) this.target.$reset(this.index);
        } finally {
          setCurrentObserver(prev);
          this.cleanup();
        }
      }
      if (this.bindable) this.frontBindableSources();
      if (ok && !this.dead) {
        if (value === undefined && this.target.$reset(this.index)) return;
        const info = this.target.$meta.props[this.index]!;
        // (a value type's field, `font.family: c ? "Serif" : undefined`, keeps its value)
        if (value === undefined && info.assignUndefined !== undefined) return;
        // A binding's number goes into an int as JavaScript's ToInt32 takes it (NaN
        // is 0, 1e10 wraps round, measured), an assignment the C++ way (INT_MIN).
        if (typeof value === 'number' && !(value >= -2147483648 && value < 2147483648) && info.type === 'int')
          value |= 0;
        try {
          this.target.$write(this.index, value);
        } catch (e) {
          this.engine.reportBindingError(e, this.location, this.bindable);
        }
      }
    } finally {
      this.evaluating = false;
    }
  }

  /** The expression's value now, not tracked and not written (Qt's evaluate(): a State's `when`); undefined on an error. */
  peek(): unknown {
    const prev = setCurrentObserver(null);
    try {
      return this.fn.call(this.scope, this.scope, this.ctx);
    } catch {
      return undefined;
    } finally {
      setCurrentObserver(prev);
    }
  }

  /** Stops the binding without destroying it (a state takes the property over for a while). */
  suspend(): void {
    if (this.dead) return;
    this.dead = true;
    this.stable = false;
    this.disconnectAll();
  }

  /** Restarts a suspended binding: evaluates it again and follows its dependencies. */
  resume(): void {
    this.dead = false;
    this.update();
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.disconnectAll();
    this.target.$unlinkBinding(this);
  }
}
