// What a view needs from a model with changing rows (QAbstractItemModel as
// QQmlDelegateModel sees it): a row count, role names, values, and change
// notifications that a view can batch (it records them and lays out once
// per frame, so a notification must stay O(1) for the view).

export interface ModelListener {
  /** Rows [index, index + count) were inserted. */
  rowsInserted(index: number, count: number): void;
  /** Rows [index, index + count) were removed. */
  rowsRemoved(index: number, count: number): void;
  /** `count` rows moved from `from` so that they now start at `to`. */
  rowsMoved(from: number, to: number, count: number): void;
  /** Values of rows [index, index + count) changed, in the named roles. */
  dataChanged(index: number, count: number, roles: readonly string[]): void;
}

export interface ModelSource {
  // (named apart from a ListModel's QML methods rowCount(), data() and setData(), which are Qt's)
  readonly sourceRowCount: number;
  /** Role names, in role order (new roles are appended). */
  sourceRoleNames(): readonly string[];
  /** The value of `role` in `row` (undefined for an unknown role). */
  sourceData(row: number, role: string): unknown;
  /** Writes one value (`model.name = "x"` in a delegate). */
  setSourceData(row: number, role: string, value: unknown): void;
  addModelListener(l: ModelListener): void;
  removeModelListener(l: ModelListener): void;
}

export function isModelSource(v: unknown): v is ModelSource {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ModelSource).addModelListener === 'function' &&
    typeof (v as ModelSource).sourceRoleNames === 'function'
  );
}

/** What a model holding its objects (ObjectModel) tells its views. */
export interface InstanceListener extends ModelListener {
  /** `item` leaves the model for good (cleared): views let go of it. */
  destroyingInstance(item: object): void;
}

/** A model that holds its objects itself (QQmlObjectModel): views show them and make none. */
export interface InstanceModel {
  readonly instanceCount: number;
  instanceAt(index: number): unknown;
  addModelListener(l: InstanceListener): void;
  removeModelListener(l: InstanceListener): void;
}

export function isInstanceModel(v: unknown): v is InstanceModel {
  return typeof v === 'object' && v !== null && typeof (v as InstanceModel).instanceAt === 'function';
}
