// Decides whether bytes are an image we serve (a raster format sharp decodes, within the pixel
// limit) and learns its size and dominant colour. SVG, PDF and the like are refused: they are
// documents, not photos, and SVG can carry script.
import sharp from "sharp";

const SERVED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif"]);

export interface ImageInfo {
  format: string;
  width: number;
  height: number;
  colour: [number, number, number];
}

export class NotAnImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAnImageError";
  }
}

export async function inspectImage(input: Buffer | string, maxPixels: number): Promise<ImageInfo> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // metadata() reads the header only, so a bomb is measured before anything is decoded.
    meta = await sharp(input, { limitInputPixels: maxPixels }).metadata();
  } catch (error) {
    throw new NotAnImageError(`not a readable image (${(error as Error).message})`);
  }
  const { format } = meta;
  // EXIF-rotated photos are served upright, so their upright size is the one that counts.
  const { width, height } = meta.autoOrient ?? meta;
  if (!format || !SERVED_FORMATS.has(format)) throw new NotAnImageError(`unsupported format ${format ?? "unknown"}`);
  if (!width || !height) throw new NotAnImageError("image has no dimensions");
  if (width * height > maxPixels) throw new NotAnImageError(`too many pixels (${width}×${height}, limit ${maxPixels})`);
  try {
    // Decoding the whole image proves the bytes are sound, not just the header.
    const { dominant } = await sharp(input, { limitInputPixels: maxPixels, failOn: "error" }).stats();
    return { format, width, height, colour: [dominant.r, dominant.g, dominant.b] };
  } catch (error) {
    throw new NotAnImageError(`image data is damaged (${(error as Error).message})`);
  }
}
