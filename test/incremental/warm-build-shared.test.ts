// What every page shares (layouts, assets, build code, site config) is in the global render key:
// when it changes, the next build renders everything, and still equals a cold build.
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { LAYOUTS_DIR } from "../../scripts/site/eleventy-setup.ts";
import { MANIFEST_NAME } from "../../scripts/site/build/build-manifest.ts";
import { globalRenderKey } from "../../scripts/site/build/render-keys.ts";
import { SiteState } from "../../scripts/site/site-state.ts";
import { build, dayPages, generatedSite, treeDifferences, type GeneratedSite } from "./helpers/generated-site.ts";

let site: GeneratedSite;
let dist: string;

before(async () => {
  site = await generatedSite(20);
  dist = path.join(site.root, "dist");
  await build(site, dist);
});

test("a changed layout changes the global key, and a changed global key means a full build equal to a cold one", async () => {
  const state = new SiteState(site.contentDir, path.join(LAYOUTS_DIR, "assets"));
  await state.load();
  const layouts = path.join(site.root, "layouts-copy");
  cpSync(LAYOUTS_DIR, layouts, { recursive: true });
  const keyBefore = globalRenderKey(state, {}, [layouts]);
  assert.equal(globalRenderKey(state, {}, [layouts]), keyBefore);
  writeFileSync(path.join(layouts, "article.njk"), `${readFileSync(path.join(layouts, "article.njk"), "utf8")}\n<p>changed</p>\n`);
  assert.notEqual(globalRenderKey(state, {}, [layouts]), keyBefore);

  // The real layouts are not ours to edit here: stand in for their change in the previous manifest.
  const manifestFile = path.join(dist, MANIFEST_NAME);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { globalKey: string };
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, globalKey: "layouts-of-yesterday" }));
  const warm = await build(site, dist);
  assert.equal(warm.incremental.mode, "full");
  assert.equal(warm.incremental.kept, 0);
  const cold = path.join(site.root, "cold-layout");
  await build(site, cold, false);
  assert.deepEqual(treeDifferences(cold, dist), []);
});

test("global data a layout names is in the key; data only listing pages use is not", async () => {
  const state = new SiteState(site.contentDir, path.join(LAYOUTS_DIR, "assets"));
  await state.load();
  // base.njk names `site`, no layout names `digestStatusOfTest`.
  assert.notEqual(globalRenderKey(state, { site: 1 }), globalRenderKey(state, { site: 2 }));
  assert.equal(globalRenderKey(state, { digestStatusOfTest: 1 }), globalRenderKey(state, { digestStatusOfTest: 2 }));
});

test("after the site config changes, the build renders every page and equals a cold build", async () => {
  const siteJson = path.join(site.contentDir, "_data/site.json");
  const config = JSON.parse(readFileSync(siteJson, "utf8")) as Record<string, unknown>;
  writeFileSync(siteJson, JSON.stringify({ ...config, title: "改过名字的摘要" }, null, 2));
  const warm = await build(site, dist);
  assert.equal(warm.incremental.mode, "full");
  assert.equal(warm.incremental.kept, 0);
  const cold = path.join(site.root, "cold-config");
  await build(site, cold, false);
  assert.deepEqual(treeDifferences(cold, dist), []);
  const manifest = JSON.parse(readFileSync(path.join(dist, MANIFEST_NAME), "utf8")) as { pages: Record<string, string> };
  const article = Object.keys(manifest.pages)[0];
  assert.match(readFileSync(path.join(dist, article, "index.html"), "utf8"), /改过名字的摘要/);
  // The next build with nothing changed is incremental again.
  const again = await build(site, dist);
  assert.equal(again.incremental.mode, "incremental");
  assert.equal(again.incremental.kept, 20 + dayPages(dist).length);
});
