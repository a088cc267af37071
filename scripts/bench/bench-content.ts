// Benchmark content folders: N generated items ingested once into bench-work/content-N and reused
// while their index holds N records (generating and ingesting 10,000 items takes a while).
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentPaths, PROJECT_ROOT } from "../config/paths.ts";
import { ingest } from "../ingest/ingest.ts";
import type { IngestReport } from "../ingest/report.ts";
import { generateArchiveItems } from "./generate-items.ts";

export const BENCH_WORK = path.join(PROJECT_ROOT, "bench-work");
export const BENCH_TIMEZONE = "Asia/Shanghai";

/** Site settings of every bench site: the project's own, with remote images never fetched. */
export function benchSiteConfig(imageCache = path.join(BENCH_WORK, "image-cache")): Record<string, unknown> {
  const own = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "content/_data/site.json"), "utf8")) as Record<string, unknown>;
  const images = (own.images ?? {}) as Record<string, unknown>;
  return { ...own, images: { ...images, fetchRemote: false, cacheDir: path.relative(PROJECT_ROOT, imageCache) } };
}

/** A content folder with the project's topic rules and the bench site settings, no items yet. */
export async function initContentDir(contentDir: string, imageCache?: string): Promise<void> {
  const paths = contentPaths(contentDir);
  await mkdir(paths.data, { recursive: true });
  await cp(path.join(PROJECT_ROOT, "content/_data/topics.json"), paths.topicsConfig);
  await writeFile(paths.siteConfig, `${JSON.stringify(benchSiteConfig(imageCache), null, 2)}\n`);
}

export function indexedItems(contentDir: string): number {
  const file = contentPaths(contentDir).itemIndex;
  if (!existsSync(file)) return 0;
  return (JSON.parse(readFileSync(file, "utf8")) as unknown[]).length;
}

export async function ingestInto(contentDir: string, inputs: string[]): Promise<IngestReport> {
  return ingest({
    paths: contentPaths(contentDir),
    inputs: inputs.map((location) => ({ location, sourceId: "bench" })),
    timezone: BENCH_TIMEZONE,
  });
}

/** bench-work/content-N holding N ingested items, made unless already there. */
export async function benchContent(n: number, seed = 1): Promise<string> {
  const contentDir = path.join(BENCH_WORK, `content-${n}`);
  if (indexedItems(contentDir) === n) return contentDir;
  const itemsDir = path.join(BENCH_WORK, `items-${n}`);
  await rm(contentDir, { recursive: true, force: true });
  await rm(itemsDir, { recursive: true, force: true });
  await generateArchiveItems(itemsDir, n, seed);
  await initContentDir(contentDir);
  const report = await ingestInto(contentDir, [itemsDir]);
  await rm(itemsDir, { recursive: true, force: true });
  if (report.counts.failed > 0) throw new Error(`bench content: ${report.counts.failed} of ${n} items failed to ingest`);
  return contentDir;
}
