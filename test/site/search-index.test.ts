// The search index Pagefind writes from item records: every record in it, grouped ten to a
// fragment file rather than one file each.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { writeSearchIndex, type SearchEntry } from "../../scripts/site/search-index.ts";
import { tempDir } from "../helpers/shared.ts";

function record(i: number): SearchEntry {
  return {
    url: `/2026/11/${String((i % 28) + 1).padStart(2, "0")}/item-${i}/`,
    content: `第${i}条新闻：北京今日发布第${i}号天气预警\n城市的交通与天气`,
    language: "zh",
    meta: { title: `第${i}条新闻`, source: "示例日报", date: "2026-11-26" },
    filters: { 话题: ["天气"], 来源: ["示例日报"] },
  };
}

/** Pagefind's files are gzip with a signature line before the JSON. */
function fragmentRecords(file: string): Record<string, { url: string }> {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{"))) as Record<string, { url: string }>;
}

test("item records are grouped ten to a fragment file, and every record is in one", async () => {
  const out = await tempDir("gazette-search-");
  const entries = Array.from({ length: 35 }, (_, i) => record(i));
  const stats = await writeSearchIndex({
    outputDir: out,
    language: "zh",
    mode: "metadata",
    bundles: [{ path: "/pagefind/", primary: true, key: "test", entries }],
  });
  assert.deepEqual(stats.errors, []);
  assert.equal(stats.records, 35);
  const dir = path.join(out, "pagefind", "fragment");
  const files = readdirSync(dir);
  assert.equal(files.length, 4);
  const urls = files.flatMap((f) => Object.values(fragmentRecords(path.join(dir, f))).map((r) => r.url)).sort();
  assert.deepEqual(urls, entries.map((e) => e.url).sort());
});
