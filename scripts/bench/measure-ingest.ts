// One benchmark stage in its own process, so its peak memory is its own:
// ingest the given inputs into a fresh content dir and print {items, ms, maxRssMiB} as JSON.
import { contentPaths } from "../config/paths.ts";
import { ingest } from "../ingest/ingest.ts";

const [contentDir, ...inputs] = process.argv.slice(2);
const report = await ingest({
  paths: contentPaths(contentDir),
  inputs: inputs.map((location) => ({ location, sourceId: "bench" })),
  timezone: "Asia/Shanghai",
});
process.stdout.write(
  `${JSON.stringify({
    items: report.items,
    new: report.counts.new,
    failed: report.counts.failed,
    ms: report.durationMs,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
