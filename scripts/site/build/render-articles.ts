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
}

/** Worker → build: ask for the next batch, or report the end. Build → worker: a batch, or null (no more). */
export type WorkerMessage = { next: true } | { ok: true; written: string[] } | { ok: false; message: string; stack?: string };
export type BatchMessage = { batch: string[] | null };

/** Batches of articles, each rendered once by whichever thread takes it. */
export class ArticleQueue {
  readonly #batches: string[][];

  constructor(batches: string[][]) {
    this.#batches = [...batches];
  }

  take(): string[] | undefined {
    return this.#batches.shift();
  }

  /** After a failure: no thread starts another batch. */
  drop(): void {
    this.#batches.length = 0;
  }
}

/** Renders batches from `queue` in a worker until the queue is empty; resolves to the files it wrote. */
export function renderArticlesInWorker(job: ArticleJob, queue: ArticleQueue): Promise<string[]> {
  const entry = new URL("./render-articles-worker.ts", import.meta.url).href;
  const worker = new Worker(new URL("../../workers/worker-boot.mjs", import.meta.url), { workerData: { entry, job } });
  return new Promise<string[]>((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if ("next" in message) worker.postMessage({ batch: queue.take() ?? null } satisfies BatchMessage);
      else {
        if (message.ok) resolve(message.written);
        else reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
        // Its last word: nothing of Eleventy's may keep the worker, and so the process, alive.
        void worker.terminate();
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`articles: the worker stopped (exit code ${code})`)));
  });
}
