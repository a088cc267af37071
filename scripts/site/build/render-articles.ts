// A cold build's article runs, shared between the build's own thread and a worker thread: the
// worker starts on the articles while the build's thread renders the listing pages and feeds,
// and each thread takes the next batch from one queue when it is free, so both cores work to
// the end. Measured at 10,000 items: the listing run takes ~15 s and the articles ~25 s, one
// after the other before this.
import { startWorker } from "../../workers/start-worker.ts";

export interface ArticleJob {
  contentDir: string;
  outputDir: string;
  quiet: boolean;
  globalData: Record<string, unknown>;
  batches: string[][];
  /** The queue's shared memory (ArticleQueue.shared): its counter and whether it is open. */
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
  /** [0]: the next batch to take; [1]: 1 once the queue is open. */
  readonly #slots: Int32Array;

  /**
   * `open: false`: the worker may start (boot, load the content) before the batches may be
   * rendered, and waits in `opened()` until the build's thread calls `open()`.
   */
  constructor(
    readonly batches: string[][],
    { shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT), open = true }: { shared?: SharedArrayBuffer; open?: boolean } = {},
  ) {
    this.#slots = new Int32Array(shared);
    if (open) this.open();
  }

  get shared(): SharedArrayBuffer {
    return this.#slots.buffer as SharedArrayBuffer;
  }

  open(): void {
    Atomics.store(this.#slots, 1, 1);
    Atomics.notify(this.#slots, 1);
  }

  async opened(): Promise<void> {
    if (Atomics.load(this.#slots, 1) === 1) return;
    // A pending waitAsync holds no handle: without a timer the waiting thread would just exit.
    const alive = setInterval(() => undefined, 60_000);
    try {
      while (Atomics.load(this.#slots, 1) === 0) await Atomics.waitAsync(this.#slots, 1, 0).value;
    } finally {
      clearInterval(alive);
    }
  }

  take(): string[] | undefined {
    return this.batches[Atomics.add(this.#slots, 0, 1)];
  }

  /** After a failure: no thread starts another batch, and a waiting worker stops. */
  drop(): void {
    Atomics.store(this.#slots, 0, this.batches.length);
    this.open();
  }
}

/** Renders batches from `queue` in a worker until the queue is empty; resolves to the files it wrote. */
export function renderArticlesInWorker(options: Omit<ArticleJob, "batches" | "next">, queue: ArticleQueue): Promise<string[]> {
  const job: ArticleJob = { ...options, batches: queue.batches, next: queue.shared };
  const worker = startWorker(new URL("./render-articles-worker.ts", import.meta.url), { workerData: { job } });
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
