// Raw inputs kept beside the content (content/_raw/, out of Eleventy's sight), so that
// `--reingest` can rebuild every content file with today's cleaning rules.
//
// Each ingest appends its records, one JSON line each, to a pack of its own (`pack-000042.jsonl`,
// numbered in order). One file per item cost the ingest a file creation and a rename per item,
// which at 10,000 items took 0.5 to 3 s of kernel time on the thread that stores; appending to one
// file takes about 0.2 s. A later record of an item supersedes an earlier one; once packs pile up,
// the ingest compacts them into one (after the index is saved: a failed compaction loses nothing;
// and never while another ingest may still be appending to its pack).
// Raw records written before packs (`<id>.json`) are still read.
//
// Crash safety: a record is appended before its content file is written, so a content file never
// exists without the raw input that rebuilds it. A run killed mid-line leaves a broken last line,
// which readers skip: its content file was never written, and the next run sees the item as new.
import { appendFileSync, closeSync, createReadStream, existsSync, openSync, readdirSync } from "node:fs";
import { link, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { ContentPaths } from "../../config/paths.ts";
import type { SourceInfo } from "../item/build-item.ts";
import type { RawItem } from "../raw-item.ts";
import { makeDirOnce } from "./atomic-write.ts";

export interface RawRecord {
  id: string;
  key: string;
  rawHash: string;
  source: SourceInfo;
  raw: RawItem;
}

const PACK = /^pack-(\d{6,})\.jsonl$/;
const LEGACY = /^[^.].*\.json$/;
const LEFTOVER = /^\.pack-\d{6,}\.jsonl\.\d+\.tmp$/;
/** More packs than this (a nightly ingest adds one) and the store is compacted into one. */
export const MAX_PACKS = 32;

/** Appends one ingest run's raw records to a new pack, opened on the first record. */
export class RawStoreWriter {
  private fd: number | undefined;
  /** The pack this run appended to (its file name), once it has appended a record. */
  pack: string | undefined;

  constructor(private readonly paths: ContentPaths) {}

  append(record: RawRecord): void {
    if (this.fd === undefined) this.open();
    appendFileSync(this.fd!, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): void {
    makeDirOnce(this.paths.raw);
    // "wx": another run that took the same number a moment ago makes this one take the next.
    for (let n = nextPackNumber(this.paths); ; n++) {
      const file = path.join(this.paths.raw, packName(n));
      try {
        this.fd = openSync(file, "wx");
        this.pack = path.basename(file);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
    }
  }
}

/** Every item's latest raw record: newest pack first, then the per-item files of old stores. */
export async function* readAllRawRecords(paths: ContentPaths): AsyncGenerator<RawRecord> {
  const { packs, legacy } = await listStore(paths);
  const seen = new Set<string>();
  for (const pack of [...packs].reverse()) {
    // A pack holds each item once (an ingest stores an item once), so newest-first is enough.
    for await (const record of readPack(path.join(paths.raw, pack))) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      yield record;
    }
  }
  for (const name of legacy) {
    const record = parseRecord(await readFile(path.join(paths.raw, name), "utf8"));
    if (record && !seen.has(record.id)) {
      seen.add(record.id);
      yield record;
    }
  }
}

/** The identity key and raw hash of every stored item, by id: what rebuilding the index needs. */
export async function readRawFacts(paths: ContentPaths): Promise<Map<string, { key: string; rawHash: string }>> {
  const facts = new Map<string, { key: string; rawHash: string }>();
  for await (const record of readAllRawRecords(paths)) facts.set(record.id, { key: record.key, rawHash: record.rawHash });
  return facts;
}

/** Another ingest may still be appending to a pack written to this recently: no compaction then. */
export const BUSY_PACK_MS = 10 * 60_000;

/**
 * Compacts the store when more than MAX_PACKS packs (and older per-item files) have piled up, and
 * no pack but this run's own (`ownPack`) changed in the last BUSY_PACK_MS: a compaction must never
 * remove a pack another ingest (a hand-run one during the nightly digest) is still appending to.
 */
export async function compactIfCrowded(paths: ContentPaths, ownPack: string, now = Date.now()): Promise<boolean> {
  const { packs, count } = await listStore(paths);
  if (count <= MAX_PACKS) return false;
  for (const pack of packs) {
    if (pack !== ownPack && now - (await stat(path.join(paths.raw, pack))).mtimeMs < BUSY_PACK_MS) return false;
  }
  return compactRawStore(paths);
}

/**
 * Rewrites every item's latest record into one pack (write, then link into place), then removes
 * the old files; false if it gave up. Killed before the link, it leaves a temporary file the next
 * compaction removes; after it, the old packs only hold records the new one supersedes.
 */
export async function compactRawStore(paths: ContentPaths): Promise<boolean> {
  const { packs, legacy, leftovers } = await listStore(paths);
  const number = packs.length ? packNumber(packs[packs.length - 1]) + 1 : 1;
  const tmp = path.join(paths.raw, `.${packName(number)}.${process.pid}.tmp`);
  const fd = openSync(tmp, "w");
  try {
    for await (const record of readAllRawRecords(paths)) appendFileSync(fd, `${JSON.stringify(record)}\n`);
  } catch (err) {
    closeSync(fd);
    await rm(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  // A link, not a rename: if an ingest took this number meanwhile, its newer records must stay
  // the newest, so the compaction gives up (the next one tries again) instead of replacing them.
  try {
    await link(tmp, path.join(paths.raw, packName(number)));
  } catch (err) {
    await rm(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  await rm(tmp, { force: true });
  for (const name of [...packs, ...legacy, ...leftovers]) await rm(path.join(paths.raw, name), { force: true });
  return true;
}

async function* readPack(file: string): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    const record = parseRecord(line);
    if (record) yield record;
  }
}

/** A record, or undefined for a broken line (the tail of a killed run) or anything else. */
function parseRecord(text: string): RawRecord | undefined {
  if (!text.trim()) return undefined;
  try {
    const record = JSON.parse(text) as RawRecord;
    return typeof record?.id === "string" && record.raw ? record : undefined;
  } catch {
    return undefined;
  }
}

interface StoreListing {
  packs: string[];
  legacy: string[];
  /** Temporary files of compactions that were killed. */
  leftovers: string[];
  count: number;
}

async function listStore(paths: ContentPaths): Promise<StoreListing> {
  if (!existsSync(paths.raw)) return { packs: [], legacy: [], leftovers: [], count: 0 };
  const names = await readdir(paths.raw);
  const packs = names.filter((n) => PACK.test(n)).sort((a, b) => packNumber(a) - packNumber(b));
  const legacy = names.filter((n) => LEGACY.test(n)).sort();
  const leftovers = names.filter((n) => LEFTOVER.test(n));
  return { packs, legacy, leftovers, count: packs.length + legacy.length };
}

function nextPackNumber(paths: ContentPaths): number {
  // Synchronous on purpose: it runs once per ingest, on the first record stored.
  const names = existsSync(paths.raw) ? readdirSync(paths.raw) : [];
  return names.reduce((max, n) => (PACK.test(n) ? Math.max(max, packNumber(n)) : max), 0) + 1;
}

function packNumber(name: string): number {
  return Number(PACK.exec(name)?.[1] ?? 0);
}

function packName(n: number): string {
  return `pack-${String(n).padStart(6, "0")}.jsonl`;
}
