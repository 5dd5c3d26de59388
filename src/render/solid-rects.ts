// Axis-aligned rectangles of one colour each (text decorations, a
// TextInput's selection, clip masks), drawn as sprites of PixiJS's white
// texture: the same two triangles and colour a filled Graphics rectangle
// draws, batched with the glyph quads, without PixiJS's vector graphics
// code (paths, triangulation, SVG) in the page.
import { Container, Sprite, Texture } from 'pixi.js';

/** A container of solid rectangles, redrawn with clear() and rect(). */
export class SolidRects {
  readonly container: Container;
  private readonly sprites: Sprite[] = [];
  private used = 0;

  constructor(container: Container = new Container()) {
    this.container = container;
  }

  /** Removes every rectangle (their sprites are kept for the next ones). */
  clear(): this {
    for (let i = 0; i < this.used; i++) this.sprites[i]!.visible = false;
    this.used = 0;
    return this;
  }

  /** Adds a rectangle; color is 0xRRGGBB, alpha 0..1. */
  rect(x: number, y: number, width: number, height: number, fill: { color: number; alpha: number }): this {
    let s = this.sprites[this.used];
    if (s === undefined) {
      s = new Sprite(Texture.WHITE);
      this.sprites.push(s);
      this.container.addChild(s);
    }
    this.used++;
    s.visible = true;
    s.position.set(x, y);
    s.setSize(width, height);
    s.tint = fill.color;
    s.alpha = fill.alpha;
    return this;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}
