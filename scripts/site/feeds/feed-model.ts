// What every feed writer takes: a channel and its entries, with absolute URLs and clean text,
// plus the ids and paths every feed shares. Writers only arrange these into a format.
import type { SiteConfig } from "../site-config.ts";

export type FeedFormat = "rss" | "atom" | "json";

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

export const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

/** Site path of the stylesheet RSS and Atom feeds name, so a browser shows a page. */
export const FEED_XSL_PATH = "/assets/feed.xsl";

/** A topic, day or source an entry belongs to, with the page that lists it. */
export interface FeedCategory {
  name: string;
  url: string;
}

export interface FeedImage {
  url: string;
  type?: string;
  caption?: string;
}

export interface FeedEntry {
  /** Stable id (a tag: URI): never changes when the item is rebuilt. */
  id: string;
  title: string;
  /** Our page for the entry (absolute). */
  url: string;
  /** The original article, when known (absolute http(s)). */
  externalUrl?: string;
  author?: string;
  /** RFC 3339 UTC. */
  published: string;
  updated: string;
  categories: FeedCategory[];
  image?: FeedImage;
  /** Plain text. */
  summary: string;
  /** HTML with every URL absolute: the full text, or the summary for fullText: false sources. */
  contentHtml: string;
  lang?: string;
}

export interface FeedChannel {
  /** Stable id of the feed itself (Atom id). */
  id: string;
  title: string;
  description: string;
  lang: string;
  /** The HTML page the feed mirrors (absolute). */
  homeUrl: string;
  /** Site paths of the formats this channel is written in. */
  paths: Partial<Record<FeedFormat, string>>;
  entries: FeedEntry[];
  /** RFC 3339: the newest entry's update, so an unchanged site writes the same bytes. */
  updated: string;
}

/** Fixed forever: changing it would change every id a reader has stored. */
const TAG_DATE = "2024";

/**
 * `tag:digest.example.com,2024:/item/lantern-2001` (RFC 4151). Built from the site's host and
 * path prefix plus a stable key, so a rebuild (or a new slug or date) never changes it.
 */
export function tagId(site: Pick<SiteConfig, "url" | "pathPrefix">, key: string): string {
  const host = new URL(site.url).hostname;
  return `tag:${host},${TAG_DATE}:${site.pathPrefix}${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** The three feed paths of a listing page: "/topics/x/" → /topics/x/feed.xml, atom.xml, feed.json. */
export function feedPathsOf(basePath: string): Record<FeedFormat, string> {
  return { rss: `${basePath}${FEED_FILES.rss}`, atom: `${basePath}${FEED_FILES.atom}`, json: `${basePath}${FEED_FILES.json}` };
}

/** The newest `updated` of the entries (RFC 3339), or the epoch for an empty feed. */
export function newestUpdate(entries: Pick<FeedEntry, "updated">[]): string {
  let newest = "";
  for (const e of entries) if (e.updated > newest) newest = e.updated;
  return newest || new Date(0).toISOString();
}
