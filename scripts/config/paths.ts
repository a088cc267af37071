// Every path the project computes lives here, so a reader finds the layout of a content dir in one place.
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The layouts minified once per change of their source (scripts/site/compact-templates.ts). */
export const COMPACT_LAYOUTS_CACHE = path.join(PROJECT_ROOT, ".cache", "layouts");

export interface ContentPaths {
  root: string;
  /** content/items/YYYY/MM/<slug>.md */
  items: string;
  /** Raw inputs kept beside the content, out of Eleventy's sight, for --reingest. */
  raw: string;
  data: string;
  /** The item index: one small record per item; listings and feeds read it. */
  itemIndex: string;
  feedsConfig: string;
  topicsConfig: string;
  siteConfig: string;
}

export function contentPaths(contentDir = path.join(PROJECT_ROOT, "content")): ContentPaths {
  const root = path.resolve(contentDir);
  const data = path.join(root, "_data");
  return {
    root,
    items: path.join(root, "items"),
    raw: path.join(root, "_raw"),
    data,
    itemIndex: path.join(data, "itemIndex.json"),
    feedsConfig: path.join(data, "feeds.json"),
    topicsConfig: path.join(data, "topics.json"),
    siteConfig: path.join(data, "site.json"),
  };
}

export interface CachePaths {
  root: string;
  /** Per-feed fetch state: validators for conditional GETs, last success and error. */
  feedState: string;
  /** The last fetched body of each feed, `<id>.<ext>`, reused on a 304. */
  fetched: string;
  /** Held by a running digest so two runs never overlap. */
  digestLock: string;
  /** The last digest run's report (the same as dist/status.json). */
  digestReport: string;
  /** The last runs, newest first, for the /status/ page. */
  digestHistory: string;
}

export function cachePaths(cacheDir = path.join(PROJECT_ROOT, ".cache")): CachePaths {
  const root = path.resolve(cacheDir);
  return {
    root,
    feedState: path.join(root, "feed-state.json"),
    fetched: path.join(root, "fetched"),
    digestLock: path.join(root, "digest.lock"),
    digestReport: path.join(root, "digest-report.json"),
    digestHistory: path.join(root, "digest-history.json"),
  };
}
