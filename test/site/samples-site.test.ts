// The digest built from the bundled samples plus the shared real samples: the pages people read,
// the seed article with every field, no broken link, nothing loaded from a third-party host.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import * as cheerio from "cheerio";
import { listHtmlFiles } from "../helpers/html-files.ts";
import { buildSamplesSite, type SamplesSite } from "../helpers/samples-site.ts";
import { brokenInternalRefs } from "./helpers/site-links.ts";

// RFC 2606 names stand for no real host: the samples use them for the offline image fallback.
const DOCUMENTATION_HOST = /(^|\.)example\.(com|org|net)$/;

describe("the sample digest", () => {
  let site: SamplesSite;
  before(async () => {
    site = await buildSamplesSite();
  });
  after(() => rmSync(site.root, { recursive: true, force: true }));
  const load = (rel: string) => cheerio.load(readFileSync(path.join(site.dist, rel), "utf8"));

  it("ingests every sample with no failure", () => {
    assert.deepEqual(site.ingest.failures, []);
    assert.ok(site.ingest.counts.new >= 24);
  });

  it("writes the home, day, topic, source, archive, gallery, search and utility pages", () => {
    for (const rel of ["index.html", "topics/index.html", "sources/index.html", "archive/index.html", "galleries/index.html", "search/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "status/index.html"]) {
      assert.ok(existsSync(path.join(site.dist, rel)), `${rel} exists`);
    }
    const home = load("index.html");
    assert.equal(home("h1").length, 1);
    assert.ok(home(".card").length > 3, "the latest day lists its items");
  });

  it("shows the seed article with every field and all 7 gallery images", (t) => {
    if (!site.withShared) return t.skip("the shared samples are not beside this checkout");
    const day = load("2023/09/14/index.html");
    const link = day("a").filter((_, a) => day(a).text().includes("普京会见金正恩")).attr("href");
    assert.ok(link, "the day page lists the seed");
    const $ = load(path.join("2023/09/14", link!, "index.html"));
    assert.equal($("h1").text(), "普京会见金正恩 双方交换的是什么？");
    assert.match($(".byline").text(), /Julian Ryall/);
    assert.match($(".byline time").text(), /2023年9月14日/);
    assert.match($(".byline time").text(), /19:34/);
    assert.equal($(".lead figcaption").text().trim(), "朝鲜储备有大量的老式武器弹药。");
    assert.equal($(".gallery figure").length, 7);
    assert.match($(".gallery figure").first().text(), /普金会在哪里？/);
    assert.ok($(".gallery figcaption").toArray().every((f) => $(f).text().trim().length > 0));
    assert.ok($(".topic-list a").toArray().some((a) => $(a).text() === "乌克兰作战" && /wu-ke-lan-zuo-zhan\/$/.test($(a).attr("href") ?? "")));
    assert.match($("a.original-button").attr("href") ?? "", /^https:\/\/www\.dw\.com\/zh\//);
    assert.match($("body").text(), /（德国之声中文网）周三（13日）/);
    const topic = load("topics/wu-ke-lan-zuo-zhan/index.html");
    assert.ok(topic("a").toArray().some((a) => topic(a).text().includes("普京会见金正恩")));
  });

  it("has no broken internal link or image, also when served from a sub-path", () => {
    assert.deepEqual(brokenInternalRefs(site.dist, "/"), []);
    assert.deepEqual(brokenInternalRefs(site.dist, "/mirror/x/"), []);
  });

  it("loads nothing from a third-party host, and no local file path leaks into a page", () => {
    for (const file of listHtmlFiles(site.dist)) {
      const text = readFileSync(file, "utf8");
      assert.doesNotMatch(text, /file:\/\//, path.relative(site.dist, file));
      const $ = cheerio.load(text);
      $("script[src], link[href], iframe, img, source, video, audio, object, embed").each((_, el) => {
        const node = $(el);
        if (el.tagName === "link" && ["canonical", "alternate"].includes(node.attr("rel") ?? "")) return; // metadata, not a load
        for (const attr of ["src", "href", "srcset"]) {
          const value = node.attr(attr);
          if (!value) continue;
          for (const url of value.split(",").map((part) => part.trim().split(/\s+/)[0])) {
            if (!/^(https?:)?\/\//i.test(url)) continue;
            const host = new URL(url, "https://self.invalid/").hostname;
            // Offline, a real sample's remote image stays remote, sent with no Referer; a build with
            // network makes it local. Nothing else may name another host.
            const offlineImage = el.tagName === "img" && node.attr("referrerpolicy") === "no-referrer";
            assert.ok(offlineImage || DOCUMENTATION_HOST.test(host), `${path.relative(site.dist, file)}: <${el.tagName} ${attr}="${url}">`);
            if (!site.withShared) assert.ok(DOCUMENTATION_HOST.test(host), `bundled samples load only their own images: ${url}`);
          }
        }
      });
    }
  });
});
