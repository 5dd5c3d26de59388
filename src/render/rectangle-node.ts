// A Rectangle drawn the way Qt Quick's scene graph draws it: the node's
// vertex-coloured triangles (rectangle-geometry.ts), batched with every other
// rectangle into one draw call by a batcher of its own (position, colour,
// opacity per vertex; premultiplied colours blended with ONE,
// ONE_MINUS_SRC_ALPHA, as Qt's vertex colour materials are). Geometry is made
// when what the rectangle draws changes, never per frame: moving or fading
// a rectangle only repacks its vertices, like a sprite.
import {
  type BatchableMeshElement,
  Batcher,
  Buffer,
  BufferUsage,
  ExtensionType,
  extensions,
  Geometry,
  GlProgram,
  type InstructionSet,
  type Renderer,
  type RenderPipe,
  Shader,
  Texture,
  ViewContainer,
} from 'pixi.js';
import {
  antialiasingShift,
  type RectangleGeometry,
  type RectangleNodeInput,
  rectangleGeometry,
  snapLikeQt,
  stripToTriangles,
} from './rectangle-geometry';

const PIPE = 'qsgRectangle';
const BATCHER = 'qsgRectangle';

/** Qt's batch renderer puts a node in its opaque pass above this inherited opacity (qsgbatchrenderer.cpp). */
const OPAQUE_LIMIT = 0.999;

/** Geometry made so far, by all rectangles (for tests and benchmarks: scrolling makes none). */
export const rectangleStats = { builds: 0 };

/** The display object of one Rectangle's node. */
export class RectangleNode extends ViewContainer<BatchableRectangle> {
  override readonly renderPipeId = PIPE;
  batched = true;
  private input: RectangleNodeInput | null = null;
  private built: RectangleGeometry | null = null;
  private flatBuilt: RectangleGeometry | null = null;
  /** Bumped whenever the geometry is replaced. */
  version = 0;

  constructor() {
    super({});
    this.label = 'RectangleNode';
  }

  /** What to draw, or null for nothing (Qt then has no node). The same object twice changes nothing. */
  setInput(input: RectangleNodeInput | null): void {
    if (input === this.input) return;
    this.input = input;
    this.built = null;
    this.flatBuilt = null;
    this.version++;
    this.onViewUpdate();
  }

  /** The node's geometry, made on first use after a change. */
  get geometry(): RectangleGeometry | null {
    if (this.input === null) return null;
    if (this.built === null) {
      this.built = rectangleGeometry(this.input);
      rectangleStats.builds++;
    }
    return this.built;
  }

  /** True for a top-to-bottom gradient (the axis colours vary along). */
  get gradientVertical(): boolean {
    return this.input?.vertical ?? true;
  }

  /** The same without the antialiasing ramps (the canvas backend antialiases its paths itself). */
  get flatGeometry(): RectangleGeometry | null {
    if (this.input === null) return null;
    if (!this.input.antialiasing) return this.geometry;
    this.flatBuilt ??= rectangleGeometry({ ...this.input, antialiasing: false });
    return this.flatBuilt;
  }

  protected override updateBounds(): void {
    const b = this._bounds;
    const s = this.input;
    // The antialiasing ramps reach half a pixel outside the rectangle.
    if (s === null) b.clear();
    else b.set(-0.5, -0.5, s.width + 0.5, s.height + 0.5);
  }
}

/** What the batcher packs for one rectangle. */
export class BatchableRectangle implements BatchableMeshElement {
  readonly batcherName = BATCHER;
  readonly packAsQuad = false;
  readonly topology = 'triangle-list';
  readonly texture = Texture.WHITE;
  readonly uvs = new Float32Array(0);
  readonly indexOffset = 0;
  readonly attributeOffset = 0;
  _textureId = 0;
  _attributeStart = 0;
  _indexStart = 0;
  _batcher!: Batcher;
  _batch!: BatchableMeshElement['_batch'];
  geometry: RectangleGeometry | null = null;
  /** The triangles in Qt's drawing order, or reversed for the opaque pass. */
  indices: Uint16Array = new Uint16Array(0);
  reversed = false;
  version = -1;
  /** Packed into the current instructions (a rectangle with nothing to draw is left out). */
  inBatch = false;
  /** Device pixels per unit of the render target (the antialiasing ramps are measured in device pixels). */
  resolution = 1;

  constructor(readonly renderable: RectangleNode) {}

  get blendMode(): BatchableMeshElement['blendMode'] {
    return this.renderable.groupBlendMode;
  }

  get positions(): Float32Array {
    return this.geometry?.positions ?? EMPTY;
  }

  get indexSize(): number {
    return this.indices.length;
  }

  get attributeSize(): number {
    return this.geometry?.vertexCount ?? 0;
  }

  /** Whether Qt would draw this geometry in its opaque pass at the node's current opacity. */
  opaquePass(g: RectangleGeometry | null = this.geometry): boolean {
    return g?.opaqueMaterial === true && this.renderable.groupAlpha > OPAQUE_LIMIT;
  }

  /** Takes the node's current geometry; true if the index buffer must be rebuilt. */
  sync(): boolean {
    const node = this.renderable;
    const reversed = this.opaquePass(node.geometry);
    if (this.version === node.version && reversed === this.reversed) return false;
    const g = node.geometry;
    const indices = g === null ? new Uint16Array(0) : stripToTriangles(g.strip, reversed);
    const sameIndices =
      this.geometry !== null &&
      g !== null &&
      this.geometry.vertexCount === g.vertexCount &&
      equal(indices, this.indices);
    this.geometry = g;
    this.version = node.version;
    this.reversed = reversed;
    if (sameIndices) return false;
    this.indices = indices;
    return true;
  }

  destroy(): void {
    this.geometry = null;
  }
}

const EMPTY = new Float32Array(0);

function equal(a: Uint16Array, b: Uint16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---- the batcher -------------------------------------------------------------------

const VERTEX_SIZE = 4; // x, y, colour, opacity

class RectangleBatchGeometry extends Geometry {
  constructor() {
    const attributeBuffer = new Buffer({
      data: new Float32Array(1),
      label: 'qsg-rectangle-attributes',
      usage: BufferUsage.VERTEX | BufferUsage.COPY_DST,
      shrinkToFit: false,
    });
    const indexBuffer = new Buffer({
      data: new Uint32Array(1),
      label: 'qsg-rectangle-indices',
      usage: BufferUsage.INDEX | BufferUsage.COPY_DST,
      shrinkToFit: false,
    });
    const stride = VERTEX_SIZE * 4;
    super({
      attributes: {
        aPosition: { buffer: attributeBuffer, format: 'float32x2', stride, offset: 0 },
        aColor: { buffer: attributeBuffer, format: 'unorm8x4', stride, offset: 8 },
        aOpacity: { buffer: attributeBuffer, format: 'float32', stride, offset: 12 },
      },
      indexBuffer,
    });
  }
}

// smoothcolor.vert / vertexcolor.vert: the colour is premultiplied and scaled by the opacity.
const VERTEX = `#version 300 es
in vec2 aPosition;
in vec4 aColor;
in float aOpacity;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform vec4 uWorldColorAlpha;
uniform vec2 uResolution;
out vec4 vColor;
void main(void) {
  mat3 m = uProjectionMatrix * uWorldTransformMatrix;
  gl_Position = vec4((m * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  vColor = aColor * aOpacity * uWorldColorAlpha;
}
`;

const FRAGMENT = `#version 300 es
in vec4 vColor;
out vec4 finalColor;
void main(void) {
  finalColor = vColor;
}
`;

let sharedShader: Shader | null = null;

function rectangleShader(): Shader {
  sharedShader ??= new Shader({
    glProgram: GlProgram.from({
      name: 'qsg-rectangle',
      vertex: VERTEX,
      fragment: FRAGMENT,
      preferredVertexPrecision: 'highp',
      preferredFragmentPrecision: 'highp',
    }),
    resources: {},
  });
  return sharedShader;
}

/** Packs rectangles' vertices: transformed to the render group, the antialiasing offsets applied. */
export class RectangleBatcher extends Batcher {
  static extension = { type: [ExtensionType.Batcher], name: BATCHER } as const;
  readonly name = BATCHER;
  protected readonly vertexSize = VERTEX_SIZE;
  geometry: Geometry = new RectangleBatchGeometry();
  shader: Shader = rectangleShader();

  packAttributes(
    element: BatchableMeshElement,
    float32View: Float32Array,
    uint32View: Uint32Array,
    index: number,
  ): void {
    const e = element as BatchableRectangle;
    const g = e.geometry;
    if (g === null) return;
    const node = e.renderable;
    const wt = node.groupTransform;
    const { a, b, c, d, tx, ty } = wt;
    const opacity = node.groupAlpha;
    const pos = g.positions;
    const colors = g.colors;
    const offsets = g.offsets;
    const res = e.resolution;
    const lenX = Math.hypot(a, b) * res;
    const lenY = Math.hypot(c, d) * res;
    // Only the edges of unrotated rectangles are moved to cover llvmpipe's pixel centres.
    const axisAligned = b === 0 && c === 0;
    for (let i = 0; i < g.vertexCount; i++) {
      let x = pos[2 * i]!;
      let y = pos[2 * i + 1]!;
      if (offsets !== null) {
        const dx = offsets[2 * i]!;
        const dy = offsets[2 * i + 1]!;
        if (dx !== 0) x += antialiasingShift(dx, lenX);
        if (dy !== 0) y += antialiasingShift(dy, lenY);
      }
      if (axisAligned) {
        float32View[index++] = snapLikeQt(a * x + tx, res);
        float32View[index++] = snapLikeQt(d * y + ty, res);
      } else {
        float32View[index++] = a * x + c * y + tx;
        float32View[index++] = b * x + d * y + ty;
      }
      uint32View[index++] = colors[i]!;
      float32View[index++] = opacity;
    }
  }

  packQuadAttributes(): void {
    throw new Error('rectangles are never packed as quads');
  }
}

// ---- the pipes ---------------------------------------------------------------------

function batchable(node: RectangleNode, renderer: Renderer): BatchableRectangle {
  let e = node._gpuData[renderer.uid];
  if (e === undefined) {
    e = new BatchableRectangle(node);
    node._gpuData[renderer.uid] = e;
  }
  e.resolution = renderer.resolution;
  return e;
}

/** WebGL: rectangles go into the batch. */
export class RectanglePipe implements RenderPipe<RectangleNode> {
  static extension = { type: [ExtensionType.WebGLPipes], name: PIPE } as const;

  constructor(private readonly renderer: Renderer) {}

  addRenderable(node: RectangleNode, instructionSet: InstructionSet): void {
    const e = batchable(node, this.renderer);
    e.sync();
    e.inBatch = e.geometry !== null && e.indices.length > 0;
    if (e.inBatch) this.renderer.renderPipes.batch.addToBatch(e, instructionSet);
  }

  validateRenderable(node: RectangleNode): boolean {
    return batchable(node, this.renderer).sync();
  }

  updateRenderable(node: RectangleNode): void {
    const e = batchable(node, this.renderer);
    if (e.reversed !== e.opaquePass()) {
      // The inherited opacity crossed Qt's opaque limit: the triangles' order changes.
      node.parentRenderGroup.structureDidChange = true;
      return;
    }
    if (e.inBatch) e._batcher.updateElement(e);
  }

  destroyRenderable(node: RectangleNode): void {
    node._gpuData[this.renderer.uid]?.destroy();
    delete node._gpuData[this.renderer.uid];
  }

  destroy(): void {}
}

/**
 * The canvas backend has no vertex colours. A rectangle's colours vary only
 * along its gradient once the antialiasing ramps are left out (the canvas
 * antialiases its paths itself), so each triangle is filled with a linear
 * gradient along that axis between its first and last vertex, or a plain
 * colour; consecutive triangles with the same fill make one path, so a
 * band of the gradient shows no seam along its diagonal.
 */
export class CanvasRectanglePipe implements RenderPipe<RectangleNode> {
  static extension = { type: [ExtensionType.CanvasPipes], name: PIPE } as const;

  constructor(private readonly renderer: Renderer) {}

  addRenderable(node: RectangleNode, instructionSet: InstructionSet): void {
    this.renderer.renderPipes.batch.break(instructionSet);
    instructionSet.add(node as unknown as Parameters<InstructionSet['add']>[0]);
  }

  validateRenderable(): boolean {
    return false;
  }

  updateRenderable(): void {}

  execute(node: RectangleNode): void {
    const g = node.flatGeometry;
    if (g === null || !node.isRenderable) return;
    const r = this.renderer as unknown as {
      canvasContext: {
        activeContext: CanvasRenderingContext2D;
        setContextTransform(m: RectangleNode['groupTransform'], round: boolean): void;
        setBlendMode(mode: string): void;
      };
    };
    const ctx = r.canvasContext.activeContext;
    r.canvasContext.setContextTransform(node.groupTransform, false);
    r.canvasContext.setBlendMode('normal');
    ctx.globalAlpha = node.groupAlpha;
    const tri = stripToTriangles(g.strip, g.opaqueMaterial && node.groupAlpha > OPAQUE_LIMIT);
    const p = g.positions;
    const axis = node.gradientVertical ? 1 : 0;
    let key = '';
    for (let t = 0; t < tri.length; t += 3) {
      let lo = tri[t]!;
      let hi = lo;
      for (let k = 1; k < 3; k++) {
        const v = tri[t + k]!;
        if (p[2 * v + axis]! < p[2 * lo + axis]!) lo = v;
        if (p[2 * v + axis]! > p[2 * hi + axis]!) hi = v;
      }
      const c0 = g.colors[tri[t]!]!;
      const flat = c0 === g.colors[tri[t + 1]!] && c0 === g.colors[tri[t + 2]!];
      const from = p[2 * lo + axis]!;
      const to = p[2 * hi + axis]!;
      const k = flat || from === to ? `c${c0}` : `g${from} ${to} ${g.colors[lo]} ${g.colors[hi]}`;
      if (k !== key) {
        if (key !== '') ctx.fill();
        key = k;
        if (flat || from === to) ctx.fillStyle = cssColor(c0);
        else {
          const grad = axis
            ? ctx.createLinearGradient(0, from, 0, to)
            : ctx.createLinearGradient(from, 0, to, 0);
          grad.addColorStop(0, cssColor(g.colors[lo]!));
          grad.addColorStop(1, cssColor(g.colors[hi]!));
          ctx.fillStyle = grad;
        }
        ctx.beginPath();
      }
      const [i, j, m] = [tri[t]!, tri[t + 1]!, tri[t + 2]!];
      ctx.moveTo(p[2 * i]!, p[2 * i + 1]!);
      ctx.lineTo(p[2 * j]!, p[2 * j + 1]!);
      ctx.lineTo(p[2 * m]!, p[2 * m + 1]!);
      ctx.closePath();
    }
    if (key !== '') ctx.fill();
  }

  destroy(): void {}
}

/** The CSS colour of a premultiplied RGBA8 colour. */
function cssColor(c: number): string {
  const a = c >>> 24;
  if (a === 0) return 'rgba(0,0,0,0)';
  const un = (v: number) => Math.min(255, Math.round((v * 255) / a));
  return `rgba(${un(c & 255)},${un((c >>> 8) & 255)},${un((c >>> 16) & 255)},${(a / 255).toFixed(4)})`;
}

extensions.add(RectangleBatcher, RectanglePipe, CanvasRectanglePipe);
