// Archive pages of the listings are counted from the oldest item, so an item that arrives leaves
// them as they were: a warm build keeps them (the very same files) and still equals a cold build.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ingestInto } from "../../scripts/bench/bench-content.ts";
import { generateNightlyItems } from "../../scripts/bench/generate-items.ts";
import { build, dayPages, generatedSite, treeDifferences } from "./helpers/generated-site.ts";

test("a new item leaves the archive listing pages as they were: kept, and equal to a cold build", async () => {
  const site = await generatedSite(24, 24);
  // Two items a page, so that every topic and source has archive pages.
  const siteJson = path.join(site.contentDir, "_data", "site.json");
  writeFileSync(siteJson, JSON.stringify({ ...(JSON.parse(readFileSync(siteJson, "utf8")) as object), itemsPerPage: 2 }));
  const dist = path.join(site.root, "dist");
  assert.equal((await build(site, dist)).incremental.mode, "full");

  const archives = listingPages(dist).filter((p) => p.includes("/page/"));
  assert.ok(archives.length >= 15, `${archives.length} archive pages`);
  // All but the newest archive page of each listing: its link to newer items may move on.
  const newest = new Map<string, number>();
  for (const p of archives) {
    const [listing, n] = p.split("/page/");
    newest.set(listing, Math.max(newest.get(listing) ?? 0, parseInt(n, 10)));
  }
  const settled = archives.filter((p) => parseInt(p.split("/page/")[1], 10) < (newest.get(p.split("/page/")[0]) ?? 0));
  assert.ok(settled.length >= 5, `${settled.length} settled archive pages`);
  const inodes = new Map(settled.map((p) => [p, statSync(path.join(dist, p)).ino]));

  // Tonight's items, dated after every item of the archive.
  const tonight = await generateNightlyItems(site.itemsDir, 24, 3, 7);
  for (const [i, item] of tonight.entries()) {
    const next = 24 + i;
    assert.equal((await ingestInto(site.contentDir, [item])).counts.new, 1);
    const warm = await build(site, dist);
    assert.equal(warm.incremental.mode, "incremental");
    // Every oldest archive page is the very file the cold build wrote, linked over.
    for (const [page, ino] of inodes) assert.equal(statSync(path.join(dist, page)).ino, ino, `${page} kept after item ${next}`);
    const cold = path.join(site.root, `cold-${next}`);
    await build(site, cold, false);
    assert.deepEqual(treeDifferences(cold, dist), []);
  }
  // A rebuild of the same content keeps every article (27), every archive page and every day page.
  const last = await build(site, dist);
  const archivesNow = listingPages(dist).filter((p) => p.includes("/page/")).length;
  assert.equal(last.incremental.kept, 27 + archivesNow + dayPages(dist).length);
});

/** Relative paths of the topic, source and gallery pages under dist. */
function listingPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dist, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name === "index.html") out.push(child);
    }
  };
  for (const top of ["topics", "sources", "galleries"]) if (existsSync(path.join(dist, top))) walk(top);
  return out;
}
