// The QtQuick module: registers its types with an engine.
import type { QmlEngine } from '../engine/engine';
import { FlickableMeta } from './items/Flickable';
import { FocusScopeMeta } from './items/FocusScope';
import { ItemMeta } from './items/Item';
import { ListViewMeta, ViewSectionMeta } from './items/ListView';
import { RepeaterMeta } from './items/Repeater';
import { ListElementMeta, ListModelMeta } from './models/ListModel';

export function registerQtQuick(engine: QmlEngine): void {
  engine.registerModule('QtQml.Models', { ListModel: ListModelMeta, ListElement: ListElementMeta });
  engine.registerModule(
    'QtQuick',
    {
      Item: ItemMeta,
      FocusScope: FocusScopeMeta,
      Flickable: FlickableMeta,
      ListView: ListViewMeta,
      ViewSection: ViewSectionMeta,
      Repeater: RepeaterMeta,
    },
    ['QtQml', 'QtQml.Models'],
  );
}
