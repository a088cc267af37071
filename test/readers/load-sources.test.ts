import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { countFolderFiles, readSources, type ReadOutcome } from "../../scripts/ingest/load-sources.ts";
import { FIXTURES } from "./locations.ts";
import { tempDirSync } from "../helpers/shared.ts";

async function collect(sources: string[], opts?: { maxBytes?: number }): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const o of readSources(sources, opts)) out.push(o);
  return out;
}

const opml = path.join(FIXTURES, "opml/list.opml");
const alpha = path.join(FIXTURES, "opml/feeds/alpha.xml");
const beta = path.join(FIXTURES, "opml/feeds/beta.atom");

test("an OPML list expands into its feeds, each its own input, loops read once", async () => {
  const outcomes = await collect([opml]);
  assert.deepEqual(outcomes.map((o) => o.input), [alpha, beta], "list.opml names itself and loop.opml, which names it back");
  const [a, b] = outcomes.map((o) => ("items" in o ? o.items : assert.fail(JSON.stringify(o))));
  assert.deepEqual(a.map((i) => i.link), ["https://alpha.example.org/one", "https://alpha.example.org/two"]);
  assert.deepEqual(a.map((i) => i.index), [0, 1]);
  assert.equal(b[0].link, "https://beta.example.org/posts/1");
  assert.equal(b[0].format, "atom");
  assert.equal(a[0].assetBase, pathToFileURL(alpha).href);
});

test("a folder is read recursively in sorted order, dotfiles and dot-folders skipped", async () => {
  const tree = path.join(FIXTURES, "tree");
  const outcomes = await collect([tree]);
  assert.deepEqual(
    outcomes.map((o) => path.relative(tree, o.input)),
    ["a-feed.rss", path.join("sub", "b-feed.json"), path.join("sub", "deeper", "c-item.md")],
  );
  assert.deepEqual(outcomes.map((o) => ("items" in o ? o.items[0].format : o.error)), ["rss", "jsonfeed", "archive"]);
  const archived = outcomes[2];
  assert.ok("items" in archived && archived.items[0].assetBase === pathToFileURL(path.join(tree, "sub/deeper/c-item.md")).href);
});

test("the files of the folders among the inputs are counted before any is read", async () => {
  const tree = path.join(FIXTURES, "tree");
  // Three files below the tree (dotfiles skipped); files and URLs named on their own count nothing.
  assert.equal(await countFolderFiles([tree, alpha, "https://example.org/feed.xml"], 100), 3);
  assert.equal(await countFolderFiles([tree, path.dirname(alpha)], 100), 5);
  assert.equal(await countFolderFiles([tree, path.dirname(alpha)], 2), 3, "no folder is listed once the limit is reached");
  assert.equal(await countFolderFiles([path.join(tree, "missing"), { file: alpha, url: "https://example.org/a" }], 100), 0);
});

test("the same input given twice is read once", async () => {
  const outcomes = await collect([alpha, alpha, path.dirname(alpha)]);
  assert.deepEqual(outcomes.map((o) => o.input), [alpha, beta]);
});

test("bad inputs yield an error naming them and the run goes on", async () => {
  const dir = tempDirSync("gazette-readers-");
  try {
    const files = {
      "empty.xml": "",
      "page.html": "<!DOCTYPE html><html><body><p>hello</p></body></html>",
      "binary.rss": Buffer.from([0x3c, 0x72, 0x73, 0x73, 0, 0, 0xff, 0x00]),
      "other.xml": '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      "notes.txt": "just a line of text",
      "broken.opml": "<opml><body><outline",
      "big.xml": `<rss><channel>${"x".repeat(5000)}</channel></rss>`,
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
    const outcomes = await collect([dir, path.join(dir, "missing.xml"), "ftp://example.org/feed.xml", alpha], { maxBytes: 4096 });
    const errors = Object.fromEntries(outcomes.filter((o) => "error" in o).map((o) => [path.basename(o.input), (o as { error: string }).error]));
    assert.match(errors["empty.xml"], /not a feed: the input is empty/);
    assert.match(errors["page.html"], /not a feed: looks like an HTML page/);
    assert.match(errors["binary.rss"], /binary/);
    assert.match(errors["other.xml"], /not a feed: unknown XML document <svg>/);
    assert.match(errors["notes.txt"], /not a feed: unrecognised text/);
    assert.match(errors["broken.opml"], /not a valid OPML list/);
    assert.match(errors["big.xml"], /over the 4096-byte limit/);
    assert.match(errors["missing.xml"], /cannot read: ENOENT/);
    assert.match(errors["feed.xml"], /unsupported URL scheme/);
    assert.ok(outcomes.at(-1) && "items" in outcomes.at(-1)!, "the good input after the bad ones is still read");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
