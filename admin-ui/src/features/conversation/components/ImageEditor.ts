import Konva from 'konva';

export type Tool = 'draw' | 'arrow' | 'rectangle' | 'text' | 'blur';

const INK = '#e11d48';
const MAX_WIDTH = 760;
const MAX_HEIGHT = 480;

/**
 * Marks on an image, drawn with Konva (a maintained canvas library) rather than our own canvas code: freehand lines,
 * arrows, rectangles, text and blurred regions, each undoable. The image is shown scaled to fit the dialog; the marks
 * are kept in the image's own pixels, so the exported image has the original size.
 */
export class ImageEditor {
  private readonly stage: Konva.Stage;
  private readonly layer = new Konva.Layer();
  private readonly marks: Konva.Node[] = [];
  private readonly scale: number;
  private tool: Tool = 'draw';
  private label = '';
  private drawing: { from: Konva.Vector2d; mark: Konva.Shape } | null = null;

  constructor(
    container: HTMLDivElement,
    private readonly image: HTMLImageElement,
  ) {
    this.scale = Math.min(1, MAX_WIDTH / image.width, MAX_HEIGHT / image.height);
    this.stage = new Konva.Stage({ container, width: image.width * this.scale, height: image.height * this.scale });
    this.layer.scale({ x: this.scale, y: this.scale });
    this.layer.add(new Konva.Image({ image }));
    this.stage.add(this.layer);
    this.stage.on('pointerdown', () => this.start());
    this.stage.on('pointermove', () => this.extend());
    this.stage.on('pointerup pointerleave', () => this.finish());
  }

  use(tool: Tool): void {
    this.tool = tool;
  }

  /** The words the text tool places where the person clicks. */
  write(label: string): void {
    this.label = label;
  }

  undo(): void {
    this.marks.pop()?.destroy();
  }

  hasMarks(): boolean {
    return this.marks.length > 0;
  }

  /** The image with its marks, at its own size, as PNG. */
  export(): Promise<Blob> {
    return this.stage.toBlob({ pixelRatio: 1 / this.scale, mimeType: 'image/png' }) as Promise<Blob>;
  }

  destroy(): void {
    this.stage.destroy();
  }

  private at(): Konva.Vector2d {
    return this.layer.getRelativePointerPosition() ?? { x: 0, y: 0 };
  }

  private start(): void {
    const from = this.at();
    const stroke = Math.max(3, 4 / this.scale);
    let mark: Konva.Shape;
    switch (this.tool) {
      case 'text':
        if (this.label.trim()) {
          this.add(new Konva.Text({ ...from, text: this.label.trim(), fontSize: Math.max(18, 24 / this.scale), fill: INK, fontStyle: 'bold' }));
        }
        return;
      case 'draw':
        mark = new Konva.Line({ points: [from.x, from.y], stroke: INK, strokeWidth: stroke, lineCap: 'round', lineJoin: 'round' });
        break;
      case 'arrow':
        mark = new Konva.Arrow({ points: [from.x, from.y, from.x, from.y], stroke: INK, fill: INK, strokeWidth: stroke, pointerLength: stroke * 4, pointerWidth: stroke * 4 });
        break;
      case 'rectangle':
        mark = new Konva.Rect({ ...from, width: 0, height: 0, stroke: INK, strokeWidth: stroke });
        break;
      case 'blur':
        mark = new Konva.Image({ image: this.image, ...from, width: 0, height: 0, filters: [Konva.Filters.Blur], blurRadius: 16 });
        break;
    }
    this.drawing = { from, mark };
    this.add(mark);
  }

  private extend(): void {
    if (!this.drawing) {
      return;
    }
    const { from, mark } = this.drawing;
    const to = this.at();
    if (mark instanceof Konva.Arrow) {
      mark.points([from.x, from.y, to.x, to.y]);
    } else if (mark instanceof Konva.Line) {
      mark.points([...mark.points(), to.x, to.y]);
    } else {
      const region = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) };
      mark.setAttrs(region);
      if (mark instanceof Konva.Image) {
        mark.crop(region);
      }
    }
  }

  private finish(): void {
    const mark = this.drawing?.mark;
    this.drawing = null;
    if (mark instanceof Konva.Image) {
      if (mark.width() < 2 || mark.height() < 2) {
        this.undo();
      } else {
        mark.cache(); // the blur filter works on the cached pixels
      }
    }
  }

  private add(mark: Konva.Node): void {
    this.marks.push(mark);
    this.layer.add(mark as Konva.Shape);
  }
}
