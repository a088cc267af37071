// Retention: items older than site.retentionDays leave the pages and feeds; their files stay.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { applyRetention, retentionCutoff } from "../../scripts/site/retention.ts";
import { buildFixtureSite } from "./helpers/build-fixture.ts";

test("the cutoff is the start of a day in the site's zone, N days back", () => {
  const now = new Date("2024-03-10T20:00:00Z"); // 04:00 on the 11th in Shanghai
  assert.equal(retentionCutoff({ retentionDays: 7, timezone: "Asia/Shanghai" }, now), "2024-03-03T16:00:00.000Z");
  assert.equal(retentionCutoff({ retentionDays: 0, timezone: "Asia/Shanghai" }, now), undefined);
});

test("records before the cutoff are retired by content path", () => {
  const records = [
    { date: "2024-03-05T00:00:00Z", path: "items/2024/03/new.md" },
    { date: "2024-03-01T00:00:00Z", path: "items/2024/03/old.md" },
  ];
  const { kept, retired } = applyRetention(records, "2024-03-03T16:00:00.000Z");
  assert.deepEqual(kept, [records[0]]);
  assert.deepEqual([...retired], ["items/2024/03/old.md"]);
});

test("a build with retention leaves old items out of pages and feeds, and keeps their files", async () => {
  // The fixture items are from 2023: a one-day retention retires them all.
  const site = await buildFixtureSite({ retentionDays: 1 });
  try {
    assert.equal(existsSync(path.join(site.dist, "2023/09/14")), false, "no day or article pages of retired items");
    assert.doesNotMatch(readFileSync(path.join(site.dist, "feed.xml"), "utf8"), /<item>/);
    assert.doesNotMatch(readFileSync(path.join(site.dist, "sitemap.xml"), "utf8"), /2023\/09\/14/);
    assert.ok(existsSync(path.join(site.contentDir, "items")), "content files are kept");
    assert.equal(site.result.items, 0);
  } finally {
    rmSync(site.root, { recursive: true, force: true });
  }
});
