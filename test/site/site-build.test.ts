// Builds the fictional fixture content with the real site code and checks the result as a
// reader (and a mirror operator) would meet it: pages, article fields, links, hosts, HTML.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import { fixtureItems, SEED_ID } from "../fixtures/site/fixture-items.ts";
import { buildFixtureSite, type BuiltFixture } from "./helpers/build-fixture.ts";
import { brokenInternalRefs, collectRefs } from "./helpers/site-links.ts";

const SEED = fixtureItems.find((i) => i.id === SEED_ID)!;
const SEED_PAGE = "2023/09/14/deng-ta-zhen-feng-zheng-jie/index.html";
let site: BuiltFixture;

const read = (rel: string) => readFileSync(path.join(site.dist, rel), "utf8");
const load = (rel: string) => cheerio.load(read(rel));

before(async () => {
  site = await buildFixtureSite();
});
after(() => rmSync(site.root, { recursive: true, force: true }));

describe("built fixture site", () => {
  it("writes every page kind", () => {
    for (const rel of [
      "index.html",
      "2023/09/14/index.html",
      SEED_PAGE,
      "topics/index.html",
      "topics/russia/index.html",
      "sources/index.html",
      "sources/lantern/index.html",
      "archive/index.html",
      "2023/09/index.html",
      "404.html",
      "sitemap.xml",
      "robots.txt",
      "feed.xml",
      "search/index.html",
      "pagefind/pagefind-ui.js",
    ]) {
      assert.ok(existsSync(path.join(site.dist, rel)), `${rel} exists`);
    }
    // Every page kind above, plus articles, days, months, topic and source pages, galleries, status.
    assert.equal(site.result.pages, 28);
    assert.deepEqual(site.result.stages.map((s) => s.name).sort(), ["eleventy", "search index"]);
  });

  it("paginates topics exactly at the edge (itemsPerPage 2), archive pages counted from the oldest", () => {
    // 潮鲜 (first seen earlier) has 3 items: under two pages' worth, one page; 朝鲜 has 4: the head
    // page with the 2 newest and archive page 1 with the 2 oldest.
    assert.ok(existsSync(path.join(site.dist, "topics/chao-xian/index.html")));
    assert.ok(!existsSync(path.join(site.dist, "topics/chao-xian/page")));
    assert.equal(load("topics/chao-xian/index.html")(".card").length, 3);
    const $topics = load("topics/index.html");
    const chaoxian = $topics("a").filter((_, a) => $topics(a).text() === "朝鲜").attr("href") ?? "";
    assert.match(chaoxian, /^chao-xian-[0-9a-f]{6}\/$/);
    const head = load(`topics/${chaoxian}index.html`);
    const archive = load(`topics/${chaoxian}page/1/index.html`);
    const dates = ($: typeof head) => $(".card time").map((_, t) => $(t).attr("datetime")).get();
    assert.equal(head(".card").length, 2);
    assert.equal(archive(".card").length, 2);
    assert.ok(dates(head).every((d) => dates(archive).every((a) => a <= d)), "the archive page holds the older items");
    assert.equal(head('a[rel="next"]').attr("href"), "page/1/");
    assert.equal(archive('a[rel="prev"]').attr("href"), "../../");
    assert.equal(archive('a[rel="next"]').length, 0);
    // An archive page is labelled by its dates, and shows nothing that changes as the topic grows.
    assert.match(archive(".listing-meta").text(), /^2023年9月\d+日( – 2023年9月\d+日)?$/);
    assert.match(archive("title").text(), /^朝鲜 · 2023年9月/);
    assert.equal(archive(".listing-aside svg").length, 0);
    assert.ok(head(".listing-aside svg").length > 0);
    assert.match(head(".listing-meta").text(), /^4 /);
    assert.ok(!existsSync(path.join(site.dist, `topics/${chaoxian}page/2`)));
  });

  it("shows every field of the seed article", () => {
    const $ = load(SEED_PAGE);
    assert.equal($("h1").length, 1);
    assert.equal($("h1").text(), SEED.title);
    assert.match($(".byline").text(), new RegExp(SEED.author!));
    assert.match($(".byline").text(), /灯塔日报/);
    assert.match($(".byline time").text(), /2023年9月14日 19:34/);
    assert.equal($(".lead figcaption").text(), SEED.image!.caption);
    assert.match($(".lead img").attr("src") ?? "", /^\.\.\/\.\.\/\.\.\/\.\.\/img\/[0-9a-f]{64}-\d+\.(jpg|png|webp)$/);
    const figures = $(".gallery figure");
    assert.equal(figures.length, 7);
    SEED.gallery!.images.forEach((image, i) => {
      assert.equal(figures.eq(i).find(".gallery-title").text(), image.title);
      assert.match(figures.eq(i).find("figcaption").text(), new RegExp(image.caption!));
      assert.equal(figures.eq(i).find("img").attr("alt"), image.caption);
    });
    assert.deepEqual($(".topic-list a").map((_, a) => $(a).text()).get(), SEED.topics);
    assert.equal($("a.original-button").attr("href"), SEED.link);
    assert.equal($('.prev-next a[rel="next"]').attr("href"), "../tu-shu-guan-yan-chang/");
    assert.ok($(".related li").length > 0);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(jsonLd["@type"], "NewsArticle");
    assert.equal(jsonLd.headline, SEED.title);
    assert.equal($('link[rel="canonical"]').attr("href"), "https://digest.example.com/2023/09/14/deng-ta-zhen-feng-zheng-jie/");
    assert.match($('meta[property="og:image"]').attr("content") ?? "", /^https:\/\/digest\.example\.com\/img\//);
  });

  it("lists the seed on its day (counted in Asia/Shanghai), topic and source pages", () => {
    const day = load("2023/09/14/index.html");
    const titles = day(".card-title a").map((_, a) => day(a).text()).get();
    assert.ok(titles.includes(SEED.title));
    assert.ok(titles.includes("渔港新码头完工"), "17:30Z on the 13th is the 14th in Shanghai");
    assert.ok(load("topics/wu-ke-lan-zuo-zhan/index.html")(`a[href="../../2023/09/14/deng-ta-zhen-feng-zheng-jie/"]`).length > 0);
    assert.ok(load("sources/lantern/index.html")(`a[href="../../2023/09/14/deng-ta-zhen-feng-zheng-jie/"]`).length > 0);
    assert.ok(load("index.html")(`a[href="2023/09/14/deng-ta-zhen-feng-zheng-jie/"]`).length > 0);
  });

  it("keeps hostile text as text and drops script links", () => {
    const html = read("2023/09/11/town-council-bike-lanes/index.html");
    const $ = cheerio.load(html);
    assert.equal($("script:not([type])").length, 0);
    assert.equal($("[onerror]").length, 0);
    assert.equal($('a[href^="javascript:"]').length, 0);
    assert.match($("h1").text(), /<script>alert\('x'\)<\/script>/);
    assert.match($(".article-body").text(), /\{\{ site\.title \}\}/);
  });

  it("has no broken internal link, at the root and copied under /mirror/x/", () => {
    assert.deepEqual(brokenInternalRefs(site.dist, "/"), []);
    const mirrorRoot = path.join(site.root, "mirror-host");
    cpSync(site.dist, path.join(mirrorRoot, "mirror/x"), { recursive: true });
    assert.deepEqual(brokenInternalRefs(path.join(mirrorRoot, "mirror/x"), "/mirror/x/"), []);
  });

  it("loads nothing from a third-party host", () => {
    const knownRemoteImages = new Set(
      fixtureItems.flatMap((i) => [i.image?.src, ...(i.gallery?.images.map((g) => g.src) ?? [])]).filter((s) => s?.startsWith("https:")),
    );
    const offenders = collectRefs(site.dist).filter((ref) => {
      if (!/^(https?:)?\/\//.test(ref.value)) return false;
      const host = new URL(ref.value, "https://digest.example.com/").hostname;
      if (host === "digest.example.com") return ref.rel !== "canonical" && ref.tag !== "a";
      if (ref.tag === "a") return false; // links the reader clicks (original articles)
      return !(ref.tag === "img" && knownRemoteImages.has(ref.value));
    });
    assert.deepEqual(offenders, []);
  });

  it("sets a CSP that allows only own scripts and no inline script", () => {
    for (const rel of ["index.html", SEED_PAGE, "search/index.html"]) {
      const csp = load(rel)('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
    }
  });

  it("links one stylesheet, named by its content, and inlines no CSS", () => {
    const names = new Set<string>();
    for (const rel of ["index.html", SEED_PAGE, "topics/russia/index.html", "search/index.html"]) {
      const $ = load(rel);
      const hrefs = $('link[rel="stylesheet"]').map((_, l) => $(l).attr("href")).get().filter((h) => /site\.[0-9a-f]+\.css$/.test(h));
      assert.equal(hrefs.length, 1, `${rel} links the site stylesheet once`);
      const file = path.join(site.dist, path.dirname(rel), hrefs[0]);
      names.add(path.relative(site.dist, file));
      const css = readFileSync(file, "utf8");
      assert.equal(path.basename(file), `site.${createHash("sha256").update(css).digest("hex").slice(0, 12)}.css`);
      assert.match(css, /\.card\{/);
      assert.equal($("style").length + $("[style]").length, 0, `${rel} has no inline CSS`);
      const csp = $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      assert.match(csp, /(^|; )style-src 'self'(;|$)/);
    }
    assert.equal(names.size, 1, "every page links the same file");
  });

  it("writes valid HTML (html-validate, recommended rules)", async () => {
    // long-title is advice for hand-written titles; news headlines are what they are.
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    for (const rel of ["index.html", SEED_PAGE, "2023/09/11/town-council-bike-lanes/index.html", "topics/index.html", "sources/harbor/index.html", "archive/index.html", "search/index.html", "404.html"]) {
      const report = await validator.validateString(read(rel), rel);
      const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${rel}: ${m.ruleId} ${m.message}`));
      assert.deepEqual(errors, []);
    }
  });

  it("writes a sitemap and robots.txt with absolute URLs", () => {
    const sitemap = read("sitemap.xml");
    assert.match(sitemap, /<loc>https:\/\/digest\.example\.com\/2023\/09\/14\/deng-ta-zhen-feng-zheng-jie\/<\/loc>/);
    assert.match(read("robots.txt"), /Sitemap: https:\/\/digest\.example\.com\/sitemap\.xml/);
  });

  it("minifies pages and indexes every item for search", () => {
    assert.doesNotMatch(read("index.html"), /\n\s*\n/);
    assert.equal(site.result.search.records, fixtureItems.length);
    assert.deepEqual(site.result.search.errors, []);
  });
});

describe("site built with pathPrefix /digest/", () => {
  let prefixed: BuiltFixture;
  before(async () => {
    prefixed = await buildFixtureSite({ pathPrefix: "/digest/" });
  });
  after(() => rmSync(prefixed.root, { recursive: true, force: true }));

  it("resolves every link under the prefix and puts the prefix in absolute URLs", () => {
    assert.deepEqual(brokenInternalRefs(prefixed.dist, "/digest/", "/digest/"), []);
    const $ = cheerio.load(readFileSync(path.join(prefixed.dist, SEED_PAGE), "utf8"));
    assert.equal($('link[rel="canonical"]').attr("href"), "https://digest.example.com/digest/2023/09/14/deng-ta-zhen-feng-zheng-jie/");
    assert.match(readFileSync(path.join(prefixed.dist, "sitemap.xml"), "utf8"), /<loc>https:\/\/digest\.example\.com\/digest\/<\/loc>/);
  });
});

describe("the 404 page", () => {
  it("links absolutely under the pathPrefix, since it is served at any depth", async () => {
    const built = await buildFixtureSite({ pathPrefix: "/digest/" });
    try {
      const $ = cheerio.load(readFileSync(path.join(built.dist, "404.html"), "utf8"));
      const hrefs = $(".not-found a").map((_, a) => $(a).attr("href")).get();
      assert.ok(hrefs.length >= 3);
      for (const href of hrefs) assert.match(href, /^\/digest\//);
      assert.match($('link[rel="stylesheet"]').attr("href") ?? "", /^\/digest\/assets\/site\.[0-9a-f]{12}\.css$/);
      assert.deepEqual(brokenInternalRefs(built.dist, "/digest/", "/digest/"), []);
    } finally {
      rmSync(built.root, { recursive: true, force: true });
    }
  });
});
