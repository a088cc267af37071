// The yardstick: the project's own Eleventy, no layouts and a minimal config, rendering the same
// items as plain Markdown pages. Prints {ms, cpuMs, pages, maxRssMiB} as JSON; preparing the
// pages is not timed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { contentPaths } from "../config/paths.ts";
import { parseContentFile } from "../ingest/store/content-file.ts";

const [contentDir, workDir] = process.argv.slice(2);
const paths = contentPaths(contentDir);
const input = path.join(workDir, "input");
const output = path.join(workDir, "output");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(input, { recursive: true });
const records = JSON.parse(readFileSync(paths.itemIndex, "utf8")) as { path: string; title: string; slug: string }[];
for (const [i, record] of records.entries()) {
  const { body } = parseContentFile(readFileSync(path.join(paths.root, record.path), "utf8"));
  writeFileSync(path.join(input, `${i}-${record.slug}.md`), `---\ntitle: ${JSON.stringify(record.title)}\n---\n# ${record.title}\n\n${body}`);
}
const config = path.join(workDir, "bare.config.mjs");
// bench-work/ is git-ignored, and Eleventy skips git-ignored files unless told otherwise.
writeFileSync(config, "export default function (c) { c.setUseGitIgnore(false); return { markdownTemplateEngine: false }; }\n");

const start = performance.now();
const cpuStart = process.cpuUsage();
const [, written] = (await new Eleventy(input, output, { configPath: config, quietMode: true }).write()) as [unknown, unknown[]];
const ms = Math.round(performance.now() - start);
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000), pages: written.length, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
