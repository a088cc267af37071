// npm run bench: the performance report. Generates synthetic items, measures each stage in its
// own process (so peak memory is the stage's own), and writes docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_WORK, initContentDir } from "../bench/bench-content.ts";
import { cpuProbeMs } from "../bench/cpu-probe.ts";
import { benchReport, imageSection, sizeSection, type BuildFigures, type ImageFigures, type IngestFigures, type SizeFigures } from "../bench/bench-report.ts";
import { generateArchiveItems, generateNightlyItems } from "../bench/generate-items.ts";
import { PROJECT_ROOT } from "../config/paths.ts";
import { discardTree } from "../site/build/discard-tree.ts";

const HELP = `Usage: npm run bench -- [options]

Measures, for each size: ingest items/s, a cold full build, a warm nightly build after 100 new
items, bare Eleventy on the same items, time per stage and peak memory; writes docs/benchmarks.md.

Options:
  --items N,M    sizes to measure (default 1000,10000)
  --runs N       cold ingest, cold build and bare Eleventy run N times below 50,000 items, and
                 the median run is reported (default 3; 50,000 items run once)
  --large        also measure 50,000 items
  --no-write     print the report, do not write docs/benchmarks.md
  -h, --help     show this help`;

const NIGHTLY = 100;

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    large: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const sizes = values.items.split(",").map(Number);
if (values.large) sizes.push(50_000);
const runs = Number(values.runs);
if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`bench: --items and --runs must be positive integers\nTry 'bench --help'.\n`);
  process.exit(2);
}

function stage<T>(script: string, args: string[]): T {
  settleDisk();
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The stage's figures are its one JSON line; Eleventy's summary lines ("[11ty] Wrote ...") share
  // stdout, and a worker thread's may come after it.
  const figures = out.split("\n").findLast((line) => line.startsWith("{"));
  if (!figures) throw new Error(`bench: ${script} printed no figures`);
  return JSON.parse(figures) as T;
}

/**
 * Where trees the bench is done with wait until it ends. Deleting them before the next stage
 * would bill that stage for the deletion: ext4 passes over an inode it freed in the last minutes
 * when it makes a new file (measured: a cold 10,000-item build right after deleting the last
 * build's output took 2 s more kernel time, and 0.7 to 1 s more wall time). A nightly build never makes
 * its files minutes after deleting as many.
 */
const TRASH = path.join(BENCH_WORK, "trash");

/** Moves `dir` (if there) into the trash, out of the way of the next stage. */
function setAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(dir, path.join(TRASH, `${path.basename(dir)}-${process.pid}-${Date.now()}`));
}

/**
 * Flushes pending writes before a stage, so that the writeback of what the last stage wrote (or
 * deleted) is not billed to the next one. Where there is no `sync` command, stages just run.
 */
function settleDisk(): void {
  try {
    execFileSync("sync", { stdio: "ignore" });
  } catch {
    // No sync on this system: figures may then carry some of the previous stage's writeback.
  }
}

/** Photographs for the images figures: enough to time, few enough to keep the bench short. */
const IMAGE_COUNT = 30;

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function measureSize(n: number): Promise<SizeFigures> {
  const work = path.join(BENCH_WORK, `run-${n}`);
  setAside(work);
  const archive = path.join(work, "archive");
  const content = path.join(work, "content");
  const dist = path.join(work, "dist");
  log(`${n}: generating ${n} archived items and ${NIGHTLY} for the next night…`);
  await generateArchiveItems(archive, n, 1);
  const nightly = await generateNightlyItems(path.join(work, "nightly"), n, NIGHTLY, 1);
  const ingestArgs = [archive];
  // This machine's speed drifts by 10-20% from one minute to the next: the figures that decide the
  // targets are the median of several runs, each from scratch (the last run's output stays).
  const repeats = n >= 50_000 ? 1 : runs;
  const ingest = await repeated(repeats, `${n}: ingest (cold)`, async () => {
    setAside(content);
    await initContentDir(content);
    return stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...ingestArgs]);
  });
  log(`${n}: ingest (again, nothing changed)…`);
  const ingestAgain = stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...ingestArgs]);
  const cold = await repeated(repeats, `${n}: cold full build`, async () => {
    setAside(dist);
    return stage<BuildFigures>("scripts/bench/measure-build.ts", [content, dist, "full"]);
  });
  const bare = await repeated(repeats, `${n}: bare Eleventy`, async () => {
    setAside(path.join(work, "bare"));
    return stage<SizeFigures["bare"]>("scripts/bench/measure-bare-eleventy.ts", [content, path.join(work, "bare")]);
  });
  log(`${n}: nightly ingest of ${NIGHTLY} items…`);
  const nightlyIngest = stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...nightly]);
  log(`${n}: warm nightly build…`);
  const warm = stage<BuildFigures>("scripts/bench/measure-build.ts", [content, dist, "warm"]);
  return { n, ingest, ingestAgain, cold, nightlyIngest, warm, bare };
}

/**
 * The run of median time among `count` runs, with the highest peak memory of them all, and every
 * run's time. The runs go one after the other; the last one's output is what later stages use.
 */
async function repeated<T extends { ms: number; maxRssMiB: number }>(count: number, label: string, run: () => Promise<T>): Promise<T & { runsMs: number[] }> {
  const results: T[] = [];
  for (let i = 1; i <= count; i++) {
    log(`${label}${count > 1 ? ` (run ${i} of ${count})` : ""}…`);
    results.push(await run());
  }
  const median = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
  return { ...median, maxRssMiB: Math.max(...results.map((r) => r.maxRssMiB)), runsMs: results.map((r) => r.ms) };
}

// A bench that stopped half way left its trash: gone before anything is timed.
rmSync(TRASH, { recursive: true, force: true });
const load = os.loadavg();
const probeBefore = cpuProbeMs();
const sections: string[] = [];
for (const n of sizes) {
  const figures = await measureSize(n);
  sections.push(sizeSection(figures));
  process.stdout.write(`${sizeSection(figures)}\n`);
}
log(`images: ${IMAGE_COUNT} generated photographs, cold then warm…`);
const images = imageSection(stage<ImageFigures>("scripts/bench/measure-images.ts", [path.join(BENCH_WORK, "images"), String(IMAGE_COUNT)]));
sections.push(images);
process.stdout.write(`${images}\n`);
const probe = { before: probeBefore, after: cpuProbeMs() };
log(`CPU probe: ${probe.before} ms before, ${probe.after} ms after`);
if (!values["no-write"]) await writeFile(path.join(PROJECT_ROOT, "docs/benchmarks.md"), benchReport(sections, load, runs, probe));
if (existsSync(TRASH)) discardTree(TRASH);
