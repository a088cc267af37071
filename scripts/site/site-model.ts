// Everything the listing pages need, derived once per build from the item index (never from
// the item templates): items with their URLs, days, months, topics, sources and their pages.
import { DateTime } from "luxon";
import { indexRecordSchema, type IndexRecord } from "../ingest/item/schema.ts";
import { instantOf } from "./dates.ts";
import { paginate, type ListingPage } from "./paginate.ts";
import type { SiteConfig } from "./site-config.ts";
import { assignTopicSlugs, type TopicSlugRule } from "./topic-slugs.ts";
import { articlePath, dayKey, dayPath, monthPath, pagedPath, sourcePath, topicPath } from "./urls.ts";

export interface TopicRef {
  name: string;
  slug: string;
  path: string;
}

export interface ItemView extends Omit<IndexRecord, "topics"> {
  topics: TopicRef[];
  /** Site path of the article page. */
  url: string;
  day: string;
}

export interface TopicView extends TopicRef {
  count: number;
  /** Items per day over the last `sparklineDays` days up to the latest day. */
  daily: number[];
  items: ItemView[];
}

export interface SourceView {
  id: string;
  name: string;
  path: string;
  count: number;
  items: ItemView[];
}

export interface DayGroup {
  topic: TopicRef | null;
  items: ItemView[];
}

export interface DayView {
  key: string;
  path: string;
  items: ItemView[];
  groups: DayGroup[];
  /** Newer and older days that have items. */
  newer?: string;
  older?: string;
}

export interface MonthView {
  key: string;
  path: string;
  count: number;
  days: { key: string; path: string; count: number }[];
}

export interface SiteModel {
  items: ItemView[];
  byContentPath: Map<string, ItemView>;
  byId: Map<string, ItemView>;
  days: DayView[];
  latestDay?: DayView;
  topics: TopicView[];
  topicPages: ListingPage<ItemView, TopicView>[];
  sources: SourceView[];
  sourcePages: ListingPage<ItemView, SourceView>[];
  months: MonthView[];
  /** Items with a gallery, newest first, paged for /galleries/. */
  galleryPages: ListingPage<ItemView, { count: number }>[];
  warnings: string[];
}

export const galleriesPath = (page = 0): string => pagedPath("/galleries/", page);

export function buildSiteModel(records: unknown[], site: SiteConfig, topicRules: TopicSlugRule[] = []): SiteModel {
  const warnings: string[] = [];
  const valid: IndexRecord[] = [];
  for (const [i, record] of records.entries()) {
    const parsed = indexRecordSchema.safeParse(record);
    if (parsed.success && instantOf(parsed.data.date)) valid.push(parsed.data);
    else warnings.push(`item index record ${i} skipped: ${parsed.success ? "invalid date" : describeIssue(parsed.error.issues[0])}`);
  }
  // Newest first; the id breaks ties so the order (and so URLs and pages) is deterministic.
  valid.sort((a, b) => cmp(b.date, a.date) || cmp(a.id, b.id));

  const topicSlugs = assignTopicSlugs(firstSeenOfTopics(valid), topicRules);
  const topicRef = (name: string): TopicRef => {
    const slug = topicSlugs.get(name) as string;
    return { name, slug, path: topicPath(slug) };
  };

  const takenUrls = new Set<string>();
  const items = valid.map((record): ItemView => {
    const day = dayKey(record.date, site.timezone);
    let url = articlePath(day, record.slug);
    // Two items may share a slug in one local day (their UTC months differ); keep both.
    for (let n = 2; takenUrls.has(url); n++) url = articlePath(day, `${record.slug}-${n}`);
    takenUrls.add(url);
    const topics = [...new Set(record.topics)].map(topicRef);
    return { ...record, topics, url, day };
  });

  const days = buildDays(items);
  const topics = buildTopics(items, site, days[0]?.key);
  const sources = buildSources(items);
  return {
    items,
    byContentPath: new Map(items.map((i) => [normalizeContentPath(i.path), i])),
    byId: new Map(items.map((i) => [i.id, i])),
    days,
    latestDay: days[0],
    topics,
    topicPages: topics.flatMap((t) => paginate(t.items, site.itemsPerPage, (n) => topicPath(t.slug, n), t)),
    sources,
    sourcePages: sources.flatMap((s) => paginate(s.items, site.itemsPerPage, (n) => sourcePath(s.id, n), s)),
    months: buildMonths(days),
    galleryPages: galleryListing(items, site.itemsPerPage),
    warnings,
  };
}

export function normalizeContentPath(p: string): string {
  return p.replaceAll("\\", "/").replace(/^\.?\/+/, "");
}

/** Previous and next item of the same day (in the day's listing order). */
export function dayNeighbours(model: SiteModel, item: ItemView): { previous?: ItemView; next?: ItemView } {
  const day = model.days.find((d) => d.key === item.day);
  const at = day ? day.items.indexOf(item) : -1;
  if (!day || at === -1) return {};
  return { previous: day.items[at - 1], next: day.items[at + 1] };
}

/** Items sharing the most topics with `item`, newest first among equals. */
/**
 * Earlier coverage of the item's topics: items published before it (later in model order), most
 * shared topics first, then newest. Only earlier items, so an article's page does not change when
 * tomorrow's news arrives (and a nightly build can keep it as it is).
 */
export function relatedItems(model: SiteModel, item: ItemView, limit: number): ItemView[] {
  const names = new Set(item.topics.map((t) => t.name));
  if (names.size === 0 || limit === 0) return [];
  const scored: { item: ItemView; score: number }[] = [];
  const at = model.items.indexOf(item);
  for (const other of model.items.slice(at + 1)) {
    const score = other.topics.reduce((s, t) => s + (names.has(t.name) ? 1 : 0), 0);
    if (score > 0) scored.push({ item: other, score });
  }
  // model.items is newest first and sort is stable, so ties stay newest first.
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.item);
}

function buildDays(items: ItemView[]): DayView[] {
  const byDay = new Map<string, ItemView[]>();
  for (const item of items) {
    if (!byDay.has(item.day)) byDay.set(item.day, []);
    byDay.get(item.day)?.push(item);
  }
  const keys = [...byDay.keys()].sort().reverse();
  return keys.map((key, i) => {
    const dayItems = byDay.get(key) as ItemView[];
    return { key, path: dayPath(key), items: dayItems, groups: groupByTopic(dayItems), newer: keys[i - 1], older: keys[i + 1] };
  });
}

/** Groups a day's items under their first topic; the biggest groups first, untopiced last. */
function groupByTopic(items: ItemView[]): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  for (const item of items) {
    const topic = item.topics[0] ?? null;
    const key = topic?.name ?? "";
    if (!groups.has(key)) groups.set(key, { topic, items: [] });
    groups.get(key)?.items.push(item);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.topic === null) - Number(b.topic === null) || b.items.length - a.items.length || cmp(a.topic?.name ?? "", b.topic?.name ?? ""),
  );
}

function firstSeenOfTopics(records: IndexRecord[]): { name: string; firstSeen: string }[] {
  const first = new Map<string, string>();
  for (const r of records) for (const t of r.topics) if (!first.has(t) || r.date < (first.get(t) as string)) first.set(t, r.date);
  return [...first].map(([name, firstSeen]) => ({ name, firstSeen }));
}

function buildTopics(items: ItemView[], site: SiteConfig, latestDay: string | undefined): TopicView[] {
  const window = latestDay ? dayWindow(latestDay, site.sparklineDays) : [];
  const slot = new Map(window.map((k, i) => [k, i]));
  const topics = new Map<string, TopicView>();
  for (const item of items) {
    for (const ref of item.topics) {
      let view = topics.get(ref.name);
      if (!view) topics.set(ref.name, (view = { ...ref, count: 0, daily: window.map(() => 0), items: [] }));
      view.count++;
      view.items.push(item);
      const at = slot.get(item.day);
      if (at !== undefined) view.daily[at]++;
    }
  }
  return [...topics.values()].sort((a, b) => b.count - a.count || cmp(a.slug, b.slug));
}

/** The `length` day keys ending at `lastKey`, oldest first. */
function dayWindow(lastKey: string, length: number): string[] {
  const last = DateTime.fromISO(lastKey, { zone: "utc" });
  return Array.from({ length }, (_, i) => last.minus({ days: length - 1 - i }).toFormat("yyyy-LL-dd"));
}

function buildSources(items: ItemView[]): SourceView[] {
  const sources = new Map<string, SourceView>();
  for (const item of items) {
    const view = sources.get(item.source.id) ?? { id: item.source.id, name: item.source.name, path: sourcePath(item.source.id), count: 0, items: [] };
    view.count++;
    view.items.push(item);
    sources.set(item.source.id, view);
  }
  return [...sources.values()].sort((a, b) => b.count - a.count || cmp(a.id, b.id));
}

function buildMonths(days: DayView[]): MonthView[] {
  const months = new Map<string, MonthView>();
  for (const day of days) {
    const key = day.key.slice(0, 7);
    const month = months.get(key) ?? { key, path: monthPath(key), count: 0, days: [] };
    month.count += day.items.length;
    month.days.push({ key: day.key, path: day.path, count: day.items.length });
    months.set(key, month);
  }
  return [...months.values()];
}

function galleryListing(items: ItemView[], size: number): ListingPage<ItemView, { count: number }>[] {
  const galleries = items.filter((i) => i.gallerySize > 0);
  return paginate(galleries, size, galleriesPath, { count: galleries.length });
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join(".")}: ${issue.message}` : "invalid";
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
