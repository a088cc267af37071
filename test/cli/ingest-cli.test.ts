// The ingest command as a person runs it: help, usage errors, exit codes, the JSON report,
// dry runs, and --reingest rebuilding content from the kept raw inputs.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/shared.ts";

const ingestCli = (args: string[]) => runCli("ingest", args);

async function workspace() {
  const root = await tempDir("gazette-cli-");
  const content = path.join(root, "content");
  const inputs = path.join(root, "inputs");
  await mkdir(path.join(content, "_data"), { recursive: true });
  await mkdir(inputs);
  await copyFile(contentPaths().siteConfig, path.join(content, "_data", "site.json"));
  await writeFile(
    path.join(inputs, "one.md"),
    `<!--1732400000000-->\n[图书馆延长开放时间](https://news.example.org/lib/1)\n------\n\n<p>市立图书馆宣布，自下月起每晚延长开放两小时。</p>\n`,
  );
  return { root, content, inputs };
}

test("--help describes every option and exits 0", async () => {
  const { code, stdout } = await ingestCli(["--help"]);
  assert.equal(code, 0);
  for (const option of ["--content-dir", "--source", "--reingest", "--force", "--dry-run", "--json", "--quiet"]) assert.match(stdout, new RegExp(option));
});

test("an unknown option is a usage error: exit 2", async () => {
  const { code, stderr } = await ingestCli(["--no-such-option"]);
  assert.equal(code, 2);
  assert.match(stderr, /--help/);
});

test("a failed input exits 3 and the JSON report names it; the good item is written", async () => {
  const { content, inputs } = await workspace();
  await writeFile(path.join(inputs, "broken.html"), "<html><body>not a feed</body></html>");
  const { code, stdout } = await ingestCli(["--content-dir", content, "--json", inputs]);
  assert.equal(code, 3);
  const report = JSON.parse(stdout);
  assert.equal(report.counts.new, 1);
  assert.equal(report.failures.length, 1);
  assert.match(report.failures[0].input, /broken\.html$/);
  assert.match(report.failures[0].reason, /HTML page/);
});

test("--dry-run reports new items and writes nothing", async () => {
  const { content, inputs } = await workspace();
  const { code, stdout } = await ingestCli(["--content-dir", content, "--dry-run", inputs]);
  assert.equal(code, 0);
  assert.match(stdout, /new 1/);
  assert.deepEqual(await readdir(content), ["_data"]);
  assert.deepEqual(await readdir(path.join(content, "_data")), ["site.json"]);
});

test("--reingest rebuilds content files from the kept raw inputs, without the sources", async () => {
  const { content, inputs } = await workspace();
  assert.equal((await ingestCli(["--content-dir", content, "--quiet", "--source", "city", inputs])).code, 0);
  const index = JSON.parse(await readFile(contentPaths(content).itemIndex, "utf8"));
  const file = path.join(content, index[0].path);
  const original = await readFile(file, "utf8");
  assert.match(original, /source:\n {2}id: city/);
  await rm(inputs, { recursive: true });
  await rm(file);
  const { code, stdout } = await ingestCli(["--content-dir", content, "--reingest"]);
  assert.equal(code, 0, stdout);
  assert.ok(existsSync(file));
  assert.equal(await readFile(file, "utf8"), original);
});
