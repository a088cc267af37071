// What a build needs to know about each content file the index names: the sha256 of its bytes
// (an article's page depends on them) and the images it names (for the images stage). Parsing
// every file for its images is the costly part, so that is cached by content hash across builds,
// and skipped for a file its index record describes in full (see recordImages). A file whose size
// and modification time are those the previous build saw is not read at all (see FileStamp).
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
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

/**
 * A content file as a build saw it: size, modification time (ms) and the sha256 of its bytes.
 * The next build takes the hash from here while size and time are unchanged, as make and rsync
 * do: reading and hashing 10,000 files was about 1 s of a nightly build. Whatever writes a
 * content file (the ingest, an editor, a checkout) gives it a new modification time.
 */
export type FileStamp = [size: number, mtimeMs: number, hash: string];

export interface ContentFacts {
  /** By content path relative to the content dir, in index order. */
  files: Map<string, FileFacts>;
  /** What the images stage would have collected itself. */
  imageRefs: { refs: ImageRef[]; warnings: string[] };
  /** Image sources by content hash, to carry into the next build. */
  cache: Record<string, string[]>;
  /** Each readable file's stamp by content path, to carry into the next build. */
  stamps: Record<string, FileStamp>;
  /** Files read and hashed (the others had their previous stamp). */
  read: number;
  /** Files parsed for their images (the others were known by hash or described by their record). */
  parsed: number;
}

/** What the previous build knew: image sources by content hash, and its file stamps. */
export interface PreviousFacts {
  images?: Record<string, string[]>;
  stamps?: Record<string, unknown>;
}

export function collectContentFacts(contentDir: string, indexFile: string, previous: PreviousFacts = {}): ContentFacts {
  const files = new Map<string, FileFacts>();
  const refs: ImageRef[] = [];
  const warnings: string[] = [];
  const cache: Record<string, string[]> = {};
  const stamps: Record<string, FileStamp> = {};
  const counts = { read: 0, parsed: 0 };
  let md: ReturnType<typeof markdownRenderer> | undefined;
  for (const record of contentRecordsOf(indexFile)) {
    const rel = record.path;
    const facts = factsOf(path.join(contentDir, rel), record, previous.images ?? {}, previous.stamps?.[rel], counts, () => {
      counts.parsed++;
      return (md ??= markdownRenderer());
    });
    files.set(rel, facts);
    if (facts.stamp) stamps[rel] = facts.stamp;
    if (facts.error) {
      warnings.push(`images: ${rel} skipped (${facts.error})`);
      continue;
    }
    cache[facts.hash] = facts.images;
    for (const src of facts.images) refs.push({ src, item: rel });
  }
  return { files, imageRefs: { refs, warnings }, cache, stamps, ...counts };
}

function factsOf(
  file: string,
  record: ContentRecord,
  previous: Record<string, string[]>,
  previousStamp: unknown,
  counts: { read: number },
  markdown: () => ReturnType<typeof markdownRenderer>,
): FileFacts & { stamp?: FileStamp } {
  let bytes: Buffer;
  let size: number;
  let mtimeMs: number;
  try {
    // Stat before reading: a file changed in between gets a stamp older than its bytes, so the
    // next build reads it again.
    ({ size, mtimeMs } = statSync(file));
    const stamped = unchangedHash(previousStamp, size, mtimeMs);
    const images = stamped === undefined ? undefined : knownImages(previous[stamped]);
    if (stamped !== undefined && images) return { hash: stamped, images, stamp: [size, mtimeMs, stamped] };
    bytes = readFileSync(file);
    counts.read++;
  } catch (error) {
    return { hash: "", images: [], error: (error as Error).message };
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const stamp: FileStamp = [size, mtimeMs, hash];
  const known = knownImages(previous[hash]);
  if (known) return { hash, images: known, stamp };
  const fromRecord = recordImages(record, hash, bytes);
  if (fromRecord) return { hash, images: fromRecord, stamp };
  try {
    return { hash, images: imageSourcesOf(parseContentFile(textForImages(bytes)), markdown()), stamp };
  } catch (error) {
    return { hash, images: [], error: (error as Error).message, stamp };
  }
}

/** The previous build's hash of a file, when its stamp has this size and time. */
function unchangedHash(stamp: unknown, size: number, mtimeMs: number): string | undefined {
  if (!Array.isArray(stamp) || stamp.length !== 3) return undefined;
  const [oldSize, oldTime, hash] = stamp as unknown[];
  return oldSize === size && oldTime === mtimeMs && typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

function knownImages(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((s) => typeof s === "string") ? (value as string[]) : undefined;
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
