// Site paths of every page kind (root-relative, trailing slash); the one place URLs are shaped.
import { DateTime } from "luxon";
import { instantOf, isIanaZone } from "./dates.ts";

/** Parts of a date in the site's zone: the day an item belongs to is the local day. */
export function localDay(iso: string, zone: string): { year: string; month: string; day: string } {
  if (isIanaZone(zone)) {
    // One Intl formatter per zone: what luxon gives, without a zoned DateTime per item.
    const at = instantOf(iso);
    if (!at) throw new Error(`invalid date: ${iso}`);
    let year = "", month = "", day = "";
    for (const part of dayFormatter(zone).formatToParts(at)) {
      if (part.type === "year") year = part.value.padStart(4, "0");
      else if (part.type === "month") month = part.value;
      else if (part.type === "day") day = part.value;
    }
    return { year, month, day };
  }
  const d = DateTime.fromISO(iso, { zone: "utc" }).setZone(zone);
  if (!d.isValid) throw new Error(`invalid date: ${iso}`);
  return { year: d.toFormat("yyyy"), month: d.toFormat("LL"), day: d.toFormat("dd") };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(zone);
  if (!formatter) dayFormatters.set(zone, (formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" })));
  return formatter;
}

/** "2023-09-14" in the site's zone. */
export function dayKey(iso: string, zone: string): string {
  const { year, month, day } = localDay(iso, zone);
  return `${year}-${month}-${day}`;
}

export const dayPath = (key: string): string => `/${key.replaceAll("-", "/")}/`;
export const monthPath = (monthKey: string): string => `/${monthKey.replace("-", "/")}/`;
export const articlePath = (key: string, slug: string): string => `${dayPath(key)}${slug}/`;

/** The head page of a listing lives at the base path; archive page N at base/page/N/ (paginate.ts). */
export function pagedPath(base: string, pageNumber: number): string {
  return pageNumber <= 0 ? base : `${base}page/${pageNumber}/`;
}

export const topicPath = (slug: string, page = 0): string => pagedPath(`/topics/${slug}/`, page);
export const sourcePath = (id: string, page = 0): string => pagedPath(`/sources/${id}/`, page);

export const sitePaths = {
  home: "/",
  topics: "/topics/",
  sources: "/sources/",
  archive: "/archive/",
  search: "/search/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  notFound: "/404.html",
} as const;
