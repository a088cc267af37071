// The build manifest, written into every output folder: which render key each article page was
// made with, the image sources of each content hash, the key of each search bundle and the stamp
// of each content file. The next build reads it from the previous output to decide which pages it
// may keep.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileStamp } from "./content-facts.ts";

export const MANIFEST_NAME = ".gazette-build.json";

export interface BuildManifest {
  version: 1;
  globalKey: string;
  /** Article page path (e.g. "/2026/11/24/slug/") → its render key. */
  pages: Record<string, string>;
  /** Content sha256 → the image sources the file names. */
  images: Record<string, string[]>;
  /** Search bundle site path → the key of its records (absent before bundles were kept). */
  search?: Record<string, string>;
  /** Content path → [size, mtimeMs, sha256] as this build saw the file (content-facts.ts). */
  files?: Record<string, FileStamp>;
}

export function readBuildManifest(outputDir: string): BuildManifest | undefined {
  const file = path.join(outputDir, MANIFEST_NAME);
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<BuildManifest>;
    if (data.version !== 1 || typeof data.globalKey !== "string" || !isRecord(data.pages) || !isRecord(data.images)) return undefined;
    if (data.search !== undefined && !isRecord(data.search)) return undefined;
    if (data.files !== undefined && !isRecord(data.files)) return undefined;
    return data as BuildManifest;
  } catch {
    // A damaged manifest only costs a full build.
    return undefined;
  }
}

export function writeBuildManifest(outputDir: string, manifest: BuildManifest): void {
  writeFileSync(path.join(outputDir, MANIFEST_NAME), `${JSON.stringify(manifest)}\n`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
