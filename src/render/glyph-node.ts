// The glyphs of one text as a single display object, the way Qt's scene
// graph has one glyph node per text rather than one node per glyph. Each
// glyph is a quad the batcher packs exactly as it packs a sprite (same
// texture coordinates, tint, opacity and blend), so the pixels are those
// of one sprite per glyph; what goes away is a container per glyph, which
// the scene graph would otherwise have to transform, collect and, each
// time a delegate is made or destroyed, add to and remove from its render
// group one by one.
import {
  type Batcher,
  type BLEND_MODES,
  type DefaultBatchableQuadElement,
  ExtensionType,
  extensions,
  type InstructionSet,
  type Matrix,
  multiplyColors,
  type Renderer,
  type RenderPipe,
  type Texture,
  ViewContainer,
} from 'pixi.js';

const PIPE = 'qsgGlyphs';

/** One glyph: its atlas texture placed in the node, tinted and blended as a sprite would be. */
export class GlyphQuad implements DefaultBatchableQuadElement {
  readonly batcherName = 'default';
  readonly topology = 'triangle-list';
  readonly attributeSize = 4;
  readonly indexSize = 6;
  readonly packAsQuad = true;
  roundPixels: 0 | 1 = 0;
  _textureId = 0;
  _attributeStart = 0;
  _indexStart = 0;
  _batcher!: Batcher;
  _batch!: DefaultBatchableQuadElement['_batch'];
  texture!: Texture;
  readonly bounds = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  /** The tint, as PixiJS keeps a container's colour (0xBBGGRR). */
  tint = 0xffffff;
  alpha = 1;
  blendMode: BLEND_MODES = 'normal';

  constructor(readonly renderable: GlyphNode) {}

  get transform(): Matrix {
    return this.renderable.groupTransform;
  }

  /** The node's inherited colour and opacity times the glyph's own (PixiJS's rule for a child container). */
  get color(): number {
    const node = this.renderable;
    const a = Math.min(Math.max(this.alpha * node.groupAlpha, 0), 1);
    return multiplyColors(this.tint, node.groupColor) + (((a * 255) | 0) << 24);
  }

  /** Places the glyph's texture with its top left at (x, y). */
  place(texture: Texture, x: number, y: number): void {
    this.texture = texture;
    const b = this.bounds;
    b.minX = x;
    b.minY = y;
    b.maxX = x + texture.orig.width;
    b.maxY = y + texture.orig.height;
  }
}

/**
 * A text's glyphs, drawn in the order given, one quad each (painters.ts).
 * Quads are kept between updates.
 */
export class GlyphNode extends ViewContainer {
  override readonly renderPipeId = PIPE;
  override batched = true;
  private readonly quads: GlyphQuad[] = [];
  private used = 0;
  /** Bumped when the set of quads or a quad's blend mode changes: the instructions are rebuilt. */
  structure = 0;

  constructor() {
    super({});
    this.label = 'GlyphNode';
  }

  /** The quads drawn. */
  get count(): number {
    return this.used;
  }

  /** Quad `i`, kept from the last update when there is one. */
  quad(i: number): GlyphQuad {
    let q = this.quads[i];
    if (q === undefined) {
      q = new GlyphQuad(this);
      this.quads.push(q);
      this.structure++;
    }
    return q;
  }

  /** Sets a quad's look; a new blend mode changes where batches break. */
  setLook(q: GlyphQuad, tint: number, alpha: number, blendMode: BLEND_MODES): void {
    q.tint = tint;
    q.alpha = alpha;
    if (q.blendMode !== blendMode) {
      q.blendMode = blendMode;
      this.structure++;
    }
  }

  /** Ends an update that set quads 0 .. n-1. */
  finish(n: number): void {
    if (n !== this.used) this.structure++;
    this.used = n;
    this.onViewUpdate();
  }

  /** @internal Quad `i` of those drawn (below {@link count}). */
  drawnQuad(i: number): GlyphQuad {
    return this.quads[i]!;
  }

  protected override updateBounds(): void {
    const b = this._bounds;
    b.clear();
    for (let i = 0; i < this.used; i++) {
      const q = this.quads[i]!.bounds;
      b.addFrame(q.minX, q.minY, q.maxX, q.maxY);
    }
  }
}

/** Adds a node's quads to the default batch (every backend: the canvas batcher draws quads too). */
export class GlyphPipe implements RenderPipe<GlyphNode> {
  static extension = {
    type: [ExtensionType.WebGLPipes, ExtensionType.WebGPUPipes, ExtensionType.CanvasPipes],
    name: PIPE,
  } as const;
  /** The structure each node's quads were last added with (a destroyed node's entry goes with it). */
  private readonly built = new WeakMap<GlyphNode, number>();

  constructor(private readonly renderer: Renderer) {}

  addRenderable(node: GlyphNode, instructionSet: InstructionSet): void {
    const batch = this.renderer.renderPipes.batch;
    const round = this.renderer._roundPixels | node._roundPixels;
    for (let i = 0; i < node.count; i++) {
      const q = node.drawnQuad(i);
      q.roundPixels = round as 0 | 1;
      batch.addToBatch(q, instructionSet);
    }
    this.built.set(node, node.structure);
  }

  validateRenderable(node: GlyphNode): boolean {
    if (this.built.get(node) !== node.structure) return true;
    for (let i = 0; i < node.count; i++) {
      const q = node.drawnQuad(i);
      if (!q._batcher.checkAndUpdateTexture(q, q.texture)) return true;
    }
    return false;
  }

  updateRenderable(node: GlyphNode): void {
    for (let i = 0; i < node.count; i++) {
      const q = node.drawnQuad(i);
      q._batcher.updateElement(q);
    }
  }

  destroy(): void {}
}

extensions.add(GlyphPipe);
