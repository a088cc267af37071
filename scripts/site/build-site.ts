// One site build: images, then Eleventy into a staging folder beside the search index, then swap the
// staging folder in for the output folder, so a failed build never leaves a half-written dist/.
// Incremental: when nothing shared changed since the previous build, Eleventy renders only the
// articles, archive listing pages and day pages whose render key changed (plus head listings,
// feeds and utility pages) and each other page is hard-linked from the previous output, as are
// unchanged search bundles. The result equals a full build.
import { createHash } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fetchImages, imageSummaryLine, type FetchImagesOptions, type ImageStageReport } from "../images/fetch-images.ts";
import { ImageCatalog } from "../images/image-catalog.ts";
import { BUILD_INTERRUPT_BUDGET, useTierUpBudget } from "../runtime/tier-up-budget.ts";
import { readBuildManifest, writeBuildManifest } from "./build/build-manifest.ts";
import { collectGarbage } from "./build/collect-garbage.ts";
import { collectContentFacts, type FileFacts } from "./build/content-facts.ts";
import { discardTree } from "./build/discard-tree.ts";
import { linkKeptPages } from "./build/keep-pages.ts";
import { allTemplates, fullBuildReason, globSafe, planBuild, type BuildPlan } from "./build/plan-build.ts";
import { ArticleQueue, renderArticlesInWorker, type ArticleJob } from "./build/render-articles.ts";
import { ARTICLE_BATCH, fileBatches, folderBatches } from "./build/render-batches.ts";
import { globalRenderKey } from "./build/render-keys.ts";
import { runEleventy, type RenderScope } from "./build/run-eleventy.ts";
import { LAYOUTS_DIR } from "./eleventy-setup.ts";
import { FeedEntryCache, type EntryKeyOf } from "./feeds/feed-entry-cache.ts";
import { buildSearchIndex, type SearchIndexStats } from "./search-index.ts";
import { SiteState } from "./site-state.ts";

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
  /** HTML files in the output: those rendered and those kept. */
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
  useTierUpBudget(BUILD_INTERRUPT_BUDGET);
  const timed = async <T>(name: StageTiming["name"], run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    stages.push({ name, ms: Math.round(performance.now() - start) });
    return result;
  };
  // Written into the staging folder meanwhile: no way out of this build may remove it before then.
  let searchEarly: Promise<SearchIndexStats> | undefined;
  let articles: ArticleBatches | undefined;
  try {
    const state = new SiteState(contentDir, path.join(LAYOUTS_DIR, "assets"));
    await state.load();
    const previous = options.incremental === false ? undefined : { dir: previousDir, manifest: readBuildManifest(previousDir) };
    // The default search index is made of item records, not pages: Pagefind (its own process)
    // indexes them while the content is read, images fetched and Eleventy renders. Full-text
    // search must wait for the pages.
    const previousSearch = previous && { dir: previous.dir, keys: previous.manifest?.search };
    const searchIndex = () => timed("search index", () => buildSearchIndex(staging, state.model, state.site, previousSearch));
    if (!state.site.search.fullText) {
      searchEarly = searchIndex();
      // Its failure is reported where it is awaited, after Eleventy: not an unhandled rejection meanwhile.
      searchEarly.catch(() => undefined);
    }
    const quiet = options.quiet ?? false;
    const globalData = options.globalData ?? {};
    const globalKey = globalRenderKey(state, globalData);
    const batchSize = options.articleBatch ?? ARTICLE_BATCH;
    const articleJob = { contentDir, outputDir: staging, quiet, globalData };
    // A build that renders everything starts its article worker now: the worker boots and loads
    // the content while this thread reads the content facts, fetches images and plans, and
    // renders once the images are in (measured at 10,000 items: it began 4 s after planning).
    if (fullBuildReason(state, globalKey, previous)) {
      articles = articleBatches(state, contentDir, batchSize, articleJob);
    }
    const facts = collectContentFacts(contentDir, state.paths.itemIndex, { images: previous?.manifest?.images, stamps: previous?.manifest?.files });

    const imagesStart = performance.now();
    const imageReport = await fetchImages({ contentDir, outputDir: staging, site: state.site, refs: facts.imageRefs, ...options.imageFetch });
    const images = { ...imageReport, ms: Math.round(performance.now() - imagesStart) };
    if (!options.quiet) printImageReport(images);
    articles?.queue.open();

    const planStart = performance.now();
    const catalog = new ImageCatalog();
    catalog.load(state.site);
    const plan = planBuild({ state, globalKey, files: facts.files, images: catalog, previous });
    const planMs = Math.round(performance.now() - planStart);
    const feedEntries = FeedEntryCache.read(previous?.dir, globalKey, feedEntryKey(facts.files, catalog));

    const render = (scope: RenderScope) => runEleventy(contentDir, staging, quiet, globalData, { state, feedEntries, ...scope });
    // A full build the plan decided on (most articles changed, say) starts its worker only now.
    if (plan.mode === "full") articles ??= articleBatches(state, contentDir, batchSize, articleJob);
    articles?.queue.open();
    // Settled at once so that a failure of either is reported once, after both have stopped.
    const [rendered, searched] = await Promise.allSettled([timed("eleventy", () => renderInBatches(render, plan, articles, batchSize)), searchEarly]);
    if (rendered.status === "rejected") throw rendered.reason;
    if (searched.status === "rejected") throw searched.reason;
    const written = rendered.value;
    if (plan.mode === "incremental") linkKeptPages(previousDir, staging, plan.keep);
    // Counted, not listed: walking the staging folder took 0.2 to 0.4 s at 10,000 items.
    const pages = written.filter((file) => file.endsWith(".html")).length + (plan.mode === "incremental" ? plan.keep.length : 0);
    const search = searched.value ?? (await searchIndex());
    feedEntries.write(staging, globalKey);
    writeBuildManifest(staging, { version: 1, globalKey, pages: plan.pages, images: facts.cache, search: search.keys, files: facts.stamps });
    swapInto(staging, outputDir);
    const incremental = { mode: plan.mode, reason: plan.reason, rendered: written.length, kept: plan.keep.length, planMs, feedEntriesReused: feedEntries.reused };
    return { outputDir, pages, items: state.model.items.length, stages, search, images, incremental };
  } catch (error) {
    // Nothing may still write into the staging folder when it is removed.
    articles?.queue.drop();
    await Promise.allSettled([searchEarly, articles?.worker]);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function printImageReport(report: ImageStageReport): void {
  const lines = [imageSummaryLine(report), ...report.warnings];
  for (const f of report.failed) lines.push(`  image ${f.action}: ${f.src} (${f.reason}) in ${f.items.join(", ")}`);
  process.stdout.write(lines.join("\n") + "\n");
}

/** A full build's article batches, and the files the worker thread wrote of them. */
interface ArticleBatches {
  queue: ArticleQueue;
  worker: Promise<string[]>;
}

/**
 * A full build's articles in batches of `batch` (whole month folders), and on more than one core
 * the worker thread that shares them, started now; it waits until the queue is opened. Undefined
 * for a small site, or folders Eleventy's glob cannot name: one run over the content dir renders
 * those.
 */
function articleBatches(state: SiteState, contentDir: string, batch: number, job: Omit<ArticleJob, "batches" | "next">): ArticleBatches | undefined {
  const files = allTemplates(state);
  if (files.length <= batch || !globSafe([contentDir, ...files])) return undefined;
  const queue = new ArticleQueue(folderBatches(files, batch), { open: false });
  // On one core a second thread would only add its own heap: the build's thread renders every batch.
  const worker = os.availableParallelism() > 1 ? renderArticlesInWorker(job, queue) : Promise.resolve([]);
  // Awaited by renderInBatches, or by buildSite's clean-up: never an unhandled rejection meanwhile.
  worker.catch(() => undefined);
  return { queue, worker };
}

/**
 * Renders the plan in Eleventy runs (render-batches.ts), so that memory stays bounded however
 * large the site grows. A full build renders its listing and utility pages on this thread while
 * the worker thread renders batches of articles; this thread then takes batches too, until none
 * is left. A warm one renders its pages with the first batch of changed articles, then the
 * other batches. The heap is collected between runs.
 */
async function renderInBatches(render: (scope: RenderScope) => Promise<string[]>, plan: BuildPlan, articles: ArticleBatches | undefined, batch: number): Promise<string[]> {
  const renderArticles = async (queue: ArticleQueue, written: string[]) => {
    for (let only = queue.take(); only; only = queue.take()) {
      collectGarbage();
      written.push(...(await render({ only, articlesOnly: true })));
    }
    return written;
  };
  if (plan.mode === "incremental") {
    const [first, ...rest] = fileBatches(plan.render, batch);
    return renderArticles(new ArticleQueue(rest), await render({ only: first, keep: new Set(plan.keep) }));
  }
  if (!articles) return render({});
  const { queue } = articles;
  // Settled together, so that neither thread still writes into the staging folder when a failure
  // of the other removes it.
  const stopOnFailure = (error: unknown) => {
    queue.drop();
    throw error;
  };
  const [here, worker] = await Promise.allSettled([
    render({ only: [] })
      .then((written) => renderArticles(queue, written))
      .catch(stopOnFailure),
    articles.worker.catch(stopOnFailure),
  ]);
  if (here.status === "rejected") throw here.reason;
  if (worker.status === "rejected") throw worker.reason;
  return [...here.value, ...worker.value];
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
