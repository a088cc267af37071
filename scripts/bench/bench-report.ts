// The figures of one bench run turned into docs/benchmarks.md: machine, date, and a table per size.
import os from "node:os";

export interface IngestFigures {
  items: number;
  ms: number;
  /** User and system CPU time of the stage's process, all threads. */
  cpuMs: number;
  maxRssMiB: number;
  failed: number;
}

export interface BuildFigures {
  ms: number;
  cpuMs: number;
  mode: string;
  rendered: number;
  kept: number;
  pages: number;
  items: number;
  stages: Record<string, number>;
  distBytes: number;
  maxRssMiB: number;
}

/** Every run's time, when the stage ran more than once and its median run is reported. */
interface Runs {
  runsMs?: number[];
}

export interface SizeFigures {
  n: number;
  ingest: IngestFigures & Runs;
  ingestAgain: IngestFigures;
  cold: BuildFigures & Runs;
  nightlyIngest: IngestFigures;
  warm: BuildFigures;
  bare: { ms: number; cpuMs: number; pages: number; maxRssMiB: number } & Runs;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (m: number) => `${Math.round(m)} MiB`;
const rate = (r: IngestFigures) => Math.round((r.items / Math.max(1, r.ms)) * 1000);
const met = (ok: boolean) => (ok ? "met" : "**not met**");

export function sizeSection(f: SizeFigures): string {
  const stage = (b: BuildFigures, name: string) => s(b.stages[name] ?? 0);
  const coldRatio = f.cold.ms / f.bare.ms;
  const warmRatio = f.warm.ms / f.cold.ms;
  const peak = Math.max(f.cold.maxRssMiB, f.warm.maxRssMiB, f.ingest.maxRssMiB);
  return `## ${f.n.toLocaleString("en")} items

| stage | time | CPU | items/s | pages written | eleventy | search index | images | dist size | peak memory |
|---|---|---|---|---|---|---|---|---|---|
| ingest, cold | ${s(f.ingest.ms)} | ${s(f.ingest.cpuMs)} | ${rate(f.ingest)} | | | | | | ${mib(f.ingest.maxRssMiB)} |
| ingest, unchanged rerun | ${s(f.ingestAgain.ms)} | ${s(f.ingestAgain.cpuMs)} | ${rate(f.ingestAgain)} | | | | | | ${mib(f.ingestAgain.maxRssMiB)} |
| cold full build | ${s(f.cold.ms)} | ${s(f.cold.cpuMs)} | | ${f.cold.pages} (${f.cold.rendered} rendered) | ${stage(f.cold, "eleventy")} | ${stage(f.cold, "search index")} | ${stage(f.cold, "images")} | ${mib(f.cold.distBytes / 1048576)} | ${mib(f.cold.maxRssMiB)} |
| nightly ingest (+100) | ${s(f.nightlyIngest.ms)} | ${s(f.nightlyIngest.cpuMs)} | ${rate(f.nightlyIngest)} | | | | | | ${mib(f.nightlyIngest.maxRssMiB)} |
| warm nightly build (+100) | ${s(f.warm.ms)} | ${s(f.warm.cpuMs)} | | ${f.warm.pages} (${f.warm.rendered} rendered, ${f.warm.kept} kept; ${f.warm.mode}) | ${stage(f.warm, "eleventy")} | ${stage(f.warm, "search index")} | ${stage(f.warm, "images")} | ${mib(f.warm.distBytes / 1048576)} | ${mib(f.warm.maxRssMiB)} |
| bare Eleventy, same items as plain Markdown | ${s(f.bare.ms)} | ${s(f.bare.cpuMs)} | | ${f.bare.pages} | | | | | ${mib(f.bare.maxRssMiB)} |

- Cold build / bare Eleventy: **${coldRatio.toFixed(2)}x** (${target(f.n, "at most 2.0x", coldRatio <= 2)}).
- Warm nightly / cold build: **${warmRatio.toFixed(2)}x** (${target(f.n, "at most 0.25x", warmRatio <= 0.25)}).
- Peak memory of any stage: ${mib(peak)} (${memoryTarget(f.n, peak)}).
- Ingest: ${rate(f.ingest)} items/s (${target(f.n, "at least 1,000", rate(f.ingest) >= 1000)}), ${mib(f.ingest.maxRssMiB)} (${target(f.n, "under 500 MiB", f.ingest.maxRssMiB < 500)}).
${runsLine(f)}`;
}

/** The issues set their targets at 10,000 items: other sizes show the figure beside the target, unjudged. */
const TARGET_SIZE = 10_000;

function target(n: number, text: string, ok: boolean): string {
  return n === TARGET_SIZE ? `target ${text}: ${met(ok)}` : `target ${text} at ${TARGET_SIZE.toLocaleString("en")} items`;
}

/** Peak memory has a target at 10,000 items (1.5 GiB) and one at 50,000 (4 GiB). */
function memoryTarget(n: number, peak: number): string {
  if (n === TARGET_SIZE) return `target at most 1536 MiB: ${met(peak <= 1536)}`;
  if (n === 50_000) return `target at most 4096 MiB: ${met(peak <= 4096)}`;
  return "targets at most 1536 MiB at 10,000 items and 4096 MiB at 50,000";
}

/** "Median of 3 runs (s): ..." for the stages that ran more than once; their peak memory is the highest run's. */
function runsLine(f: SizeFigures): string {
  const parts = (
    [
      ["cold ingest", f.ingest.runsMs],
      ["cold build", f.cold.runsMs],
      ["bare Eleventy", f.bare.runsMs],
    ] as const
  ).filter(([, runs]) => runs && runs.length > 1);
  if (!parts.length) return "";
  const count = parts[0][1]!.length;
  const list = parts.map(([name, runs]) => `${name} ${runs!.map((ms) => (ms / 1000).toFixed(1)).join(", ")}`).join("; ");
  return `- Median of ${count} runs, each from scratch (seconds, in order: ${list}); peak memory is the highest run's.\n`;
}

export function benchReport(sections: string[], load: number[], runs = 1, probe?: { before: number; after: number }): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const probeLine = probe
    ? `\nA fixed CPU probe (\`scripts/bench/cpu-probe.ts\`, single-threaded) took ${probe.before} ms before the
stages and ${probe.after} ms after: compare it across runs before comparing their figures.`
    : "";
  return `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average when it started
${load.map((l) => l.toFixed(1)).join(", ")} (other work on the machine slows every figure).${probeLine}

Items are generated by \`scripts/bench/generate-items.ts\` (realistic Chinese text, 1-3 topics,
bylines, 30% with galleries; their images are on remote example hosts and never fetched). Each
stage runs in its own process; peak memory is that process's maximum resident set size, and CPU
is the user and system time of all its threads over the stage, not counting the Pagefind
process a build starts (on 2 cores a stage can use at most twice its time). A
build writes a staging folder beside \`dist/\` and swaps it in; the tree it replaces is deleted
afterwards by a detached process, outside the timed build. The warm nightly build ingests 100
new items onto the archive, then builds onto the cold build's output, hard-linking every page
whose render key did not change. The trees a stage replaces (the last run's content, output and
bare Eleventy pages) are moved aside and deleted when the bench ends: ext4 is slower to make
files minutes after deleting as many, which a nightly build never meets.${
    runs > 1
      ? `
Below 50,000 items the cold ingest, the cold full build and bare Eleventy each run ${runs} times from
scratch, one after the other, and the table shows the median run (this machine's speed drifts by
10-20% from one minute to the next); each size lists every run's time under its table.`
      : ""
  }

A cold build renders its listing pages and feeds in one Eleventy run while a worker thread
renders the articles in runs of 2,500; both threads then share the runs left, with a full garbage
collection before each run. Peak memory counts both threads. There is no minify stage: the
layouts are minified once (and cached), so pages come out compact. The search index is built in
a worker thread from the start of the build; its column is the time from its start until the
build saw it finish.

The targets are set at 10,000 items, and one more at 50,000 (a build within 4 GiB). The other
sizes show each figure beside its target without judging it: at 1,000 items the fixed costs
(starting processes and threads, compiling) weigh far more.

${sections.join("\n")}`;
}

export interface ImageFigures {
  images: number;
  cold: { ms: number; encoded: number; reused: number; failed: number };
  warm: { ms: number; encoded: number; reused: number; failed: number };
  maxRssMiB: number;
}

/** The images stage on generated local photographs: cold encoding, then a warm rebuild. */
export function imageSection(f: ImageFigures): string {
  const perSecond = (f.images / (f.cold.ms / 1000)).toFixed(2);
  return `## Images (${f.images} generated 1600 px photographs)

| run | time | images/s | derivatives encoded | reused | peak memory |
|---|---|---|---|---|---|
| cold | ${(f.cold.ms / 1000).toFixed(1)} s | ${perSecond} | ${f.cold.encoded} | ${f.cold.reused} | ${Math.round(f.maxRssMiB)} MiB |
| warm rebuild | ${(f.warm.ms / 1000).toFixed(2)} s | | ${f.warm.encoded} | ${f.warm.reused} | |
`;
}
