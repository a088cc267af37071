// The item index: one small record per item, kept current by every ingest. Listings and feeds
// read it instead of every content file. It can always be rebuilt from the content files.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ContentPaths } from "../../config/paths.ts";
import { indexRecordSchema, type IndexRecord, type ItemFrontMatter } from "../item/schema.ts";
import { sha256 } from "../item/identity.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { parseContentFile } from "./content-file.ts";
import { readRawFacts } from "./raw-store.ts";

export function toIndexRecord(
  fm: ItemFrontMatter,
  extra: { key: string; path: string; hash: string; rawHash: string },
): IndexRecord {
  const record: IndexRecord = {
    id: fm.id,
    key: extra.key,
    title: fm.title,
    slug: fm.slug,
    date: fm.date,
    updated: fm.updated,
    source: fm.source,
    link: fm.link,
    author: fm.author,
    lang: fm.lang,
    topics: fm.topics,
    summary: fm.summary,
    image: fm.image,
    gallerySize: fm.gallery?.images.length ?? 0,
    path: extra.path,
    hash: extra.hash,
    rawHash: extra.rawHash,
  };
  // Absent, not undefined: the record must equal itself after a JSON round trip.
  for (const k of Object.keys(record) as (keyof IndexRecord)[]) if (record[k] === undefined) delete record[k];
  return record;
}

/** Newest first; ties broken by id so the file is byte-stable. */
export function sortRecords(records: IndexRecord[]): IndexRecord[] {
  return records.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One record per line: compact, yet a nightly commit's diff shows which items changed. */
export function serializeIndex(records: IndexRecord[]): string {
  return records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n` : "[]\n";
}

export async function loadIndex(paths: ContentPaths): Promise<IndexRecord[]> {
  if (!existsSync(paths.itemIndex)) return [];
  const text = await readFile(paths.itemIndex, "utf8");
  const parsed = z.array(indexRecordSchema).safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${paths.itemIndex}: invalid item index (${parsed.error.issues[0]?.message}); rebuild it with --rebuild-index`);
  return parsed.data;
}

/** Writes the index only when its bytes change (a no-op ingest writes nothing). */
export async function saveIndex(paths: ContentPaths, records: IndexRecord[]): Promise<boolean> {
  const text = serializeIndex(sortRecords(records));
  if (existsSync(paths.itemIndex) && (await readFile(paths.itemIndex, "utf8")) === text) return false;
  writeFileAtomic(paths.itemIndex, text);
  return true;
}

/** Rebuilds the index from the content files (and the raw store for identity keys). */
export async function rebuildIndex(paths: ContentPaths): Promise<{ records: IndexRecord[]; errors: string[] }> {
  const records: IndexRecord[] = [];
  const errors: string[] = [];
  const rawFacts = await readRawFacts(paths);
  for (const file of await listContentFiles(paths.items)) {
    const text = await readFile(file, "utf8");
    const rel = path.relative(paths.root, file).split(path.sep).join("/");
    try {
      const { frontMatter } = parseContentFile(text);
      const raw = rawFacts.get(frontMatter.id);
      records.push(
        toIndexRecord(frontMatter, {
          key: raw?.key ?? `id:${frontMatter.id}`,
          path: rel,
          hash: sha256(text),
          rawHash: raw?.rawHash ?? "",
        }),
      );
    } catch (err) {
      errors.push(`${rel}: ${(err as Error).message}`);
    }
  }
  return { records: sortRecords(records), errors };
}

export async function listContentFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith("."))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
