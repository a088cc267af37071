// npm run digest: the nightly job (fetch, ingest, build, check, publish), or --rollback.
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../config/paths.ts";
import { publishDirs, rollback } from "../digest/publish.ts";
import { DigestUsageError, runDigest } from "../digest/run-digest.ts";
import { formatRunReport } from "../digest/run-report.ts";
import { LockedError } from "../digest/run-lock.ts";
import { progressBar } from "./progress.ts";
import { exitOnUsageError, UsageError } from "./usage-error.ts";

const HELP = `Usage: npm run digest -- [options]

The nightly job: fetch every source in content/_data/feeds.json (conditional GET, retries),
ingest what came, build the site beside dist/, check it, and publish it by atomic swap. The
previous build is kept for --rollback. One feed or item failing never stops the others.

Options:
  --only ID          only this source (repeatable, or comma-separated ids)
  --no-fetch         skip fetch and ingest; rebuild and publish from the content as it is
  --dry-run          fetch and report what would change; write nothing
  --rollback         put the previous build back (run again to undo)
  --content-dir DIR  content folder (default: content)
  --output DIR       published site (default: dist; dist.previous/ holds the previous build)
  --cache-dir DIR    fetch state, run lock and reports (default: .cache)
  --json             print the run report as JSON
  --quiet            print nothing but errors
  -h, --help         show this help

Exit codes: 0 all well; 3 published, but some feeds or items failed (the summary names them);
1 nothing published (the previous site stays); 2 usage error; 75 another run holds the lock.`;

const EXIT_LOCKED = 75;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      "no-fetch": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      rollback: { type: "boolean", default: false },
      "content-dir": { type: "string", default: path.join(PROJECT_ROOT, "content") },
      output: { type: "string", default: path.join(PROJECT_ROOT, "dist") },
      "cache-dir": { type: "string", default: path.join(PROJECT_ROOT, ".cache") },
      json: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.rollback) {
    if (values["dry-run"] || values["no-fetch"] || values.only) throw new UsageError("--rollback takes no other run options");
    await rollback(publishDirs(values.output));
    if (!values.quiet) process.stdout.write(`rolled back: the previous build of ${values.output} is live again\n`);
    return 0;
  }
  const only = values.only?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const progress = progressBar("ingest", values.quiet || values.json);
  let report;
  try {
    report = await runDigest({
      contentDir: values["content-dir"],
      outputDir: values.output,
      cacheDir: values["cache-dir"],
      dryRun: values["dry-run"],
      noFetch: values["no-fetch"],
      only,
      onProgress: (_stage, done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!values.quiet) process.stdout.write(`${formatRunReport(report)}\n`);
  else if (report.exitCode !== 0) process.stderr.write(`${formatRunReport(report)}\n`);
  return report.exitCode ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof LockedError) {
      process.stderr.write(`digest: ${err.message}\n`);
      process.exit(EXIT_LOCKED);
    }
    if (err instanceof DigestUsageError) err = new UsageError(err.message);
    try {
      exitOnUsageError(err, "digest");
    } catch (e) {
      process.stderr.write(`digest: nothing published: ${(e as Error).message}\n`);
      process.exit(1);
    }
  },
);
