// Flow (QQuickFlow): children side by side, wrapping at the flow's width
// (or, top to bottom, at its height).
import { defineType, type MetaObject } from '../../engine/qobject';
import { Change, ITEM } from './Item';
import {
  BasePositioner,
  BasePositionerMeta,
  layoutDirectionProperties,
  POS,
  PositionerType,
} from './Positioner';

const FLOW_LEFT_TO_RIGHT = 0;

export class Flow extends BasePositioner {
  declare flow: number;
  private readonly hoffsets: number[] = [];

  constructor() {
    super(PositionerType.Both);
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    // Qt: a Flow lays out again when its own size changes.
    if (change & (Change.Width | Change.Height)) this.setPositioningDirty();
  }

  protected doPositioning(size: { width: number; height: number }): void {
    const ltr = this.isLeftToRight;
    const flowLtr = (this.$v[FLOW.flow] as number) === FLOW_LEFT_TO_RIGHT;
    const spacing = this.$v[POS.spacing] as number;
    const bottom = this.$v[POS.bottomPadding] as number;
    const width = this.$v[ITEM.width] as number;
    const height = this.$v[ITEM.height] as number;
    let hoffset1 = this.$v[POS.leftPadding] as number;
    let hoffset2 = this.$v[POS.rightPadding] as number;
    if (!ltr) [hoffset1, hoffset2] = [hoffset2, hoffset1];
    let hoffset = hoffset1;
    const voffset1 = this.$v[POS.topPadding] as number;
    let voffset = voffset1;
    let linemax = 0;
    const hoffsets = this.hoffsets;
    hoffsets.length = 0;
    size.width = Math.max(size.width, hoffset1 + hoffset2);
    size.height = Math.max(size.height, voffset + bottom);

    for (const child of this.positionedItems) {
      const w = child.$v[ITEM.width] as number;
      const h = child.$v[ITEM.height] as number;
      if (flowLtr) {
        if (this.widthValid && hoffset !== hoffset1 && hoffset + w + hoffset2 > width) {
          hoffset = hoffset1;
          voffset += linemax + spacing;
          linemax = 0;
        }
      } else if (this.heightValid && voffset !== voffset1 && voffset + h + bottom > height) {
        voffset = voffset1;
        hoffset += linemax + spacing;
        linemax = 0;
      }
      if (ltr) this.positionItem(hoffset, voffset, child);
      else {
        hoffsets.push(hoffset);
        this.positionItemY(voffset, child);
      }
      size.width = Math.max(size.width, hoffset + w + hoffset2);
      size.height = Math.max(size.height, voffset + h + bottom);
      if (flowLtr) {
        hoffset += w + spacing;
        linemax = Math.max(linemax, h);
      } else {
        voffset += h + spacing;
        linemax = Math.max(linemax, w);
      }
    }
    if (ltr) return;
    const end = this.widthValid ? width : size.width;
    let i = 0;
    for (const child of this.positionedItems) {
      this.positionItemX(end - hoffsets[i++]! - (child.$v[ITEM.width] as number), child);
    }
  }

  protected conflictingAnchors(): null {
    return null;
  }

  protected conflictMessage(): string {
    return 'Cannot specify anchors for items inside Flow. Flow will not function.';
  }
}

export const FlowMeta: MetaObject = defineType(Flow, BasePositionerMeta, {
  name: 'Flow',
  cppClass: 'QQuickFlow',
  creatable: true,
  properties: {
    flow: {
      type: 'enumeration',
      default: FLOW_LEFT_TO_RIGHT,
      changed: (o) => (o as Flow).prePositioning(),
    },
    ...layoutDirectionProperties,
  },
  enums: { LeftToRight: 0, TopToBottom: 1 },
});

const FLOW = { flow: FlowMeta.index('flow') };
