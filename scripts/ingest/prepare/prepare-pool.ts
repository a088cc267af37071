// Prepares items on all cores. Preparing (parse, clean, sanitize, convert) dominates the ingest's
// cost, and it is a pure function of the raw item, so it runs in worker threads in batches. Jobs
// are pulled lazily and results come back in order, so a large run never holds all its items in
// memory; small runs stay in-process, where starting workers would cost more than it saves.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { TopicRule } from "../../config/topics.ts";
import type { PreparedItem, SourceInfo } from "../item/build-item.ts";
import type { Identity } from "../item/identity.ts";
import { topicMatcher } from "../item/topics.ts";
import type { RawItem } from "../raw-item.ts";
import { startWorker } from "../../workers/start-worker.ts";

export type PrepareOutcome = { ok: true; item: PreparedItem } | { ok: false; error: string };

export interface PrepareJob {
  raw: RawItem;
  source: SourceInfo;
  /** rawItemHash(raw), computed once by the caller. */
  rawHash?: string;
  /** identify(raw, source.id), computed once by the caller. */
  identity?: Identity;
  /** The store has no record of the item: it needs a slug. */
  isNew?: boolean;
}

export const MIN_ITEMS_FOR_WORKERS = 300;
const BATCH = 40;
/** Batches per worker not yet stored: being worked on, queued, or done and waiting for the main thread. */
const IN_FLIGHT = 3;

export interface PrepareOptions {
  rules: TopicRule[];
  now: Date;
  /** Worker threads to use; default: one per core but the main thread's, when the run is large enough; 0: in-process. */
  workers?: number;
  /**
   * The caller knows the run is large (ingest.ts: its folders hold MIN_ITEMS_FOR_WORKERS files more
   * than the index has records): the workers start at once, booting while the first jobs are
   * read, instead of after the look-ahead.
   */
  large?: boolean;
}

/** Yields each job with its outcome, in job order. */
export async function* prepareAll(jobs: AsyncIterable<PrepareJob> | Iterable<PrepareJob>, options: PrepareOptions): AsyncGenerator<[PrepareJob, PrepareOutcome]> {
  const source = toAsyncIterator(jobs);
  // Look ahead far enough to know whether the run is worth the workers.
  const head: PrepareJob[] = [];
  let exhausted = false;
  const threshold = options.workers === undefined && !options.large ? MIN_ITEMS_FOR_WORKERS : 0;
  while (head.length < threshold) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
  }
  // The main thread reads, hashes and writes all the while: one core stays its own. Measured on
  // 2 cores with 10,000 items: one worker about 620 items/s in 460 MiB, two no faster in 620 MiB
  // (both cores are already busy), and the main thread preparing items too no faster in 570 MiB.
  const workers = options.workers ?? (exhausted ? 0 : Math.max(1, Math.min(os.availableParallelism() - 1, 4)));
  const all = chain(head, exhausted ? undefined : source);
  if (workers <= 0) yield* inProcess(all, options);
  else yield* inWorkers(all, options, workers);
}

async function* inProcess(jobs: AsyncIterator<PrepareJob>, options: PrepareOptions): AsyncGenerator<[PrepareJob, PrepareOutcome]> {
  const topics = topicMatcher(options.rules);
  const { prepareOne } = await import("./prepare-one.ts");
  for (let next = await jobs.next(); !next.done; next = await jobs.next()) yield [next.value, prepareOne(next.value, topics, options.now)];
}

async function* inWorkers(jobs: AsyncIterator<PrepareJob>, options: PrepareOptions, count: number): AsyncGenerator<[PrepareJob, PrepareOutcome]> {
  const entry = new URL("./prepare-worker.ts", import.meta.url);
  const workerData = { rules: options.rules, now: options.now.getTime() };
  const pool = Array.from({ length: count }, () => startWorker(entry, { workerData }));
  const sent = new Map<number, PrepareJob[]>();
  const owner = new Map<number, Worker>();
  const done = new Map<number, PrepareOutcome[]>();
  let nextId = 0;
  let noMoreJobs = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => wake?.();

  // Reading jobs is async (files are read as we go), so batches are cut one at a time.
  let cutting: Promise<void> = Promise.resolve();
  const feed = (worker: Worker) => {
    cutting = cutting.then(async () => {
      if (noMoreJobs) return;
      const batch: PrepareJob[] = [];
      while (batch.length < BATCH) {
        const next = await jobs.next();
        if (next.done) {
          noMoreJobs = true;
          break;
        }
        batch.push(next.value);
      }
      if (batch.length) {
        const id = nextId++;
        sent.set(id, batch);
        owner.set(id, worker);
        worker.postMessage({ id, jobs: batch });
      }
      signal();
    }, (err: Error) => {
      failure = err;
      signal();
    });
  };
  for (const worker of pool) {
    worker.on("message", (msg: { id: number; results: PrepareOutcome[] }) => {
      // The worker gets its next batch when this one is consumed, not now: results never pile up
      // faster than the main thread stores them (that was the ingest's memory peak).
      done.set(msg.id, msg.results);
      signal();
    });
    worker.on("error", (err: Error) => {
      failure = err;
      signal();
    });
    for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
  }
  try {
    for (let id = 0; ; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        await cutting;
        if (noMoreJobs && id >= nextId) return;
        if (done.has(id)) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const batch = sent.get(id)!;
      const results = done.get(id)!;
      const worker = owner.get(id)!;
      sent.delete(id);
      done.delete(id);
      owner.delete(id);
      feed(worker);
      for (let i = 0; i < batch.length; i++) yield [batch[i], results[i]];
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function toAsyncIterator<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return (items as AsyncIterable<T>)[Symbol.asyncIterator]();
  const it = (items as Iterable<T>)[Symbol.iterator]();
  return { next: async () => it.next() };
}

/** The looked-ahead jobs, then the rest of the source. */
function chain<T>(head: T[], rest: AsyncIterator<T> | undefined): AsyncIterator<T> {
  let i = 0;
  return {
    async next() {
      if (i < head.length) return { done: false, value: head[i++] };
      return rest ? rest.next() : { done: true, value: undefined };
    },
  };
}
