// Builds the digest a user gets: the bundled samples (and, when the shared folder is there, the
// real seed and sample items) ingested into a temp content dir, then the real site build.
// Images stay offline: bundled ones are processed, remote ones are never requested.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadFeedsConfig, sourceLocation } from "../../scripts/config/feeds.ts";
import { contentPaths, PROJECT_ROOT } from "../../scripts/config/paths.ts";
import { ingest, type IngestInput } from "../../scripts/ingest/ingest.ts";
import type { IngestReport } from "../../scripts/ingest/report.ts";
import { buildSite, type BuildResult } from "../../scripts/site/build-site.ts";
import { SEED, SHARED_SAMPLES, tempDir } from "./shared.ts";

export interface SamplesSite {
  root: string;
  content: string;
  dist: string;
  ingest: IngestReport;
  build: BuildResult;
  /** Whether the shared real samples were included. */
  withShared: boolean;
}

export async function buildSamplesSite(siteOverrides: Record<string, unknown> = {}): Promise<SamplesSite> {
  const root = await tempDir("gazette-samples-site-");
  const content = path.join(root, "content");
  const paths = contentPaths(content);
  await mkdir(paths.data, { recursive: true });
  const project = contentPaths();
  const site = JSON.parse(await readFile(project.siteConfig, "utf8")) as Record<string, unknown>;
  const images = { ...(site.images as object), fetchRemote: false, cacheDir: path.join(root, "image-cache") };
  await writeFile(paths.siteConfig, JSON.stringify({ ...site, ...siteOverrides, images }));
  await copyFile(project.topicsConfig, paths.topicsConfig);

  const inputs: IngestInput[] = (await loadFeedsConfig(project.feedsConfig)).map((s) => ({
    location: sourceLocation(s),
    source: { id: s.id, name: s.name, lang: s.lang, topics: s.topics },
  }));
  const withShared = existsSync(SEED);
  if (withShared) inputs.push({ location: SEED, sourceId: "dw" }, { location: path.join(SHARED_SAMPLES, "items") });
  const report = await ingest({ paths, inputs, timezone: "Asia/Shanghai", workers: 0 });
  const dist = path.join(root, "dist");
  const build = await buildSite({ contentDir: content, outputDir: dist, quiet: true, imageFetch: { retries: 0 } });
  return { root, content, dist, ingest: report, build, withShared };
}

export { PROJECT_ROOT };
