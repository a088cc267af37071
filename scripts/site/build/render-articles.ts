// A cold build's article runs, shared between the build's own thread and a worker thread: the
// worker starts on the articles while the build's thread renders the listing pages and feeds,
// and each thread takes the next batch from one queue when it is free, so both cores work to
// the end. Measured at 10,000 items: the listing run takes ~15 s and the articles ~25 s, one
// after the other before this.
import { Worker } from "node:worker_threads";

export interface ArticleJob {
  contentDir: string;
  outputDir: string;
  quiet: boolean;
  globalData: Record<string, unknown>;
  batches: string[][];
  /** The queue's counter (ArticleQueue.shared). */
  next: SharedArrayBuffer;
}

export type WorkerReply = { ok: true; written: string[] } | { ok: false; message: string; stack?: string };

/**
 * Batches of articles, each rendered once by whichever thread takes it. The counter is shared
 * memory, not a message: a thread asking the build's thread for work would wait until that
 * thread's event loop turned, and a listing run keeps it busy for seconds at a time (measured:
 * the worker idle 11.7 s of a 10,000-item build).
 */
export class ArticleQueue {
  readonly #next: Int32Array;

  constructor(
    readonly batches: string[][],
    shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.#next = new Int32Array(shared);
  }

  get shared(): SharedArrayBuffer {
    return this.#next.buffer as SharedArrayBuffer;
  }

  take(): string[] | undefined {
    return this.batches[Atomics.add(this.#next, 0, 1)];
  }

  /** After a failure: no thread starts another batch. */
  drop(): void {
    Atomics.store(this.#next, 0, this.batches.length);
  }
}

/** Renders batches from `queue` in a worker until the queue is empty; resolves to the files it wrote. */
export function renderArticlesInWorker(options: Omit<ArticleJob, "batches" | "next">, queue: ArticleQueue): Promise<string[]> {
  const entry = new URL("./render-articles-worker.ts", import.meta.url).href;
  const job: ArticleJob = { ...options, batches: queue.batches, next: queue.shared };
  const worker = new Worker(new URL("../../workers/worker-boot.mjs", import.meta.url), { workerData: { entry, job } });
  return new Promise<string[]>((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.written);
      else reject(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
      // Its last word: nothing of Eleventy's may keep the worker, and so the process, alive.
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`articles: the worker stopped (exit code ${code})`)));
  });
}
