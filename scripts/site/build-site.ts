// One site build: Eleventy into a staging folder, minify, search index, then swap the staging
// folder in for the output folder, so a failed build never leaves a half-written dist/.
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../config/paths.ts";
import { fetchImages, imageSummaryLine, type FetchImagesOptions, type ImageStageReport } from "../images/fetch-images.ts";
import { LAYOUTS_DIR } from "./eleventy-setup.ts";
import { listHtmlFiles } from "./html-files.ts";
import { minifyHtmlTree } from "./minify-html.ts";
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
}

export interface StageTiming {
  name: "eleventy" | "minify" | "search index";
  ms: number;
}

export interface BuildResult {
  outputDir: string;
  pages: number;
  /** Items the site lists (after retention). */
  items: number;
  stages: StageTiming[];
  search: SearchIndexStats & { heapDeltaMb: number };
  /** The images stage (run before Eleventy): counts, and the images that failed. */
  images: ImageStageReport & { ms: number };
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.outputDir);
  const staging = `${outputDir}.staging-${process.pid}-${Date.now()}`;
  const stages: StageTiming[] = [];
  const timed = async <T>(name: StageTiming["name"], run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    stages.push({ name, ms: Math.round(performance.now() - start) });
    return result;
  };
  try {
    const imagesStart = performance.now();
    const imageReport = await fetchImages({ contentDir: options.contentDir, outputDir: staging, ...options.imageFetch });
    const images = { ...imageReport, ms: Math.round(performance.now() - imagesStart) };
    if (!options.quiet) printImageReport(images);
    await timed("eleventy", () => runEleventy(options.contentDir, staging, options.quiet ?? false, options.globalData));
    const pages = listHtmlFiles(staging).length;
    await timed("minify", () => minifyHtmlTree(staging));
    const state = new SiteState(path.resolve(options.contentDir), path.join(LAYOUTS_DIR, "assets"));
    await state.load();
    const heapBefore = process.memoryUsage().heapUsed;
    const search = await timed("search index", () => buildSearchIndex(staging, state.model, state.site));
    const heapDeltaMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576);
    swapInto(staging, outputDir);
    return { outputDir, pages, items: state.model.items.length, stages, search: { ...search, heapDeltaMb }, images };
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

export async function runEleventy(contentDir: string, outputDir: string, quiet: boolean, globalData: Record<string, unknown> = {}): Promise<void> {
  const eleventy = new Eleventy(path.resolve(contentDir), outputDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: quiet,
    config: (config: { addGlobalData(name: string, value: unknown): void }) => {
      for (const [name, value] of Object.entries(globalData)) config.addGlobalData(name, value);
    },
  });
  await eleventy.write();
}

/** Replaces `target` with `staging` by two renames; the old copy is removed afterwards. */
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
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
