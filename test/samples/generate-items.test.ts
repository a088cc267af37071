// The benchmark item generator: archive files a reader accepts, in shards of 1,000, deterministic
// from the seed, shaped like the real items (bylines, topic markers, galleries on example hosts).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import { DEFAULT_END, archivePath, generateArchiveItems, generateItem, generateRssFeed } from "../../scripts/bench/generate-items.ts";
import { readArchive } from "../../scripts/ingest/readers/archive.ts";

const DAY_MS = 86_400_000;
const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-bench-"));
  tempDirs.push(dir);
  return dir;
}
after(() => Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true }))));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

test("writes N archive files in shards of 1,000 that the archive reader parses", async () => {
  const dir = await tempDir();
  const n = 1203;
  await generateArchiveItems(dir, n, 7);
  assert.deepEqual(readdirSync(dir).sort(), ["000", "001"]);
  assert.equal(readdirSync(path.join(dir, "000")).length, 1000);
  assert.equal(readdirSync(path.join(dir, "001"))[0], "001000.md");
  const files = filesUnder(dir);
  assert.equal(files.length, n);

  let chars = 0;
  let galleries = 0;
  const days = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    chars += text.length;
    const [item] = readArchive(text, file);
    assert.ok(item.title && item.title.length > 4, `${file}: title`);
    assert.equal(new URL(item.link ?? "").hostname, "news.example.org");
    const ms = Date.parse(item.date ?? "");
    assert.ok(ms <= DEFAULT_END.getTime() && ms > DEFAULT_END.getTime() - 365 * DAY_MS, `${file}: ${item.date}`);
    days.add(item.date!.slice(0, 10));

    const $ = cheerio.load(item.html);
    assert.equal($("div > i").first().find("br").length, 1, `${file}: DW-style byline`);
    assert.equal($('span[data-type="AUTO_TOPIC"]').length, 1, `${file}: topic marker`);
    for (const img of $("img").toArray()) assert.match(img.attribs.src, /^https:\/\/img\.example\.org\//);
    if ($("h3").text().startsWith("相关图集：")) {
      galleries++;
      const size = $("h3").nextAll("div").filter((_i, el) => $(el).children("img").length > 0).length;
      assert.ok(size >= 3 && size <= 8, `${file}: gallery of ${size}`);
    }
  }
  const average = chars / n;
  assert.ok(average > 3000 && average < 4200, `average ${average} characters`);
  assert.ok(galleries / n > 0.25 && galleries / n < 0.35, `${galleries} galleries`);
  assert.ok(days.size > 300 && days.size < n / 2, `${days.size} days: several items per day`);
});

test("is deterministic from the seed, and item i does not depend on N", async () => {
  const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
  await generateArchiveItems(a, 20, 3);
  await generateArchiveItems(b, 40, 3);
  await generateArchiveItems(c, 20, 4);
  const read = (dir: string, i: number) => readFileSync(path.join(dir, archivePath(i)), "utf8");
  for (let i = 0; i < 20; i++) {
    assert.equal(read(a, i), read(b, i));
    assert.notEqual(read(a, i), read(c, i));
  }
});

test("gives each item 1-3 topic keywords that occur in its text, and batches some timestamps", () => {
  let shared = 0;
  for (let i = 0; i < 200; i++) {
    const item = generateItem(i, 1);
    assert.ok(item.keywords.length >= 1 && item.keywords.length <= 3);
    for (const k of item.keywords) assert.ok(item.html.includes(k), `item ${i}: ${k}`);
    if (i > 0 && item.timestamp === generateItem(i - 1, 1).timestamp) shared++;
  }
  assert.ok(shared >= 20, `${shared} shared timestamps`);
});

test("generateRssFeed yields an RSS 2.0 feed a feed parser reads item for item", () => {
  const xml = generateRssFeed(25, 2);
  const feed = parseFeed(xml);
  assert.equal(feed.items.length, 25);
  const first = generateItem(0, 2);
  assert.equal(feed.items[0].title, first.title);
  assert.equal(feed.items[0].url, first.link);
  assert.equal(feed.items[0].published?.getTime(), Math.floor(first.timestamp / 1000) * 1000);
  assert.deepEqual(feed.items[0].categories.map((c) => c.term), first.keywords);
  assert.ok(feed.items.every((i) => (i.content ?? "").includes("AUTO_TOPIC") && i.media.length === 1));
  assert.equal(generateRssFeed(25, 2), xml);
});
