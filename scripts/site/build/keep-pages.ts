// Kept article pages: hard links from the previous output into the staging folder (no copy).
// Called after Eleventy wrote, so it never writes through a link into the old build.
import { linkSync, mkdirSync } from "node:fs";
import path from "node:path";

export function linkKeptPages(previousDir: string, staging: string, pagePaths: string[]): void {
  const made = new Set<string>();
  for (const pagePath of pagePaths) {
    const dir = path.join(staging, pagePath);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // EEXIST here means this build rendered the same path: the build fails rather than guess.
    linkSync(path.join(previousDir, pagePath, "index.html"), path.join(dir, "index.html"));
  }
}
