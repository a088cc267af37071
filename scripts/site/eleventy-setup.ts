// Wires the site into Eleventy: directories, data, filters, markdown, page templates, media.
// .eleventy.js only calls configureGazette(); everything here is typed and tested.
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMPACT_LAYOUTS_CACHE, PROJECT_ROOT } from "../config/paths.ts";
import { ImageCatalog } from "../images/image-catalog.ts";
import { registerImageFilters, withResponsiveImages } from "../images/image-filters.ts";
import { markdownRenderer } from "../ingest/convert/markdown-renderer.ts";
import { instantOf, toIso } from "./dates.ts";
import { withFastFilters } from "./build/fast-filters.ts";
import { listingsToRender } from "./build/listing-keys.ts";
import { compactLayouts } from "./compact-templates.ts";
import { registerFeeds } from "./feeds/register-feeds.ts";
import { directNunjucksFilters } from "./direct-filters.ts";
import { registerFilters } from "./filters.ts";
import { compileNunjucksOnce } from "./nunjucks-templates.ts";
import { registerPageTemplates } from "./page-templates.ts";
import { contentSecurityPolicy } from "./site-css.ts";
import { normalizeContentPath } from "./site-model.ts";
import type { FeedEntryCache } from "./feeds/feed-entry-cache.ts";
import { archiveBundlePaths } from "./search-shards.ts";
import { SiteState } from "./site-state.ts";
import { articlePath, dayKey } from "./urls.ts";

export const LAYOUTS_DIR = path.join(PROJECT_ROOT, "layouts");

/** The subset of Eleventy's UserConfig used here (Eleventy ships no types for it). */
export interface EleventyUserConfig {
  directories: { input: string; output: string };
  ignores: { add(glob: string): void };
  addNunjucksFilter(name: string, fn: (...args: never[]) => unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setLibrary(name: string, lib: unknown): void;
  setIncludesDirectory(dir: string): void;
  setUseGitIgnore(use: boolean): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  addWatchTarget(target: string): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
  addExtension(name: string, options: Record<string, unknown>): void;
  addDataExtension(extensions: string, options: { parser: (file: string) => unknown; read: false }): void;
  addDateParsing(parse: (value: unknown) => Date | undefined): void;
  /**
   * Set before this config runs: `configure`, this module's configureGazette, which .eleventy.js
   * calls rather than import it (a build's thread may run from a bundle, without tsx); a state
   * buildSite already loaded; `sourceLayouts` renders with the layouts as written (the dev
   * server, so that edits show on reload) instead of compacted.
   */
  gazette?: { configure?: (config: EleventyUserConfig) => Promise<GazetteEleventyOptions>; state?: SiteState; sourceLayouts?: boolean; keep?: ReadonlySet<string>; feedEntries?: FeedEntryCache; articlesOnly?: boolean };
}

export interface GazetteEleventyOptions {
  markdownTemplateEngine: false;
  htmlTemplateEngine: string;
  templateFormats: string[];
}

export async function configureGazette(config: EleventyUserConfig): Promise<GazetteEleventyOptions> {
  const inputDir = path.resolve(config.directories.input);
  // buildSite loads the state to plan the build; the first render reuses it instead of reloading.
  const state = config.gazette?.state ?? new SiteState(inputDir, path.join(LAYOUTS_DIR, "assets"));
  let preloaded = config.gazette?.state !== undefined;
  // Images: the images stage (scripts/images/fetch-images.ts) filled the cache before this build.
  const images = new ImageCatalog();

  // Pages come out compact because their templates were minified once (compact-templates.ts).
  const layoutsDir = config.gazette?.sourceLayouts ? LAYOUTS_DIR : await compactLayouts(LAYOUTS_DIR, COMPACT_LAYOUTS_CACHE);
  // Eleventy resolves includes relative to the input dir; layouts live beside content/.
  config.setIncludesDirectory(path.relative(inputDir, layoutsDir));
  // A deployment may keep generated content out of git; Eleventy must render it all the same.
  config.setUseGitIgnore(false);
  config.ignores.add(path.join(path.relative(process.cwd(), inputDir), "_raw/**"));
  // The item index is global data too (templates may read it); the state has it parsed already.
  config.addDataExtension("json", { read: false, parser: (file) => state.indexAsRead(file) ?? readJsonData(file) });
  config.setLibrary("md", withResponsiveImages(markdownRenderer(), images));
  // Item dates are ISO timestamps. Eleventy reads a date string with luxon (UTC when it has no
  // offset); instantOf reads it the same way, without luxon for a timestamp with an offset: about
  // 40 µs less a page.
  config.addDateParsing((value) => (typeof value === "string" ? instantOf(value) : undefined));
  compileNunjucksOnce(config);
  // Eleventy's dependency scan cannot read the .ts imports of .eleventy.js; watch the folders instead.
  config.setWatchJavaScriptDependencies(false);
  config.addWatchTarget(path.relative(process.cwd(), LAYOUTS_DIR));
  const filters = directNunjucksFilters(config);
  registerFilters(withFastFilters(filters, state), state);
  registerImageFilters(filters, images, () => state.site);
  // A batch of a large build renders articles only: the pages, feeds and assets come with the first.
  const sitePages = !config.gazette?.articlesOnly;
  const feedHost = { addNunjucksFilter: filters.addNunjucksFilter, addGlobalData: config.addGlobalData.bind(config), addPassthroughCopy: config.addPassthroughCopy.bind(config) };
  registerFeeds(feedHost, state, images, { cache: config.gazette?.feedEntries, feeds: sitePages });
  if (sitePages) {
    registerPageTemplates(config, path.join(layoutsDir, "pages"));
    config.addPassthroughCopy({ [path.relative(process.cwd(), path.join(LAYOUTS_DIR, "assets", "search.js"))]: "assets/search.js" });
    config.addPassthroughCopy({ [path.relative(process.cwd(), path.join(LAYOUTS_DIR, "assets", "lightbox.js"))]: "assets/lightbox.js" });
  }

  config.on("eleventy.before", async () => {
    if (preloaded) preloaded = false;
    else await state.load();
    images.load(state.site);
  });

  // Global data is read lazily, after eleventy.before has loaded the state.
  config.addGlobalData("site", () => state.site);
  config.addGlobalData("gazette", () => state.model);
  // The listing pages to render: all, less the archive pages an incremental build keeps.
  const keep = config.gazette?.keep;
  config.addGlobalData("listings", () => listingsToRender(state.model, keep));
  // The search bundles the search page merges into the primary one.
  config.addGlobalData("searchArchive", () => archiveBundlePaths(state.model));
  config.addGlobalData("gazetteCss", () => state.css.css);
  config.addGlobalData("gazetteStylesheet", () => state.css.path);
  config.addGlobalData("gazetteCsp", contentSecurityPolicy());
  // Items take the article layout and a URL from the model; virtual pages set their own.
  config.addGlobalData("layout", "article.njk");
  config.addGlobalData("permalink", () => (data: ItemPermalinkData) => itemPermalink(state, inputDir, data));

  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk", templateFormats: ["md", "njk"] };
}

/** A JSON data file as Eleventy reads one: missing or blank is an empty object. */
function readJsonData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  return text ? JSON.parse(text) : {};
}

interface ItemPermalinkData {
  page: { inputPath: string };
  date?: unknown;
  slug?: unknown;
}

/** Article URL from the index (it settles rare collisions), else from the file's own date and slug. */
function itemPermalink(state: SiteState, inputDir: string, data: ItemPermalinkData): string | false {
  const rel = normalizeContentPath(path.relative(inputDir, path.resolve(data.page.inputPath)));
  if (!rel.startsWith("items/") || state.retired.has(rel)) return false;
  const view = state.model.byContentPath.get(rel);
  if (view) return `${view.url}index.html`;
  if (typeof data.slug !== "string" || data.date === undefined) return false;
  return `${articlePath(dayKey(toIso(data.date), state.site.timezone), data.slug)}index.html`;
}
