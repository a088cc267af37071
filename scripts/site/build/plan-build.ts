// Decides what a build renders: everything (a cold build, or when anything shared changed), or
// only the articles, archive listing pages and day pages whose render key changed, plus every
// other page (head listings, feeds, utility pages). Pages it keeps come from the previous output.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ImageCatalog } from "../../images/image-catalog.ts";
import { normalizeContentPath } from "../site-model.ts";
import type { SiteState } from "../site-state.ts";
import type { BuildManifest } from "./build-manifest.ts";
import type { FileFacts } from "./content-facts.ts";
import { archivePages, dayRenderKey, listingRenderKey } from "./listing-keys.ts";
import { articleRenderKey } from "./render-keys.ts";

export interface BuildPlan {
  mode: "full" | "incremental";
  /** Why the build renders everything (for the report). */
  reason?: string;
  /** Article, archive listing and day pages and their keys, for the next build's manifest. */
  pages: Record<string, string>;
  /** incremental: content paths (relative) Eleventy renders. */
  render: string[];
  /** incremental: site paths of the article, listing and day pages kept from the previous output. */
  keep: string[];
}

export interface PlanInput {
  state: SiteState;
  globalKey: string;
  files: Map<string, FileFacts>;
  images: Pick<ImageCatalog, "resolve">;
  previous?: { dir: string; manifest?: BuildManifest };
}

/** Above this share of changed articles a full build is as cheap and simpler. */
const MAX_CHANGED_SHARE = 0.5;
/** Content paths the Eleventy input glob can name without escaping. */
const PLAIN_PATH = /^[A-Za-z0-9._/-]+$/;

export function planBuild(input: PlanInput): BuildPlan {
  const { state } = input;
  const pages: Record<string, string> = {};
  const keyOf = new Map<string, string | undefined>();
  for (const item of state.model.items) {
    const key = articleRenderKey(item, { model: state.model, relatedLimit: state.site.relatedItems, files: input.files, images: input.images });
    keyOf.set(item.path, key);
    if (key) pages[item.url] = key;
  }
  for (const { kind, page } of archivePages(state.model)) pages[page.path] = listingRenderKey(kind, page, input.images);
  for (const day of state.model.days) pages[day.path] = dayRenderKey(day, input.images);
  const full = (reason: string): BuildPlan => ({ mode: "full", reason, pages, render: [], keep: [] });
  const early = fullBuildReason(state, input.globalKey, input.previous);
  if (early) return full(early);
  const previous = input.previous!;

  const render: string[] = [];
  const keep: string[] = [];
  const reusable = (sitePath: string, key: string | undefined) =>
    key !== undefined && previous.manifest?.pages[sitePath] === key && existsSync(path.join(previous.dir, sitePath, "index.html"));
  for (const item of state.model.items) {
    if (reusable(item.url, keyOf.get(item.path))) keep.push(item.url);
    else render.push(normalizeContentPath(item.path));
  }
  for (const { page } of archivePages(state.model)) if (reusable(page.path, pages[page.path])) keep.push(page.path);
  for (const day of state.model.days) if (reusable(day.path, pages[day.path])) keep.push(day.path);
  render.push(...unmodelledTemplates(state));

  if (keep.length === 0) return full("no page can be kept");
  if (render.length > MAX_CHANGED_SHARE * state.model.items.length) return full("most articles changed");
  if (!globSafe(render)) return full("a content path needs glob escaping");
  return { mode: "incremental", pages, render: render.sort(), keep };
}

/**
 * Why the build must render everything, when that is known before any render key is computed
 * (buildSite then starts its article worker at once); undefined: planBuild decides.
 */
export function fullBuildReason(state: SiteState, globalKey: string, previous: PlanInput["previous"]): string | undefined {
  if (!previous?.manifest || !existsSync(previous.dir)) return "no previous build";
  if (previous.manifest.globalKey !== globalKey) return "layouts, assets, build code or site data changed";
  if (!PLAIN_PATH.test(state.paths.root)) return "content path needs glob escaping";
  return undefined;
}

/** Every content file a full build renders (relative paths): the items, then the rest. */
export function allTemplates(state: SiteState): string[] {
  return [...state.model.items.map((i) => normalizeContentPath(i.path)), ...unmodelledTemplates(state)];
}

/** Whether Eleventy's input glob can name these paths as they are. */
export function globSafe(paths: string[]): boolean {
  return paths.every((p) => PLAIN_PATH.test(p));
}

// Templates that are not items of the model (hand-made pages, files missing from the index) have
// no key: they are rendered every time. Retired items render to nothing: skipped.
function unmodelledTemplates(state: SiteState): string[] {
  const modelled = new Set(state.model.items.map((i) => normalizeContentPath(i.path)));
  return templateFiles(state.paths.root).filter((rel) => !modelled.has(rel) && !state.retired.has(rel));
}

/** Every .md and .njk file Eleventy would render from the content dir (not data, not raw inputs). */
function templateFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(rel === "" && (entry.name === "_data" || entry.name === "_raw" || entry.name === "node_modules"))) walk(path.join(dir, entry.name), childRel);
      } else if (entry.name.endsWith(".md") || entry.name.endsWith(".njk")) out.push(childRel);
    }
  };
  walk(root, "");
  return out;
}
