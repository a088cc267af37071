// Preparing items on worker threads (large runs) gives exactly what preparing them in-process
// gives: same files, same bytes, same index, in the same order.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { generateArchiveItems } from "../../scripts/bench/generate-items.ts";
import { contentPaths } from "../../scripts/config/paths.ts";
import { ingest } from "../../scripts/ingest/ingest.ts";
import { tempDir } from "../helpers/shared.ts";

test("worker threads and in-process preparation write the same content", async () => {
  const root = await tempDir("gazette-pool-");
  const items = path.join(root, "items");
  await generateArchiveItems(items, 330, 7);
  const now = new Date("2026-11-25T00:00:00Z");
  const run = (dir: string, workers: number | undefined) =>
    ingest({ paths: contentPaths(path.join(root, dir)), inputs: [{ location: items, sourceId: "gen" }], timezone: "Asia/Shanghai", workers, now });
  const inProcess = await run("a", 0);
  const pooled = await run("b", 1);
  // The default: a folder of 330 files against an empty index starts the workers before reading.
  const started = await run("c", undefined);
  assert.equal(inProcess.counts.new, 330);
  assert.deepEqual(pooled.counts, inProcess.counts);
  assert.deepEqual(started.counts, inProcess.counts);
  assert.deepEqual(await tree(path.join(root, "b")), await tree(path.join(root, "a")));
  assert.deepEqual(await tree(path.join(root, "c")), await tree(path.join(root, "a")));
});

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), "utf8");
  }
  return out;
}
