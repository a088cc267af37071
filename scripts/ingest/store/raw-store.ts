// Raw inputs kept beside the content (content/_raw/<id>.json, out of Eleventy's sight), so that
// `--reingest` can rebuild every content file with today's cleaning rules.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { ContentPaths } from "../../config/paths.ts";
import type { SourceInfo } from "../item/build-item.ts";
import type { RawItem } from "../raw-item.ts";
import { writeFileAtomic } from "./atomic-write.ts";

export interface RawRecord {
  id: string;
  key: string;
  rawHash: string;
  source: SourceInfo;
  raw: RawItem;
}

function rawFile(paths: ContentPaths, id: string): string {
  return path.join(paths.raw, `${id}.json`);
}

export function writeRawRecord(paths: ContentPaths, record: RawRecord): void {
  writeFileAtomic(rawFile(paths, record.id), `${JSON.stringify(record)}\n`);
}

export async function readRawRecord(paths: ContentPaths, id: string): Promise<RawRecord | undefined> {
  const file = rawFile(paths, id);
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, "utf8")) as RawRecord;
}

export async function* readAllRawRecords(paths: ContentPaths): AsyncGenerator<RawRecord> {
  if (!existsSync(paths.raw)) return;
  const names = (await readdir(paths.raw)).filter((n) => n.endsWith(".json")).sort();
  for (const name of names) yield JSON.parse(await readFile(path.join(paths.raw, name), "utf8")) as RawRecord;
}
