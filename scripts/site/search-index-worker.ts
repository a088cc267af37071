// The search index worker: indexes one build's records with Pagefind, answers with its counts.
import { parentPort, workerData } from "node:worker_threads";
import { writeSearchIndex, type SearchJob } from "./search-index.ts";

const { job } = workerData as { job: SearchJob };
writeSearchIndex(job).then(
  (stats) => parentPort?.postMessage({ ok: true, stats }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
