// The nightly digest: lock, fetch, ingest, build beside the live site, check, publish by swap.
// Any one feed or item failing is reported and the rest go on; a failed build or check publishes
// nothing and the live site stays as it was.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadFeedsConfig, sourceLocation, type FeedSource } from "../config/feeds.ts";
import { cachePaths, contentPaths, PROJECT_ROOT } from "../config/paths.ts";
import { ingest, type IngestInput } from "../ingest/ingest.ts";
import { emptyCounts, type IngestReport } from "../ingest/report.ts";
import { writeFileAtomic } from "../ingest/store/atomic-write.ts";
import { loadIndex } from "../ingest/store/item-index.ts";
import { imageSummaryLine } from "../images/fetch-images.ts";
import { buildSite } from "../site/build-site.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import { checkBuild, publishedItemCount } from "./check-build.ts";
import { fetchFeeds, type FeedFetchResult } from "./fetch-feeds.ts";
import { publish, publishDirs, recoverInterrupted } from "./publish.ts";
import { acquireLock, type Lock } from "./run-lock.ts";
import { loadHistory, newRunReport, saveHistory, type DigestRunReport, type FeedOutcome } from "./run-report.ts";
import { statusView } from "./status-view.ts";

export interface DigestOptions {
  contentDir?: string;
  outputDir?: string;
  cacheDir?: string;
  /** Fetch and report; write nothing. */
  dryRun?: boolean;
  /** Only these source ids. */
  only?: string[];
  /** Skip fetch and ingest: rebuild from the content as it is. */
  noFetch?: boolean;
  now?: Date;
  /** Fetch limits (tests shorten them). */
  fetch?: { timeoutMs?: number; retries?: number; retryDelayMs?: number; concurrency?: number; maxBytes?: number };
  onProgress?: (stage: string, done: number, total: number) => void;
}

export class DigestUsageError extends Error {
  name = "DigestUsageError";
}

export async function runDigest(options: DigestOptions = {}): Promise<DigestRunReport> {
  const now = options.now ?? new Date();
  const paths = contentPaths(options.contentDir ?? path.join(PROJECT_ROOT, "content"));
  const cache = cachePaths(options.cacheDir);
  const dirs = publishDirs(options.outputDir ?? path.join(PROJECT_ROOT, "dist"));
  const report = newRunReport(now, Boolean(options.dryRun));
  const site = loadSiteConfig(paths.siteConfig);
  const sources = selectSources(await loadFeedsConfig(paths.feedsConfig), options.only);

  let lock: Lock | undefined;
  let scratch: string | undefined;
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      report.stages.push({ name, ms: Math.round(performance.now() - start) });
    }
  };
  try {
    if (!options.dryRun) {
      lock = await acquireLock(cache.digestLock);
      report.warnings.push(...(await recoverInterrupted(dirs)));
    }
    let fetched: FeedFetchResult[] = [];
    if (!options.noFetch) {
      fetched = await timed("fetch", () =>
        fetchFeeds(sources, {
          stateFile: cache.feedState,
          cacheDir: cache.fetched,
          dryRun: options.dryRun,
          root: PROJECT_ROOT,
          onWarning: (m) => report.warnings.push(m),
          ...options.fetch,
        }),
      );
      if (options.dryRun) scratch = await mkdtemp(path.join(os.tmpdir(), "gazette-dry-"));
      const inputs = await ingestInputs(sources, fetched, scratch);
      const ingestReport = await timed("ingest", () =>
        ingest({
          paths,
          inputs,
          timezone: site.timezone,
          dryRun: options.dryRun,
          now,
          onProgress: (done, total) => options.onProgress?.("ingest", done, total),
        }),
      );
      mergeIngest(report, sources, fetched, ingestReport);
    } else {
      for (const s of sources) report.feeds.push({ id: s.id, name: s.name, url: s.url, fetch: "skipped", counts: emptyCounts() });
    }
    if (options.dryRun) return finish(report, 0);

    const history = await loadHistory(cache.digestHistory);
    const records = await loadIndex(paths);
    const built = await timed("build", () =>
      buildSite({
        contentDir: paths.root,
        outputDir: dirs.next,
        // Unchanged article pages are kept from the live build (hard links), not rendered again.
        previousOutputDir: dirs.live,
        quiet: true,
        globalData: { digestStatus: statusView([report, ...history], records, sources, site, now) },
      }),
    );
    report.site = { pages: built.pages, items: built.items, images: imageSummaryLine(built.images) };
    report.stages.push({ name: "build: images", ms: built.images.ms });
    for (const stage of built.stages) report.stages.push({ name: `build: ${stage.name}`, ms: stage.ms });
    for (const f of built.images.failed) report.warnings.push(`image ${f.action}: ${f.src} (${f.reason})`);
    report.problems = await checkBuild(dirs.next, {
      items: built.items,
      previousItems: await publishedItemCount(dirs.live),
      maxItemDrop: site.digest.maxItemDrop,
    });
    if (report.problems.length) {
      await rm(dirs.next, { recursive: true, force: true });
      return await save(finish(report, 1), cache, history);
    }
    const problemsFree = report.totals.feedsFailed === 0 && report.totals.failed === 0;
    report.published = true;
    finish(report, problemsFree ? 0 : 3);
    await writeFile(path.join(dirs.next, "status.json"), `${JSON.stringify(report, null, 1)}\n`);
    if (lock && !(await lock.isHeld())) throw new Error("the run lock was taken over by another run; not publishing");
    await publish(dirs);
    return await save(report, cache, history);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    await lock?.release();
  }
}

function finish(report: DigestRunReport, exitCode: number): DigestRunReport {
  report.exitCode = exitCode;
  report.finishedAt = new Date().toISOString();
  return report;
}

async function save(report: DigestRunReport, cache: ReturnType<typeof cachePaths>, history: DigestRunReport[]): Promise<DigestRunReport> {
  writeFileAtomic(cache.digestReport, `${JSON.stringify(report, null, 1)}\n`);
  await saveHistory(cache.digestHistory, [report, ...history]);
  return report;
}

function selectSources(all: FeedSource[], only: string[] | undefined): FeedSource[] {
  if (!only?.length) return all;
  const unknown = only.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length) throw new DigestUsageError(`--only: no source with id ${unknown.map((u) => `"${u}"`).join(", ")} in feeds.json`);
  return all.filter((s) => only.includes(s.id));
}

/** What the ingest reads: local paths as they are; fetched bodies under their URL; 304s not at all. */
async function ingestInputs(sources: FeedSource[], fetched: FeedFetchResult[], scratch: string | undefined): Promise<IngestInput[]> {
  const inputs: IngestInput[] = [];
  for (const [i, source] of sources.entries()) {
    const result = fetched[i];
    const info = { id: source.id, name: source.name, lang: source.lang, topics: source.topics };
    if (result.status === "local") inputs.push({ location: sourceLocation(source), source: info });
    if (result.status !== "fetched") continue;
    let file = result.file;
    if (!file && result.body && scratch) {
      file = path.join(scratch, `${source.id}.body`);
      await writeFile(file, result.body);
    }
    if (file) inputs.push({ location: { file, url: source.url!, contentType: result.contentType, finalUrl: result.finalUrl }, source: info });
  }
  return inputs;
}

function mergeIngest(report: DigestRunReport, sources: FeedSource[], fetched: FeedFetchResult[], ingested: IngestReport): void {
  for (const [i, source] of sources.entries()) {
    const result = fetched[i];
    const location = sourceLocation(source);
    const inputFailures = ingested.failures.filter((f) => !f.item && (f.input === location || f.input.startsWith(`${location}${path.sep}`)));
    const outcome: FeedOutcome = {
      id: source.id,
      name: source.name,
      url: source.url,
      fetch: result.status,
      httpStatus: result.httpStatus,
      counts: ingested.bySource[source.id] ?? emptyCounts(),
      ms: result.ms,
    };
    if (result.status === "failed") outcome.error = result.error ?? "fetch failed";
    else if (inputFailures.length) outcome.error = inputFailures.map((f) => f.reason).join("; ");
    report.feeds.push(outcome);
  }
  const t = report.totals;
  for (const key of ["new", "updated", "unchanged", "kept", "duplicate", "failed"] as const) t[key] = ingested.counts[key];
  t.feeds = report.feeds.length;
  t.feedsFailed = report.feeds.filter((f) => f.error).length;
  t.notModified = report.feeds.filter((f) => f.fetch === "not-modified").length;
  report.failures = ingested.failures;
  report.warnings.push(...ingested.warnings.map((w) => `${w.input}: ${w.reason}`));
}
