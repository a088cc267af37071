// What the /status/ page shows: the last runs, and per feed its health (last success, last
// error, items) and items per day over the last weeks.
import { DateTime } from "luxon";
import type { FeedSource } from "../config/feeds.ts";
import type { IndexRecord } from "../ingest/item/schema.ts";
import type { SiteConfig } from "../site/site-config.ts";
import { dayKey } from "../site/urls.ts";
import type { DigestRunReport } from "./run-report.ts";

export const STATUS_DAYS = 14;
const RUNS_SHOWN = 10;

export interface StatusView {
  generatedAt: string;
  days: string[];
  runs: { startedAt: string; published: boolean; exitCode?: number; new: number; updated: number; failed: number; feedsFailed: number; seconds: number }[];
  feeds: { id: string; name: string; url?: string; healthy: boolean; lastSuccess?: string; lastError?: string; lastErrorAt?: string; items: number; daily: number[] }[];
}

export function statusView(history: DigestRunReport[], records: IndexRecord[], sources: FeedSource[], site: SiteConfig, now: Date): StatusView {
  const today = DateTime.fromJSDate(now).setZone(site.timezone).startOf("day");
  const days = Array.from({ length: STATUS_DAYS }, (_, i) => today.minus({ days: STATUS_DAYS - 1 - i }).toFormat("yyyy-MM-dd"));
  const perSource = new Map<string, { items: number; daily: Map<string, number> }>();
  for (const r of records) {
    const entry = perSource.get(r.source.id) ?? { items: 0, daily: new Map<string, number>() };
    entry.items++;
    const day = dayKey(r.date, site.timezone);
    entry.daily.set(day, (entry.daily.get(day) ?? 0) + 1);
    perSource.set(r.source.id, entry);
  }
  return {
    generatedAt: now.toISOString(),
    days,
    runs: history.slice(0, RUNS_SHOWN).map((run) => ({
      startedAt: run.startedAt,
      published: run.published,
      exitCode: run.exitCode,
      new: run.totals.new,
      updated: run.totals.updated,
      failed: run.totals.failed,
      feedsFailed: run.totals.feedsFailed,
      seconds: Math.round(run.stages.filter((s) => !s.name.startsWith("build: ")).reduce((sum, s) => sum + s.ms, 0) / 100) / 10,
    })),
    feeds: sources.map((source) => {
      const outcomes = history.map((run) => ({ run, feed: run.feeds.find((f) => f.id === source.id) })).filter((o) => o.feed && o.feed.fetch !== "skipped");
      const lastOk = outcomes.find((o) => !o.feed!.error);
      const lastBad = outcomes.find((o) => o.feed!.error);
      const counts = perSource.get(source.id);
      return {
        id: source.id,
        name: source.name,
        url: source.url,
        healthy: outcomes.length === 0 || !outcomes[0].feed!.error,
        lastSuccess: lastOk?.run.startedAt,
        lastError: lastBad?.feed!.error,
        lastErrorAt: lastBad?.run.startedAt,
        items: counts?.items ?? 0,
        daily: days.map((d) => counts?.daily.get(d) ?? 0),
      };
    }),
  };
}
