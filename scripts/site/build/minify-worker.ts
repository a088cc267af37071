// A minify worker: receives lists of HTML files, minifies each in place, answers with byte counts.
import { parentPort } from "node:worker_threads";
import { minifyFiles } from "./minify-pages.ts";

parentPort?.on("message", (files: string[]) => {
  minifyFiles(files).then(
    (counts) => parentPort?.postMessage({ ok: true, counts }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
