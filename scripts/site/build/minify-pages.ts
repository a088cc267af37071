// Minifies the pages a build rendered (kept pages were minified by the build that made them),
// in worker threads when there are enough pages to pay for starting them.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { minify } from "html-minifier-terser";
import { HTML_MINIFY_OPTIONS } from "../minify-html.ts";

export interface MinifyCounts {
  files: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** Below this many pages one thread is quicker than starting workers. */
const MIN_PAGES_FOR_WORKERS = 400;
const BATCH = 100;

export async function minifyFiles(files: string[]): Promise<MinifyCounts> {
  const counts: MinifyCounts = { files: files.length, bytesBefore: 0, bytesAfter: 0 };
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    const min = await minify(html, HTML_MINIFY_OPTIONS);
    counts.bytesBefore += Buffer.byteLength(html);
    counts.bytesAfter += Buffer.byteLength(min);
    writeFileSync(file, min);
  }
  return counts;
}

export async function minifyPages(files: string[], workers = defaultWorkers(files.length)): Promise<MinifyCounts> {
  if (workers <= 1) return minifyFiles(files);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const total: MinifyCounts = { files: files.length, bytesBefore: 0, bytesAfter: 0 };
  const entry = new URL("./minify-worker.ts", import.meta.url).href;
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(new URL("../../workers/worker-boot.mjs", import.meta.url), { workerData: { entry } }));
  try {
    await Promise.all(pool.map((worker) => drain(worker, batches, total)));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return total;
}

/** Feeds one worker batches until none are left. */
async function drain(worker: Worker, batches: string[][], total: MinifyCounts): Promise<void> {
  for (let batch = batches.shift(); batch; batch = batches.shift()) {
    const counts = await new Promise<MinifyCounts>((resolve, reject) => {
      const onMessage = (reply: { ok: true; counts: MinifyCounts } | { ok: false; error: string }) => {
        worker.off("error", reject);
        if (reply.ok) resolve(reply.counts);
        else reject(new Error(`minify: ${reply.error}`));
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
      worker.postMessage(batch);
    });
    total.bytesBefore += counts.bytesBefore;
    total.bytesAfter += counts.bytesAfter;
  }
}

function defaultWorkers(pages: number): number {
  return pages >= MIN_PAGES_FOR_WORKERS ? Math.min(os.availableParallelism(), 4) : 1;
}
