// One Eleventy run of a build: the whole content dir, or a scope of it (named files, listing
// pages only, articles only). Both the build's own thread and the article worker render this way.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../../config/paths.ts";
import { configureGazette, type EleventyUserConfig } from "../eleventy-setup.ts";
import type { FeedEntryCache } from "../feeds/feed-entry-cache.ts";
import type { SiteState } from "../site-state.ts";
import { clearEleventyCaches } from "./eleventy-caches.ts";

export const ELEVENTY_CONFIG = path.join(PROJECT_ROOT, ".eleventy.js");

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
      config.gazette = { configure: configureGazette, ...(scope.state ? { state: scope.state, keep: scope.keep, feedEntries: scope.feedEntries, articlesOnly: scope.articlesOnly } : {}) };
      // Items past retention have no page: Eleventy never reads them.
      for (const retired of scope.state?.retired ?? []) config.ignores.add(path.join(path.relative(process.cwd(), inputDir), retired));
    },
  });
  const [, templates] = (await eleventy.write()) as [unknown, { outputPath?: unknown }[]];
  return templates.map((t) => t.outputPath).filter((p): p is string => typeof p === "string").map((p) => path.resolve(p));
}

/** An input glob naming exactly `files` (plain relative paths or folder patterns; planBuild checked them). */
function inputGlob(inputDir: string, files: string[]): string {
  // Eleventy takes a single existing file as a file, and a pattern as a glob; two never-matching patterns keep the
  // list a brace glob even when it is empty or names one file.
  return `${inputDir}/{${["_gazette-none/*.md", "_gazette-none/*.njk", ...files].join(",")}}`;
}
