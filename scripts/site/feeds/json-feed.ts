// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same channel as plain JSON.
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import { type FeedChannel, type FeedEntry } from "./feed-model.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function renderJsonFeed(channel: FeedChannel, site: SiteConfig): string {
  const self = channel.paths.json;
  if (!self) throw new Error(`feed "${channel.title}" has no JSON Feed path`);
  const feed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: absoluteUrl(self, site),
    description: channel.description || undefined,
    language: channel.lang,
    authors: [{ name: site.title, url: absoluteUrl("/", site) }],
    items: channel.entries.map(jsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function jsonItem(entry: FeedEntry) {
  return {
    id: entry.id,
    url: entry.url,
    external_url: entry.externalUrl,
    title: entry.title,
    content_html: entry.contentHtml || undefined,
    // JSON Feed needs content_html or content_text; an entry with no content keeps its summary.
    content_text: entry.contentHtml ? undefined : entry.summary || entry.title,
    summary: entry.summary || undefined,
    image: entry.image?.url,
    date_published: entry.published,
    date_modified: entry.updated,
    authors: entry.author ? [{ name: entry.author }] : undefined,
    tags: entry.categories.length ? entry.categories.map((c) => c.name) : undefined,
    language: entry.lang,
  };
}
