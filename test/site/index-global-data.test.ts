// The item index reaches templates as Eleventy global data (`itemIndex`) without Eleventy parsing
// the file again: the build hands over the records its state read, and only while the file is
// unchanged. Other JSON data files are read as Eleventy reads them.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { LAYOUTS_DIR } from "../../scripts/site/eleventy-setup.ts";
import { SiteState } from "../../scripts/site/site-state.ts";
import { build, generatedSite } from "../incremental/helpers/generated-site.ts";

test("templates read the item index, and other JSON data files, as global data", async () => {
  const site = await generatedSite(6);
  const data = path.join(site.contentDir, "_data");
  writeFileSync(path.join(data, "desk.json"), '\n{ "editor": "林晓" }\n');
  writeFileSync(path.join(data, "blank.json"), "  \n");
  writeFileSync(
    path.join(site.contentDir, "index-check.njk"),
    '---\nlayout: false\npermalink: /index-check.txt\n---\n{{ itemIndex.length }}|{{ itemIndex[0].id }}|{{ itemIndex[5].title }}|{{ desk.editor }}|{{ blank | dump }}',
  );
  const records = JSON.parse(readFileSync(path.join(data, "itemIndex.json"), "utf8")) as { id: string; title: string }[];
  const out = path.join(site.root, "dist");
  await build(site, out, false);
  assert.equal(readFileSync(path.join(out, "index-check.txt"), "utf8"), `6|${records[0].id}|${records[5].title}|林晓|{}`);
});

test("the state hands over its records only while the index file is the one it read", async () => {
  const site = await generatedSite(3);
  const state = new SiteState(site.contentDir, path.join(LAYOUTS_DIR, "assets"));
  await state.load({ warn: false });
  const file = state.paths.itemIndex;
  const records = state.indexAsRead(file);
  assert.deepEqual(records, JSON.parse(readFileSync(file, "utf8")));
  assert.equal(state.indexAsRead(path.relative(process.cwd(), file)), records, "a relative path names the same file");
  assert.equal(state.indexAsRead(path.join(path.dirname(file), "site.json")), undefined);

  // Rewritten with one record less (an edit after the state was loaded): the file must be read.
  writeFileSync(file, JSON.stringify((records ?? []).slice(1)));
  assert.equal(state.indexAsRead(file), undefined);
  await state.load({ warn: false });
  assert.equal(state.indexAsRead(file)?.length, 2);
});
