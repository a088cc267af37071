// A worker started on a TypeScript entry runs from a cached bundle of its project modules: each
// module still sees its own location, packages load from node_modules, and a changed module
// makes the bundle anew.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import type { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../../scripts/config/paths.ts";
import { bundleFor, startWorker } from "../../scripts/workers/start-worker.ts";
import { removedAtExit, tempDir } from "../helpers/shared.ts";

function reply(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

test("a worker runs its bundled entry with each module's own location, and a changed module is bundled anew", async () => {
  const src = await tempDir("gazette-worker-src-");
  // Inside the project, as real bundles are, so that package imports resolve.
  const bundles = removedAtExit(path.join(PROJECT_ROOT, ".cache", `test-workers-${process.pid}`));
  writeFileSync(path.join(src, "where.ts"), 'export const where: string = import.meta.dirname;\nexport const word: string = "first";\n');
  writeFileSync(
    path.join(src, "entry.ts"),
    [
      'import { parentPort, workerData } from "node:worker_threads";',
      'import { DateTime } from "luxon";',
      'import { where, word } from "./where.ts";',
      "parentPort!.postMessage({ where, word, url: import.meta.url, input: workerData.input, year: DateTime.fromISO(\"2026-11-26\").year, execArgv: process.execArgv });",
      "",
    ].join("\n"),
  );
  const entry = pathToFileURL(path.join(src, "entry.ts"));

  const { execArgv, ...first } = (await reply(await startWorker(entry, { workerData: { input: 7 } }, bundles))) as { execArgv: string[] };
  assert.deepEqual(first, { where: src, word: "first", url: entry.href, input: 7, year: 2026 });
  assert.ok(process.execArgv.some((arg) => /tsx/.test(arg)), "this test runs under tsx");
  assert.ok(!execArgv.some((arg) => /tsx/.test(arg)), "the bundle runs without it");

  const bundle = await bundleFor(entry, bundles);
  assert.ok(bundle.startsWith(bundles + path.sep));
  assert.match(readFileSync(bundle, "utf8"), /from "luxon"/, "packages stay outside the bundle");

  writeFileSync(path.join(src, "where.ts"), 'export const where: string = import.meta.dirname;\nexport const word: string = "second one";\n');
  const second = (await reply(await startWorker(entry, { workerData: { input: 8 } }, bundles))) as { word: string; input: number };
  assert.equal(second.word, "second one");
  assert.equal(second.input, 8);
});
