// Responsive copies of one original: the configured widths up to the original's own, in each
// configured format, encoded once into the cache (`<hash>-<width>.<ext>`) and reused afterwards.
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { extensionOf, originalPath, type CacheLayout, type ImageFacts } from "./image-manifest.ts";

export type OutputFormat = "avif" | "webp" | "jpeg";

export interface Derivative {
  format: OutputFormat;
  width: number;
  height: number;
  /** File name, the same in the cache and under the site's img/ folder. */
  name: string;
}

/** Configured widths narrower than the original, plus the original's width when it is not larger than the widest. */
export function planWidths(originalWidth: number, widths: number[]): number[] {
  const widest = Math.max(...widths);
  const plan = widths.filter((w) => w < originalWidth);
  plan.push(Math.min(originalWidth, widest));
  return [...new Set(plan)].sort((a, b) => a - b);
}

export function planDerivatives(facts: Pick<ImageFacts, "hash" | "width" | "height">, widths: number[], formats: OutputFormat[]): Derivative[] {
  return planWidths(facts.width, widths).flatMap((width) =>
    formats.map((format) => ({
      format,
      width,
      height: Math.max(1, Math.round((facts.height * width) / facts.width)),
      name: `${facts.hash}-${width}.${extensionOf(format)}`,
    })),
  );
}

/** Encodes the derivatives missing from the cache; returns how many were encoded and reused. */
export async function ensureDerivatives(
  layout: CacheLayout,
  facts: ImageFacts,
  plan: Derivative[],
  maxPixels: number,
): Promise<{ encoded: number; reused: number }> {
  let encoded = 0;
  mkdirSync(layout.derived, { recursive: true });
  const source = originalPath(layout, facts);
  for (const d of plan) {
    const target = path.join(layout.derived, d.name);
    if (existsSync(target)) continue;
    const tmp = `${target}.tmp-${process.pid}`;
    // Photos go out without their metadata (EXIF can carry location); JPEG gets a background for alpha.
    let pipeline = sharp(source, { limitInputPixels: maxPixels }).autoOrient().resize({ width: d.width, withoutEnlargement: true });
    if (d.format === "jpeg") pipeline = pipeline.flatten({ background: { r: facts.colour[0], g: facts.colour[1], b: facts.colour[2] } }).jpeg({ quality: 78, mozjpeg: true });
    else if (d.format === "webp") pipeline = pipeline.webp({ quality: 75 });
    else pipeline = pipeline.avif({ quality: 55, effort: 2 });
    await pipeline.toFile(tmp);
    renameSync(tmp, target);
    encoded++;
  }
  return { encoded, reused: plan.length - encoded };
}

/** Hard-links (or copies, across devices) cached derivatives into `imgDir`. */
export function publishDerivatives(layout: CacheLayout, names: Iterable<string>, imgDir: string): number {
  mkdirSync(imgDir, { recursive: true });
  let count = 0;
  for (const name of names) {
    const target = path.join(imgDir, name);
    if (existsSync(target)) continue;
    const source = path.join(layout.derived, name);
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
    count++;
  }
  return count;
}
