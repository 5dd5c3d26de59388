// Column (QQuickColumn): children one below the other.
import { defineType, type MetaObject } from '../../engine/qobject';
import { ITEM } from './Item';
import { anchorIndexes, BasePositioner, BasePositionerMeta, POS, PositionerType } from './Positioner';

export class Column extends BasePositioner {
  constructor() {
    super(PositionerType.Vertical);
  }

  protected doPositioning(size: { width: number; height: number }): void {
    const top = this.$v[POS.topPadding] as number;
    const left = this.$v[POS.leftPadding] as number;
    const spacing = this.$v[POS.spacing] as number;
    const padding = left + (this.$v[POS.rightPadding] as number);
    let voffset = top;
    size.width = Math.max(size.width, padding);
    for (const child of this.positionedItems) {
      // Qt keeps the child's own x, moved by the change of leftPadding since it was last laid out.
      this.positionItem((child.$v[ITEM.x] as number) + left - this.appliedPaddingOf(child), voffset, child);
      this.setAppliedPadding(child, left);
      size.width = Math.max(size.width, (child.$v[ITEM.width] as number) + padding);
      voffset += child.$v[ITEM.height] as number;
      voffset += spacing;
    }
    // If any items were laid out, undo the spacing after the last one.
    if (voffset - top !== 0) voffset -= spacing;
    size.height = voffset + (this.$v[POS.bottomPadding] as number);
  }

  protected conflictingAnchors(): readonly number[] {
    return COLUMN_CONFLICTS;
  }

  protected conflictMessage(): string {
    return 'Cannot specify top, bottom, verticalCenter, fill or centerIn anchors for items inside Column. Column will not function.';
  }
}

export const ColumnMeta: MetaObject = defineType(Column, BasePositionerMeta, {
  name: 'Column',
  cppClass: 'QQuickColumn',
  creatable: true,
});

const COLUMN_CONFLICTS = anchorIndexes(['top', 'bottom', 'verticalCenter', 'fill', 'centerIn']);
