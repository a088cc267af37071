// npm run bench: the performance report. Generates synthetic items, measures each stage in its
// own process (so peak memory is the stage's own), and writes docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_WORK, initContentDir } from "../bench/bench-content.ts";
import { benchReport, imageSection, sizeSection, type BuildFigures, type ImageFigures, type IngestFigures, type SizeFigures } from "../bench/bench-report.ts";
import { generateArchiveItems, generateNightlyItems } from "../bench/generate-items.ts";
import { PROJECT_ROOT } from "../config/paths.ts";

const HELP = `Usage: npm run bench -- [options]

Measures, for each size: ingest items/s, a cold full build, a warm nightly build after 100 new
items, bare Eleventy on the same items, time per stage and peak memory; writes docs/benchmarks.md.

Options:
  --items N,M    sizes to measure (default 1000,10000)
  --large        also measure 50,000 items
  --no-write     print the report, do not write docs/benchmarks.md
  -h, --help     show this help`;

const NIGHTLY = 100;

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000,10000" },
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
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write(`bench: --items must be positive integers\nTry 'bench --help'.\n`);
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
  return JSON.parse(out.trim().split("\n").pop()!) as T;
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
  await rm(work, { recursive: true, force: true });
  const archive = path.join(work, "archive");
  const content = path.join(work, "content");
  const dist = path.join(work, "dist");
  log(`${n}: generating ${n} archived items and ${NIGHTLY} for the next night…`);
  await generateArchiveItems(archive, n, 1);
  const nightly = await generateNightlyItems(path.join(work, "nightly"), n, NIGHTLY, 1);
  await initContentDir(content);
  const ingestArgs = [archive];
  log(`${n}: ingest (cold)…`);
  const ingest = stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...ingestArgs]);
  log(`${n}: ingest (again, nothing changed)…`);
  const ingestAgain = stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...ingestArgs]);
  log(`${n}: cold full build…`);
  const cold = stage<BuildFigures>("scripts/bench/measure-build.ts", [content, dist, "full"]);
  log(`${n}: bare Eleventy…`);
  const bare = stage<SizeFigures["bare"]>("scripts/bench/measure-bare-eleventy.ts", [content, path.join(work, "bare")]);
  log(`${n}: nightly ingest of ${NIGHTLY} items…`);
  const nightlyIngest = stage<IngestFigures>("scripts/bench/measure-ingest.ts", [content, ...nightly]);
  log(`${n}: warm nightly build…`);
  const warm = stage<BuildFigures>("scripts/bench/measure-build.ts", [content, dist, "warm"]);
  return { n, ingest, ingestAgain, cold, nightlyIngest, warm, bare };
}

const load = os.loadavg();
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
if (!values["no-write"]) await writeFile(path.join(PROJECT_ROOT, "docs/benchmarks.md"), benchReport(sections, load));
