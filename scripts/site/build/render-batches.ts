// How a build's content files are split into Eleventy runs. Eleventy holds every page it rendered
// until its run ends, so a large build renders in several runs of a bounded number of articles.
// Each run names its files in one input glob, and a glob may not exceed 65,536 characters
// (picomatch): a cold build names whole folders (items/YYYY/MM/*.md), an incremental one its files.
import path from "node:path";

/** Articles per Eleventy run. */
export const ARTICLE_BATCH = 2500;

/** Characters of the file names in one run's glob, well under picomatch's limit. */
const MAX_GLOB_CHARS = 50_000;

/** Batches of exact files (an incremental build): at most `size` files and MAX_GLOB_CHARS each. */
export function fileBatches(files: string[], size = ARTICLE_BATCH): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const file of files) {
    if (current.length && (current.length >= size || chars + file.length + 1 > MAX_GLOB_CHARS)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(file);
    chars += file.length + 1;
  }
  if (current.length || !batches.length) batches.push(current);
  return batches;
}

/**
 * Batches of whole folders (a cold build renders every file): each folder's templates as
 * `dir/*.md` and `dir/*.njk` patterns, folders packed in order up to `size` files a batch (a
 * bigger folder is a batch of its own). `files` must be every template under the content dir.
 */
export function folderBatches(files: string[], size = ARTICLE_BATCH): string[][] {
  const counts = new Map<string, number>();
  for (const file of files) {
    const dir = path.posix.dirname(file);
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const batches: string[][] = [];
  let current: string[] = [];
  let filled = 0;
  for (const [dir, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (current.length && filled + count > size) {
      batches.push(current);
      current = [];
      filled = 0;
    }
    const prefix = dir === "." ? "" : `${dir}/`;
    current.push(`${prefix}*.md`, `${prefix}*.njk`);
    filled += count;
  }
  if (current.length || !batches.length) batches.push(current);
  return batches;
}
