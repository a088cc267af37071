// Autodiscovery: the <link rel="alternate"> list of a page's head. Site feeds on every page; a
// topic or source page names its own feeds first, since that is what its reader came for.
import type { SiteConfig } from "../site-config.ts";
import { DIGEST_PATHS, digestTitle } from "./digest-feed.ts";
import { FEED_TYPES, feedPathsOf, type FeedFormat } from "./feed-model.ts";
import { feedLine } from "./feed-text.ts";

export interface FeedAlternate {
  type: string;
  title: string;
  /** Site path; the layout makes it relative to the page. */
  path: string;
}

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };

/** What a listing page knows of its subject (TopicView or SourceView). */
interface ListingContext {
  name?: unknown;
  path?: unknown;
}

export function feedAlternates(site: SiteConfig, pageKind: unknown, listing: { context?: ListingContext } | undefined): FeedAlternate[] {
  const siteTitle = feedLine(site.title);
  const links: FeedAlternate[] = [];
  const context = listing?.context;
  if ((pageKind === "topic" || pageKind === "source") && typeof context?.path === "string" && typeof context.name === "string") {
    links.push(...formatsOf(context.path, `${feedLine(context.name)} · ${siteTitle}`));
  }
  links.push(...formatsOf("/", siteTitle));
  links.push({ type: FEED_TYPES.rss, title: `${digestTitle(site)} (RSS)`, path: DIGEST_PATHS.rss });
  links.push({ type: FEED_TYPES.json, title: `${digestTitle(site)} (JSON Feed)`, path: DIGEST_PATHS.json });
  return links;
}

function formatsOf(basePath: string, title: string): FeedAlternate[] {
  const paths = feedPathsOf(basePath);
  return (Object.keys(paths) as FeedFormat[]).map((format) => ({ type: FEED_TYPES[format], title: `${title} (${FORMAT_NAMES[format]})`, path: paths[format] }));
}
