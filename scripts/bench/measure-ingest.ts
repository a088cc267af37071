// One benchmark stage in its own process, so its peak memory is its own:
// ingest the given inputs into a fresh content dir and print {items, ms, cpuMs, maxRssMiB} as JSON
// (cpuMs: user and system time of all the process's threads during the ingest).
import { contentPaths } from "../config/paths.ts";
import { ingest } from "../ingest/ingest.ts";

const [contentDir, ...inputs] = process.argv.slice(2);
const cpuStart = process.cpuUsage();
const report = await ingest({
  paths: contentPaths(contentDir),
  inputs: inputs.map((location) => ({ location, sourceId: "bench" })),
  timezone: "Asia/Shanghai",
});
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({
    items: report.items,
    new: report.counts.new,
    failed: report.counts.failed,
    ms: report.durationMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
