// Reader for XML feeds: RSS 2.0 (and 0.9x), RSS 1.0/RDF and Atom, parsed by
// @rowanmanning/feed-parser (the most lenient of the parsers measured on real feeds).
// Relative URLs resolve as node-feedparser resolves them (see feedBases).
import { parseFeed } from "@rowanmanning/feed-parser";
import { ReadError, type RawItem } from "../raw-item.ts";
import { childElements, extractMedia, type FeedElement } from "./feed-media.ts";
import { isHttpUrl, resolveHttp } from "./resolve-url.ts";

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed["items"][number];

export interface FeedReadOptions {
  /** The URL the feed was fetched from (after redirects), the base for its relative URLs. */
  baseUrl?: string;
  /** file:// URL of a local feed: its relative media paths name files beside it. */
  assetBase?: string;
}

export function readFeedXml(text: string, input: string, opts: FeedReadOptions = {}): RawItem[] {
  let feed: Feed;
  try {
    feed = parseFeed(text);
  } catch (err) {
    throw new ReadError(input, `not a feed: ${(err as Error).message}`);
  }
  const format = feedFormat(feed);
  const bases = feedBases(feed, opts.baseUrl ?? (isHttpUrl(input) ? input : undefined));
  const feedLang = feed.language?.trim() || undefined;
  const facts = {
    title: feed.title ?? undefined,
    link: bases.link,
    id: (feed.element.findElementWithName("id")?.textContentNormalized || bases.self) ?? undefined,
    lang: feedLang,
  };
  return feed.items.map((item, index) => {
    const el = item.element as unknown as FeedElement & { baseUrl: string | null };
    const itemBase = resolveHttp(el.baseUrl, bases.feed) ?? bases.feed;
    const content = item.content?.trim() || "";
    const description = item.description?.trim() || "";
    const published = item.published ?? item.updated;
    return {
      input,
      index,
      format,
      feed: facts,
      guid: item.id?.trim() || undefined,
      title: item.title ?? undefined,
      link: resolveHttp(linkRef(el, format), itemBase),
      date: published ? published.toISOString() : undefined,
      author: authorOf(item),
      categories: ownCategories(item),
      html: content || description,
      summary: content && description && description !== content ? description : undefined,
      media: extractMedia(el, itemBase, opts.assetBase),
      baseUrl: itemBase,
      lang: itemLang(el) ?? feedLang,
    } satisfies RawItem;
  });
}

function feedFormat(feed: Feed): "rss" | "rdf" | "atom" {
  const type = String(feed.meta.type);
  return type === "atom" ? "atom" : type === "rdf" ? "rdf" : "rss";
}

/**
 * Bases for the feed's relative URLs. The channel link resolves against xml:base, the retrieval
 * URL or the self link; items resolve against their xml:base, else the channel link (a proxy such
 * as feedburner serves the feed, but relative paths in articles point at the website).
 */
function feedBases(feed: Feed, retrieval: string | undefined) {
  const self = resolveHttp(feed.self, retrieval);
  const xmlBase = (feed.element as unknown as { baseUrl: string | null }).baseUrl;
  const doc = resolveHttp(xmlBase, retrieval, self) ?? retrieval ?? self;
  const link = resolveHttp(feed.url, doc);
  return { self, link, feed: link ?? doc };
}

/**
 * The item's link as written (xml:base applied). The library's own item.url re-reads the whole
 * channel for every item, which costs seconds on a large feed.
 */
function linkRef(el: FeedElement, format: "rss" | "rdf" | "atom"): string | undefined {
  const links = childElements(el).filter((child) => child.name === "link");
  if (format !== "atom") return links.find((link) => link.textContentNormalized)?.textContentAsUrl;
  const alternate = links.find((link) => link.getAttribute("rel") === "alternate") ?? links.find((link) => link.getAttribute("rel") === null);
  return alternate?.getAttributeAsUrl("href") ?? undefined;
}

function authorOf(item: FeedItem): string | undefined {
  const names = item.authors.map((a) => a.name?.trim() || a.email?.trim()).filter((n): n is string => Boolean(n));
  return names.length ? [...new Set(names)].join(", ") : undefined;
}

/** The library falls back to the feed's categories; an item only gets the ones it declares. */
function ownCategories(item: FeedItem): string[] {
  const el = item.element;
  if (!el.hasElementWithName("category") && !el.hasElementWithName("subject")) return [];
  return [...new Set(item.categories.map((c) => (c.label ?? c.term).trim()).filter(Boolean))];
}

function itemLang(el: FeedElement): string | undefined {
  const declared = el.getAttribute("xml:lang") ?? el.findElementsWithName("language")[0]?.textContentNormalized;
  return declared?.trim() || undefined;
}
