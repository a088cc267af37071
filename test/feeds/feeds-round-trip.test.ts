// Our own feeds read back by our own ingest: /feed.xml and /atom.xml yield the items the site
// shows (titles, our article links with the original links in the text, dates, topics).
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, it } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import { ingest } from "../../scripts/ingest/ingest.ts";
import { parseContentFile } from "../../scripts/ingest/store/content-file.ts";
import { loadIndex } from "../../scripts/ingest/store/item-index.ts";
import { buildSiteModel } from "../../scripts/site/site-model.ts";
import { absoluteUrl } from "../../scripts/site/relative-url.ts";
import { parseSiteConfig } from "../../scripts/site/site-config.ts";
import { feedLine } from "../../scripts/site/feeds/feed-text.ts";
import { tempDir } from "../helpers/shared.ts";
import { buildFeedFixture, type BuiltFeedSite } from "./helpers/feed-fixture.ts";

let site: BuiltFeedSite;
before(async () => {
  site = await buildFeedFixture();
});
after(() => rmSync(site.root, { recursive: true, force: true }));

for (const [feed, precisionMs] of [["feed.xml", 1000], ["atom.xml", 1]] as const) {
  it(`ingests our own /${feed} into the items the site shows`, async () => {
    const data = path.join(site.contentDir, "_data");
    const siteConfig = parseSiteConfig(JSON.parse(readFileSync(path.join(data, "site.json"), "utf8")));
    const model = buildSiteModel(JSON.parse(readFileSync(path.join(data, "itemIndex.json"), "utf8")), siteConfig);
    const byUrl = new Map(model.items.map((i) => [absoluteUrl(i.url, siteConfig), i]));

    const root = await tempDir("gazette-roundtrip-");
    try {
      const paths = contentPaths(root);
      const report = await ingest({ paths, inputs: [{ location: path.join(site.dist, feed) }], timezone: siteConfig.timezone, workers: 0 });
      assert.deepEqual(report.failures, []);
      const records = await loadIndex(paths);
      // Every item with a page (the crafted item whose content file is gone has none).
      assert.equal(records.length, model.items.length - 1);
      for (const record of records) {
        const shown = byUrl.get(record.link ?? "");
        assert.ok(shown, `${record.link} is one of our article URLs`);
        assert.equal(record.title, feedLine(shown.title));
        assert.equal(Math.floor(Date.parse(record.date) / precisionMs), Math.floor(Date.parse(shown.date) / precisionMs), record.title);
        assert.deepEqual(new Set(record.topics), new Set(shown.topics.map((t) => t.name)), record.title);
        if (shown.link) {
          const { body } = parseContentFile(readFileSync(path.join(root, record.path), "utf8"));
          assert.ok(body.includes(shown.link), `${record.title}: the original link ${shown.link} comes along`);
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
