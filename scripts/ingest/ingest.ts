// The ingest: read every input, prepare each item (clean, convert, type), store it, keep the
// index current. One bad input or item is reported and skipped; the rest go on.
import { loadTopicRules } from "../config/topics.ts";
import type { ContentPaths } from "../config/paths.ts";
import { INGEST_INTERRUPT_BUDGET, useTierUpBudget } from "../runtime/tier-up-budget.ts";
import type { SourceInfo } from "./item/build-item.ts";
import { identify, rawItemHash } from "./item/identity.ts";
import { countFolderFiles, readSources, type PrefetchedInput } from "./load-sources.ts";
import { MIN_ITEMS_FOR_WORKERS, prepareAll, type PrepareJob } from "./prepare/prepare-pool.ts";
import type { RawItem } from "./raw-item.ts";
import { countOutcome, emptyReport, type IngestReport } from "./report.ts";
import { deriveSource } from "./source-info.ts";
import { ContentStore } from "./store/content-store.ts";
import { loadIndex } from "./store/item-index.ts";
import { compactIfCrowded, readAllRawRecords } from "./store/raw-store.ts";

export interface IngestInput {
  /** File, folder or http(s) URL; or a body the digest already fetched. */
  location: string | PrefetchedInput;
  /** The configured source these inputs belong to; derived per item when absent. */
  source?: SourceInfo;
  /** With no configured source: the id to use (the --source flag). */
  sourceId?: string;
}

export interface IngestOptions {
  paths: ContentPaths;
  inputs: IngestInput[];
  timezone: string;
  force?: boolean;
  dryRun?: boolean;
  /** Also rebuild every stored item from its raw input with today's rules. */
  reingest?: boolean;
  now?: Date;
  /** Worker threads for preparing items (default: one per core on large runs; 0: in-process). */
  workers?: number;
  /** Called as items are handled, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  // Before the preparing worker starts: it runs the same code for the whole run (tier-up-budget.ts).
  useTierUpBudget(INGEST_INTERRUPT_BUDGET);
  const now = options.now ?? new Date();
  const report = emptyReport(Boolean(options.dryRun));
  const rules = await loadTopicRules(options.paths.topicsConfig);
  const store = new ContentStore(options.paths, await loadIndex(options.paths), {
    force: options.force,
    dryRun: options.dryRun,
    reingest: options.reingest,
    timezone: options.timezone,
    now,
  });

  let done = 0;
  const progress = () => options.onProgress?.(++done, report.items);

  /** Every raw item to handle, read lazily; known unchanged items are settled here, before any cleaning. */
  async function* jobs(): AsyncGenerator<PrepareJob> {
    const candidates = async function* (): AsyncGenerator<PrepareJob> {
      if (options.reingest) {
        for await (const record of readAllRawRecords(options.paths)) yield { raw: record.raw, source: record.source };
      }
      for (const input of options.inputs) {
        for await (const outcome of readSources([input.location])) {
          report.inputs++;
          if ("error" in outcome) {
            report.failures.push({ input: outcome.input, reason: outcome.error });
            continue;
          }
          for (const reason of outcome.warnings) report.warnings.push({ input: outcome.input, reason });
          for (const raw of outcome.items) yield { raw, source: input.source ?? deriveSource(raw, input.sourceId) };
        }
      }
    };
    for await (const job of candidates()) {
      report.items++;
      const rawHash = rawItemHash(job.raw);
      const identity = identify(job.raw, job.source.id);
      const skipped = store.skipUnchanged(identity, rawHash);
      if (!skipped) {
        yield { ...job, rawHash, identity, isNew: !store.knows(identity) };
        continue;
      }
      countOutcome(report, job.source.id, skipped.outcome);
      progress();
    }
  }

  // Folders of many more item files than the index has records (a first ingest of an archive):
  // the workers boot (~0.7 s) while the first items are read, not after the look-ahead. A rerun
  // over the same folders leaves the choice to the look-ahead, which skips unchanged items.
  const locations = options.inputs.map((input) => input.location);
  const large = options.workers === undefined && (await countFolderFiles(locations, store.size + MIN_ITEMS_FOR_WORKERS)) - store.size >= MIN_ITEMS_FOR_WORKERS;
  for await (const [{ raw, source }, outcome] of prepareAll(jobs(), { rules, now, workers: options.workers, large })) {
    try {
      if (!outcome.ok) throw new Error(outcome.error);
      const prepared = outcome.item;
      const result = await store.store(prepared, source, raw);
      countOutcome(report, source.id, result.outcome);
      if (result.outcome === "kept") report.kept.push({ path: result.path, reason: result.reason ?? "" });
      if (result.outcome === "duplicate") report.duplicates.push({ input: raw.input, item: describe(raw), reason: result.reason ?? "" });
      if ((result.outcome === "new" || result.outcome === "updated") && prepared.frontMatter.flags) {
        report.flagged.push({ path: result.path, flags: prepared.frontMatter.flags });
      }
    } catch (err) {
      countOutcome(report, source.id, "failed");
      report.failures.push({ input: raw.input, item: describe(raw), reason: (err as Error).message });
    }
    progress();
  }

  report.indexWritten = await store.finish();
  if (store.rawPack) {
    try {
      await compactIfCrowded(options.paths, store.rawPack);
    } catch (err) {
      // The packs stay as they are, every record in them; the next ingest tries again.
      report.warnings.push({ input: options.paths.raw, reason: `raw store not compacted: ${(err as Error).message}` });
    }
  }
  report.durationMs = performance.now() - started;
  return report;
}

function describe(raw: RawItem): string {
  const title = raw.title ? `: ${raw.title.slice(0, 60)}` : "";
  return `item ${raw.index + 1}${title}`;
}
