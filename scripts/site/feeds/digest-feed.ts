// The daily digest as a feed: one entry per day (the latest N days), holding that day's items
// grouped by topic with links, the way a newsletter reads. Written as RSS (/digest.xml) and
// JSON Feed (/digest.json).
import { formatDayKey } from "../dates.ts";
import { translate } from "../i18n.ts";
import { absoluteUrl } from "../relative-url.ts";
import type { SiteConfig } from "../site-config.ts";
import type { DayView, SiteModel } from "../site-model.ts";
import { escapeHtml, feedLine } from "./feed-text.ts";
import type { EntryBuilder, EntryHead } from "./feed-entries.ts";
import { newestUpdate, tagId, type FeedChannel, type FeedEntry } from "./feed-model.ts";

export const DIGEST_PATHS = { rss: "/digest.xml", json: "/digest.json" } as const;

const DIGEST_LABEL: Record<SiteConfig["lang"], string> = { "zh-Hans": "每日摘要", "zh-Hant": "每日摘要", en: "Daily digest" };

export function digestTitle(site: SiteConfig): string {
  return `${feedLine(site.title)} · ${DIGEST_LABEL[site.lang]}`;
}

export function digestChannel(model: SiteModel, site: SiteConfig, entryOf: EntryBuilder): FeedChannel {
  const entries = model.days.slice(0, site.feedItems).flatMap((day) => dayEntry(day, site, entryOf) ?? []);
  return {
    id: tagId(site, "digest"),
    title: digestTitle(site),
    description: feedLine(site.description),
    lang: site.lang,
    homeUrl: absoluteUrl("/", site),
    paths: { ...DIGEST_PATHS },
    entries,
    updated: newestUpdate(entries),
  };
}

/** The day's entry; undefined when none of its items has a page. */
function dayEntry(day: DayView, site: SiteConfig, entryOf: EntryBuilder): FeedEntry | undefined {
  const label = formatDayKey(day.key, "date", { timezone: site.timezone, lang: site.lang });
  const entries = day.items.flatMap((item) => entryOf.head(item) ?? []);
  if (entries.length === 0) return undefined;
  const groups = groupsWithEntries(day, entryOf);
  const sections = groups.map((group) => {
    const heading = group.topic
      ? `<a href="${escapeHtml(absoluteUrl(group.topic.path, site))}">${escapeHtml(group.topic.name)}</a>`
      : escapeHtml(translate("otherTopic", site.lang));
    const items = group.items.map(({ item, e }) => {
      const summary = e.summary ? `<br>${escapeHtml(e.summary)}` : "";
      return `<li><a href="${escapeHtml(e.url)}">${escapeHtml(e.title)}</a> <small>${escapeHtml(item.source.name)}</small>${summary}</li>`;
    });
    return `<h2>${heading}</h2>\n<ul>\n${items.join("\n")}\n</ul>`;
  });
  const published = entries.reduce((newest, e) => (e.published > newest ? e.published : newest), "");
  const topics = groups.flatMap((g) => (g.topic ? [{ name: feedLine(g.topic.name), url: absoluteUrl(g.topic.path, site) }] : []));
  return {
    id: tagId(site, `day/${day.key}`),
    title: `${label} · ${feedLine(site.title)}`,
    url: absoluteUrl(day.path, site),
    published: published || new Date(0).toISOString(),
    updated: newestUpdate(entries),
    categories: topics,
    summary: groups.flatMap((g) => g.items.map(({ e }) => e.title)).join(" · "),
    contentHtml: sections.join("\n"),
  };
}

/** The day's topic groups, each item paired with its entry; items without a page left out. */
function groupsWithEntries(day: DayView, entryOf: EntryBuilder) {
  const groups = day.groups.map((group) => ({
    topic: group.topic,
    items: group.items.flatMap((item) => {
      const e: EntryHead | undefined = entryOf.head(item);
      return e ? [{ item, e }] : [];
    }),
  }));
  return groups.filter((g) => g.items.length > 0);
}
