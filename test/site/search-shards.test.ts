// The split of the search index into bundles: the newest month, quarters of the rest of the
// newest year, whole older years.
import assert from "node:assert/strict";
import { test } from "node:test";
import { archiveBundlePaths, searchShards } from "../../scripts/site/search-shards.ts";
import type { SiteModel } from "../../scripts/site/site-model.ts";

const modelOf = (days: string[]) => ({ items: days.map((day, i) => ({ day, url: `/x/${i}/` })) }) as unknown as SiteModel;

test("the newest month is the primary bundle, the rest of its year is split by quarter, older years are a bundle each", () => {
  const shards = searchShards(modelOf(["2026-11-25", "2026-11-02", "2026-10-01", "2026-09-30", "2026-01-01", "2025-12-31", "2024-03-02"]));
  assert.deepEqual(
    shards.map((s) => [s.id, s.path, s.primary, s.items.length]),
    [
      ["2026-11", "/pagefind/", true, 2],
      ["2026-q4", "/pagefind-archive/2026-q4/", false, 1],
      ["2026-q3", "/pagefind-archive/2026-q3/", false, 1],
      ["2026-q1", "/pagefind-archive/2026-q1/", false, 1],
      ["2025", "/pagefind-archive/2025/", false, 1],
      ["2024", "/pagefind-archive/2024/", false, 1],
    ],
  );
});

test("when the month turns, the old month joins its quarter and the new month is the primary bundle", () => {
  const shards = searchShards(modelOf(["2026-12-01", "2026-11-25", "2026-10-01"]));
  assert.deepEqual(shards.map((s) => [s.id, s.primary, s.items.length]), [["2026-12", true, 1], ["2026-q4", false, 2]]);
  // In January the old year is one bundle.
  assert.deepEqual(searchShards(modelOf(["2027-01-01", "2026-12-31"])).map((s) => s.id), ["2027-01", "2026"]);
});

test("the search page merges every bundle but the primary one", () => {
  assert.deepEqual(archiveBundlePaths(modelOf(["2027-01-02", "2026-12-31"])), ["/pagefind-archive/2026/"]);
});

test("an empty site still has its primary bundle", () => {
  assert.deepEqual(searchShards(modelOf([])).map((s) => [s.path, s.items.length]), [["/pagefind/", 0]]);
});
