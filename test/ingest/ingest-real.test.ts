// The ingest end to end on the real samples and third-party feeds.
import assert from "node:assert/strict";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import { ingest } from "../../scripts/ingest/ingest.ts";
import { parseContentFile } from "../../scripts/ingest/store/content-file.ts";
import { loadIndex } from "../../scripts/ingest/store/item-index.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { requireShared, SEED, SHARED_FEEDS, SHARED_SAMPLES, tempDir } from "../helpers/shared.ts";

const LEAKS = /feedx|获取更多RSS|weserv|AUTO_TOPIC|<script|onerror=|onload=|<iframe|style=|javascript:/i;

async function run(inputs: string[], dir?: string) {
  const root = dir ?? (await tempDir());
  const paths = contentPaths(root);
  const report = await ingest({ paths, inputs: inputs.map((location) => ({ location })), timezone: "Asia/Shanghai", workers: 0 });
  return { root, paths, report };
}

test("the seed item becomes a content file with every field", async (t) => {
  if (!requireShared(t, SEED)) return;
  const { root, report } = await run([SEED]);
  assert.equal(report.counts.new, 1, JSON.stringify(report.failures));
  const index = await loadIndex(contentPaths(root));
  const text = await readFile(path.join(root, index[0].path), "utf8");
  const { frontMatter: fm, body } = parseContentFile(text);
  assert.equal(fm.title, "普京会见金正恩 双方交换的是什么？");
  assert.match(fm.link ?? "", /^https:\/\/www\.dw\.com\/zh\/.*a-66809640$/);
  assert.equal(fm.date, "2023-09-14T11:34:28.859Z");
  assert.equal(fm.author, "Julian Ryall");
  assert.deepEqual(fm.image, { src: "https://static.dw.com/image/63677526_303.jpg", caption: "朝鲜储备有大量的老式武器弹药。" });
  assert.equal(fm.gallery?.images.length, 7);
  assert.equal(fm.gallery?.images[0].title, "普金会在哪里？");
  for (const image of fm.gallery!.images) {
    assert.ok(image.title && image.caption, `gallery image ${image.src} has title and caption`);
  }
  assert.ok(fm.topics.includes("乌克兰作战"));
  assert.equal(fm.lang, "zh-Hans");
  assert.match(fm.slug, /^[a-z0-9-]+$/);
  assert.match(index[0].path, /^items\/2023\/09\//);
  // The body's paragraphs intact, from the first to the last.
  assert.match(body, /（德国之声中文网）周三（13日），普京与到访的朝鲜最高领导人金正恩/);
  assert.match(body, /不太可能改变结果/);
  assert.ok(!LEAKS.test(text), `leak in ${text.match(LEAKS)?.[0]}`);
  // It renders back to HTML with raw HTML off.
  const html = markdownRenderer().render(body);
  assert.match(html, /<p>（德国之声中文网）/);
});

test("every real sample item ingests with no failure and no leak", async (t) => {
  const dir = path.join(SHARED_SAMPLES, "items");
  if (!requireShared(t, dir)) return;
  const { root, report } = await run([dir]);
  assert.deepEqual(report.failures, []);
  assert.equal(report.counts.new + report.counts.duplicate, report.items);
  assert.ok(report.items >= 36);
  for (const record of await loadIndex(contentPaths(root))) {
    const text = await readFile(path.join(root, record.path), "utf8");
    assert.ok(!LEAKS.test(text), `${record.path}: leak ${text.match(LEAKS)?.[0]}`);
    assert.ok(record.title.length > 0 && record.slug.length > 0);
  }
});

test("ingesting twice writes no byte the second time", async (t) => {
  const dir = path.join(SHARED_SAMPLES, "items");
  if (!requireShared(t, dir)) return;
  const { root } = await run([dir, SEED]);
  const before = await snapshot(root);
  const { report } = await run([dir, SEED], root);
  assert.equal(report.counts.new + report.counts.updated, 0);
  assert.equal(report.counts.unchanged, report.items - report.counts.duplicate);
  assert.equal(report.indexWritten, false);
  assert.deepEqual(await snapshot(root), before);
});

test("every third-party feed ingests or fails with a clear error naming the file", async (t) => {
  if (!requireShared(t, SHARED_FEEDS)) return;
  const { root, report } = await run([SHARED_FEEDS]);
  const failedInputs = report.failures.filter((f) => !f.item).map((f) => path.basename(f.input));
  for (const expected of ["notafeed.html", "unrecognized.rss"]) {
    assert.ok(failedInputs.includes(expected), `${expected} should fail; failures: ${failedInputs.join(", ")}`);
  }
  // saxerror.xml has one unescaped ampersand: the parser recovers, and no item is lost.
  assert.ok(!failedInputs.includes("saxerror.xml"));
  assert.ok(report.warnings.some((w) => path.basename(w.input) === "saxerror.xml" && /not well-formed/.test(w.reason)));
  for (const f of report.failures) assert.ok(f.reason.length > 5, `${f.input}: a reason`);
  // Items written from the good feeds have absolute links.
  const index = await loadIndex(contentPaths(root));
  assert.ok(index.length > 200, `${index.length} items`);
  for (const r of index) if (r.link) assert.match(r.link, /^https?:\/\//, r.path);
  assert.ok(index.some((r) => r.link === "http://example.com/bad?foo=1&bar=2"));
});

async function snapshot(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = (await stat(path.join(e.parentPath, e.name))).mtimeMs;
  }
  return out;
}
