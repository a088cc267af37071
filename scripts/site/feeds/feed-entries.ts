// Index records (and, for their text, the listed items' content files) as feed entries: absolute
// URLs, stable ids, clean text. One builder per build memoizes entries, so an item listed in the
// site feed, its topics' feeds and its source's feed is read and rendered once. The digest lists
// only titles and summaries: it asks for an entry's head, which reads no content file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { DateTime } from "luxon";
import { parseContentFile } from "../../ingest/store/content-file.ts";
import type { ItemFrontMatter } from "../../ingest/item/schema.ts";
import { translate } from "../i18n.ts";
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import type { ItemView } from "../site-model.ts";
import { absoluteHttpUrl, absoluteImageUrl, renderAbsoluteHtml, type ImageUrlResolver } from "./absolute-html.ts";
import { escapeHtml, feedLine, feedSafe } from "./feed-text.ts";
import type { FeedEntryCache } from "./feed-entry-cache.ts";
import { tagId, type FeedEntry, type FeedImage } from "./feed-model.ts";

export interface EntryContext {
  site: SiteConfig;
  /** The content dir item paths are relative to. */
  contentRoot: string;
  md: MarkdownIt;
  imageUrl: ImageUrlResolver;
  /** false: the source's feeds carry the summary, not the text (feeds.json `fullText`). */
  fullText(sourceId: string): boolean;
  /** Entries the previous build made, reused while unchanged. */
  cache?: FeedEntryCache;
}

/** The fields of an entry that come from the item index alone. */
export type EntryHead = Pick<FeedEntry, "url" | "title" | "summary" | "published" | "updated">;

export interface EntryBuilder {
  /** The item's entry, or undefined when its content file is gone (it has no page to link to). */
  (item: ItemView): FeedEntry | undefined;
  /**
   * The same entry's head: what the digest lists (title, link, summary, dates). It reads no
   * content file: the digest of the last 50 days named some 1,300 items, whose full entries (file
   * read, Markdown rendered) took about 1 s of a 10,000-item build.
   */
  head(item: ItemView): EntryHead | undefined;
}

export function entryBuilder(ctx: EntryContext): EntryBuilder {
  const built = new Map<ItemView, FeedEntry | undefined>();
  const heads = new Map<ItemView, EntryHead | undefined>();
  const entryOf = ((item) => {
    if (!built.has(item)) {
      const build = () => buildEntry(item, ctx);
      built.set(item, contentFile(item, ctx.contentRoot) ? (ctx.cache ? ctx.cache.entry(item, build) : build()) : undefined);
    }
    return built.get(item);
  }) as EntryBuilder;
  entryOf.head = (item) => {
    if (built.has(item)) return built.get(item);
    if (!heads.has(item)) heads.set(item, contentFile(item, ctx.contentRoot) ? entryHead(item, ctx.site) : undefined);
    return heads.get(item);
  };
  return entryOf;
}

/** The latest `limit` entries of `items` (newest first), skipping items without a page. */
export function latestEntries(items: ItemView[], limit: number, entryOf: EntryBuilder): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const item of items) {
    if (entries.length >= limit) break;
    const entry = entryOf(item);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** RFC 3339 in UTC, or undefined for a value that is not a date. */
export function rfc3339(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = DateTime.fromISO(value, { setZone: true });
  return d.isValid ? (d.toUTC().toISO() ?? undefined) : undefined;
}

function entryHead(item: ItemView, site: SiteConfig): EntryHead {
  const published = rfc3339(item.date) ?? new Date(0).toISOString();
  const updated = rfc3339(item.updated) ?? published;
  return {
    url: absoluteUrl(item.url, site),
    title: feedLine(item.title) || feedLine(item.source.name),
    summary: feedSafe(item.summary).trim(),
    published,
    updated: updated > published ? updated : published,
  };
}

function buildEntry(item: ItemView, ctx: EntryContext): FeedEntry {
  const { site } = ctx;
  const head = entryHead(item, site);
  const { url, summary } = head;
  const externalUrl = item.link ? absoluteHttpUrl(item.link, url) : undefined;
  const image = leadImage(item, url, ctx);
  const fullText = ctx.fullText(item.source.id);
  const file = fullText ? readItemFile(contentFile(item, ctx.contentRoot)) : undefined;

  const parts: string[] = [];
  if (image) parts.push(figureHtml(image.url, image.caption ?? "", image.caption));
  if (file?.body) parts.push(renderBody(file.body, url, ctx));
  else if (summary) parts.push(`<p>${escapeHtml(summary)}</p>`);
  if (file?.frontMatter.gallery) parts.push(galleryHtml(file.frontMatter.gallery, url, ctx));
  if (externalUrl) {
    const label = `${translate("readOriginal", site.lang)} · ${new URL(externalUrl).hostname.replace(/^www\./, "")}`;
    parts.push(`<p><a href="${escapeHtml(externalUrl)}">${escapeHtml(label)}</a></p>`);
  }

  return {
    id: tagId(site, `item/${item.id}`),
    title: head.title,
    url,
    externalUrl,
    author: item.author ? feedLine(item.author) || undefined : undefined,
    published: head.published,
    updated: head.updated,
    categories: item.topics.map((t) => ({ name: feedLine(t.name), url: absoluteUrl(t.path, site) })).filter((c) => c.name),
    image,
    summary,
    contentHtml: parts.join("\n"),
    lang: item.lang || undefined,
  };
}

function leadImage(item: ItemView, base: string, ctx: EntryContext): FeedImage | undefined {
  if (!item.image?.src) return undefined;
  const url = absoluteImageUrl(item.image.src, base, ctx.imageUrl);
  if (!url) return undefined;
  const caption = item.image.caption ? feedLine(item.image.caption) || undefined : undefined;
  return { url, type: imageType(url), caption };
}

const IMAGE_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
};

/** MIME type from the URL's extension; undefined when it does not say. */
export function imageType(url: string): string | undefined {
  try {
    return IMAGE_TYPES[path.posix.extname(new URL(url).pathname).toLowerCase()];
  } catch {
    return undefined;
  }
}

/** The item's content file on disk (inside the content dir), or undefined when there is none. */
function contentFile(item: ItemView, contentRoot: string): string | undefined {
  const root = path.resolve(contentRoot);
  const file = path.resolve(root, item.path);
  return file.startsWith(root + path.sep) && existsSync(file) ? file : undefined;
}

/** The parsed content file, or undefined when it is unreadable or invalid (the summary stands in). */
function readItemFile(file: string | undefined): { frontMatter: ItemFrontMatter; body: string } | undefined {
  if (!file) return undefined;
  try {
    return parseContentFile(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function renderBody(body: string, base: string, ctx: EntryContext): string {
  try {
    return renderAbsoluteHtml(ctx.md, feedSafe(body), base, ctx.imageUrl).trim();
  } catch {
    return "";
  }
}

function galleryHtml(gallery: NonNullable<ItemFrontMatter["gallery"]>, base: string, ctx: EntryContext): string {
  const figures = gallery.images.flatMap((image) => {
    const url = absoluteImageUrl(image.src, base, ctx.imageUrl);
    if (!url) return [];
    const title = image.title ? feedLine(image.title) : "";
    const caption = [title, image.caption ? feedLine(image.caption) : ""].filter(Boolean).join(" ");
    return [figureHtml(url, caption, caption)];
  });
  if (figures.length === 0) return "";
  const heading = gallery.title ? feedLine(gallery.title) : translate("gallery", ctx.site.lang);
  return `<h2>${escapeHtml(heading)}</h2>\n${figures.join("\n")}`;
}

function figureHtml(src: string, alt: string, caption: string | undefined): string {
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "";
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${figcaption}</figure>`;
}
