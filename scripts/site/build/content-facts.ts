// What a build needs to know about each content file the index names: the sha256 of its bytes
// (an article's page depends on them) and the images it names (for the images stage). Parsing
// every file for its images is the costly part, so that is cached by content hash across builds,
// and skipped for a file its index record describes in full (see recordImages).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contentRecordsOf, imageSourcesOf, MARKDOWN_IMAGE_MARK, type ContentRecord, type ImageRef } from "../../images/collect-image-refs.ts";
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
  for (const record of contentRecordsOf(indexFile)) {
    const rel = record.path;
    const facts = factsOf(path.join(contentDir, rel), record, previous, () => {
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

function factsOf(file: string, record: ContentRecord, previous: Record<string, string[]>, markdown: () => ReturnType<typeof markdownRenderer>): FileFacts {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { hash: "", images: [], error: (error as Error).message };
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const known = previous[hash];
  if (Array.isArray(known) && known.every((s) => typeof s === "string")) return { hash, images: known };
  const fromRecord = recordImages(record, hash, bytes);
  if (fromRecord) return { hash, images: fromRecord };
  try {
    return { hash, images: imageSourcesOf(parseContentFile(textForImages(bytes)), markdown()) };
  } catch (error) {
    return { hash, images: [], error: (error as Error).message };
  }
}

/**
 * The images of a file its index record describes in full, else undefined. A file with the hash
 * its record was written with is the file the ingest wrote from that record (a hand-edited one
 * has another hash): its lead image is the record's, and with no gallery and no Markdown image in
 * its body it names no other. Most items are such files; parsing their front matter was most of
 * a cold build's facts (1.8 s of YAML at 10,000 items).
 */
function recordImages(record: ContentRecord, hash: string, bytes: Buffer): string[] | undefined {
  if (record.hash !== hash || record.gallerySize !== 0) return undefined;
  const close = bytes.indexOf("\n---", 4);
  if (close === -1 || bytes.includes(MARKDOWN_IMAGE_MARK, close)) return undefined;
  const src = record.image?.src;
  return typeof src === "string" && src ? [src] : [];
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
