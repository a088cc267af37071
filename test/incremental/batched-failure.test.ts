// A cold build renders its articles on two threads (render-articles.ts). When an article fails
// on either one, the build fails naming the file, and the output it would have replaced is intact.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildSite } from "../../scripts/site/build-site.ts";
import { generatedSite, readTree } from "./helpers/generated-site.ts";

test("an article that fails in a batched build fails the build and leaves the output as it was", async () => {
  const site = await generatedSite(20);
  const dist = path.join(site.root, "dist");
  const options = { contentDir: site.contentDir, outputDir: dist, quiet: true, incremental: false, articleBatch: 4 };
  await buildSite(options);
  const before = readTree(dist);
  const records = JSON.parse(readFileSync(path.join(site.contentDir, "_data/itemIndex.json"), "utf8")) as { path: string }[];
  // One file early in the batches and one late, so that each thread meets one whichever takes which.
  for (const record of [records[1], records[records.length - 2]]) {
    writeFileSync(path.join(site.contentDir, record.path), "---\ntitle: [an unclosed list\n---\nBody.\n");
  }
  await assert.rejects(buildSite(options), (error: Error) => {
    assert.match(error.message, /items\/.*\.md/);
    return true;
  });
  assert.deepEqual([...readTree(dist).keys()].sort(), [...before.keys()].sort());
  for (const [file, bytes] of readTree(dist)) assert.ok(bytes.equals(before.get(file)!), `${file} changed`);
  assert.deepEqual(readdirSync(site.root).filter((name) => name.startsWith("dist.")), []);
});
