// The content facts of a build: every file's hash, and the images it names (front matter and
// Markdown body), read the way the site renders them.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
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
