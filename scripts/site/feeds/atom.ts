// Atom 1.0 (RFC 4287): entries with published/updated in RFC 3339, topics as categories, the
// original article as rel="via", the lead image as an enclosure link and media:content.
import { absoluteUrl, relativeUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import { FEED_TYPES, FEED_XSL_PATH, type FeedChannel, type FeedEntry } from "./feed-model.ts";
import { el, renderXmlDocument, textEl, type XmlElement } from "./xml-writer.ts";

export function renderAtom(channel: FeedChannel, site: SiteConfig): string {
  const self = channel.paths.atom;
  if (!self) throw new Error(`feed "${channel.title}" has no Atom path`);
  const root = el(
    "feed",
    { xmlns: "http://www.w3.org/2005/Atom", "xmlns:media": "http://search.yahoo.com/mrss/", "xml:lang": channel.lang },
    textEl("id", channel.id),
    textEl("title", channel.title, { type: "text" }),
    textEl("subtitle", channel.description, { type: "text" }),
    el("link", { rel: "alternate", type: "text/html", href: channel.homeUrl }),
    el("link", { rel: "self", type: FEED_TYPES.atom, href: absoluteUrl(self, site) }),
    textEl("updated", channel.updated),
    // Atom needs an author for every entry; entries without one inherit the site's.
    el("author", {}, textEl("name", site.title)),
    textEl("generator", "Gazette"),
    channel.entries.map(atomEntry),
  );
  return renderXmlDocument(root, { stylesheet: relativeUrl(FEED_XSL_PATH, self) });
}

function atomEntry(entry: FeedEntry): XmlElement {
  const image = entry.image;
  return el(
    "entry",
    { "xml:lang": entry.lang },
    textEl("id", entry.id),
    textEl("title", entry.title, { type: "text" }),
    el("link", { rel: "alternate", type: "text/html", href: entry.url }),
    entry.externalUrl && el("link", { rel: "via", type: "text/html", href: entry.externalUrl }),
    textEl("published", entry.published),
    textEl("updated", entry.updated),
    entry.author && el("author", {}, textEl("name", entry.author)),
    entry.categories.map((c) => el("category", { term: c.name, label: c.name, scheme: schemeOf(c.url) })),
    textEl("summary", entry.summary, { type: "text" }),
    textEl("content", entry.contentHtml, { type: "html" }),
    image && el("link", { rel: "enclosure", href: image.url, type: image.type }),
    image && el("media:content", { url: image.url, type: image.type, medium: "image" }, textEl("media:description", image.caption, { type: "plain" })),
  );
}

/** The category's scheme: the folder its page lives in ("…/topics/"). */
function schemeOf(url: string): string {
  return new URL("../", url).href;
}
