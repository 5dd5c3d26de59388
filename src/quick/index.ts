// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { FocusScopeMeta } from './items/FocusScope';
import { ItemMeta } from './items/Item';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerModule('QtQuick', { Item: ItemMeta, FocusScope: FocusScopeMeta }, ['QtQml']);
}
