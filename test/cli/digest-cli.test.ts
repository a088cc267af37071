// The digest command as a scheduler runs it: help, usage errors, and a dry run that writes nothing.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/shared.ts";

const digestCli = (args: string[]) => runCli("digest", args);

test("--help lists the options and the exit codes", async () => {
  const { code, stdout } = await digestCli(["--help"]);
  assert.equal(code, 0);
  for (const text of ["--only", "--no-fetch", "--dry-run", "--rollback", "--json", "--quiet", "Exit codes"]) assert.match(stdout, new RegExp(text));
});

test("--only with an unknown source is a usage error: exit 2", async () => {
  const { code, stderr } = await digestCli(["--only", "no-such-source", "--dry-run"]);
  assert.equal(code, 2);
  assert.match(stderr, /no-such-source/);
});

test("--dry-run reports what would change and writes nothing", async () => {
  const root = await tempDir("gazette-digest-cli-");
  const content = path.join(root, "content");
  const inputs = path.join(root, "inputs");
  await mkdir(path.join(content, "_data"), { recursive: true });
  await mkdir(inputs);
  await copyFile(contentPaths().siteConfig, path.join(content, "_data", "site.json"));
  await writeFile(path.join(content, "_data", "feeds.json"), JSON.stringify([{ id: "town", name: "Town news", path: inputs }]));
  await writeFile(path.join(inputs, "a.md"), `<!--1732400000000-->\n[渡口新增夜班船](https://news.example.org/ferry/1)\n------\n\n<p>渡口本周起新增两班夜船。</p>\n`);
  const { code, stdout } = await digestCli(["--dry-run", "--json", "--content-dir", content, "--output", path.join(root, "dist"), "--cache-dir", path.join(root, ".cache")]);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.dryRun, true);
  assert.equal(report.feeds[0].counts.new, 1);
  assert.equal(report.published, false);
  assert.deepEqual((await readdir(root)).sort(), ["content", "inputs"]);
  assert.ok(!existsSync(path.join(content, "items")));
});
