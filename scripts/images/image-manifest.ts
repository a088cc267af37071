// The image cache on disk: originals stored under the sha256 of their bytes, derivatives beside
// them, and a manifest mapping each image URL to what was learned about it (or why it failed),
// so every image is fetched once across runs.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface ImageFacts {
  ok: true;
  /** sha256 of the original's bytes. */
  hash: string;
  /** sharp's format name: jpeg, png, webp, gif, heif. */
  format: string;
  width: number;
  height: number;
  /** Dominant colour, for the placeholder shown while the image loads. */
  colour: [number, number, number];
  bytes: number;
  at: string;
  /** For file:// images: the file's size and mtime when read (a changed file is read again). */
  fileStamp?: string;
}

export interface ImageFailure {
  ok: false;
  error: string;
  /** Refused by the safety rules: the page drops the image instead of linking it. */
  refused: boolean;
  at: string;
}

export type ManifestEntry = ImageFacts | ImageFailure;

interface ManifestFile {
  version: 1;
  images: Record<string, ManifestEntry>;
}

export interface CacheLayout {
  root: string;
  manifest: string;
  originals: string;
  derived: string;
}

export function cacheLayout(root: string): CacheLayout {
  return { root, manifest: path.join(root, "manifest.json"), originals: path.join(root, "originals"), derived: path.join(root, "derived") };
}

export const originalPath = (layout: CacheLayout, facts: Pick<ImageFacts, "hash" | "format">): string =>
  path.join(layout.originals, `${facts.hash}.${extensionOf(facts.format)}`);

export function extensionOf(format: string): string {
  return format === "jpeg" ? "jpg" : format === "heif" ? "avif" : format;
}

export function readManifest(layout: CacheLayout): Map<string, ManifestEntry> {
  if (!existsSync(layout.manifest)) return new Map();
  try {
    const data = JSON.parse(readFileSync(layout.manifest, "utf8")) as ManifestFile;
    return new Map(Object.entries(data.version === 1 && data.images ? data.images : {}));
  } catch {
    // A damaged manifest costs one re-fetch of every image, never the build.
    return new Map();
  }
}

/** Writes `updates` over what is on disk now (another build may have added entries meanwhile). */
export function saveManifest(layout: CacheLayout, updates: Map<string, ManifestEntry>): void {
  if (updates.size === 0) return;
  const merged = readManifest(layout);
  for (const [key, entry] of updates) merged.set(key, entry);
  const sorted = Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  mkdirSync(layout.root, { recursive: true });
  const tmp = `${layout.manifest}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, JSON.stringify({ version: 1, images: sorted } satisfies ManifestFile, null, 1));
  renameSync(tmp, layout.manifest);
}
