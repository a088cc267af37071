// What a build needs to know about each content file the index names: the sha256 of its bytes
// (an article's page depends on them) and the images it names (for the images stage). Parsing
// every file for its images is the costly part, so that is cached by content hash across builds.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contentFilesOf, imageSourcesOf, MARKDOWN_IMAGE_MARK, type ImageRef } from "../../images/collect-image-refs.ts";
import { markdownRenderer } from "../../ingest/convert/markdown-renderer.ts";
import { parseContentFile } from "../../ingest/store/content-file.ts";

export interface FileFacts {
  /** sha256 (hex) of the file's bytes, or "" when it could not be read. */
  hash: string;
  /** Image sources in the order the images stage collects them: lead, gallery, body. */
  images: string[];
  /** Why the file could not be read or parsed (its images are then skipped). */
  error?: string;
}

export interface ContentFacts {
  /** By content path relative to the content dir, in index order. */
  files: Map<string, FileFacts>;
  /** What the images stage would have collected itself. */
  imageRefs: { refs: ImageRef[]; warnings: string[] };
  /** Image sources by content hash, to carry into the next build. */
  cache: Record<string, string[]>;
  parsed: number;
}

export function collectContentFacts(contentDir: string, indexFile: string, previous: Record<string, string[]> = {}): ContentFacts {
  const files = new Map<string, FileFacts>();
  const refs: ImageRef[] = [];
  const warnings: string[] = [];
  const cache: Record<string, string[]> = {};
  let parsed = 0;
  let md: ReturnType<typeof markdownRenderer> | undefined;
  for (const rel of contentFilesOf(indexFile)) {
    const facts = factsOf(path.join(contentDir, rel), previous, () => {
      parsed++;
      return (md ??= markdownRenderer());
    });
    files.set(rel, facts);
    if (facts.error) {
      warnings.push(`images: ${rel} skipped (${facts.error})`);
      continue;
    }
    cache[facts.hash] = facts.images;
    for (const src of facts.images) refs.push({ src, item: rel });
  }
  return { files, imageRefs: { refs, warnings }, cache, parsed };
}

function factsOf(file: string, previous: Record<string, string[]>, markdown: () => ReturnType<typeof markdownRenderer>): FileFacts {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { hash: "", images: [], error: (error as Error).message };
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const known = previous[hash];
  if (Array.isArray(known) && known.every((s) => typeof s === "string")) return { hash, images: known };
  try {
    return { hash, images: imageSourcesOf(parseContentFile(textForImages(bytes)), markdown()) };
  } catch (error) {
    return { hash, images: [], error: (error as Error).message };
  }
}

/**
 * What of a content file its images need: all of it when the body may hold a Markdown image,
 * else only the front matter. Decoding the whole file was most of the cost of a cold build's
 * facts (10,000 files of mostly Chinese text).
 */
function textForImages(bytes: Buffer): string {
  // Where parseContentFile's front matter ends: the first "\n---" after the opening line.
  const close = bytes.indexOf("\n---", 4);
  if (close === -1 || bytes.includes(MARKDOWN_IMAGE_MARK, close)) return bytes.toString("utf8");
  return bytes.toString("utf8", 0, close + 4);
}
