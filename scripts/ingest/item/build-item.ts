// From a raw item to everything the store needs, except what depends on other items: the store
// makes a new item's slug unique, and renders, validates and hashes the content file. Pure and
// CPU-bound, so it runs in worker threads.
import { cleanItem } from "../clean/index.ts";
import { htmlToMarkdown } from "../convert/to-markdown.ts";
import type { RawItem } from "../raw-item.ts";
import { resolveDate } from "./dates.ts";
import { identify, rawItemHash, type Identity } from "./identity.ts";
import { detectLanguage, normalizeLanguageTag } from "./language.ts";
import type { ItemFrontMatter } from "./schema.ts";
import { slugOrFallback } from "./slug.ts";
import { truncate } from "./summary.ts";
import type { TopicMatcher } from "./topics.ts";

export interface SourceInfo {
  id: string;
  name: string;
  lang?: string;
  topics?: string[];
}

export type DraftFrontMatter = Omit<ItemFrontMatter, "slug" | "updated">;

export interface PreparedItem {
  identity: Identity;
  /** Hash of the raw input: an unchanged hash means an unchanged item. */
  rawHash: string;
  frontMatter: DraftFrontMatter;
  /** The title's slug (pinyin for CJK), made here for an item the store said is new; the store makes it unique. */
  titleSlug?: string;
  body: string;
  notes: string[];
}

/** What the caller may have worked out already: rawItemHash(raw) and identify(raw, source.id). */
export interface KnownFacts {
  rawHash?: string;
  identity?: Identity;
  /** The store has no record of the item, so it will need a slug (a known item keeps its own). */
  isNew?: boolean;
}

export function prepareItem(raw: RawItem, source: SourceInfo, topics: TopicMatcher, now: Date, known: KnownFacts = {}): PreparedItem {
  const cleaned = cleanItem(raw);
  const body = htmlToMarkdown(cleaned.html);
  const summaryText = truncate(cleaned.leadText || raw.summary || "");
  const flags: string[] = [];

  const { date, flags: dateFlags } = resolveDate(cleaned.date, raw.date, now);
  flags.push(...dateFlags);

  let title = raw.title?.replace(/\s+/g, " ").trim();
  if (!title) {
    flags.push("missing-title");
    title = truncate(summaryText).slice(0, 60) || source.name;
  }
  if (!raw.link) flags.push("missing-link");

  const lang =
    source.lang ?? normalizeLanguageTag(raw.lang ?? raw.feed?.lang) ?? detectLanguage(`${title} ${summaryText}`);

  const frontMatter: DraftFrontMatter = {
    id: "",
    title,
    date,
    source: { id: source.id, name: source.name },
    link: raw.link,
    author: cleaned.author ?? raw.author,
    lang,
    topics: topics.assign({
      markers: cleaned.topics,
      categories: raw.categories,
      defaults: source.topics ?? [],
      text: `${title}\n${summaryText}\n${body}`,
    }),
    image: cleaned.image ?? mediaImage(raw),
    gallery: cleaned.gallery,
    summary: summaryText,
    flags: flags.length ? flags : undefined,
  };
  const identity = known.identity ?? identify(raw, source.id);
  frontMatter.id = identity.id;
  // Made here, on the preparing thread, rather than in the store: pinyin is costly, and the
  // storing thread also waits on the disk (10,000-item ingests were faster so in 6 of 7 runs).
  const titleSlug = known.isNew ? slugOrFallback(title, identity.key) : undefined;
  return { identity, rawHash: known.rawHash ?? rawItemHash(raw), frontMatter, titleSlug, body, notes: cleaned.notes };
}

/** The feed's own image (media:content, enclosure, JSON image) when the body has no lead image. */
function mediaImage(raw: RawItem): { src: string; caption?: string } | undefined {
  const isImage = (m: RawItem["media"][number]) =>
    m.type ? m.type.startsWith("image/") : /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(m.url);
  const media = raw.media.find((m) => m.role === "content" && isImage(m)) ?? raw.media.find(isImage);
  // file: images only for items read from local files (the bundled samples), never from the web.
  const allowed = raw.assetBase ? /^(https?|file):/i : /^https?:/i;
  if (!media || !allowed.test(media.url)) return undefined;
  const caption = media.caption?.trim() || media.title?.trim();
  return caption ? { src: media.url, caption } : { src: media.url };
}
