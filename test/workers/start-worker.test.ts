// A worker started on a TypeScript entry runs from a cached bundle of its project modules: each
// module still sees its own location, packages load from node_modules, and a changed module
// makes the bundle anew.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import type { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../../scripts/config/paths.ts";
import { bundleFor, freshBundle, startWorker } from "../../scripts/workers/start-worker.ts";
import { removedAtExit } from "../helpers/shared.ts";

function reply(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

test("a worker runs from its bundle once made, each module seeing its own location; a changed module runs from source until bundled anew", async () => {
  // Inside the project, as real modules and bundles are, so that package imports resolve.
  const root = removedAtExit(path.join(PROJECT_ROOT, ".cache", `test-workers-${process.pid}`));
  const src = path.join(root, "src");
  const bundles = path.join(root, "bundles");
  mkdirSync(src, { recursive: true });
  const writeWhere = (word: string) => writeFileSync(path.join(src, "where.ts"), `export const where: string = import.meta.dirname;\nexport const word: string = "${word}";\n`);
  writeWhere("first");
  writeFileSync(
    path.join(src, "entry.ts"),
    [
      'import { parentPort, workerData } from "node:worker_threads";',
      'import { DateTime } from "luxon";',
      'import { where, word } from "./where.ts";',
      'parentPort!.postMessage({ where, word, url: import.meta.url, input: workerData.input, year: DateTime.fromISO("2026-11-26").year, tsx: process.execArgv.some((arg) => /tsx/.test(arg)) });',
      "",
    ].join("\n"),
  );
  const entry = pathToFileURL(path.join(src, "entry.ts"));
  const run = (input: number) => reply(startWorker(entry, { workerData: { input } }, bundles));
  assert.ok(process.execArgv.some((arg) => /tsx/.test(arg)), "this test runs under tsx");

  // No bundle yet: the worker runs the sources through tsx, and the bundle is made meanwhile.
  assert.equal(freshBundle(entry, bundles), undefined);
  assert.deepEqual(await run(1), { where: src, word: "first", url: entry.href, input: 1, year: 2026, tsx: true });
  const bundle = await bundleFor(entry, bundles);
  assert.equal(freshBundle(entry, bundles), bundle);
  assert.ok(bundle.startsWith(bundles + path.sep));
  assert.match(readFileSync(bundle, "utf8"), /from "luxon"/, "packages stay outside the bundle");
  assert.deepEqual(await run(2), { where: src, word: "first", url: entry.href, input: 2, year: 2026, tsx: false });

  // A changed module: the stale bundle is not used.
  writeWhere("second one");
  assert.equal(freshBundle(entry, bundles), undefined);
  assert.deepEqual(await run(3), { where: src, word: "second one", url: entry.href, input: 3, year: 2026, tsx: true });
  // Made anew from another working directory (a scheduler may start the digest anywhere).
  const cwd = process.cwd();
  process.chdir(os.tmpdir());
  try {
    await bundleFor(entry, bundles);
  } finally {
    process.chdir(cwd);
  }
  assert.equal(freshBundle(entry, bundles), bundle);
  assert.deepEqual(await run(4), { where: src, word: "second one", url: entry.href, input: 4, year: 2026, tsx: false });
});

test("a worker starts from its bundle when node runs with V8 flags, which apply in the worker too", async () => {
  // Node refuses V8's flags in a worker's execArgv; a build started as `node --max-old-space-size=…` failed.
  const root = removedAtExit(path.join(PROJECT_ROOT, ".cache", `test-workers-flags-${process.pid}`));
  mkdirSync(root, { recursive: true });
  const entry = pathToFileURL(path.join(root, "entry.ts"));
  writeFileSync(entry, 'import v8 from "node:v8";\nimport { parentPort } from "node:worker_threads";\nparentPort!.postMessage(v8.getHeapStatistics().heap_size_limit / 2 ** 20);\n');
  const startWorkerUrl = new URL("../../scripts/workers/start-worker.ts", import.meta.url).href;
  const script = [
    `import { bundleFor, freshBundle, startWorker } from ${JSON.stringify(startWorkerUrl)};`,
    `const entry = new URL(${JSON.stringify(entry.href)});`,
    `const bundles = ${JSON.stringify(path.join(root, "bundles"))};`,
    "await bundleFor(entry, bundles);",
    "const worker = startWorker(entry, {}, bundles);",
    'const limit = await new Promise((resolve, reject) => { worker.once("message", resolve); worker.once("error", reject); });',
    "console.log(JSON.stringify({ bundled: freshBundle(entry, bundles) !== undefined, limit }));",
  ].join("\n");
  const child = path.join(root, "child.ts");
  writeFileSync(child, script);
  const out = execFileSync(process.execPath, ["--max-old-space-size=3000", "--import", "tsx", child], { encoding: "utf8" });
  const { bundled, limit } = JSON.parse(out.trim().split("\n").at(-1)!) as { bundled: boolean; limit: number };
  assert.equal(bundled, true);
  // V8 adds its young generation to the limit it reports.
  assert.ok(limit >= 3000 && limit < 3200, `the worker's heap limit is ${limit} MiB`);
});
