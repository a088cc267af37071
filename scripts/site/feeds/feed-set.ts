// Every feed file of the site, from the model: the site's three feeds, the same three for each
// topic and each source, the daily digest and the sources OPML. Each feed holds the latest
// site.feedItems entries, so the cost stays bounded however large the archive grows.
import type { FeedSource } from "../../config/feeds.ts";
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import type { ItemView, SiteModel } from "../site-model.ts";
import { renderAtom } from "./atom.ts";
import { digestChannel } from "./digest-feed.ts";
import { latestEntries, type EntryBuilder } from "./feed-entries.ts";
import { feedLine } from "./feed-text.ts";
import { feedPathsOf, newestUpdate, tagId, type FeedChannel } from "./feed-model.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { OPML_PATH, renderSourcesOpml } from "./opml.ts";
import { renderRss } from "./rss.ts";

export interface FeedDocument {
  /** Site path of the file, e.g. "/topics/russia/atom.xml". */
  path: string;
  body: string;
}

export interface FeedSetInput {
  model: SiteModel;
  site: SiteConfig;
  entryOf: EntryBuilder;
  sources: FeedSource[];
}

export function buildFeedDocuments({ model, site, entryOf, sources }: FeedSetInput): FeedDocument[] {
  const siteTitle = feedLine(site.title);
  const channels: FeedChannel[] = [
    listingChannel(site, entryOf, { key: "site", basePath: "/", title: siteTitle, items: model.items }),
    ...model.topics.map((t) =>
      listingChannel(site, entryOf, { key: `topic/${t.slug}`, basePath: t.path, title: `${feedLine(t.name)} · ${siteTitle}`, items: t.items }),
    ),
    ...model.sources.map((s) =>
      listingChannel(site, entryOf, { key: `source/${s.id}`, basePath: s.path, title: `${feedLine(s.name)} · ${siteTitle}`, items: s.items }),
    ),
    digestChannel(model, site, entryOf),
  ];
  const docs: FeedDocument[] = [];
  for (const channel of channels) {
    const { rss, atom, json } = channel.paths;
    if (rss) docs.push({ path: rss, body: renderRss(channel, site) });
    if (atom) docs.push({ path: atom, body: renderAtom(channel, site) });
    if (json) docs.push({ path: json, body: renderJsonFeed(channel, site) });
  }
  docs.push({ path: OPML_PATH, body: renderSourcesOpml(sources, site) });
  return docs;
}

interface Listing {
  key: string;
  /** The listing page's path; its feeds sit beside its index.html. */
  basePath: string;
  title: string;
  /** Newest first (the model's order). */
  items: ItemView[];
}

function listingChannel(site: SiteConfig, entryOf: EntryBuilder, listing: Listing): FeedChannel {
  const entries = latestEntries(listing.items, site.feedItems, entryOf);
  return {
    id: tagId(site, `feed/${listing.key}`),
    title: listing.title,
    description: feedLine(site.description),
    lang: site.lang,
    homeUrl: absoluteUrl(listing.basePath, site),
    paths: feedPathsOf(listing.basePath),
    entries,
    updated: newestUpdate(entries),
  };
}
