// The feeds of a built fixture site (plus crafted hostile items), checked as a feed reader and a
// validator would: well-formed, parsed by an independent library, JSON Feed schema, dates, ids,
// links that resolve, absolute URLs only, summary-only sources, OPML, autodiscovery, XSL.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import * as cheerio from "cheerio";
import { parseOpml } from "feedsmith";
import { DateTime } from "luxon";
import { fixtureItems } from "../fixtures/site/fixture-items.ts";
import { brokenInternalRefs } from "../site/helpers/site-links.ts";
import { buildFeedFixture, CONTROL_TITLE, craftedItems, SUMMARY_ONLY_MARK, type BuiltFeedSite } from "./helpers/feed-fixture.ts";
import { xmlProblems } from "./helpers/xml-check.ts";

const SITE_URL = "https://digest.example.com/";
const SCHEMA: object = JSON.parse(readFileSync(path.join(import.meta.dirname, "jsonfeed-1.1.schema.json"), "utf8"));
// Every item with a content file (the crafted item whose file is gone has no page and no entry).
const ALL_TITLES = [...fixtureItems.map((i) => i.title), ...craftedItems.filter((i) => i.body !== null).map((i) => i.frontMatter.title)];

let site: BuiltFeedSite;
const read = (rel: string) => readFileSync(path.join(site.dist, rel), "utf8");

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => test(path.basename(rel)) && statSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join("/"))
    .sort();
}
const xmlFeeds = () => filesUnder(site.dist, (n) => n === "feed.xml" || n === "atom.xml" || n === "digest.xml");
const jsonFeeds = () => filesUnder(site.dist, (n) => n === "feed.json" || n === "digest.json");

/** The dist file an absolute site URL names, or undefined when it is not under the site. */
function distFileOf(url: string): string | undefined {
  if (!url.startsWith(SITE_URL)) return undefined;
  const rel = decodeURIComponent(new URL(url).pathname).slice(1);
  return path.join(site.dist, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel);
}

/** Every URL an HTML fragment references. */
function urlsIn(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  return $("[href], [src], [srcset], [cite], [poster]")
    .toArray()
    .flatMap((node) => ["href", "src", "srcset", "cite", "poster"].map((a) => $(node).attr(a)).filter((v): v is string => v !== undefined));
}

before(async () => {
  site = await buildFeedFixture();
});
after(() => rmSync(site.root, { recursive: true, force: true }));

describe("feeds of the built site", () => {
  it("writes the site, topic, source and digest feeds, the OPML and the stylesheet", () => {
    for (const rel of ["feed.xml", "atom.xml", "feed.json", "digest.xml", "digest.json", "sources.opml", "assets/feed.xsl", "topics/russia/feed.xml", "topics/russia/atom.xml", "topics/russia/feed.json", "sources/workshop/atom.xml", "sources/quiet/feed.json"]) {
      assert.ok(existsSync(path.join(site.dist, rel)), `${rel} exists`);
    }
    // Three feeds for the site and for each topic and source, two for the digest.
    const topics = readdirSync(path.join(site.dist, "topics")).filter((d) => existsSync(path.join(site.dist, "topics", d, "feed.xml")));
    const sources = readdirSync(path.join(site.dist, "sources")).filter((d) => existsSync(path.join(site.dist, "sources", d, "feed.xml")));
    assert.equal(xmlFeeds().length + jsonFeeds().length, 3 * (1 + topics.length + sources.length) + 2);
    assert.ok(topics.length >= 5 && sources.length === 5, `${topics.length} topics, ${sources.length} sources`);
  });

  it("writes every XML feed well-formed, and an independent parser reads every entry", () => {
    for (const rel of xmlFeeds()) {
      const text = read(rel);
      assert.deepEqual(xmlProblems(text), [], rel);
      const feed = parseFeed(text);
      assert.ok(feed.title, `${rel} has a title`);
      assert.ok(feed.items.length > 0, `${rel} has items`);
      for (const item of feed.items) {
        assert.ok(item.title && item.id && item.url, `${rel}: entry has title, id and link`);
      }
    }
    const site = parseFeed(read("feed.xml"));
    assert.equal(site.items.length, ALL_TITLES.length);
    assert.deepEqual(new Set(site.items.map((i) => i.title)), new Set(ALL_TITLES.map((t) => t.replace("\u0007", ""))));
  });

  it("keeps CJK, emoji, &, < and ]]> intact and drops the control character", () => {
    const expectedTitle = CONTROL_TITLE.replace("\u0007", "");
    const pieces = ["准备竹条 & 宣纸 🎋", "x < y 且 ]]> 不是结束", "<![CDATA[ ]]>", "工坊里的 🪁 & 纸"];
    for (const rel of ["feed.xml", "atom.xml"]) {
      assert.equal(parseFeed(read(rel)).items.find((i) => i.title?.includes("纸鸢"))?.title, expectedTitle, rel);
      // The content as the XML carries it (an HTML string), then read as HTML.
      const $xml = cheerio.load(read(rel), { xml: true });
      const entry = $xml("item, entry").filter((_, e) => $xml(e).children("title").text() === expectedTitle);
      const html = entry.children("content\\:encoded, content").text();
      const text = cheerio.load(html, null, false).text();
      for (const piece of pieces.slice(0, 3)) assert.ok(text.includes(piece), `${rel} content keeps ${piece}`);
    }
    const json = JSON.parse(read("feed.json"));
    const item = json.items.find((i: { title: string }) => i.title.includes("纸鸢"));
    assert.equal(item.title, expectedTitle);
    assert.ok(cheerio.load(item.content_html, null, false).text().includes(pieces[1]));
    assert.equal(item.authors[0].name, "王<工> & 李");
    assert.deepEqual(item.tags, ["手工 & 艺术", "俄罗斯"]);
    for (const rel of [...xmlFeeds(), ...jsonFeeds()]) assert.ok(!read(rel).includes("\u0007"), `${rel} has no control character`);
  });

  it("passes the JSON Feed 1.1 schema with every JSON feed", () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const validate = ajv.compile(SCHEMA);
    for (const rel of jsonFeeds()) {
      const feed: { feed_url?: string } = JSON.parse(read(rel));
      assert.ok(validate(feed), `${rel}: ${ajv.errorsText(validate.errors)}`);
      assert.equal(feed.feed_url, `${SITE_URL}${rel}`);
    }
  });

  it("writes dates valid for each format, equal to the index dates", () => {
    const index = JSON.parse(readFileSync(path.join(site.contentDir, "_data/itemIndex.json"), "utf8")) as { id: string; date: string }[];
    const dateOf = new Map(index.map((r) => [`tag:digest.example.com,2024:/item/${r.id}`, Date.parse(r.date)]));
    const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    const rss = cheerio.load(read("feed.xml"), { xml: true });
    assert.match(rss("channel > lastBuildDate").text(), rfc822);
    rss("item").each((_, item) => {
      const pubDate = rss(item).children("pubDate").text();
      assert.match(pubDate, rfc822);
      const expected = dateOf.get(rss(item).children("guid").text()) as number;
      assert.equal(DateTime.fromRFC2822(pubDate).toMillis(), Math.floor(expected / 1000) * 1000);
    });
    const atom = cheerio.load(read("atom.xml"), { xml: true });
    assert.match(atom("feed > updated").text(), rfc3339);
    atom("entry").each((_, entry) => {
      const published = atom(entry).children("published").text();
      assert.match(published, rfc3339);
      assert.match(atom(entry).children("updated").text(), rfc3339);
      assert.equal(Date.parse(published), dateOf.get(atom(entry).children("id").text()));
    });
    for (const item of JSON.parse(read("feed.json")).items) assert.equal(Date.parse(item.date_published), dateOf.get(item.id));
  });

  it("gives every entry a unique tag: id, and every entry link resolves to a page in dist", () => {
    for (const rel of xmlFeeds()) {
      const items = parseFeed(read(rel)).items;
      const ids = items.map((i) => i.id);
      assert.equal(new Set(ids).size, ids.length, `${rel}: ids are unique`);
      for (const item of items) {
        assert.match(item.id ?? "", /^tag:digest\.example\.com,2024:\/(item|day)\/[\w-]+$/);
        const file = distFileOf(item.url ?? "");
        assert.ok(file && existsSync(file), `${rel}: ${item.url} resolves`);
      }
    }
    for (const rel of jsonFeeds()) {
      for (const item of JSON.parse(read(rel)).items) {
        const file = distFileOf(item.url);
        assert.ok(file && existsSync(file), `${rel}: ${item.url} resolves`);
      }
    }
  });

  it("leaves no relative URL in any content, and our own images exist in dist", () => {
    // Content as the feeds carry it (HTML strings), read from the XML itself.
    const contents: [string, string][] = [];
    for (const rel of xmlFeeds()) {
      const $ = cheerio.load(read(rel), { xml: true });
      $("item > description, item > content\\:encoded, entry > content").each((_, node) => void contents.push([rel, $(node).text()]));
    }
    for (const rel of jsonFeeds()) for (const item of JSON.parse(read(rel)).items) contents.push([rel, item.content_html ?? ""]);
    let urls = 0;
    for (const [rel, html] of contents) {
      for (const url of urlsIn(html)) {
        urls++;
        assert.match(url, /^(https?:\/\/[^/]+\/|mailto:)/, `${rel}: ${url} is absolute`);
        // Our own URLs (images served from dist, links to pages) point at files that exist.
        const file = distFileOf(url);
        if (file && !url.includes("/notes/") && !url.endsWith("/about/")) assert.ok(existsSync(file), `${rel}: ${url} exists in dist`);
      }
    }
    assert.ok(urls > 50, `${urls} URLs checked`);
    const crafted = JSON.parse(read("feed.json")).items.find((i: { title: string }) => i.title.includes("纸鸢"));
    const $ = cheerio.load(crafted.content_html, null, false);
    const hrefs = $("a").toArray().map((a) => $(a).attr("href"));
    assert.ok(hrefs.includes("https://digest.example.com/2023/09/15/zhi-yuan-gong-fang/notes/guide.html"), "relative link resolved on the article URL");
    assert.ok(hrefs.includes("mailto:kite@example.org"));
    assert.ok(hrefs.includes("https://workshop.example.org/posts/1?a=1&b=2"), "original link kept");
    assert.ok(!$("[href^='javascript'], [src^='javascript']").length, "no javascript: URL");
    const srcs = $("img").toArray().map((img) => $(img).attr("src"));
    assert.ok(srcs.includes("https://images.example.org/pics/step-2.jpg"));
    assert.ok(!srcs.some((s) => s?.includes("step-1")), "an image the pages cannot show is dropped");
  });

  it("exports the lead image as media:content and enclosure (the URL the page uses), and as JSON image", () => {
    const $ = cheerio.load(read("feed.xml"), { xml: true });
    const atom = cheerio.load(read("atom.xml"), { xml: true });
    const json = new Map<string, { image?: string }>(JSON.parse(read("feed.json")).items.map((i: { id: string }) => [i.id, i]));
    let withImage = 0;
    $("item").each((_, node) => {
      const item = $(node);
      const page = distFileOf(item.children("link").text()) as string;
      const ogImage = cheerio.load(readFileSync(page, "utf8"))('meta[property="og:image"]').attr("content");
      const media = item.children("media\\:content").attr("url");
      assert.equal(media, ogImage, `${page}: feed image is the page's image`);
      if (!media) return;
      withImage++;
      assert.match(media, /^https?:\/\//);
      assert.equal(item.children("enclosure").attr("url"), media);
      assert.match(item.children("enclosure").attr("type") ?? "", /^image\//);
      const id = item.children("guid").text();
      assert.equal(json.get(id)?.image, media);
      const entry = atom("entry").filter((_, e) => atom(e).children("id").text() === id);
      assert.equal(entry.children('link[rel="enclosure"]').attr("href"), media);
    });
    assert.ok(withImage >= 1, `${withImage} items with a lead image`);
    const library = $("item").filter((_, i) => $(i).children("guid").text().endsWith("/lantern-2002"));
    assert.equal(library.find("media\\:description").text(), fixtureItems[1].image?.caption);
    const seed = $("item").filter((_, i) => $(i).children("guid").text().endsWith("/lantern-2001"));
    assert.equal(seed.children("dc\\:source").text(), fixtureItems[0].link);
    const seedEntry = atom("entry").filter((_, e) => atom(e).children("id").text().endsWith("/lantern-2001"));
    assert.equal(seedEntry.children('link[rel="via"]').attr("href"), fixtureItems[0].link);
  });

  it("exports only the summary for a fullText: false source", () => {
    for (const rel of ["feed.xml", "atom.xml", "feed.json", "sources/quiet/feed.xml", "topics/shou-gong-yi-shu/atom.xml"].filter((r) => existsSync(path.join(site.dist, r)))) {
      const text = read(rel);
      assert.ok(!text.includes("SUMMARY-ONLY-BODY"), `${rel} holds no full text of the summary-only source`);
      assert.ok(text.includes("这一条只应导出摘要。"), `${rel} holds its summary`);
    }
    // The page itself still shows the full text: only feeds are limited.
    assert.ok(read("2023/09/15/jing-mo-lai-yuan/index.html").includes(SUMMARY_ONLY_MARK.slice(0, 17)));
  });

  it("leaves out an item whose content file is gone (it has no page to link to)", () => {
    for (const rel of ["feed.xml", "atom.xml", "feed.json", "digest.xml", "sources/workshop/feed.json"]) {
      assert.ok(!read(rel).includes("Emoji 🎏"), `${rel} leaves it out`);
    }
  });

  it("writes the daily digest: one entry per day, items grouped by topic with links", () => {
    const digest = parseFeed(read("digest.xml"));
    const days = filesUnder(site.dist, (n) => n === "index.html").filter((r) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(r));
    assert.equal(digest.items.length, days.length);
    const day = digest.items.find((i) => i.url === `${SITE_URL}2023/09/14/`);
    assert.ok(day, "an entry for 2023-09-14");
    const $ = cheerio.load(day.content ?? "", null, false);
    // The same groups, in the same order, as the day's page.
    const page = cheerio.load(read("2023/09/14/index.html"));
    assert.deepEqual($("h2").toArray().map((h) => $(h).text()), page(".topic-group h2").toArray().map((h) => page(h).text()));
    const links = $("li > a").toArray().map((a) => $(a).attr("href") ?? "");
    assert.ok(links.length >= 3 && links.every((l) => existsSync(distFileOf(l) ?? "")), "every digest link resolves");
    const json = JSON.parse(read("digest.json"));
    assert.equal(json.items.length, digest.items.length);
  });

  it("lists the public url sources in /sources.opml", () => {
    const opml = parseOpml(read("sources.opml"));
    const urls = (opml.body?.outlines ?? []).map((o) => o.xmlUrl);
    assert.deepEqual(urls, ["https://workshop.example.org/feed.xml", "https://quiet.example.org/rss"]);
    assert.equal(opml.body?.outlines?.[0].text, "工坊 & <Co>");
  });

  it("names the site feeds in every page head and a topic's or source's own feeds on its pages", () => {
    const alternates = (rel: string) => {
      const $ = cheerio.load(read(rel));
      return $('link[rel="alternate"]').toArray().map((l) => `${$(l).attr("type")} ${$(l).attr("href")}`);
    };
    for (const rel of ["index.html", "2023/09/14/deng-ta-zhen-feng-zheng-jie/index.html", "404.html"]) {
      const links = alternates(rel);
      assert.ok(links.some((l) => /^application\/rss\+xml (\/|(\.\.\/)*)feed\.xml$/.test(l)), `${rel}: ${links}`);
      assert.ok(links.some((l) => /^application\/atom\+xml (\/|(\.\.\/)*)atom\.xml$/.test(l)));
      assert.ok(links.some((l) => /^application\/feed\+json (\/|(\.\.\/)*)feed\.json$/.test(l)));
      assert.ok(!links.some((l) => l.includes("topics/")));
    }
    assert.deepEqual(alternates("topics/russia/index.html").slice(0, 3), ["application/rss+xml feed.xml", "application/atom+xml atom.xml", "application/feed+json feed.json"]);
    assert.equal(alternates("sources/workshop/index.html")[0], "application/rss+xml feed.xml");
    // Every alternate resolves, at the root and under a sub-path.
    for (const mount of ["/", "/mirror/x/"]) assert.deepEqual(brokenInternalRefs(site.dist, mount).filter((b) => b.ref.tag === "link"), []);
  });

  it("names a self-contained XSL stylesheet from every RSS and Atom feed", () => {
    for (const rel of xmlFeeds()) {
      const href = /<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/.exec(read(rel))?.[1];
      assert.ok(href, `${rel} names a stylesheet`);
      assert.ok(existsSync(path.join(site.dist, path.dirname(rel), href)), `${rel}: ${href} resolves`);
    }
    const xsl = read("assets/feed.xsl");
    assert.deepEqual(xmlProblems(xsl), []);
    const $ = cheerio.load(xsl, { xml: true });
    const refs = $("*").toArray().flatMap((n) => ["href", "src"].map((a) => $(n).attr(a) ?? "")).filter((v) => /^(https?:)?\/\//.test(v));
    assert.deepEqual(refs, [], "the stylesheet loads nothing from another host");
    assert.ok(!/<script|@import|url\(/i.test(xsl));
  });
});
