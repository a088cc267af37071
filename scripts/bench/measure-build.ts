// One benchmark stage in its own process: build the site (`full` or `warm`) and print, as JSON,
// its time per stage, the CPU time of all its threads, pages written, output size and the
// process's peak memory.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../site/build-site.ts";

const [contentDir, outputDir, mode] = process.argv.slice(2);
const start = performance.now();
const cpuStart = process.cpuUsage();
const result = await buildSite({ contentDir, outputDir, quiet: true, incremental: mode !== "full" });
const ms = Math.round(performance.now() - start);
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({
    ms,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mode: result.incremental.mode,
    rendered: result.incremental.rendered,
    kept: result.incremental.kept,
    pages: result.pages,
    items: result.items,
    stages: Object.fromEntries([...result.stages.map((s) => [s.name, s.ms]), ["images", result.images.ms], ["plan", result.incremental.planMs]]),
    distBytes: treeBytes(outputDir),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);

function treeBytes(dir: string): number {
  let total = 0;
  const seen = new Set<number>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const stat = statSync(path.join(entry.parentPath, entry.name));
    if (!seen.has(stat.ino)) total += stat.size;
    seen.add(stat.ino);
  }
  return total;
}
