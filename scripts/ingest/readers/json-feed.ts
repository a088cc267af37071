// Reader for JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). feedsmith validates the
// shape and folds the 1.0 `author` into 1.1 `authors`.
import { parseJsonFeed, type JsonFeed } from "feedsmith";
import { ReadError, type RawItem, type RawMedia } from "../raw-item.ts";
import { isHttpUrl, resolveHttp } from "./resolve-url.ts";
import type { FeedReadOptions } from "./feed-xml.ts";

type Feed = JsonFeed.Feed<string>;
type Item = NonNullable<Feed["items"]>[number];
type Author = NonNullable<Feed["authors"]>[number];

export function readJsonFeed(text: string, input: string, opts: FeedReadOptions = {}): RawItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ReadError(input, `not a feed: invalid JSON (${(err as Error).message})`);
  }
  if (!isJsonFeedVersion(data)) throw new ReadError(input, "not a feed: JSON without a jsonfeed.org version");
  let feed: Feed;
  try {
    feed = parseJsonFeed(data);
  } catch (err) {
    throw new ReadError(input, `not a valid JSON Feed: ${(err as Error).message}`);
  }
  const retrieval = opts.baseUrl ?? (isHttpUrl(input) ? input : undefined);
  const feedUrl = resolveHttp(feed.feed_url, retrieval);
  const home = resolveHttp(feed.home_page_url, retrieval, feedUrl);
  const base = retrieval ?? feedUrl ?? home;
  const feedLang = feed.language?.trim() || undefined;
  const facts = { title: feed.title || undefined, link: home, id: feedUrl, lang: feedLang };
  const feedAuthor = authorNames(feed.authors);

  return (feed.items ?? []).map((item, index) => {
    const link = resolveHttp(item.url, base) ?? resolveHttp(item.external_url, base);
    const date = isoDate(item.date_published) ?? isoDate(item.date_modified);
    return {
      input,
      index,
      format: "jsonfeed",
      feed: facts,
      guid: item.id === undefined || item.id === "" ? undefined : String(item.id),
      title: item.title?.trim() || undefined,
      link,
      date,
      author: authorNames(item.authors) ?? feedAuthor,
      categories: [...new Set((item.tags ?? []).map((t) => String(t).trim()).filter(Boolean))],
      html: item.content_html?.trim() || textToHtml(item.content_text),
      summary: item.summary?.trim() || undefined,
      media: mediaOf(item, base),
      baseUrl: base,
      lang: item.language?.trim() || feedLang,
    } satisfies RawItem;
  });
}

export function isJsonFeedVersion(data: unknown): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const version = (data as { version?: unknown }).version;
  return typeof version === "string" && /jsonfeed\.org\/version\/1/i.test(version);
}

function mediaOf(item: Item, base: string | undefined): RawMedia[] {
  const media: RawMedia[] = [];
  const image = resolveHttp(item.image, base);
  if (image) media.push({ url: image, role: "content" });
  const banner = resolveHttp(item.banner_image, base);
  if (banner && banner !== image) media.push({ url: banner, role: "content" });
  for (const attachment of item.attachments ?? []) {
    const url = resolveHttp(attachment.url, base);
    if (!url) continue;
    media.push({ url, role: "content", type: attachment.mime_type?.toLowerCase() || undefined, title: attachment.title || undefined });
  }
  return media;
}

function authorNames(authors: Author[] | undefined): string | undefined {
  const names = (authors ?? []).map((a) => a.name?.trim()).filter((n): n is string => Boolean(n));
  return names.length ? names.join(", ") : undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** content_text is plain text: escape it and keep its paragraphs and line breaks. */
function textToHtml(text: string | undefined): string {
  const trimmed = text?.trim();
  if (!trimmed) return "";
  return trimmed
    .split(/\n\s*\n/)
    .map((para) => `<p>${escapeHtml(para.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
