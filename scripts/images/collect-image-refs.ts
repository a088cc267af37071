// Every image the content names: each item's lead image, gallery images and Markdown images in
// its body, read from the content files the item index lists.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { parseContentFile } from "../ingest/store/content-file.ts";
import { markdownRenderer } from "../ingest/convert/markdown-renderer.ts";

export interface ImageRef {
  src: string;
  /** Content file (relative to the content dir) that names it. */
  item: string;
}

type Token = ReturnType<MarkdownIt["parse"]>[number];

export function collectImageRefs(contentDir: string, indexFile: string): { refs: ImageRef[]; warnings: string[] } {
  const refs: ImageRef[] = [];
  const warnings: string[] = [];
  const md = markdownRenderer();
  for (const rel of contentFilesOf(indexFile)) {
    const file = path.join(contentDir, rel);
    let parsed: ReturnType<typeof parseContentFile>;
    try {
      parsed = parseContentFile(readFileSync(file, "utf8"));
    } catch (error) {
      warnings.push(`images: ${rel} skipped (${(error as Error).message})`);
      continue;
    }
    for (const src of imageSourcesOf(parsed, md)) refs.push({ src, item: rel });
  }
  return { refs, warnings };
}

/** How every Markdown image starts: a body without it names no image (the same in bytes as in text). */
export const MARKDOWN_IMAGE_MARK = "![";

/** The images one content file names, in the order pages show them: lead, gallery, body. */
export function imageSourcesOf(parsed: ReturnType<typeof parseContentFile>, md: MarkdownIt): string[] {
  const { image, gallery } = parsed.frontMatter;
  // Most bodies hold no image, and parsing them was most of the cost of a cold build's content facts.
  const inBody = parsed.body.includes(MARKDOWN_IMAGE_MARK) ? markdownImageSources(md.parse(parsed.body, {})) : [];
  const sources = [image?.src, ...(gallery?.images ?? []).map((g) => g.src), ...inBody];
  return sources.filter((src): src is string => Boolean(src));
}

/** Image URLs in parsed Markdown (markdown-it's own parser, the one the site renders with). */
export function markdownImageSources(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.type === "image") {
      const src = token.attrGet("src");
      if (typeof src === "string" && src) out.push(src);
    }
    if (token.children) out.push(...markdownImageSources(token.children));
  }
  return out;
}

/** What an index record says of its content file's images. */
export interface ContentRecord {
  path: string;
  /** sha256 of the file as the ingest wrote it. */
  hash?: unknown;
  image?: { src?: unknown };
  gallerySize?: unknown;
}

/** The content files the item index lists (relative paths that stay inside the content dir). */
export function contentFilesOf(indexFile: string): string[] {
  return contentRecordsOf(indexFile).map((r) => r.path);
}

/** The index records of those files, the first for each path. */
export function contentRecordsOf(indexFile: string): ContentRecord[] {
  if (!existsSync(indexFile)) return [];
  const records: unknown = JSON.parse(readFileSync(indexFile, "utf8"));
  if (!Array.isArray(records)) return [];
  const byPath = new Map<string, ContentRecord>();
  for (const record of records as ContentRecord[]) {
    const p = record?.path;
    // Index paths are relative and stay inside the content dir.
    if (typeof p !== "string" || byPath.has(p) || path.isAbsolute(p) || p.split(/[\\/]/).includes("..")) continue;
    byPath.set(p, record);
  }
  return [...byPath.values()];
}
