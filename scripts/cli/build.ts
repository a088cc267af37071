// `npm run build`: content/ → dist/ (Eleventy, search index; atomic swap).
// `npm start` (= --serve): build once, then Eleventy's dev server with live reload on dist/.
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../config/paths.ts";
import { buildSite, type BuildResult } from "../site/build-site.ts";
import { ELEVENTY_CONFIG } from "../site/build/run-eleventy.ts";
import type { EleventyUserConfig } from "../site/eleventy-setup.ts";

const HELP = `Usage: npm run build -- [options]    (npm start = build, then serve with live reload)

  --content-dir DIR   content to render (default: content)
  --output DIR        where the site goes (default: dist); replaced only when the build succeeds
  --serve             after building, serve the output and rebuild on changes
  --port N            dev server port (default 8080)
  --quiet             print only the summary
  --help              this text
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "content-dir": { type: "string", default: path.join(PROJECT_ROOT, "content") },
      output: { type: "string", default: path.join(PROJECT_ROOT, "dist") },
      serve: { type: "boolean", default: false },
      port: { type: "string", default: "8080" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const contentDir = path.resolve(values["content-dir"]);
  const outputDir = path.resolve(values.output);
  const started = performance.now();
  const result = await buildSite({ contentDir, outputDir, quiet: values.quiet });
  printSummary(result, performance.now() - started);
  if (values.serve) {
    // The dev server re-renders with Eleventy only, from the layouts as written (edits show on
    // reload, uncompacted); the search index stays from the build above.
    const eleventy = new Eleventy(contentDir, outputDir, {
      configPath: ELEVENTY_CONFIG,
      quietMode: values.quiet,
      runMode: "serve",
      config: (config: Pick<EleventyUserConfig, "gazette">) => {
        config.gazette = { sourceLayouts: true };
      },
    });
    await eleventy.init();
    await eleventy.watch();
    await eleventy.serve(Number(values.port));
  }
  return 0;
}

function printSummary(result: BuildResult, totalMs: number): void {
  const lines = [`Wrote ${result.pages} pages to ${path.relative(process.cwd(), result.outputDir) || "."}`];
  for (const stage of result.stages) lines.push(`  ${stage.name.padEnd(13)} ${(stage.ms / 1000).toFixed(2)} s`);
  const s = result.search;
  const memory = s.pagefindPeakRssMb === undefined ? "" : `, pagefind peak ${s.pagefindPeakRssMb} MB`;
  const bundles = `${s.bundles} bundle${s.bundles === 1 ? "" : "s"}, ${s.bundles - s.indexed} kept`;
  lines.push(`  search: ${s.records} records (${s.mode}; ${bundles})${memory}`);
  for (const error of s.errors) lines.push(`  search warning: ${error}`);
  lines.push(`  total         ${(totalMs / 1000).toFixed(2)} s`);
  process.stdout.write(lines.join("\n") + "\n");
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
