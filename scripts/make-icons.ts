/**
 * Draws the add-in's ribbon and store icons (assets/icon-16/32/64/80.png): a small table whose three rows
 * carry a red, a yellow and a green mark — the product's colour-coding at a glance.
 *
 * The glyph is described once in a unit square and rasterised per size with 4×4 supersampling, so every
 * size is drawn from the same shapes (no scaled bitmaps) and the output is byte-stable across runs.
 * Run: npx ts-node --transpile-only scripts/make-icons.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { encodePng, type Rgba } from './png';

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Shape =
  | { kind: 'rect'; x0: number; y0: number; x1: number; y1: number; radius: number; colour: Rgba }
  | { kind: 'circle'; cx: number; cy: number; r: number; colour: Rgba };

const EXCEL_GREEN: Rgba = [0x21, 0x73, 0x46, 255];
const SHEET_WHITE: Rgba = [0xff, 0xff, 0xff, 255];
const RULE_GREY: Rgba = [0x8a, 0x8a, 0x8a, 255];
const ROW_MARKS: Rgba[] = [
  [0xd1, 0x34, 0x38, 255], // overdue
  [0xf2, 0xb7, 0x05, 255], // due soon
  [0x10, 0x7c, 0x10, 255], // done
];

/** The glyph in unit coordinates (0..1, y down). */
function glyph(): Shape[] {
  const shapes: Shape[] = [
    // The sheet: a green frame with a white body and a green header band.
    { kind: 'rect', x0: 0.06, y0: 0.08, x1: 0.94, y1: 0.92, radius: 0.1, colour: EXCEL_GREEN },
    { kind: 'rect', x0: 0.13, y0: 0.3, x1: 0.87, y1: 0.85, radius: 0.03, colour: SHEET_WHITE },
  ];
  const rowTops = [0.35, 0.52, 0.69];
  rowTops.forEach((top, i) => {
    const mid = top + 0.06;
    shapes.push({ kind: 'circle', cx: 0.27, cy: mid, r: 0.075, colour: ROW_MARKS[i] });
    shapes.push({ kind: 'rect', x0: 0.41, y0: mid - 0.035, x1: 0.8, y1: mid + 0.035, radius: 0.02, colour: RULE_GREY });
  });
  return shapes;
}

function insideRoundedRect(x: number, y: number, s: Extract<Shape, { kind: 'rect' }>): boolean {
  if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false;
  const r = s.radius;
  const cx = Math.min(Math.max(x, s.x0 + r), s.x1 - r);
  const cy = Math.min(Math.max(y, s.y0 + r), s.y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function covers(shape: Shape, x: number, y: number): boolean {
  return shape.kind === 'rect'
    ? insideRoundedRect(x, y, shape)
    : (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r * shape.r;
}

const SUPERSAMPLE = 4;

/** Straight (non-premultiplied) RGBA pixels, row-major. */
export function renderIcon(size: number): Uint8Array {
  const shapes = glyph();
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour over the subsamples, painting shapes in order (later on top).
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          let top: Rgba | null = null;
          for (const shape of shapes) if (covers(shape, x, y)) top = shape.colour;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 255;
          }
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const offset = (py * size + px) * 4;
      const coverage = a / 255;
      pixels[offset] = coverage ? Math.round(r / coverage) : 0;
      pixels[offset + 1] = coverage ? Math.round(g / coverage) : 0;
      pixels[offset + 2] = coverage ? Math.round(b / coverage) : 0;
      pixels[offset + 3] = Math.round(a / samples);
    }
  }
  return pixels;
}

export function writeIcons(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const written = writeIcons(path.join(__dirname, '..', 'assets'));
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
