// RSS 2.0 with the atom (self link), content (full text), dc (author, original link) and media
// (lead image) extensions; dates in RFC 822.
import { DateTime } from "luxon";
import { absoluteUrl, relativeUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import { escapeHtml } from "./feed-text.ts";
import { FEED_TYPES, FEED_XSL_PATH, type FeedChannel, type FeedEntry } from "./feed-model.ts";
import { el, renderXmlDocument, textEl, type XmlElement } from "./xml-writer.ts";

/** Minutes a reader may cache the feed: the digest is rebuilt a few times a day at most. */
export const RSS_TTL_MINUTES = 180;

export function rfc822(iso: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).toRFC2822() ?? "";
}

export function renderRss(channel: FeedChannel, site: SiteConfig): string {
  const self = channel.paths.rss;
  if (!self) throw new Error(`feed "${channel.title}" has no RSS path`);
  const root = el(
    "rss",
    {
      version: "2.0",
      "xmlns:atom": "http://www.w3.org/2005/Atom",
      "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:media": "http://search.yahoo.com/mrss/",
    },
    el(
      "channel",
      {},
      textEl("title", channel.title),
      textEl("link", channel.homeUrl),
      el("atom:link", { href: absoluteUrl(self, site), rel: "self", type: FEED_TYPES.rss }),
      textEl("description", channel.description || channel.title),
      textEl("language", channel.lang),
      textEl("lastBuildDate", rfc822(channel.updated)),
      textEl("generator", "Gazette"),
      textEl("ttl", RSS_TTL_MINUTES),
      channel.entries.map(rssItem),
    ),
  );
  return renderXmlDocument(root, { stylesheet: relativeUrl(FEED_XSL_PATH, self) });
}

function rssItem(entry: FeedEntry): XmlElement {
  const image = entry.image;
  return el(
    "item",
    {},
    textEl("title", entry.title),
    textEl("link", entry.url),
    textEl("guid", entry.id, { isPermaLink: "false" }),
    textEl("pubDate", rfc822(entry.published)),
    textEl("dc:creator", entry.author),
    entry.categories.map((c) => textEl("category", c.name, { domain: c.url })),
    // description is HTML to readers: the summary as HTML text; the full content beside it.
    textEl("description", entry.summary ? escapeHtml(entry.summary) : undefined),
    textEl("content:encoded", entry.contentHtml),
    textEl("dc:source", entry.externalUrl),
    image && el("media:content", { url: image.url, type: image.type, medium: "image" }, textEl("media:description", image.caption, { type: "plain" })),
    // An enclosure must name a type; an image whose URL does not say one gets media:content only.
    image?.type && el("enclosure", { url: image.url, length: 0, type: image.type }),
  );
}
