// The digest's run report: per feed (fetch outcome and what the ingest made of it), totals, stage
// timings. Printed for people, saved as JSON (.cache and dist/status.json), and kept in a short
// history that the /status/ page shows.
import { readFile } from "node:fs/promises";
import type { Counts, Failure } from "../ingest/report.ts";
import { writeFileAtomic } from "../ingest/store/atomic-write.ts";
import type { FeedFetchStatus } from "./fetch-feeds.ts";

export const HISTORY_LENGTH = 30;

export interface FeedOutcome {
  id: string;
  name: string;
  url?: string;
  /** "skipped": --no-fetch, or not in --only. */
  fetch: FeedFetchStatus | "skipped";
  httpStatus?: number;
  /** Why the feed failed (fetch, read or every item), if it did. */
  error?: string;
  counts: Counts;
  ms?: number;
}

export interface DigestRunReport {
  startedAt: string;
  finishedAt?: string;
  dryRun: boolean;
  exitCode?: number;
  published: boolean;
  feeds: FeedOutcome[];
  totals: Counts & { feeds: number; feedsFailed: number; notModified: number };
  /** Ingest failures, each naming input, item and reason. */
  failures: Failure[];
  warnings: string[];
  stages: { name: string; ms: number }[];
  site?: { pages: number; items: number; images?: string };
  /** Why the build was not published, if it was not. */
  problems: string[];
}

export function newRunReport(startedAt: Date, dryRun: boolean): DigestRunReport {
  return {
    startedAt: startedAt.toISOString(),
    dryRun,
    published: false,
    feeds: [],
    totals: { new: 0, updated: 0, unchanged: 0, kept: 0, duplicate: 0, failed: 0, feeds: 0, feedsFailed: 0, notModified: 0 },
    failures: [],
    warnings: [],
    stages: [],
    problems: [],
  };
}

export function formatRunReport(report: DigestRunReport): string {
  const lines: string[] = [];
  const t = report.totals;
  lines.push(`${report.dryRun ? "[dry run] " : ""}digest ${report.startedAt}`);
  for (const f of report.feeds) {
    const c = f.counts;
    const what =
      f.fetch === "failed" || f.error
        ? `FAILED: ${f.error ?? "unknown error"}`
        : f.fetch === "not-modified"
          ? "not modified"
          : f.fetch === "skipped"
            ? "skipped"
            : `new ${c.new}, updated ${c.updated}, unchanged ${c.unchanged}${c.kept ? `, kept ${c.kept}` : ""}${c.failed ? `, failed ${c.failed}` : ""}`;
    lines.push(`  ${f.id.padEnd(14)} ${what}`);
  }
  lines.push(
    `  total: ${t.feeds} feeds (${t.notModified} not modified, ${t.feedsFailed} failed); items new ${t.new}, updated ${t.updated}, unchanged ${t.unchanged}, kept ${t.kept}, failed ${t.failed}`,
  );
  for (const f of report.failures.slice(0, 50)) lines.push(`  failed: ${f.input}${f.item ? ` [${f.item}]` : ""}: ${f.reason}`);
  if (report.failures.length > 50) lines.push(`  … and ${report.failures.length - 50} more failures (see the JSON report)`);
  for (const w of report.warnings) lines.push(`  warning: ${w}`);
  if (report.stages.length) lines.push(`  stages: ${report.stages.map((s) => `${s.name} ${(s.ms / 1000).toFixed(2)} s`).join(", ")}`);
  if (report.site) lines.push(`  site: ${report.site.pages} pages, ${report.site.items} items${report.site.images ? `; ${report.site.images}` : ""}`);
  for (const p of report.problems) lines.push(`  not published: ${p}`);
  lines.push(report.published ? "  published" : report.dryRun ? "  dry run: nothing written" : "  NOT published: the previous site stays");
  return lines.join("\n");
}

export async function loadHistory(file: string): Promise<DigestRunReport[]> {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as unknown;
    return Array.isArray(data) ? (data as DigestRunReport[]) : [];
  } catch {
    return [];
  }
}

export async function saveHistory(file: string, history: DigestRunReport[]): Promise<void> {
  writeFileAtomic(file, `${JSON.stringify(history.slice(0, HISTORY_LENGTH), null, 1)}\n`);
}
