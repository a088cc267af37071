// Publishing: the swap keeps one previous build, and older builds are deleted in the background.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { publish, publishDirs } from "../../scripts/digest/publish.ts";
import { discardTree } from "../../scripts/site/build/discard-tree.ts";
import { tempDirSync } from "../helpers/shared.ts";

const root = tempDirSync("gazette-publish-");
after(() => rmSync(root, { recursive: true, force: true }));

/** Waits until `done()` holds; fails after `ms`. */
async function eventually(done: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) assert.fail("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function makeTree(dir: string, marker: string, files = 50): void {
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `d${i % 7}`, `e${i % 3}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${i}.html`), marker);
  }
  writeFileSync(path.join(dir, "marker.txt"), marker);
}

test("discardTree removes a tree after it returns, in another process", async () => {
  const dir = path.join(root, "discard-me");
  makeTree(dir, "old", 400);
  discardTree(dir);
  await eventually(() => !existsSync(dir));
});

test("publish keeps the previous build and deletes the one before it", async () => {
  const dirs = publishDirs(path.join(root, "site", "dist"));
  for (const build of ["first", "second", "third"]) {
    makeTree(dirs.next, build);
    await publish(dirs);
    assert.equal(readFileSync(path.join(dirs.live, "marker.txt"), "utf8"), build);
    assert.ok(!existsSync(dirs.next));
  }
  assert.equal(readFileSync(path.join(dirs.previous, "marker.txt"), "utf8"), "second");
  const siblings = () => readdirSync(path.dirname(dirs.live)).sort();
  await eventually(() => siblings().length === 2);
  assert.deepEqual(siblings(), ["dist", "dist.previous"]);
});
