// npm run ingest -- [options] SOURCE...
import path from "node:path";
import { parseArgs } from "node:util";
import { loadFeedsConfig, sourceLocation } from "../config/feeds.ts";
import { contentPaths } from "../config/paths.ts";
import { ingest, type IngestInput } from "../ingest/ingest.ts";
import { formatReport } from "../ingest/report.ts";
import { rebuildIndex, saveIndex } from "../ingest/store/item-index.ts";
import { loadSiteConfig } from "../site/site-config.ts";
import { progressBar } from "./progress.ts";
import { exitOnUsageError, UsageError } from "./usage-error.ts";

const HELP = `Usage: npm run ingest -- [options] [SOURCE...]

Turns raw feed items into content files (content/items/YYYY/MM/<slug>.md) and keeps the item
index current. A SOURCE is a file, a folder (read recursively) or an http(s) URL; the format
(archived item, RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed, OPML) is detected from the content.
With no SOURCE, every source in content/_data/feeds.json is ingested.

Options:
  --content-dir DIR  content folder (default: content)
  --source ID        source id for these inputs (default: derived from the feed or link host)
  --reingest         rebuild every stored item from its kept raw input with today's rules
  --rebuild-index    rebuild the item index from the content files, then exit
  --force            overwrite content files that were edited by hand
  --dry-run          report what would change; write nothing
  --json             print the report as JSON
  --quiet            no progress bar, no summary (errors still go to stderr)
  -h, --help         show this help

Exit codes: 0 every item handled, 3 some inputs or items failed (the rest were written),
2 usage error.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "content-dir": { type: "string", default: "content" },
      source: { type: "string" },
      reingest: { type: "boolean", default: false },
      "rebuild-index": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.source !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(values.source)) {
    throw new UsageError(`--source must be lowercase ASCII letters, digits and - (got "${values.source}")`);
  }
  const paths = contentPaths(values["content-dir"]);

  if (values["rebuild-index"]) {
    const { records, errors } = await rebuildIndex(paths);
    for (const e of errors) process.stderr.write(`rebuild-index: ${e}\n`);
    if (!values["dry-run"]) await saveIndex(paths, records);
    if (!values.quiet) process.stdout.write(`item index: ${records.length} records from ${paths.items}\n`);
    return errors.length ? 3 : 0;
  }

  const inputs: IngestInput[] = positionals.length
    ? positionals.map((location) => ({ location: /^https?:\/\//i.test(location) ? location : path.resolve(location), sourceId: values.source }))
    : values.reingest
      ? []
      : (await loadFeedsConfig(paths.feedsConfig)).map((s) => ({
          location: sourceLocation(s),
          source: { id: s.id, name: s.name, lang: s.lang, topics: s.topics },
        }));

  const site = loadSiteConfig(paths.siteConfig);
  const progress = progressBar("ingest", values.quiet || values.json);
  const report = await ingest({
    paths,
    inputs,
    timezone: site.timezone,
    force: values.force,
    dryRun: values["dry-run"],
    reingest: values.reingest,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.stop();

  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!values.quiet) process.stdout.write(`${formatReport(report)}\n`);
  else for (const f of report.failures) process.stderr.write(`failed: ${f.input}${f.item ? ` [${f.item}]` : ""}: ${f.reason}\n`);
  return report.failures.length > 0 ? 3 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    try {
      exitOnUsageError(err, "ingest");
    } catch (e) {
      process.stderr.write(`ingest: ${(e as Error).message}\n`);
      process.exit(1);
    }
  },
);
