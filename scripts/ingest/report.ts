// The ingest report: counts per outcome, every failure with its input, item and reason, and the
// items flagged for review. Printed for people, or as JSON for machines.
import type { Outcome } from "./store/content-store.ts";

export interface Failure {
  input: string;
  /** Position and title of the item inside its input, when the failure is an item's. */
  item?: string;
  reason: string;
}

export type Counts = Record<Outcome | "failed", number>;

export interface IngestReport {
  counts: Counts;
  /** The same counts per source id (items that failed before a source was known are not here). */
  bySource: Record<string, Counts>;
  failures: Failure[];
  /** Inputs read with damage that lost nothing known (e.g. recovered broken XML). */
  warnings: Failure[];
  kept: { path: string; reason: string }[];
  duplicates: { input: string; item: string; reason: string }[];
  flagged: { path: string; flags: string[] }[];
  inputs: number;
  items: number;
  indexWritten: boolean;
  durationMs: number;
  dryRun: boolean;
}

export function emptyCounts(): Counts {
  return { new: 0, updated: 0, unchanged: 0, kept: 0, duplicate: 0, failed: 0 };
}

/** Counts one outcome, in the totals and in its source's row. */
export function countOutcome(report: IngestReport, sourceId: string, outcome: Outcome | "failed"): void {
  report.counts[outcome]++;
  (report.bySource[sourceId] ??= emptyCounts())[outcome]++;
}

export function emptyReport(dryRun: boolean): IngestReport {
  return {
    counts: emptyCounts(),
    bySource: {},
    failures: [],
    warnings: [],
    kept: [],
    duplicates: [],
    flagged: [],
    inputs: 0,
    items: 0,
    indexWritten: false,
    durationMs: 0,
    dryRun,
  };
}

export function formatReport(report: IngestReport): string {
  const c = report.counts;
  const rate = report.durationMs > 0 ? Math.round((report.items / report.durationMs) * 1000) : 0;
  const lines = [
    `${report.dryRun ? "[dry run] " : ""}ingest: ${report.items} items from ${report.inputs} inputs in ${(report.durationMs / 1000).toFixed(2)} s (${rate} items/s)`,
    `  new ${c.new}, updated ${c.updated}, unchanged ${c.unchanged}, kept (hand-edited) ${c.kept}, duplicate ${c.duplicate}, failed ${c.failed}`,
  ];
  for (const f of report.failures) lines.push(`  failed: ${f.input}${f.item ? ` [${f.item}]` : ""}: ${f.reason}`);
  for (const w of report.warnings) lines.push(`  warning: ${w.input}: ${w.reason}`);
  for (const k of report.kept) lines.push(`  kept: ${k.path}: ${k.reason}`);
  for (const d of report.duplicates) lines.push(`  duplicate: ${d.input} [${d.item}]: ${d.reason}`);
  for (const f of report.flagged) lines.push(`  flagged: ${f.path}: ${f.flags.join(", ")}`);
  return lines.join("\n");
}
