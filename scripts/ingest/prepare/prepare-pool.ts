// Prepares items on all cores. Preparing (parse, clean, sanitize, convert) dominates the ingest's
// cost, and it is a pure function of the raw item, so it runs in worker threads in batches;
// small runs stay in-process, where starting workers would cost more than it saves.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { TopicRule } from "../../config/topics.ts";
import { prepareItem, type PreparedItem, type SourceInfo } from "../item/build-item.ts";
import { topicMatcher } from "../item/topics.ts";
import type { RawItem } from "../raw-item.ts";

export type PrepareOutcome = { ok: true; item: PreparedItem } | { ok: false; error: string };

export interface PrepareJob {
  raw: RawItem;
  source: SourceInfo;
}

const MIN_ITEMS_FOR_WORKERS = 300;
const BATCH = 50;

export interface PrepareOptions {
  rules: TopicRule[];
  now: Date;
  /** Worker threads to use; default: one per core when the run is large enough. */
  workers?: number;
}

/** Yields one outcome per job, in job order. */
export async function* prepareAll(jobs: PrepareJob[], options: PrepareOptions): AsyncGenerator<PrepareOutcome> {
  const workers = options.workers ?? (jobs.length >= MIN_ITEMS_FOR_WORKERS ? Math.min(os.availableParallelism(), 4) : 0);
  if (workers <= 0) {
    const topics = topicMatcher(options.rules);
    for (const { raw, source } of jobs) {
      try {
        yield { ok: true, item: prepareItem(raw, source, topics, options.now) };
      } catch (err) {
        yield { ok: false, error: (err as Error).message };
      }
    }
    return;
  }
  yield* inWorkers(jobs, options, workers);
}

async function* inWorkers(jobs: PrepareJob[], options: PrepareOptions, count: number): AsyncGenerator<PrepareOutcome> {
  const entry = new URL("./prepare-worker.ts", import.meta.url).href;
  const pool = Array.from(
    { length: count },
    () =>
      new Worker(new URL("./worker-boot.mjs", import.meta.url), {
        workerData: { entry, rules: options.rules, now: options.now.getTime() },
      }),
  );
  const batches: PrepareJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const done = new Map<number, PrepareOutcome[]>();
  let next = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;

  const feed = (worker: Worker) => {
    if (next < batches.length) {
      const id = next++;
      worker.postMessage({ id, jobs: batches[id] });
    }
  };
  for (const worker of pool) {
    worker.on("message", (msg: { id: number; results: PrepareOutcome[] }) => {
      done.set(msg.id, msg.results);
      feed(worker);
      wake?.();
    });
    worker.on("error", (err: Error) => {
      failure = err;
      wake?.();
    });
    // Two batches in flight per worker keep it busy while the main thread stores results.
    feed(worker);
    feed(worker);
  }
  try {
    for (let id = 0; id < batches.length; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const results = done.get(id)!;
      done.delete(id);
      yield* results;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
