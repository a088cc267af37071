// The content facts of a build: every file's hash, and the images it names (front matter and
// Markdown body), read the way the site renders them.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { imageSourcesOf } from "../../scripts/images/collect-image-refs.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { parseContentFile } from "../../scripts/ingest/store/content-file.ts";
import { collectContentFacts } from "../../scripts/site/build/content-facts.ts";
import { fixtureItems } from "../fixtures/site/fixture-items.ts";
import { writeFixtureContent } from "../fixtures/site/write-fixture-content.ts";
import { tempDir } from "../helpers/shared.ts";

test("content facts: each file's hash and its images, from the front matter and from the body", async () => {
  const dir = await tempDir("gazette-facts-");
  writeFixtureContent(dir);
  const indexFile = path.join(dir, "_data/itemIndex.json");
  const records = JSON.parse(readFileSync(indexFile, "utf8")) as { path: string }[];
  const [seed, second, third, fourth] = records.map((r) => path.join(dir, r.path));
  const front = (file: string) => readFileSync(file, "utf8").replace(/\n---\n[\s\S]*$/, "\n---\n");
  // A body image after a thematic break (a "---" line of its own), in CRLF lines, as a reference image.
  writeFileSync(second, `${front(second)}第一段。\n\n---\n\n![图一](https://images.example.org/body-1.jpg)\n`);
  writeFileSync(third, `${front(third)}`.replace(/\n/g, "\r\n") + "正文。\r\n\r\n![图二][ref]\r\n\r\n[ref]: https://images.example.org/body-2.jpg\r\n");
  // Image syntax inside code is no image; broken front matter is an error, not a crash.
  writeFileSync(fourth, `${front(fourth)}\`![not](https://images.example.org/code.jpg)\`\n`);
  const broken = path.join(dir, records[4].path);
  writeFileSync(broken, "---\ntitle: [unclosed\n---\n![x](https://images.example.org/x.jpg)\n");

  const facts = collectContentFacts(dir, indexFile);
  const of = (file: string) => facts.files.get(path.relative(dir, file))!;
  for (const record of records) {
    const bytes = readFileSync(path.join(dir, record.path));
    assert.equal(facts.files.get(record.path)!.hash, createHash("sha256").update(bytes).digest("hex"), record.path);
  }
  const seedItem = fixtureItems[0];
  assert.deepEqual(of(seed).images, [seedItem.image!.src, ...seedItem.gallery!.images.map((i) => i.src)]);
  const lead = (i: number) => (fixtureItems[i].image ? [fixtureItems[i].image.src] : []);
  assert.deepEqual(of(second).images, [...lead(1), "https://images.example.org/body-1.jpg"]);
  assert.deepEqual(of(third).images, [...lead(2), "https://images.example.org/body-2.jpg"]);
  assert.deepEqual(of(fourth).images, lead(3));
  assert.match(of(broken).error ?? "", /unexpected end|flow collection/);
  assert.deepEqual(of(broken).images, []);
  assert.ok(facts.imageRefs.warnings.some((w) => w.includes(records[4].path)));

  // A file as the ingest wrote it (its record's hash), with no gallery and no image in its body,
  // is described by its record: it is not parsed, and its images are what parsing would find.
  const md = markdownRenderer();
  const described = (records as (typeof records[number] & { hash: string; gallerySize: number })[]).filter((r) => {
    const text = readFileSync(path.join(dir, r.path), "utf8");
    return createHash("sha256").update(text).digest("hex") === r.hash && r.gallerySize === 0 && !text.slice(text.indexOf("\n---", 4)).includes("![");
  });
  assert.ok(described.length > 0 && described.length < records.length, `${described.length} of ${records.length}`);
  // `parsed` counts the files parsed whole: all the others but the broken one.
  assert.equal(facts.parsed, records.length - described.length - 1);
  for (const r of described) {
    assert.deepEqual(facts.files.get(r.path)!.images, imageSourcesOf(parseContentFile(readFileSync(path.join(dir, r.path), "utf8")), md), r.path);
  }
});

test("content facts: a file whose size and time are those the previous build saw is not read again", async () => {
  const dir = await tempDir("gazette-facts-stamps-");
  writeFixtureContent(dir);
  const indexFile = path.join(dir, "_data/itemIndex.json");
  const [one, two] = (JSON.parse(readFileSync(indexFile, "utf8")) as { path: string }[]).map((r) => r.path);
  // Whole seconds, so that the time set back below is exactly the one stamped.
  const time = new Date("2026-01-02T03:04:05Z");
  for (const rel of [one, two]) utimesSync(path.join(dir, rel), time, time);
  const first = collectContentFacts(dir, indexFile);
  assert.equal(first.read, first.files.size);
  const previous = { images: first.cache, stamps: first.stamps };
  const again = collectContentFacts(dir, indexFile, previous);
  assert.equal(again.read, 0);
  assert.deepEqual([...again.files], [...first.files]);

  // Same size and time, other bytes: taken on trust, as make would (nothing that writes a file
  // keeps its time).
  const file = path.join(dir, one);
  const bytes = readFileSync(file);
  writeFileSync(file, Buffer.from(bytes.toString("latin1").replace(/[a-z]/, (c) => (c === "a" ? "b" : "a")), "latin1"));
  utimesSync(file, time, time);
  // A new time: read and hashed again.
  const later = new Date(time.getTime() + 5000);
  utimesSync(path.join(dir, two), later, later);
  const third = collectContentFacts(dir, indexFile, previous);
  assert.equal(third.read, 1);
  assert.equal(third.files.get(one)!.hash, first.files.get(one)!.hash);
  assert.equal(third.files.get(two)!.hash, first.files.get(two)!.hash, "same bytes, same hash");
  assert.notEqual(third.stamps[two][1], first.stamps[two][1]);
  // Without the previous stamps the changed file's new bytes are seen.
  assert.notEqual(collectContentFacts(dir, indexFile).files.get(one)!.hash, first.files.get(one)!.hash);
});
