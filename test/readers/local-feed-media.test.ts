// A feed read from a local file names its images beside it (the bundled samples do): relative
// media paths resolve to those files, so the offline sample digest shows its own pictures.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../scripts/config/paths.ts";
import { readSources } from "../../scripts/ingest/load-sources.ts";

test("relative media:content and enclosure paths of a local feed resolve beside the file", async () => {
  const feed = path.join(PROJECT_ROOT, "samples/feeds/wire.rss");
  const outcomes = [];
  for await (const outcome of readSources([feed])) outcomes.push(outcome);
  assert.equal(outcomes.length, 1);
  const outcome = outcomes[0];
  assert.ok("items" in outcome, JSON.stringify(outcome));
  const media = outcome.items.flatMap((item) => item.media);
  assert.ok(media.length >= 4);
  for (const m of media) {
    assert.match(m.url, /^file:\/\//);
    assert.equal(path.dirname(fileURLToPath(m.url)), path.join(PROJECT_ROOT, "samples/images"));
  }
  // Links stay on the web: only media resolve against the file.
  assert.ok(outcome.items.every((item) => item.link?.startsWith("https://wire.example.com/")));
});

test("a feed fetched from the web keeps resolving media against its own URL", async () => {
  const { readText } = await import("../../scripts/ingest/readers/index.ts");
  const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://news.example.org/</link>
<item><title>a</title><link>https://news.example.org/a</link><media:content url="../img/a.jpg" type="image/jpeg"/></item></channel></rss>`;
  const result = readText(xml, "https://news.example.org/feeds/rss.xml", { baseUrl: "https://news.example.org/feeds/rss.xml" });
  assert.equal(result.kind, "items");
  if (result.kind === "items") assert.match(result.items[0].media[0].url, /^https:\/\/news\.example\.org\//);
});
