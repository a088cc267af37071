// A warm (incremental) build must write exactly what a cold build of the same content writes:
// here after an item arrives and after an item's content file changes.
import assert from "node:assert/strict";
import { appendFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { buildSite } from "../../scripts/site/build-site.ts";
import { listHtmlFiles } from "../helpers/html-files.ts";
import { addItem, build, dayPages, generatedSite, treeDifferences, type GeneratedSite } from "./helpers/generated-site.ts";

let site: GeneratedSite;
let dist: string;

before(async () => {
  site = await generatedSite(30);
  dist = path.join(site.root, "dist");
  const cold = await build(site, dist);
  assert.equal(cold.incremental.mode, "full");
});

test("a rebuild of unchanged content keeps every article page and renders only the listings", async () => {
  const warm = await build(site, dist);
  assert.equal(warm.incremental.mode, "incremental");
  // Every article and every day page.
  assert.equal(warm.incremental.kept, 30 + dayPages(dist).length);
  // Items span several months and quarters: a search bundle for each; none changed, so none is indexed again.
  assert.ok(warm.search.bundles > 1, `${warm.search.bundles} bundles`);
  assert.equal(warm.search.indexed, 0);
  // The page count is the rendered and the kept pages: the HTML files on disk.
  assert.equal(warm.pages, listHtmlFiles(dist).length);
  const cold = path.join(site.root, "cold-same");
  const coldResult = await build(site, cold, false);
  assert.equal(coldResult.pages, listHtmlFiles(cold).length);
  assert.deepEqual(treeDifferences(cold, dist), []);
});

test("after an item is added, the warm build equals a cold build", async () => {
  const keptPage = path.join(dist, readIndexUrl(site, 29), "index.html");
  const keptInode = statSync(keptPage).ino;
  const oldestDay = path.join(dist, dayPages(dist).sort()[0], "index.html");
  const oldestDayInode = statSync(oldestDay).ino;
  const archiveBundles = readdirSync(path.join(dist, "pagefind-archive"));
  const archiveEntry = path.join(dist, "pagefind-archive", archiveBundles[0], "pagefind-entry.json");
  const archiveInode = statSync(archiveEntry).ino;
  await addItem(site, 30);
  const warm = await build(site, dist);
  assert.equal(warm.incremental.mode, "incremental");
  // The feeds list the new item; every other entry is the previous build's.
  assert.ok(warm.incremental.feedEntriesReused >= 29, `${warm.incremental.feedEntriesReused} feed entries reused`);
  // Only the newest search bundle takes the new item; an older one is the same file linked over.
  assert.equal(warm.search.indexed, 1);
  assert.equal(statSync(archiveEntry).ino, archiveInode);
  const searchPage = readFileSync(path.join(dist, "search/index.html"), "utf8");
  for (const bundle of archiveBundles) assert.match(searchPage, new RegExp(`\\.\\./pagefind-archive/${bundle}/`));
  // The new item and the few whose neighbours or related items changed are rendered; most are kept.
  const days = dayPages(dist).length;
  assert.ok(warm.incremental.kept >= 15 + days - 2 && warm.incremental.kept < 31 + days, `kept ${warm.incremental.kept}`);
  const cold = path.join(site.root, "cold-added");
  await build(site, cold, false);
  assert.deepEqual(treeDifferences(cold, dist), []);
  // The oldest item's page is far from the new one: kept, i.e. the very same file linked over.
  assert.equal(statSync(keptPage).ino, keptInode);
  assert.equal(statSync(oldestDay).ino, oldestDayInode, "the oldest day page is kept");
});

test("after an item's content file changes, the warm build equals a cold build and shows the change", async () => {
  const record = indexRecord(site, 3);
  appendFileSync(path.join(site.contentDir, record.path), "\n追加的一段：这一段是测试加上的。\n");
  const warm = await build(site, dist);
  assert.equal(warm.incremental.mode, "incremental");
  const page = readFileSync(path.join(dist, readIndexUrl(site, 3), "index.html"), "utf8");
  assert.match(page, /这一段是测试加上的/);
  const cold = path.join(site.root, "cold-changed");
  await build(site, cold, false);
  assert.deepEqual(treeDifferences(cold, dist), []);
});

interface Record {
  path: string;
  url: string;
}

function indexRecord(s: GeneratedSite, at: number): Record {
  const records = JSON.parse(readFileSync(path.join(s.contentDir, "_data/itemIndex.json"), "utf8")) as { path: string }[];
  const manifest = JSON.parse(readFileSync(path.join(dist, ".gazette-build.json"), "utf8")) as { pages: { [url: string]: string } };
  const rec = records[at];
  const slug = path.basename(rec.path, ".md");
  const url = Object.keys(manifest.pages).find((u) => u.endsWith(`/${slug}/`));
  assert.ok(url, `no page for ${rec.path}`);
  return { path: rec.path, url };
}

function readIndexUrl(s: GeneratedSite, at: number): string {
  return indexRecord(s, at).url;
}

test("a build rendered in batches of articles equals one rendered in a single run", async () => {
  const batched = path.join(site.root, "batched");
  const result = await buildSite({ contentDir: site.contentDir, outputDir: batched, quiet: true, incremental: false, articleBatch: 7 });
  const single = path.join(site.root, "single");
  const once = await build(site, single, false);
  // Every page was written once, whether by one run or by five.
  assert.equal(result.incremental.rendered, once.incremental.rendered);
  assert.deepEqual(treeDifferences(single, batched), []);
});
