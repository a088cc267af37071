import assert from "node:assert/strict";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import type { PreparedItem, SourceInfo } from "../../scripts/ingest/item/build-item.ts";
import type { RawItem } from "../../scripts/ingest/raw-item.ts";
import { ContentStore } from "../../scripts/ingest/store/content-store.ts";
import { loadIndex, rebuildIndex } from "../../scripts/ingest/store/item-index.ts";
import { readAllRawRecords } from "../../scripts/ingest/store/raw-store.ts";
import { parseContentFile } from "../../scripts/ingest/store/content-file.ts";
import { tempDir } from "../helpers/shared.ts";

const source: SourceInfo = { id: "demo", name: "示例通讯社" };
const raw: RawItem = { input: "demo.md", index: 0, format: "archive", categories: [], html: "<p>x</p>", media: [] };
const now = new Date("2024-03-02T00:00:00Z");

function prepared(title: string, rawHash: string, body = "正文第一段。", key = `link:https://example.com/${title}`): PreparedItem {
  return {
    identity: { key, id: `demo-${Buffer.from(key).toString("hex").slice(-12)}` },
    rawHash,
    frontMatter: {
      id: `demo-${Buffer.from(key).toString("hex").slice(-12)}`,
      title,
      date: "2024-02-29T18:30:00.000Z",
      source,
      link: `https://example.com/${encodeURIComponent(title)}`,
      lang: "zh-Hans",
      topics: ["经济"],
      summary: "正文第一段。",
    },
    body,
    notes: [],
  };
}

async function setup() {
  const dir = await tempDir("gazette-store-");
  const paths = contentPaths(dir);
  const open = async (options: Partial<ConstructorParameters<typeof ContentStore>[2]> = {}) =>
    new ContentStore(paths, await loadIndex(paths), { timezone: "Asia/Shanghai", now, ...options });
  return { dir, paths, open };
}

test("a new item is written under the month of the site's time zone, with a pinyin slug", async () => {
  const { dir, open } = await setup();
  const store = await open();
  const result = await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  assert.equal(result.outcome, "new");
  // 2024-02-29T18:30Z is March 1st in Asia/Shanghai.
  assert.equal(result.path, "items/2024/03/yang-xing-xuan-bu-jiang-xi.md");
  const parsed = parseContentFile(await readFile(path.join(dir, result.path), "utf8"));
  assert.equal(parsed.frontMatter.title, "央行宣布降息");
  assert.equal(parsed.body, "正文第一段。");
  const stored = [];
  for await (const record of readAllRawRecords(contentPaths(dir))) stored.push(record);
  assert.deepEqual(stored.map((r) => [r.id, r.rawHash, r.raw.html]), [[parsed.frontMatter.id, "r1", raw.html]]);
});

test("month folders follow the zone to the millisecond, whichever month came first", async () => {
  const { open } = await setup();
  const shanghai = await open();
  const at = (date: string) => shanghai.contentPath(date, "x");
  assert.equal(at("2024-02-29T16:00:00.000Z"), "items/2024/03/x.md");
  assert.equal(at("2024-02-29T15:59:59.999Z"), "items/2024/02/x.md");
  assert.equal(at("2024-02-01T00:00:00+08:00"), "items/2024/02/x.md");
  assert.equal(at("2024-01-31T23:59:59+08:00"), "items/2024/01/x.md");
  assert.equal(at("2024-03-31T16:00:00Z"), "items/2024/04/x.md");
  const kathmandu = await open({ timezone: "Asia/Kathmandu" });
  assert.equal(kathmandu.contentPath("2024-05-31T18:14:59Z", "x"), "items/2024/05/x.md");
  assert.equal(kathmandu.contentPath("2024-05-31T18:15:00Z", "x"), "items/2024/06/x.md");
});

test("ingesting the same item again writes no byte", async () => {
  const { dir, paths, open } = await setup();
  let store = await open();
  await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  const before = await snapshot(dir);
  store = await open();
  const again = await store.store(prepared("央行宣布降息", "r1"), source, raw);
  assert.equal(again.outcome, "unchanged");
  assert.equal(await store.finish(), false);
  assert.deepEqual(await snapshot(dir), before);
  assert.equal((await loadIndex(paths)).length, 1);
});

test("a changed item is updated in place with an updated date; its slug stays", async () => {
  const { dir, open } = await setup();
  let store = await open();
  const first = await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  store = await open();
  const changed = prepared("央行宣布降息（更新）", "r2", "正文已更新。", "link:https://example.com/央行宣布降息");
  const second = await store.store(changed, source, raw);
  await store.finish();
  assert.equal(second.outcome, "updated");
  assert.equal(second.path, first.path);
  const fm = parseContentFile(await readFile(path.join(dir, second.path), "utf8")).frontMatter;
  assert.equal(fm.title, "央行宣布降息（更新）");
  assert.equal(fm.updated, now.toISOString());
});

test("a raw record is appended only for a new or changed raw input, never twice for the same", async () => {
  const { dir, paths, open } = await setup();
  const stored = async () => {
    const out = [];
    for await (const record of readAllRawRecords(paths)) out.push(record.rawHash);
    return out;
  };
  let store = await open();
  await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  // Today's rules give another body from the same raw input: the content file changes, the raw
  // store does not.
  store = await open({ reingest: true });
  assert.equal((await store.store(prepared("央行宣布降息", "r1", "新规则下的正文。"), source, raw)).outcome, "updated");
  await store.finish();
  assert.deepEqual(await readdir(path.join(dir, "_raw")), ["pack-000001.jsonl"]);
  store = await open();
  assert.equal((await store.store(prepared("央行宣布降息", "r2", "更新的正文。"), source, raw)).outcome, "updated");
  await store.finish();
  assert.deepEqual((await readdir(path.join(dir, "_raw"))).sort(), ["pack-000001.jsonl", "pack-000002.jsonl"]);
  assert.deepEqual(await stored(), ["r2"]);
  // A dry run writes no raw record either.
  store = await open({ dryRun: true });
  await store.store(prepared("另一条", "r1"), source, raw);
  await store.finish();
  assert.equal((await readdir(path.join(dir, "_raw"))).length, 2);
});

test("a hand-edited file is kept and reported, unless forced", async () => {
  const { dir, open } = await setup();
  let store = await open();
  const first = await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  const file = path.join(dir, first.path);
  const edited = (await readFile(file, "utf8")).replace("正文第一段。\n", "编辑手工修改的正文。\n");
  await writeFile(file, edited);

  store = await open();
  const kept = await store.store(prepared("央行宣布降息", "r2", "新的正文。"), source, raw);
  await store.finish();
  assert.equal(kept.outcome, "kept");
  assert.match(kept.reason ?? "", /edited by hand/);
  assert.equal(await readFile(file, "utf8"), edited);

  store = await open({ force: true });
  const forced = await store.store(prepared("央行宣布降息", "r2", "新的正文。"), source, raw);
  await store.finish();
  assert.equal(forced.outcome, "updated");
  assert.match(await readFile(file, "utf8"), /新的正文。/);
});

test("a file the index does not know is never overwritten by a new item, unless forced", async () => {
  const { dir, open } = await setup();
  const stray = path.join(dir, "items/2024/03/yang-xing-xuan-bu-jiang-xi.md");
  await mkdir(path.dirname(stray), { recursive: true });
  await writeFile(stray, "left by hand\n");
  let store = await open();
  // Another new item into the same folder first: the folder's listing must still hold the stray file.
  assert.equal((await store.store(prepared("财政部发布报告", "r0"), source, raw)).outcome, "new");
  const kept = await store.store(prepared("央行宣布降息", "r1"), source, raw);
  await store.finish();
  assert.equal(kept.outcome, "kept");
  assert.match(kept.reason ?? "", /a file not in the index exists at items\/2024\/03\/yang-xing-xuan-bu-jiang-xi\.md/);
  assert.equal(await readFile(stray, "utf8"), "left by hand\n");

  store = await open({ force: true });
  assert.equal((await store.store(prepared("央行宣布降息", "r1"), source, raw)).outcome, "new");
  await store.finish();
  assert.match(await readFile(stray, "utf8"), /title: 央行宣布降息/);
});

test("the same item twice in one run is reported as a duplicate", async () => {
  const { open } = await setup();
  const store = await open();
  assert.equal((await store.store(prepared("甲", "r1"), source, raw)).outcome, "new");
  assert.equal((await store.store(prepared("甲", "r9"), source, raw)).outcome, "duplicate");
});

test("colliding slugs stay unique", async () => {
  const { open } = await setup();
  const store = await open();
  const a = await store.store(prepared("油价", "r1", "a", "link:https://example.com/1"), source, raw);
  const b = await store.store(prepared("游戏价", "r1", "b", "link:https://example.com/2"), source, raw);
  const c = await store.store(prepared("有价", "r1", "c", "link:https://example.com/3"), source, raw);
  assert.equal(new Set([a.path, b.path, c.path]).size, 3);
});

test("a dry run writes nothing", async () => {
  const { dir, open } = await setup();
  const store = await open({ dryRun: true });
  assert.equal((await store.store(prepared("甲", "r1"), source, raw)).outcome, "new");
  await store.finish();
  assert.deepEqual(await readdir(dir), []);
});

test("the index can be rebuilt from the content files", async () => {
  const { paths, open } = await setup();
  const store = await open();
  await store.store(prepared("甲", "r1", "a", "link:https://example.com/1"), source, raw);
  await store.store(prepared("乙", "r2", "b", "link:https://example.com/2"), source, raw);
  await store.finish();
  const written = await loadIndex(paths);
  const { records, errors } = await rebuildIndex(paths);
  assert.deepEqual(errors, []);
  assert.deepEqual(records, written);
});

async function snapshot(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const f = path.join(e.parentPath, e.name);
    out[path.relative(dir, f)] = (await stat(f)).mtimeMs;
  }
  return out;
}
