// npm run digest: the nightly job. Ingest every configured source, then build and publish.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadFeedsConfig, sourceLocation } from "../config/feeds.ts";
import { contentPaths, PROJECT_ROOT } from "../config/paths.ts";
import { ingest } from "../ingest/ingest.ts";
import { formatReport } from "../ingest/report.ts";
import { buildSite } from "../site/build-site.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import { progressBar } from "./progress.ts";
import { exitOnUsageError } from "./usage-error.ts";

const HELP = `Usage: npm run digest -- [options]

The nightly job: ingest every source in content/_data/feeds.json, then build the site into dist/
(built beside it and swapped in only when the build succeeded).

Options:
  --content-dir DIR  content folder (default: content)
  --output DIR       site output (default: dist)
  --no-fetch         skip the ingest; rebuild the site from the content as it is
  --quiet            print only errors
  -h, --help         show this help

Exit codes: 0 all well; 3 published, but some feeds or items failed; 1 nothing published; 2 usage error.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "content-dir": { type: "string", default: path.join(PROJECT_ROOT, "content") },
      output: { type: "string", default: path.join(PROJECT_ROOT, "dist") },
      "no-fetch": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const paths = contentPaths(values["content-dir"]);
  const site = loadSiteConfig(paths.siteConfig);
  let failures = 0;
  if (!values["no-fetch"]) {
    const sources = await loadFeedsConfig(paths.feedsConfig);
    const progress = progressBar("ingest", values.quiet);
    const report = await ingest({
      paths,
      timezone: site.timezone,
      inputs: sources.map((s) => ({ location: sourceLocation(s), source: { id: s.id, name: s.name, lang: s.lang, topics: s.topics } })),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    failures = report.failures.length;
    if (!values.quiet) process.stdout.write(`${formatReport(report)}\n`);
  }
  const result = await buildSite({ contentDir: paths.root, outputDir: values.output, quiet: true });
  if (!values.quiet) {
    const stages = result.stages.map((s) => `${s.name} ${(s.ms / 1000).toFixed(2)} s`).join(", ");
    process.stdout.write(`build: ${result.pages} pages into ${path.relative(process.cwd(), result.outputDir) || "."} (${stages})\n`);
  }
  return failures > 0 ? 3 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    try {
      exitOnUsageError(err, "digest");
    } catch (e) {
      process.stderr.write(`digest: nothing published: ${(e as Error).message}\n`);
      process.exit(1);
    }
  },
);
