// Image sources as pages may use them: file:// sample images are copied into dist/media/ under a
// content hash of their path; http(s) images stay remote for now (the images stage replaces
// them); site paths pass through; anything else (javascript:, data:, junk) is dropped.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]);

export type ResolvedMedia = { kind: "local"; path: string } | { kind: "remote"; url: string };

export class LocalMedia {
  /** site path → file on disk */
  readonly #copies = new Map<string, string>();
  readonly #known = new Map<string, ResolvedMedia | null>();

  resolve(src: unknown): ResolvedMedia | null {
    if (typeof src !== "string" || src.trim() === "") return null;
    const cached = this.#known.get(src);
    if (cached !== undefined) return cached;
    const resolved = this.#resolveUncached(src.trim());
    this.#known.set(src, resolved);
    return resolved;
  }

  /** Copies every file:// image resolved so far into `outputDir/media/`; returns the count. */
  copyAll(outputDir: string): number {
    for (const [sitePath, file] of this.#copies) {
      const target = path.join(outputDir, sitePath);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
    return this.#copies.size;
  }

  #resolveUncached(src: string): ResolvedMedia | null {
    let url: URL;
    try {
      url = new URL(src, "gazette-site:/");
    } catch {
      return null;
    }
    if (url.protocol === "http:" || url.protocol === "https:") return { kind: "remote", url: url.href };
    if (url.protocol === "gazette-site:") return src.startsWith("/") ? { kind: "local", path: url.pathname } : null;
    if (url.protocol !== "file:") return null;
    let file: string;
    try {
      file = fileURLToPath(url);
    } catch {
      return null;
    }
    const ext = path.extname(file).toLowerCase();
    if (!IMAGE_EXTENSIONS.has(ext) || !isFile(file)) return null;
    const sitePath = `/media/${createHash("sha1").update(file).digest("hex")}${ext}`;
    this.#copies.set(sitePath, file);
    return { kind: "local", path: sitePath };
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
