import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths, type ContentPaths } from "../../scripts/config/paths.ts";
import { ingest } from "../../scripts/ingest/ingest.ts";
import { loadIndex } from "../../scripts/ingest/store/item-index.ts";
import { BUSY_PACK_MS, compactIfCrowded, MAX_PACKS, RawStoreWriter, readAllRawRecords, readRawFacts, type RawRecord } from "../../scripts/ingest/store/raw-store.ts";
import { tempDir } from "../helpers/shared.ts";

function record(id: string, rawHash: string, html = `<p>${id} ${rawHash}</p>`): RawRecord {
  return {
    id,
    key: `link:https://example.com/${id}`,
    rawHash,
    source: { id: "demo", name: "示例" },
    raw: { input: `${id}.md`, index: 0, format: "archive", categories: [], html, media: [] },
  };
}

async function readAll(paths: ContentPaths): Promise<Map<string, RawRecord>> {
  const out = new Map<string, RawRecord>();
  for await (const r of readAllRawRecords(paths)) {
    assert.ok(!out.has(r.id), `${r.id} read twice`);
    out.set(r.id, r);
  }
  return out;
}

/**
 * One ingest's raw records, then the compaction check the ingest makes once the index is saved.
 * The packs of earlier runs are made to look a day old, as a nightly ingest's are.
 */
async function run(paths: ContentPaths, records: RawRecord[]): Promise<void> {
  ageEveryPack(paths);
  const writer = new RawStoreWriter(paths);
  for (const r of records) writer.append(r);
  writer.close();
  if (writer.pack) await compactIfCrowded(paths, writer.pack);
}

function ageEveryPack(paths: ContentPaths): void {
  if (!existsSync(paths.raw)) return;
  const dayAgo = new Date(Date.now() - 86_400_000);
  for (const name of readdirSync(paths.raw)) if (name.startsWith("pack-")) utimesSync(path.join(paths.raw, name), dayAgo, dayAgo);
}

test("each ingest appends to a pack of its own; the latest record of an item wins", async () => {
  const paths = contentPaths(await tempDir("gazette-raw-"));
  await run(paths, [record("a", "1"), record("b", "1", "<p>乙：第一版</p>")]);
  await run(paths, [record("b", "2", "<p>乙：第二版</p>"), record("c", "1")]);
  await run(paths, []);
  assert.deepEqual((await readdir(paths.raw)).sort(), ["pack-000001.jsonl", "pack-000002.jsonl"]);
  const all = await readAll(paths);
  assert.deepEqual([...all.keys()].sort(), ["a", "b", "c"]);
  assert.equal(all.get("b")!.rawHash, "2");
  assert.equal(all.get("b")!.raw.html, "<p>乙：第二版</p>");
  const facts = await readRawFacts(paths);
  assert.deepEqual(facts.get("b"), { key: "link:https://example.com/b", rawHash: "2" });
});

test("a broken last line (a killed run) is skipped, and the records before it are read", async () => {
  const paths = contentPaths(await tempDir("gazette-raw-"));
  await run(paths, [record("a", "1"), record("b", "1")]);
  const pack = path.join(paths.raw, "pack-000001.jsonl");
  appendFileSync(pack, JSON.stringify(record("c", "1")).slice(0, 40));
  const all = await readAll(paths);
  assert.deepEqual([...all.keys()].sort(), ["a", "b"]);
  // The next run takes the next number and its records read whole.
  await run(paths, [record("c", "1")]);
  assert.deepEqual([...(await readAll(paths)).keys()].sort(), ["a", "b", "c"]);
});

test("per-item files of an older store are read, and a pack record supersedes them", async () => {
  const paths = contentPaths(await tempDir("gazette-raw-"));
  mkdirSync(paths.raw, { recursive: true });
  writeFileSync(path.join(paths.raw, "a.json"), `${JSON.stringify(record("a", "old"))}\n`);
  writeFileSync(path.join(paths.raw, "z.json"), `${JSON.stringify(record("z", "old"))}\n`);
  writeFileSync(path.join(paths.raw, ".a.json.123-0-1.tmp"), "{");
  await run(paths, [record("a", "new")]);
  const all = await readAll(paths);
  assert.equal(all.get("a")!.rawHash, "new");
  assert.equal(all.get("z")!.rawHash, "old");
  assert.equal(all.size, 2);
});

test("once packs pile up, they are compacted into one that holds every item's latest record", async () => {
  const paths = contentPaths(await tempDir("gazette-raw-"));
  mkdirSync(paths.raw, { recursive: true });
  writeFileSync(path.join(paths.raw, "legacy.json"), `${JSON.stringify(record("legacy", "1"))}\n`);
  // What a compaction killed before it linked its pack into place leaves behind.
  writeFileSync(path.join(paths.raw, ".pack-000009.jsonl.4242.tmp"), `${JSON.stringify(record("daily", "stale"))}\n`);
  for (let night = 1; night <= MAX_PACKS; night++) {
    await run(paths, [record(`item-${night}`, "1"), record("daily", String(night))]);
    // The legacy file counts as one more: the packs and it pass MAX_PACKS on the last night.
    if (night < MAX_PACKS) assert.ok(existsSync(path.join(paths.raw, "legacy.json")), `compacted too early, at night ${night}`);
  }
  const names = await readdir(paths.raw);
  assert.deepEqual(names, [`pack-${String(MAX_PACKS + 1).padStart(6, "0")}.jsonl`]);
  const all = await readAll(paths);
  assert.equal(all.size, MAX_PACKS + 2);
  assert.equal(all.get("daily")!.rawHash, String(MAX_PACKS));
  assert.equal(all.get("legacy")!.rawHash, "1");
  assert.equal(all.get("item-7")!.raw.html, "<p>item-7 1</p>");
  // The numbering goes on after the compacted pack.
  await run(paths, [record("late", "1")]);
  assert.ok(existsSync(path.join(paths.raw, `pack-${String(MAX_PACKS + 2).padStart(6, "0")}.jsonl`)));
});

test("no compaction while another ingest may still be appending to a recent pack", async () => {
  const paths = contentPaths(await tempDir("gazette-raw-"));
  for (let night = 1; night < MAX_PACKS; night++) await run(paths, [record(`item-${night}`, "1")]);
  // A hand-run ingest opened its pack a minute ago and is still writing it.
  const busy = new RawStoreWriter(paths);
  busy.append(record("busy-1", "1"));
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path.join(paths.raw, busy.pack!), minuteAgo, minuteAgo);
  const own = new RawStoreWriter(paths);
  own.append(record("own", "1"));
  own.close();
  assert.equal(await compactIfCrowded(paths, own.pack!), false);
  busy.append(record("busy-2", "1"));
  busy.close();
  assert.equal((await readAll(paths)).size, MAX_PACKS + 2);
  // Once it is done and old, the next ingest compacts as usual.
  assert.equal(await compactIfCrowded(paths, own.pack!, Date.now() + BUSY_PACK_MS), true);
  assert.equal((await readdir(paths.raw)).length, 1);
  assert.equal((await readAll(paths)).size, MAX_PACKS + 2);
});

test("an ingest whose raw-store compaction fails still saves its index, and warns", async () => {
  const work = await tempDir("gazette-raw-ingest-");
  const paths = contentPaths(path.join(work, "content"));
  for (let night = 1; night <= MAX_PACKS; night++) {
    const writer = new RawStoreWriter(paths);
    writer.append(record(`old-${night}`, "1"));
    writer.close();
  }
  ageEveryPack(paths);
  // The compaction's temporary file cannot be made: a folder holds its name.
  mkdirSync(path.join(paths.raw, `.pack-${String(MAX_PACKS + 2).padStart(6, "0")}.jsonl.${process.pid}.tmp`));
  const input = path.join(work, "item.md");
  writeFileSync(input, `<!--1700000000000-->\n[港口恢复通航](https://news.example.org/a/1)\n------\n\n<p>港口在周二恢复通航，船只陆续离港。</p>\n`);
  const report = await ingest({ paths, inputs: [{ location: input }], timezone: "Asia/Shanghai", workers: 0 });
  assert.equal(report.counts.new, 1);
  assert.ok(report.indexWritten);
  assert.equal((await loadIndex(paths)).length, 1);
  assert.ok(report.warnings.some((w) => w.input === paths.raw && /raw store not compacted/.test(w.reason)), JSON.stringify(report.warnings));
  // Nothing was lost: every record is still read, the new item's among them.
  const all = await readAll(paths);
  assert.equal(all.size, MAX_PACKS + 1);
});
