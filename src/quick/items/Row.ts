// Row (QQuickRow): children side by side, left to right or right to left.
import { defineType, type MetaObject } from '../../engine/qobject';
import { Change, ITEM } from './Item';
import {
  anchorIndexes,
  BasePositioner,
  BasePositionerMeta,
  layoutDirectionProperties,
  POS,
  PositionerType,
} from './Positioner';

export class Row extends BasePositioner {
  declare layoutDirection: number;
  private readonly hoffsets: number[] = [];

  constructor() {
    super(PositionerType.Horizontal);
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    // Qt: right to left, the layout depends on the row's own width.
    if (!this.isLeftToRight && change & (Change.Width | Change.Height)) this.setPositioningDirty();
  }

  protected doPositioning(size: { width: number; height: number }): void {
    const ltr = this.isLeftToRight;
    const top = this.$v[POS.topPadding] as number;
    const spacing = this.$v[POS.spacing] as number;
    let hoffset1 = this.$v[POS.leftPadding] as number;
    let hoffset2 = this.$v[POS.rightPadding] as number;
    if (!ltr) [hoffset1, hoffset2] = [hoffset2, hoffset1];
    let hoffset = hoffset1;
    const padding = top + (this.$v[POS.bottomPadding] as number);
    size.height = Math.max(size.height, padding);
    const hoffsets = this.hoffsets;
    hoffsets.length = 0;
    for (const child of this.positionedItems) {
      if (ltr) {
        // Qt keeps the child's own y, moved by the change of topPadding since it was last laid out.
        this.positionItem(hoffset, (child.$v[ITEM.y] as number) + top - this.appliedPaddingOf(child), child);
        this.setAppliedPadding(child, top);
      } else hoffsets.push(hoffset);
      size.height = Math.max(size.height, (child.$v[ITEM.height] as number) + padding);
      hoffset += child.$v[ITEM.width] as number;
      hoffset += spacing;
    }
    // If any items were laid out, undo the spacing after the last one.
    if (hoffset - hoffset1 !== 0) hoffset -= spacing;
    size.width = hoffset + hoffset2;
    if (ltr) return;
    // Right to left: mirrored within the explicit width, or within the content width.
    const end = this.widthValid ? (this.$v[ITEM.width] as number) : size.width;
    let i = 0;
    for (const child of this.positionedItems) {
      const x = end - hoffsets[i++]! - (child.$v[ITEM.width] as number);
      this.positionItem(x, (child.$v[ITEM.y] as number) + top - this.appliedPaddingOf(child), child);
      this.setAppliedPadding(child, top);
    }
  }

  protected conflictingAnchors(): readonly number[] {
    return ROW_CONFLICTS;
  }

  protected conflictMessage(): string {
    return 'Cannot specify left, right, horizontalCenter, fill or centerIn anchors for items inside Row. Row will not function.';
  }
}

export const RowMeta: MetaObject = defineType(Row, BasePositionerMeta, {
  name: 'Row',
  cppClass: 'QQuickRow',
  creatable: true,
  properties: { ...layoutDirectionProperties },
});

const ROW_CONFLICTS = anchorIndexes(['left', 'right', 'horizontalCenter', 'fill', 'centerIn']);
