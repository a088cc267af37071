// The feed modules without Eleventy: safe text, the XML writer, and the whole feed set of the
// fixture content under a sub-path (pathPrefix), with the real site state and image catalog.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import { ImageCatalog } from "../../scripts/images/image-catalog.ts";
import { LAYOUTS_DIR } from "../../scripts/site/eleventy-setup.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { feedAlternates } from "../../scripts/site/feeds/alternates.ts";
import { entryBuilder } from "../../scripts/site/feeds/feed-entries.ts";
import { catalogImageUrls } from "../../scripts/site/feeds/feed-images.ts";
import { feedLine, feedSafe } from "../../scripts/site/feeds/feed-text.ts";
import type { FeedDocument } from "../../scripts/site/feeds/feed-set.ts";
import { siteFeedDocuments } from "../../scripts/site/feeds/register-feeds.ts";
import { el, renderXmlDocument } from "../../scripts/site/feeds/xml-writer.ts";
import { SiteState } from "../../scripts/site/site-state.ts";
import { writeFeedFixture } from "./helpers/feed-fixture.ts";
import { xmlProblems } from "./helpers/xml-check.ts";
import { tempDirSync } from "../helpers/shared.ts";

describe("feed text and XML", () => {
  it("drops characters XML forbids and keeps CJK, emoji and tabs", () => {
    assert.equal(feedSafe("a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\u0085g"), "abcdefg");
    assert.equal(feedSafe("中文 🪁\tx\ny"), "中文 🪁\tx\ny");
    assert.equal(feedLine("  标题\u0007\n  第二行 "), "标题 第二行");
  });

  it("escapes text and attributes in one place, so ]]> and & stay text", () => {
    const xml = renderXmlDocument(el("root", { a: `"<&>'` }, el("t", {}, "x ]]> & <y> \u0008z")), { stylesheet: "s.xsl?a=1&b=2" });
    assert.deepEqual(xmlProblems(xml), []);
    assert.match(xml, /<t>x \]\]&gt; &amp; &lt;y&gt; z<\/t>/);
    assert.match(xml, /a="&quot;&lt;&amp;&gt;&apos;"/);
    assert.match(xml, /href="s\.xsl\?a=1&amp;b=2"/);
  });
});

describe("feeds under a sub-path", () => {
  let root: string;
  let docs: Map<string, string>;
  let state: SiteState;

  before(async () => {
    root = tempDirSync("gazette-feedset-");
    writeFeedFixture(root, { pathPrefix: "/digest/", feedItems: 2 });
    state = new SiteState(root, path.join(LAYOUTS_DIR, "assets"));
    await state.load();
    const catalog = new ImageCatalog();
    catalog.load(state.site);
    const list: FeedDocument[] = await siteFeedDocuments(state, catalogImageUrls(catalog, () => state.site));
    docs = new Map(list.map((d) => [d.path, d.body]));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("puts the prefix in every link, self link and id, and keeps the stylesheet relative", () => {
    const rss = docs.get("/topics/russia/feed.xml") as string;
    assert.match(rss, /<\?xml-stylesheet type="text\/xsl" href="\.\.\/\.\.\/assets\/feed\.xsl"\?>/);
    const feed = parseFeed(rss);
    assert.equal(feed.self, "https://digest.example.com/digest/topics/russia/feed.xml");
    assert.equal(feed.url, "https://digest.example.com/digest/topics/russia/");
    for (const item of feed.items) {
      assert.match(item.url ?? "", /^https:\/\/digest\.example\.com\/digest\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
      assert.match(item.id ?? "", /^tag:digest\.example\.com,2024:\/digest\/item\//);
    }
    const $ = cheerio.load(rss, { xml: true });
    assert.ok($("category").toArray().every((c) => ($(c).attr("domain") ?? "").startsWith("https://digest.example.com/digest/topics/")));
  });

  it("holds at most feedItems entries in every feed, and one OPML", () => {
    for (const [docPath, body] of docs) {
      if (docPath.endsWith(".opml")) continue;
      const count = docPath.endsWith(".json") ? JSON.parse(body).items.length : parseFeed(body).items.length;
      assert.ok(count >= 1 && count <= 2, `${docPath}: ${count} entries`);
    }
    assert.equal([...docs.keys()].filter((p) => p.endsWith(".opml")).length, 1);
  });

  it("gives the digest each entry's head: the full entry's fields, for items with a page only", () => {
    const context = { site: state.site, contentRoot: state.paths.root, md: markdownRenderer(), imageUrl: () => undefined, fullText: () => true };
    const entryOf = entryBuilder(context);
    // A builder of its own, so that head() cannot answer from an entry it has built.
    const heads = entryBuilder(context);
    let withPage = 0;
    let without = 0;
    for (const item of state.model.items) {
      const full = entryOf(item);
      const head = heads.head(item);
      if (!full) {
        assert.equal(head, undefined, `${item.path} has no content file`);
        without++;
        continue;
      }
      withPage++;
      assert.deepEqual(head, { url: full.url, title: full.title, summary: full.summary, published: full.published, updated: full.updated });
    }
    assert.ok(withPage > 0 && without > 0, `${withPage} items with a page, ${without} without`);
  });

  it("lists a topic's own feeds first on its page, then the site's and the digest's", () => {
    const state = { title: "T & <S>", lang: "en" } as Parameters<typeof feedAlternates>[0];
    const links = feedAlternates(state, "topic", { context: { name: "俄罗斯", path: "/topics/russia/" } });
    assert.deepEqual(links.map((l) => l.path), ["/topics/russia/feed.xml", "/topics/russia/atom.xml", "/topics/russia/feed.json", "/feed.xml", "/atom.xml", "/feed.json", "/digest.xml", "/digest.json"]);
    assert.equal(links[0].title, "俄罗斯 · T & <S> (RSS)");
    assert.equal(feedAlternates(state, "article", undefined).length, 5);
  });
});
