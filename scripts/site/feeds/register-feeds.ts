// Wires the feeds into Eleventy: the feed files as global data that layouts/pages/feeds.njk
// writes one by one, the autodiscovery filter base.njk uses, and the XSL stylesheet.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadFeedsConfig, type FeedSource } from "../../config/feeds.ts";
import type { ImageCatalog } from "../../images/image-catalog.ts";
import { markdownRenderer } from "../../ingest/convert/markdown-renderer.ts";
import type { FilterHost } from "../direct-filters.ts";
import type { SiteModel } from "../site-model.ts";
import type { SiteState } from "../site-state.ts";
import { feedAlternates } from "./alternates.ts";
import type { ImageUrlResolver } from "./absolute-html.ts";
import { entryBuilder } from "./feed-entries.ts";
import type { FeedEntryCache } from "./feed-entry-cache.ts";
import { catalogImageUrls } from "./feed-images.ts";
import { FEED_XSL_PATH } from "./feed-model.ts";
import { buildFeedDocuments, type FeedDocument } from "./feed-set.ts";

interface FeedHost extends FilterHost {
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
}

export function registerFeeds(
  config: FeedHost,
  state: SiteState,
  images: Pick<ImageCatalog, "resolve">,
  options: { cache?: FeedEntryCache; feeds?: boolean } = {},
): void {
  config.addNunjucksFilter("feedAlternates", (pageKind: unknown, listing: { context?: { name?: unknown; path?: unknown } } | undefined) =>
    feedAlternates(state.site, pageKind, listing),
  );
  // Without the feed pages (a batch of articles), the costly feed data is never asked for.
  if (options.feeds === false) return;
  const imageUrl = catalogImageUrls(images, () => state.site);
  // Keyed by the model, which SiteState replaces on every (re)build: one computation per build.
  const built = new WeakMap<SiteModel, Promise<FeedDocument[]>>();
  config.addGlobalData("gazetteFeeds", () => {
    let docs = built.get(state.model);
    if (!docs) built.set(state.model, (docs = siteFeedDocuments(state, imageUrl, options.cache)));
    return docs;
  });
  const xsl = path.join(state.assetsDir, path.posix.basename(FEED_XSL_PATH));
  config.addPassthroughCopy({ [path.relative(process.cwd(), xsl)]: FEED_XSL_PATH.slice(1) });
}

/** Every feed file for the state's current model. */
export async function siteFeedDocuments(state: SiteState, imageUrl: ImageUrlResolver, cache?: FeedEntryCache): Promise<FeedDocument[]> {
  const sources = await loadSources(state.paths.feedsConfig);
  const fullText = new Map(sources.map((s) => [s.id, s.fullText !== false]));
  const entryOf = entryBuilder({
    site: state.site,
    contentRoot: state.paths.root,
    md: markdownRenderer(),
    imageUrl,
    fullText: (sourceId) => fullText.get(sourceId) ?? true,
    cache,
  });
  return buildFeedDocuments({ model: state.model, site: state.site, entryOf, sources });
}

async function loadSources(file: string): Promise<FeedSource[]> {
  return existsSync(file) ? loadFeedsConfig(file) : [];
}
