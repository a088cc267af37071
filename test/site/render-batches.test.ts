// How a build's files are split into Eleventy runs: bounded counts, bounded glob lengths.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileBatches, folderBatches } from "../../scripts/site/build/render-batches.ts";

test("exact files are split by count and by the length of the glob naming them", () => {
  const files = Array.from({ length: 5000 }, (_, i) => `items/2026/11/a-rather-long-pinyin-slug-for-item-number-${i}.md`);
  const batches = fileBatches(files, 2500);
  assert.deepEqual(batches.flat(), files);
  for (const batch of batches) {
    assert.ok(batch.length <= 2500);
    assert.ok(batch.join(",").length < 65_536, `${batch.join(",").length} characters`);
  }
  assert.ok(batches.length > 2, "the glob length splits batches before the count does");
  assert.deepEqual(fileBatches([], 10), [[]]);
  assert.deepEqual(fileBatches(["a.md", "b.md", "c.md"], 2), [["a.md", "b.md"], ["c.md"]]);
});

test("a cold build's files become whole folders, packed in order up to the batch size", () => {
  const files = [
    ...Array.from({ length: 3 }, (_, i) => `items/2026/01/a${i}.md`),
    ...Array.from({ length: 2 }, (_, i) => `items/2026/02/b${i}.md`),
    ...Array.from({ length: 6 }, (_, i) => `items/2026/03/c${i}.md`),
    "about.njk",
  ];
  assert.deepEqual(folderBatches(files, 5), [
    ["*.md", "*.njk", "items/2026/01/*.md", "items/2026/01/*.njk"],
    ["items/2026/02/*.md", "items/2026/02/*.njk"],
    ["items/2026/03/*.md", "items/2026/03/*.njk"],
  ]);
});
