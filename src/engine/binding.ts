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
  private evaluating = false;
  private loopReported = false;
  private dead = false;

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
  }

  notify(): void {
    if (!this.dead) this.update();
  }

  update(): void {
    if (this.dead) return;
    if (this.evaluating) {
      // Qt: reported once, with the location of the binding that closed the loop.
      if (!this.loopReported) {
        this.loopReported = true;
        const where = this.location
          ? `${this.location.url}:${this.location.line}:${this.location.column}: `
          : '';
        this.engine.sink.warn(
          `${where}QML ${this.typeName}: Binding loop detected for property "${this.propertyName}"`,
        );
      }
      return;
    }
    this.evaluating = true;
    try {
      this.prepare();
      const prev = setCurrentObserver(this);
      let value: unknown;
      let ok = true;
      try {
        value = this.fn.call(this.scope, this.scope, this.ctx);
      } catch (e) {
        ok = false;
        this.engine.reportError(e, this.location);
      } finally {
        setCurrentObserver(prev);
        this.cleanup();
      }
      if (ok && !this.dead) {
        try {
          this.target.$write(this.index, value);
        } catch (e) {
          this.engine.reportError(e, this.location);
        }
      }
    } finally {
      this.evaluating = false;
    }
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.disconnectAll();
    const bs = this.target.$bindings;
    if (bs && bs[this.index] === this) bs[this.index] = undefined;
  }
}
