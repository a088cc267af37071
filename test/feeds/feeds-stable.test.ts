// Ids never change when the site is rebuilt: two builds of the same content write the same feeds,
// and a rebuilt item (new text, an `updated` date) keeps its id.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, it } from "node:test";
import * as cheerio from "cheerio";
import { buildSite } from "../../scripts/site/build-site.ts";
import { buildFeedFixture, FAST_IMAGES, type BuiltFeedSite } from "./helpers/feed-fixture.ts";

const FEEDS = ["feed.xml", "atom.xml", "feed.json", "digest.xml", "digest.json", "topics/russia/atom.xml", "sources/lantern/feed.xml"];
let first: BuiltFeedSite;

const idsOf = (dist: string, rel: string): string[] => {
  const text = readFileSync(path.join(dist, rel), "utf8");
  if (rel.endsWith(".json")) return JSON.parse(text).items.map((i: { id: string }) => i.id);
  const $ = cheerio.load(text, { xml: true });
  return $("item > guid, entry > id").toArray().map((n) => $(n).text());
};

before(async () => {
  first = await buildFeedFixture();
});
after(() => rmSync(first.root, { recursive: true, force: true }));

it("keeps every id, and every byte, across two builds and across an item's update", async () => {
  const dist2 = path.join(first.root, "dist-2");
  await buildSite({ contentDir: first.contentDir, outputDir: dist2, quiet: true, imageFetch: FAST_IMAGES });
  for (const rel of FEEDS) {
    assert.ok(idsOf(first.dist, rel).length > 0, `${rel} has entries`);
    assert.equal(readFileSync(path.join(dist2, rel), "utf8"), readFileSync(path.join(first.dist, rel), "utf8"), `${rel} is byte-identical`);
  }

  // The seed item is rebuilt by a later ingest: new title and summary, an updated date.
  const indexFile = path.join(first.contentDir, "_data/itemIndex.json");
  const index = JSON.parse(readFileSync(indexFile, "utf8")) as { id: string; title: string; summary: string; updated?: string }[];
  const seed = index.find((r) => r.id === "lantern-2001")!;
  Object.assign(seed, { title: `${seed.title}（更新）`, summary: "更新后的摘要。", updated: "2023-09-20T08:00:00Z" });
  writeFileSync(indexFile, JSON.stringify(index));
  const dist3 = path.join(first.root, "dist-3");
  await buildSite({ contentDir: first.contentDir, outputDir: dist3, quiet: true, imageFetch: FAST_IMAGES });
  for (const rel of FEEDS) assert.deepEqual(new Set(idsOf(dist3, rel)), new Set(idsOf(first.dist, rel)), `${rel}: same ids after the update`);
  const atom = cheerio.load(readFileSync(path.join(dist3, "atom.xml"), "utf8"), { xml: true });
  const entry = atom("entry").filter((_, e) => atom(e).children("id").text() === "tag:digest.example.com,2024:/item/lantern-2001");
  assert.match(entry.children("title").text(), /（更新）$/);
  assert.equal(entry.children("updated").text(), "2023-09-20T08:00:00.000Z");
  assert.equal(atom("feed > updated").text(), "2023-09-20T08:00:00.000Z");
});
