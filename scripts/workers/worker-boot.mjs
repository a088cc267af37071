// Worker threads do not inherit tsx's loader for their entry file: every worker pool (ingest,
// search index) starts here, which registers it and then loads the TypeScript entry named in workerData.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
