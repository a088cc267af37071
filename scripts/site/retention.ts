// Retention: items older than site.retentionDays leave the pages and feeds. Their content files
// and raw inputs stay (the archive); only what the site shows changes. The cutoff is the start of
// a day in the site's zone, so every build of one day draws the same line.
import { DateTime } from "luxon";
import type { SiteConfig } from "./site-config.ts";

export function retentionCutoff(site: Pick<SiteConfig, "retentionDays" | "timezone">, now = new Date()): string | undefined {
  if (!site.retentionDays) return undefined;
  return DateTime.fromJSDate(now).setZone(site.timezone).startOf("day").minus({ days: site.retentionDays }).toUTC().toISO()!;
}

/** Splits index records into those the site shows and the content paths of the retired ones. */
export function applyRetention(records: unknown[], cutoff: string | undefined): { kept: unknown[]; retired: Set<string> } {
  const retired = new Set<string>();
  if (!cutoff) return { kept: records, retired };
  const kept = records.filter((record) => {
    const { date, path } = record as { date?: unknown; path?: unknown };
    if (typeof date !== "string" || new Date(date).toISOString() >= cutoff) return true;
    if (typeof path === "string") retired.add(path);
    return false;
  });
  return { kept, retired };
}
