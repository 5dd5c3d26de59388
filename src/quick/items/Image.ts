// Image (QQuickImage over QQuickImageBase): a picture from `source`, its
// implicit size the picture's (scaled down to `sourceSize`), laid out by
// `fillMode` and the alignments. A local file is read at once, as Qt reads
// one with `asynchronous: false`; the page reads the others over HTTP and
// shows Loading until they arrive.
import type { ImageSource, LoadedImage } from '../../engine/images';
import { defineType, type MetaObject, QObject, qmlWarning } from '../../engine/qobject';
import { QtObjectMeta } from '../../engine/qtqml';
import { QSize } from '../../engine/valuetypes';
import { type Change, Dirty, ITEM, Item, ItemMeta } from './Item';
import { IntSize, intSize } from './int-size';

export enum ImageStatus {
  Null = 0,
  Ready = 1,
  Loading = 2,
  Error = 3,
}

export enum FillMode {
  Stretch = 0,
  PreserveAspectFit = 1,
  PreserveAspectCrop = 2,
  Tile = 3,
  TileVertically = 4,
  TileHorizontally = 5,
  Pad = 6,
}

/**
 * The size Qt decodes a picture at for a `sourceSize`
 * (QQuickImageProviderWithOptions::loadSize): never larger, the aspect
 * ratio kept; null for the picture's own size.
 */
export function loadSize(w: number, h: number, rw: number, rh: number, cropOrFit: boolean): QSize | null {
  if ((rw <= 0 && rh <= 0) || w <= 0 || h <= 0) return null;
  let ratio = 0;
  if (rw > 0 && (cropOrFit || rw < w)) ratio = rw / w;
  if (rh > 0 && (cropOrFit || rh < h)) {
    const hr = rh / h;
    if (ratio === 0) ratio = hr;
    else if (!cropOrFit && hr < ratio) ratio = hr;
    else if (cropOrFit && hr > ratio) ratio = hr;
  }
  if (ratio <= 0) return null;
  return new QSize(Math.round(w * ratio), Math.round(h * ratio));
}

/** What the renderer needs of a picture to draw an Image or a BorderImage. */
export interface PictureState {
  readonly bitmap: unknown;
  /** The picture's size as decoded (what `source` is measured in). */
  readonly pixWidth: number;
  readonly pixHeight: number;
  /** The bitmap's own size (larger than the decoded size when `sourceSize` scaled it down). */
  readonly bitmapWidth: number;
  readonly bitmapHeight: number;
  readonly mirror: boolean;
  readonly mirrorVertically: boolean;
  readonly smooth: boolean;
}

/** What the renderer draws for an Image (QQuickImage::updatePaintNode): a part of the picture into a rectangle. */
export interface ImagePaintState extends PictureState {
  /** Where in the item, and which part of the picture (beyond its edges: repeated, for the Tile modes). */
  readonly target: { x: number; y: number; width: number; height: number };
  readonly source: { x: number; y: number; width: number; height: number };
  readonly repeatX: boolean;
  readonly repeatY: boolean;
}

/** An engine's pixmap cache, as far as the page keeps one: the pictures being read asynchronously and those read, by loadKey. */
interface PixmapCache {
  readonly pending: Map<string, Promise<LoadedImage>>;
  readonly read: Set<string>;
}
const pixmapCaches = new WeakMap<object, PixmapCache>();

function pixmapCache(engine: object | null): PixmapCache {
  const key = engine ?? pixmapCaches;
  let c = pixmapCaches.get(key);
  if (c === undefined) {
    c = { pending: new Map(), read: new Set() };
    pixmapCaches.set(key, c);
  }
  return c;
}

/**
 * QQuickImageBase: a picture read from `source` (at once for a local file,
 * else while status is Loading), its implicit size the picture's.
 */
export class ImageBase extends Item {
  /** The picture shown, at the size it was decoded at. */
  pix: LoadedImage | null = null;
  /** Its size as loaded (the picture scaled to `sourceSize`). */
  pixWidth = 0;
  pixHeight = 0;
  /** `sourceSize` as set (null: the picture's own size). */
  protected requestedSize: QSize | null = null;
  /** Each load's number: a load that finishes after a newer one started is dropped. */
  private serial = 0;

  /** The source as written (a QUrl). */
  private get sourceText(): string {
    return String(this.$v[IMAGE.source] ?? '');
  }

  setSource(url: unknown): void {
    if (this.$store(IMAGE.source, url) && this.isComponentComplete) this.load();
  }

  setSourceSize(v: QSize | null): void {
    this.requestedSize = v;
    this.$store(IMAGE.sourceSize, v ?? new IntSize(this.pixWidth, this.pixHeight));
    if (this.isComponentComplete) this.load();
  }

  protected override componentComplete(): void {
    if (this.sourceText !== '') this.load();
  }

  /** QQuickImageBase::load. */
  protected load(): void {
    const serial = ++this.serial;
    const source = this.sourceText;
    if (source === '') {
      this.pix = null;
      this.pixWidth = this.pixHeight = 0;
      this.setProgress(0);
      this.pixmapChange();
      this.$v[IMAGE.status] = ImageStatus.Null;
      this.$emit(IMAGE.statusChanged, undefined);
      this.updateSourceSize();
      this.markDirty(Dirty.Content);
      return;
    }
    const url = this.urlFromDeclaration(source);
    const key = this.loadKey(url);
    const images = (this.$engine as { images?: ImageSource | null } | null)?.images ?? null;
    let result: LoadedImage | Promise<LoadedImage>;
    try {
      if (images === null) throw new Error(`Cannot open: ${url}`);
      result = images.load(url);
    } catch (e) {
      this.finished(serial, key, null, e);
      return;
    }
    // (a picture another Image is reading asynchronously is waited for, as Qt's pixmap cache does)
    const cache = pixmapCache(this.$engine);
    const pending = cache.pending.get(key);
    if (pending !== undefined) result = pending;
    // (a picture read before is in Qt's cache: at hand at once, even for an asynchronous Image)
    const async = (this.$v[IMAGE.asynchronous] as boolean) && !cache.read.has(key);
    if (result instanceof Promise || async) {
      if (pending === undefined) {
        const p = Promise.resolve(result);
        cache.pending.set(key, p);
        const done = () => {
          if (cache.pending.get(key) === p) cache.pending.delete(key);
        };
        p.then(done, done);
        result = p;
      }
      this.setProgress(0);
      if (this.$v[IMAGE.status] !== ImageStatus.Loading) {
        this.$v[IMAGE.status] = ImageStatus.Loading;
        this.$emit(IMAGE.statusChanged, undefined);
      }
      Promise.resolve(result).then(
        (img) => this.finished(serial, key, img, null),
        (e: unknown) => this.finished(serial, key, null, e),
      );
      return;
    }
    this.finished(serial, key, result, null);
  }

  /** What Qt's pixmap cache tells requests apart by: the URL and the size asked for. */
  private loadKey(url: string): string {
    const r = this.requestedSize;
    return r === null ? url : `${url}|${r.width}x${r.height}|${this.cropOrFit}`;
  }

  /** QQuickImageBase::requestFinished. */
  private finished(serial: number, key: string, img: LoadedImage | null, error: unknown): void {
    if (serial !== this.serial || this.$destroyed) return;
    if (img === null) {
      qmlWarning(this, error instanceof Error ? error.message : String(error));
      this.pix = null;
      this.pixWidth = this.pixHeight = 0;
      this.$v[IMAGE.status] = ImageStatus.Error;
      this.setProgress(0);
    } else {
      const r = this.requestedSize;
      const size = r === null ? null : loadSize(img.width, img.height, r.width, r.height, this.cropOrFit);
      pixmapCache(this.$engine).read.add(key);
      this.pix = img;
      this.pixWidth = size?.width ?? img.width;
      this.pixHeight = size?.height ?? img.height;
      this.$v[IMAGE.status] = ImageStatus.Ready;
      this.setProgress(1);
    }
    this.pixmapChange();
    this.$emit(IMAGE.statusChanged, undefined);
    this.updateSourceSize();
    // (a still picture is one frame, a failed read none; a cleared source keeps the count)
    this.$store(IMAGE.frameCount, img === null ? 0 : 1);
    this.markDirty(Dirty.Content);
  }

  private setProgress(p: number): void {
    this.$store(IMAGE.progress, p);
  }

  /** sourceSizeChanged was emitted once (Qt's oldSourceSize starts invalid: the first result is announced). */
  private sizeAnnounced = false;

  private updateSourceSize(): void {
    if (this.requestedSize === null) {
      const changed = this.$store(IMAGE.sourceSize, new IntSize(this.pixWidth, this.pixHeight));
      if (!changed && !this.sizeAnnounced) this.$emit(IMAGE.sourceSizeChanged, undefined);
    }
    this.sizeAnnounced = true;
  }

  /** The picture is decoded to fill `sourceSize` (Image's PreserveAspectCrop and PreserveAspectFit). */
  protected get cropOrFit(): boolean {
    return false;
  }

  /** What a paint state says of the picture: the bitmap, its sizes, mirroring and smoothing. */
  protected pictureState(pix: LoadedImage): PictureState {
    const v = this.$v;
    return {
      bitmap: pix.bitmap,
      pixWidth: this.pixWidth,
      pixHeight: this.pixHeight,
      bitmapWidth: pix.width,
      bitmapHeight: pix.height,
      mirror: v[IMAGE.mirror] as boolean,
      mirrorVertically: v[IMAGE.mirrorVertically] as boolean,
      smooth: v[ITEM.smooth] as boolean,
    };
  }

  /** A picture was read or cleared (QQuickImageBase::pixmapChange): the implicit size is its size. */
  protected pixmapChange(): void {
    this.setImplicitSize(this.pixWidth, this.pixHeight);
  }
}

export class Image extends ImageBase {
  setFillMode(mode: number): void {
    if (this.$v[IMAGE.fillMode] === mode) return;
    const before = this.$v[IMAGE.fillMode] as number;
    this.$v[IMAGE.fillMode] = mode;
    // (the size a picture is decoded at depends on PreserveAspectCrop and PreserveAspectFit)
    const cropOrFit = (m: number) => m === FillMode.PreserveAspectCrop || m === FillMode.PreserveAspectFit;
    if (this.isComponentComplete && this.requestedSize !== null && cropOrFit(before) !== cropOrFit(mode))
      this.load();
    this.markDirty(Dirty.Content);
    this.updatePaintedGeometry();
    this.$emit(IMAGE.fillModeChanged, undefined);
  }

  /** QQuickImage::pixmapChange: the implicit size (PreserveAspectFit's is worked out with the painted size). */
  protected override pixmapChange(): void {
    if ((this.$v[IMAGE.fillMode] as number) !== FillMode.PreserveAspectFit)
      this.setImplicitSize(this.pixWidth, this.pixHeight);
    this.updatePaintedGeometry();
  }

  protected override get cropOrFit(): boolean {
    const fill = this.$v[IMAGE.fillMode] as number;
    return fill === FillMode.PreserveAspectCrop || fill === FillMode.PreserveAspectFit;
  }

  /** QQuickImage::updatePaintedGeometry. */
  private updatePaintedGeometry(): void {
    const fill = this.$v[IMAGE.fillMode] as number;
    const pw = this.pixWidth;
    const ph = this.pixHeight;
    const width = this.$v[ITEM.width] as number;
    const height = this.$v[ITEM.height] as number;
    let paintedWidth: number;
    let paintedHeight: number;
    if (fill === FillMode.PreserveAspectFit) {
      if (pw === 0 || ph === 0) {
        this.setImplicitSize(0, 0);
        return;
      }
      const w = this.widthValid ? width : pw;
      const h = this.heightValid ? height : ph;
      const ws = w / pw;
      const hs = h / ph;
      if (ws <= hs) {
        paintedWidth = w;
        paintedHeight = ws * ph;
      } else {
        paintedWidth = hs * pw;
        paintedHeight = h;
      }
      const iHeight = this.widthValid && !this.heightValid ? paintedHeight : ph;
      const iWidth = this.heightValid && !this.widthValid ? paintedWidth : pw;
      this.setImplicitSize(iWidth, iHeight);
    } else if (fill === FillMode.PreserveAspectCrop) {
      if (pw === 0 || ph === 0) return;
      const scale = Math.max(width / pw, height / ph);
      paintedWidth = scale * pw;
      paintedHeight = scale * ph;
    } else if (fill === FillMode.Pad) {
      paintedWidth = pw;
      paintedHeight = ph;
    } else {
      paintedWidth = width;
      paintedHeight = height;
    }
    this.$v[IMAGE.paintedWidth] = paintedWidth;
    this.$v[IMAGE.paintedHeight] = paintedHeight;
    // (Qt announces the painted geometry every time it is worked out)
    this.$emit(IMAGE.paintedGeometryChanged, undefined);
  }

  /** The part of the picture drawn and where (QQuickImage::updatePaintNode); null when nothing is drawn. */
  paintState(): ImagePaintState | null {
    const pix = this.pix;
    const pw = this.pixWidth;
    const ph = this.pixHeight;
    if (pix === null || pw <= 0 || ph <= 0) return null;
    const v = this.$v;
    const fill = v[IMAGE.fillMode] as number;
    const width = v[ITEM.width] as number;
    const height = v[ITEM.height] as number;
    const hAlign = v[IMAGE.horizontalAlignment] as number;
    const vAlign = v[IMAGE.verticalAlignment] as number;
    const fit = fill === FillMode.PreserveAspectFit;
    const pixWidth = fit ? (v[IMAGE.paintedWidth] as number) : pw;
    const pixHeight = fit ? (v[IMAGE.paintedHeight] as number) : ph;
    // (whole pixels, as Qt's int offsets)
    const xOffset =
      hAlign === 4 ? Math.trunc((width - pixWidth) / 2) : hAlign === 2 ? Math.ceil(width - pixWidth) : 0;
    const yOffset =
      vAlign === 128
        ? Math.trunc((height - pixHeight) / 2)
        : vAlign === 64
          ? Math.ceil(height - pixHeight)
          : 0;
    const rect = (x: number, y: number, w: number, h: number) => ({ x, y, width: w, height: h });
    let target = rect(0, 0, width, height);
    let source = rect(0, 0, pw, ph);
    let repeatX = false;
    let repeatY = false;
    switch (fill) {
      case FillMode.PreserveAspectFit:
        target = rect(xOffset, yOffset, v[IMAGE.paintedWidth] as number, v[IMAGE.paintedHeight] as number);
        break;
      case FillMode.PreserveAspectCrop: {
        const ws = width / pw;
        const hs = height / ph;
        if (ws > hs) {
          const src = Math.trunc((hs / ws) * ph);
          const y = vAlign === 128 ? Math.ceil((ph - src) / 2) : vAlign === 64 ? Math.ceil(ph - src) : 0;
          source = rect(0, y, pw, src);
        } else {
          const src = Math.trunc((ws / hs) * pw);
          const x = hAlign === 4 ? Math.ceil((pw - src) / 2) : hAlign === 2 ? Math.ceil(pw - src) : 0;
          source = rect(x, 0, src, ph);
        }
        break;
      }
      case FillMode.Tile:
        source = rect(-xOffset, -yOffset, width, height);
        repeatX = repeatY = true;
        break;
      case FillMode.TileHorizontally:
        target = rect(0, yOffset, width, pixHeight);
        source = rect(-xOffset, 0, width, ph);
        repeatX = true;
        break;
      case FillMode.TileVertically:
        target = rect(xOffset, 0, pixWidth, height);
        source = rect(0, -yOffset, pw, height);
        repeatY = true;
        break;
      case FillMode.Pad: {
        const w = Math.min(pixWidth, width);
        const h = Math.min(pixHeight, height);
        const x = pixWidth > width ? -xOffset : 0;
        const y = pixHeight > height ? -yOffset : 0;
        target = rect(x + xOffset, y + yOffset, w, h);
        source = rect(x, y, w, h);
        break;
      }
    }
    const finite = (n: number) => Number.isFinite(n);
    if (
      !(target.width > 0 && target.height > 0 && source.width > 0 && source.height > 0) ||
      ![target.x, target.y, target.width, target.height].every(finite)
    )
      return null;
    return { ...this.pictureState(pix), target, source, repeatX, repeatY };
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    if (change & 12) this.updatePaintedGeometry();
  }
}

/** BorderImage's tile modes (QQuickBorderImage::TileMode). */
export enum TileMode {
  Stretch = 0,
  Repeat = 1,
  Round = 2,
}

/**
 * What the renderer draws for a BorderImage: pieces of the picture, each
 * [x, y, width, height] in the picture's pixels (as decoded) and [x, y,
 * width, height] in the item, eight numbers per piece.
 */
export interface BorderImagePaintState extends PictureState {
  readonly pieces: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** BorderImage's `border` (QQuickScaleGrid): the widths of the picture's edges that are not scaled. */
export class ScaleGrid extends QObject {
  declare left: number;
  declare top: number;
  declare right: number;
  declare bottom: number;

  constructor(readonly image: ImageBase) {
    super();
    this.$engine = image.$engine;
  }
}

/**
 * BorderImage (QQuickBorderImage): a picture cut into nine by `border`;
 * the corners drawn as they are, the edges and the middle stretched,
 * repeated from the top left (Repeat) or repeated a whole number of times
 * and scaled to fit (Round) to fill the item, as QSGBasicInternalImageNode
 * lays them out.
 */
export class BorderImage extends ImageBase {
  paintState(): BorderImagePaintState | null {
    const pix = this.pix;
    const pw = this.pixWidth;
    const ph = this.pixHeight;
    if (pix === null || pw <= 0 || ph <= 0) return null;
    const v = this.$v;
    const width = v[ITEM.width] as number;
    const height = v[ITEM.height] as number;
    const grid = v[BORDER.border] as ScaleGrid | null;
    const g = grid === null ? [0, 0, 0, 0] : [grid.left, grid.top, grid.right, grid.bottom];
    const [left, top, right, bottom] = g as [number, number, number, number];
    // Columns and rows: [picture start, picture size, item start, item size, tiles (0: stretched)]
    const cols = spans(left, right, pw, width, v[BORDER.horizontalTileMode] as number);
    const rows = spans(top, bottom, ph, height, v[BORDER.verticalTileMode] as number);
    const pieces: number[] = [];
    for (const r of rows)
      for (const c of cols)
        for (const [sy, sh, y, h] of tiles(r))
          for (const [sx, sw, x, w] of tiles(c))
            if (w > 0 && h > 0 && sw > 0 && sh > 0) pieces.push(sx, sy, sw, sh, x, y, w, h);
    if (pieces.length === 0 || !(width > 0 && height > 0)) return null;
    return { ...this.pictureState(pix), pieces, width, height };
  }

  override geometryChanged(change: Change, old: number): void {
    super.geometryChanged(change, old);
    if (change & 12) this.markDirty(Dirty.Content);
  }
}

/** A column or row of the nine pieces: [picture start, picture size, item start, item size, tiles]. */
type Span = [number, number, number, number, number];

/**
 * The three columns (or rows) of a BorderImage (QQuickBorderImage::updatePaintNode):
 * the edges keep their size, the middle fills the rest; its tiles are the
 * middle's size over the picture's (Repeat) or that rounded up (Round), 0
 * when stretched.
 */
function spans(start: number, end: number, pic: number, size: number, mode: number): Span[] {
  const inner = Math.max(0, pic - (start + end));
  const innerSize = Math.max(0, size - (start + end));
  let n = 0;
  if (inner > 0 && mode !== TileMode.Stretch) {
    n = innerSize / inner;
    if (mode === TileMode.Round) n = Math.ceil(n);
  }
  return [
    [0, start, 0, start],
    [start, inner, start, innerSize, n],
    [pic - end, end, start + innerSize, size - start - innerSize],
  ] as Span[];
}

/** The pieces of a span: itself when stretched, else its tiles (the last one cut short for Repeat). */
function tiles(span: Span): Array<[number, number, number, number]> {
  const [ps, pl, is, il, n] = span;
  if (!n) return [[ps, pl, is, il]];
  const out: Array<[number, number, number, number]> = [];
  const tile = il / n;
  for (let k = 0; k < n && out.length < 4096; k++) {
    const part = Math.min(1, n - k);
    out.push([ps, pl * part, is + k * tile, tile * part]);
  }
  return out;
}

const repaint = (o: QObject) => (o as ImageBase).markDirty(Dirty.Content);

const STATUS_ENUMS = {
  Null: ImageStatus.Null,
  Ready: ImageStatus.Ready,
  Loading: ImageStatus.Loading,
  Error: ImageStatus.Error,
};

export const ImageBaseMeta: MetaObject = defineType(ImageBase, ItemMeta, {
  name: 'ImageBase',
  cppClass: 'QQuickImageBase',
  creatable: false,
  readonlyProperties: ['implicitWidth', 'implicitHeight'],
  properties: {
    source: { type: 'url', write: (o, v) => (o as ImageBase).setSource(v) },
    status: { type: 'enumeration', readonly: true },
    progress: { type: 'real', readonly: true },
    asynchronous: { type: 'bool' },
    cache: { type: 'bool', default: true },
    sourceSize: {
      type: 'size',
      coerce: intSize,
      write: (o, v) => (o as ImageBase).setSourceSize(v as QSize),
      reset: (o) => (o as ImageBase).setSourceSize(null),
    },
    mirror: { type: 'bool', changed: repaint },
    mirrorVertically: { type: 'bool', changed: repaint },
    currentFrame: { type: 'int' },
    frameCount: { type: 'int', readonly: true },
  },
  enums: STATUS_ENUMS,
});

export const ImageMeta: MetaObject = defineType(Image, ImageBaseMeta, {
  name: 'Image',
  cppClass: 'QQuickImage',
  properties: {
    fillMode: { type: 'enumeration', write: (o, v) => (o as Image).setFillMode(v as number) },
    paintedWidth: { type: 'real', readonly: true, notify: 'paintedGeometryChanged' },
    paintedHeight: { type: 'real', readonly: true, notify: 'paintedGeometryChanged' },
    horizontalAlignment: { type: 'enumeration', default: 4, changed: repaint },
    verticalAlignment: { type: 'enumeration', default: 128, changed: repaint },
    mipmap: { type: 'bool' },
    autoTransform: { type: 'bool' },
  },
  signals: { paintedGeometryChanged: {} },
  enums: {
    ...STATUS_ENUMS,
    Stretch: FillMode.Stretch,
    PreserveAspectFit: FillMode.PreserveAspectFit,
    PreserveAspectCrop: FillMode.PreserveAspectCrop,
    Tile: FillMode.Tile,
    TileVertically: FillMode.TileVertically,
    TileHorizontally: FillMode.TileHorizontally,
    Pad: FillMode.Pad,
    AlignLeft: 1,
    AlignRight: 2,
    AlignHCenter: 4,
    AlignTop: 32,
    AlignBottom: 64,
    AlignVCenter: 128,
  },
});

export const ScaleGridMeta: MetaObject = defineType(ScaleGrid, QtObjectMeta, {
  name: 'QQuickScaleGrid',
  cppClass: 'QQuickScaleGrid',
  creatable: false,
  properties: {
    left: { type: 'int', changed: (o) => (o as ScaleGrid).image.markDirty(Dirty.Content) },
    top: { type: 'int', changed: (o) => (o as ScaleGrid).image.markDirty(Dirty.Content) },
    right: { type: 'int', changed: (o) => (o as ScaleGrid).image.markDirty(Dirty.Content) },
    bottom: { type: 'int', changed: (o) => (o as ScaleGrid).image.markDirty(Dirty.Content) },
  },
});

export const BorderImageMeta: MetaObject = defineType(BorderImage, ImageBaseMeta, {
  name: 'BorderImage',
  cppClass: 'QQuickBorderImage',
  readonlyProperties: ['sourceSize'],
  properties: {
    border: {
      type: 'QQuickScaleGrid',
      // (a CONSTANT pointer property in Qt: assigning it is refused)
      readonly: true,
      constant: true,
      group: { meta: () => ScaleGridMeta, create: (owner) => new ScaleGrid(owner as ImageBase) },
    },
    horizontalTileMode: { type: 'enumeration', changed: repaint },
    verticalTileMode: { type: 'enumeration', changed: repaint },
  },
  enums: { ...STATUS_ENUMS, Stretch: TileMode.Stretch, Repeat: TileMode.Repeat, Round: TileMode.Round },
});

const BORDER = {
  border: BorderImageMeta.index('border'),
  horizontalTileMode: BorderImageMeta.index('horizontalTileMode'),
  verticalTileMode: BorderImageMeta.index('verticalTileMode'),
};

export const IMAGE = {
  source: ImageBaseMeta.index('source'),
  status: ImageBaseMeta.index('status'),
  progress: ImageBaseMeta.index('progress'),
  asynchronous: ImageBaseMeta.index('asynchronous'),
  sourceSize: ImageBaseMeta.index('sourceSize'),
  mirror: ImageBaseMeta.index('mirror'),
  mirrorVertically: ImageBaseMeta.index('mirrorVertically'),
  fillMode: ImageMeta.index('fillMode'),
  paintedWidth: ImageMeta.index('paintedWidth'),
  paintedHeight: ImageMeta.index('paintedHeight'),
  horizontalAlignment: ImageMeta.index('horizontalAlignment'),
  verticalAlignment: ImageMeta.index('verticalAlignment'),
  frameCount: ImageBaseMeta.index('frameCount'),
  statusChanged: ImageBaseMeta.signalsByName.get('statusChanged')!.index,
  sourceSizeChanged: ImageBaseMeta.signalsByName.get('sourceSizeChanged')!.index,
  fillModeChanged: ImageMeta.signalsByName.get('fillModeChanged')!.index,
  paintedGeometryChanged: ImageMeta.signalsByName.get('paintedGeometryChanged')!.index,
};
