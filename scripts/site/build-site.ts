// One site build: images, then Eleventy into a staging folder beside the search index, then swap the
// staging folder in for the output folder, so a failed build never leaves a half-written dist/.
// Incremental: when nothing shared changed since the previous build, Eleventy renders only the
// articles, archive listing pages and day pages whose render key changed (plus head listings,
// feeds and utility pages) and each other page is hard-linked from the previous output, as are
// unchanged search bundles. The result equals a full build.
import { createHash } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../config/paths.ts";
import { fetchImages, imageSummaryLine, type FetchImagesOptions, type ImageStageReport } from "../images/fetch-images.ts";
import { ImageCatalog } from "../images/image-catalog.ts";
import { readBuildManifest, writeBuildManifest } from "./build/build-manifest.ts";
import { collectGarbage } from "./build/collect-garbage.ts";
import { collectContentFacts, type FileFacts } from "./build/content-facts.ts";
import { discardTree } from "./build/discard-tree.ts";
import { clearEleventyCaches } from "./build/eleventy-caches.ts";
import { linkKeptPages } from "./build/keep-pages.ts";
import { allTemplates, globSafe, planBuild, type BuildPlan } from "./build/plan-build.ts";
import { ARTICLE_BATCH, fileBatches, folderBatches } from "./build/render-batches.ts";
import { globalRenderKey } from "./build/render-keys.ts";
import { LAYOUTS_DIR, type EleventyUserConfig } from "./eleventy-setup.ts";
import { FeedEntryCache, type EntryKeyOf } from "./feeds/feed-entry-cache.ts";
import { listHtmlFiles } from "./html-files.ts";
import { buildSearchIndex, type SearchIndexStats } from "./search-index.ts";
import { SiteState } from "./site-state.ts";

export const ELEVENTY_CONFIG = path.join(PROJECT_ROOT, ".eleventy.js");

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  quiet?: boolean;
  /** Extra global data for the templates (the digest passes its run status). */
  globalData?: Record<string, unknown>;
  /** Retry tuning of the images stage (tests shorten the backoff). */
  imageFetch?: Pick<FetchImagesOptions, "retries" | "retryBaseMs">;
  /** The build to keep unchanged pages from (default: outputDir as it is before this build). */
  previousOutputDir?: string;
  /** false: render every page, whatever the previous build holds. */
  incremental?: boolean;
  /** Articles per Eleventy run (default ARTICLE_BATCH). */
  articleBatch?: number;
}

export interface StageTiming {
  name: "eleventy" | "search index";
  ms: number;
}

export interface BuildResult {
  outputDir: string;
  pages: number;
  /** Items the site lists (after retention). */
  items: number;
  stages: StageTiming[];
  search: SearchIndexStats;
  /** The images stage (run before Eleventy): counts, and the images that failed. */
  images: ImageStageReport & { ms: number };
  /** What was rendered and what was kept from the previous build. */
  incremental: { mode: BuildPlan["mode"]; reason?: string; rendered: number; kept: number; planMs: number; feedEntriesReused: number };
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.outputDir);
  const contentDir = path.resolve(options.contentDir);
  const previousDir = path.resolve(options.previousOutputDir ?? outputDir);
  const staging = `${outputDir}.staging-${process.pid}-${Date.now()}`;
  const stages: StageTiming[] = [];
  const timed = async <T>(name: StageTiming["name"], run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    stages.push({ name, ms: Math.round(performance.now() - start) });
    return result;
  };
  try {
    const state = new SiteState(contentDir, path.join(LAYOUTS_DIR, "assets"));
    await state.load();
    const previous = options.incremental === false ? undefined : { dir: previousDir, manifest: readBuildManifest(previousDir) };
    const facts = collectContentFacts(contentDir, state.paths.itemIndex, previous?.manifest?.images);

    const imagesStart = performance.now();
    const imageReport = await fetchImages({ contentDir, outputDir: staging, site: state.site, refs: facts.imageRefs, ...options.imageFetch });
    const images = { ...imageReport, ms: Math.round(performance.now() - imagesStart) };
    if (!options.quiet) printImageReport(images);

    const planStart = performance.now();
    const catalog = new ImageCatalog();
    catalog.load(state.site);
    const globalKey = globalRenderKey(state, options.globalData ?? {});
    const plan = planBuild({ state, globalKey, files: facts.files, images: catalog, previous });
    const planMs = Math.round(performance.now() - planStart);
    const feedEntries = FeedEntryCache.read(previous?.dir, globalKey, feedEntryKey(facts.files, catalog));

    // The default search index is made of item records, not pages: Pagefind (its own process)
    // indexes them while Eleventy renders. Full-text search must wait for the pages.
    const searchFromPages = state.site.search.fullText;
    const previousSearch = previous && { dir: previous.dir, keys: previous.manifest?.search };
    const searchIndex = () => timed("search index", () => buildSearchIndex(staging, state.model, state.site, previousSearch));
    const searchEarly = searchFromPages ? undefined : searchIndex();
    // Settled at once so that a failure of either is reported once, after both have stopped.
    const render = (scope: RenderScope) => runEleventy(contentDir, staging, options.quiet ?? false, options.globalData, { state, feedEntries, ...scope });
    const [rendered, searched] = await Promise.allSettled([
      timed("eleventy", () => renderInBatches(render, plan, state, contentDir, options.articleBatch ?? ARTICLE_BATCH)),
      searchEarly,
    ]);
    if (rendered.status === "rejected") throw rendered.reason;
    if (searched.status === "rejected") throw searched.reason;
    const written = rendered.value;
    if (plan.mode === "incremental") linkKeptPages(previousDir, staging, plan.keep);
    const pages = listHtmlFiles(staging).length;
    const search = searched.value ?? (await searchIndex());
    feedEntries.write(staging, globalKey);
    writeBuildManifest(staging, { version: 1, globalKey, pages: plan.pages, images: facts.cache, search: search.keys });
    swapInto(staging, outputDir);
    const incremental = { mode: plan.mode, reason: plan.reason, rendered: written.length, kept: plan.keep.length, planMs, feedEntriesReused: feedEntries.reused };
    return { outputDir, pages, items: state.model.items.length, stages, search, images, incremental };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function printImageReport(report: ImageStageReport): void {
  const lines = [imageSummaryLine(report), ...report.warnings];
  for (const f of report.failed) lines.push(`  image ${f.action}: ${f.src} (${f.reason}) in ${f.items.join(", ")}`);
  process.stdout.write(lines.join("\n") + "\n");
}

export interface RenderScope {
  /** A state already loaded for this content (saves loading it twice). */
  state?: SiteState;
  /** Render only these content files (relative paths or folder patterns) besides the virtual pages. */
  only?: string[];
  /** Site paths of listing pages kept from the previous build: Eleventy leaves them out. */
  keep?: ReadonlySet<string>;
  /** Feed entries the previous build made. */
  feedEntries?: FeedEntryCache;
  /** Render the `only` files and nothing else: no listing or utility pages, no feeds, no assets. */
  articlesOnly?: boolean;
}

/**
 * Renders the plan in Eleventy runs (render-batches.ts), so that memory stays bounded however
 * large the site grows. A cold build renders the listing and utility pages, then each batch of
 * articles; a warm one renders its pages with the first batch of changed articles. The heap is
 * collected between runs.
 */
async function renderInBatches(
  render: (scope: RenderScope) => Promise<string[]>,
  plan: BuildPlan,
  state: SiteState,
  contentDir: string,
  batch: number,
): Promise<string[]> {
  let batches: string[][];
  if (plan.mode === "incremental") batches = fileBatches(plan.render, batch);
  else {
    const files = allTemplates(state);
    // A small site, or folders Eleventy's glob cannot name: one run over the content dir.
    if (files.length <= batch || !globSafe([contentDir, ...files])) return render({});
    // The listing pages' run is the largest: it holds no articles (measured at 10,000 items: peak
    // 0.97 GiB with the first batch beside it, 0.77 GiB without).
    batches = [[], ...folderBatches(files, batch)];
  }
  const written = await render({ only: batches[0], keep: plan.mode === "incremental" ? new Set(plan.keep) : undefined });
  for (const only of batches.slice(1)) {
    collectGarbage();
    written.push(...(await render({ only, articlesOnly: true })));
  }
  return written;
}

/** Runs Eleventy; returns the output files it wrote (absolute paths). */
export async function runEleventy(
  contentDir: string,
  outputDir: string,
  quiet: boolean,
  globalData: Record<string, unknown> = {},
  scope: RenderScope = {},
): Promise<string[]> {
  const inputDir = path.resolve(contentDir);
  await clearEleventyCaches();
  const eleventy = new Eleventy(scope.only ? inputGlob(inputDir, scope.only) : inputDir, outputDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: quiet,
    ...(scope.only ? { inputDir } : {}),
    config: (config: Pick<EleventyUserConfig, "addGlobalData" | "gazette" | "ignores">) => {
      for (const [name, value] of Object.entries(globalData)) config.addGlobalData(name, value);
      if (scope.state) config.gazette = { state: scope.state, keep: scope.keep, feedEntries: scope.feedEntries, articlesOnly: scope.articlesOnly };
      // Items past retention have no page: Eleventy never reads them.
      for (const retired of scope.state?.retired ?? []) config.ignores.add(path.join(path.relative(process.cwd(), inputDir), retired));
    },
  });
  const [, templates] = (await eleventy.write()) as [unknown, { outputPath?: unknown }[]];
  return templates.map((t) => t.outputPath).filter((p): p is string => typeof p === "string").map((p) => path.resolve(p));
}

/** An item's feed entry key: its record, its content file and what its images resolve to. */
function feedEntryKey(files: Map<string, FileFacts>, images: ImageCatalog): EntryKeyOf {
  return (item) => {
    const facts = files.get(item.path);
    if (!facts || facts.error) return undefined;
    const parts = [facts.hash, item, facts.images.map((src) => [src, images.resolve(src)])];
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  };
}

/** An input glob naming exactly `files` (plain relative paths or folder patterns; planBuild checked them). */
function inputGlob(inputDir: string, files: string[]): string {
  // Eleventy takes a single existing file as a file, and a pattern as a glob; two never-matching patterns keep the
  // list a brace glob even when it is empty or names one file.
  return `${inputDir}/{${["_gazette-none/*.md", "_gazette-none/*.njk", ...files].join(",")}}`;
}

/** Replaces `target` with `staging` by two renames; the old copy is removed in the background. */
function swapInto(staging: string, target: string): void {
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
  }
  if (hadOld) discardTree(old);
}
