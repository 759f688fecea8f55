/**
 * PNG encoding and header reading for the generated icons and the manifest test, on pngjs: 8-bit RGBA, no
 * interlace, unfiltered scanlines at deflate level 9, so the same pixels always give the same bytes.
 */
import { PNG } from 'pngjs';

export type Rgba = [number, number, number, number];

const OPTIONS = { colorType: 6, inputColorType: 6, inputHasAlpha: true, bitDepth: 8, filterType: 0, deflateLevel: 9, deflateStrategy: 0 } as const;

/** `rgba`: width*height*4 straight-alpha bytes, row-major. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes, got ${rgba.length}`);
  const png = new PNG({ width, height, ...OPTIONS });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, OPTIONS);
}

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height } = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width, height };
  } catch {
    return null;
  }
}
