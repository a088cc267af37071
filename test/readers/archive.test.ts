import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { looksLikeArchive, readArchive } from "../../scripts/ingest/readers/archive.ts";
import { FIXTURES, SAMPLES, filesUnder, haveSamples } from "./locations.ts";

const read = (file: string) => readArchive(readFileSync(file, "utf8"), file);

test("reads the seed item with its title, link and line-1 date", (t) => {
  if (!haveSamples) return t.skip(`no shared samples at ${SAMPLES}`);
  const file = path.join(SAMPLES, "seed/000_c5423efe9e8af6e5.txt");
  const [item] = read(file);
  assert.equal(item.format, "archive");
  assert.equal(item.title, "普京会见金正恩 双方交换的是什么？");
  assert.match(item.link ?? "", /^https:\/\/www\.dw\.com\/zh\//);
  assert.equal(item.date, new Date(Number(/<!--(\d+)-->/.exec(readFileSync(file, "utf8"))![1])).toISOString());
  assert.match(item.html, /AUTO_TOPIC/);
  assert.doesNotMatch(item.html, /^<!--\d+-->/);
});

test("reads every sample item with a title, an absolute link and a date", (t) => {
  if (!haveSamples) return t.skip(`no shared samples at ${SAMPLES}`);
  const files = filesUnder(path.join(SAMPLES, "items")).filter((f) => f.endsWith(".md"));
  assert.ok(files.length >= 36, `expected the 36 sample items, found ${files.length}`);
  for (const file of files) {
    const items = read(file);
    assert.equal(items.length, 1, file);
    const [item] = items;
    assert.ok(item.title && item.title.length > 2, `${file}: title`);
    assert.match(item.link ?? "", /^https?:\/\/[^/]+\//, `${file}: link`);
    assert.ok(item.date && !Number.isNaN(Date.parse(item.date)), `${file}: date`);
    assert.ok(item.date! > "2019" && item.date! < "2026", `${file}: date ${item.date} in the archive's years`);
    assert.ok(looksLikeArchive(readFileSync(file, "utf8")), `${file}: detected as archive`);
  }
});

test("reads the YAML front matter variant", () => {
  const [item] = read(path.join(FIXTURES, "archive/yaml-front-matter.md"));
  assert.equal(item.title, "测试条目：前言格式");
  assert.equal(item.link, "https://news.example.org/2024/05/yaml-item");
  assert.equal(item.date, "2024-05-06T08:30:00.000Z");
  assert.equal(item.author, "王小明");
  assert.deepEqual(item.categories, ["测试", "示例"]);
  assert.equal(item.lang, "zh-Hans");
  assert.equal(item.html, "<p>这是一段为测试而写的正文。</p>");
});

test("takes the date from a 日期： line and drops the line from the body", () => {
  const [item] = read(path.join(FIXTURES, "archive/date-line.md"));
  assert.equal(item.date, "2023-01-15T09:05:00.000Z");
  assert.equal(item.html, "<p>正文第一段，作者自拟。</p>");
});

test("an item with no timestamp line or a NaN timestamp has no date but keeps title and link", () => {
  for (const name of ["no-timestamp.md", "nan-timestamp.md"]) {
    const [item] = read(path.join(FIXTURES, "archive", name));
    assert.equal(item.date, undefined, name);
    assert.match(item.title ?? "", /条目$/, name);
    assert.match(item.link ?? "", /^https:\/\/news\.example\.org\/2022\//, name);
  }
  const [nan] = read(path.join(FIXTURES, "archive/nan-timestamp.md"));
  assert.match(nan.html, /<!-- a comment in the body stays body -->/);
});

test("keeps brackets inside a title", () => {
  const [item] = read(path.join(FIXTURES, "archive/bracket-title.md"));
  assert.equal(item.title, "【快讯】[更新] 标题里有方括号");
  assert.equal(item.link, "https://news.example.org/2023/11/brackets?id=7");
  assert.equal(item.date, new Date(1700000000000).toISOString());
});

test("refuses text that is not an archived item, naming the input", () => {
  assert.throws(() => readArchive("just some words\nand more", "words.txt"), /^ReadError: words\.txt: not an archived item/);
  assert.equal(looksLikeArchive("<rss><channel></channel></rss>"), false);
});
