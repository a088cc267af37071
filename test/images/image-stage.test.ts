// The images stage and the site build against a local image server: what is fetched, how often,
// what is made of it and what the pages say. Every image here is generated; nothing leaves 127.0.0.1.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { listHtmlFiles } from "../helpers/html-files.ts";
import { buildSite, type BuildResult } from "../../scripts/site/build-site.ts";
import { GOOD, startImageServer, type ImageServer } from "./image-server.ts";
import { writeImageContent } from "./image-content.ts";
import { tempDirSync } from "../helpers/shared.ts";

const BAD = ["corrupt.jpg", "bomb.png", "slow.jpg", "missing.jpg"];
const ARTICLE = "2026/11/20/views/index.html";
let server: ImageServer;
let root: string;

before(async () => {
  server = await startImageServer();
  root = tempDirSync("gazette-images-");
});
after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

function writeContent(name: string, allowPrivateHosts: boolean): string {
  const u = (file: string) => server.base + file;
  const contentDir = path.join(root, name, "content");
  writeImageContent(
    contentDir,
    [
      { slug: "views", date: "2026-11-20T08:00:00Z", lead: u("photo.jpg"), gallery: [u("chart.png"), u("scene.webp"), u("anim.gif"), u("redirect.jpg"), u("flaky.png"), ...BAD.map(u)], bodyImages: [u("body.jpg")] },
      { slug: "more-views", date: "2026-11-19T08:00:00Z", lead: u("scene.webp"), gallery: [u("photo.jpg")] },
    ],
    { allowPrivateHosts, widths: [160, 320, 640], timeoutMs: 600, cacheDir: path.join(root, name, "cache"), localRoots: [] },
  );
  return contentDir;
}

const build = (contentDir: string, dist: string): Promise<BuildResult> =>
  buildSite({ contentDir, outputDir: dist, quiet: true, imageFetch: { retryBaseMs: 20 } });

describe("images stage with private hosts refused (the default)", () => {
  let result: BuildResult;
  let dist: string;
  before(async () => {
    server.hits.clear();
    dist = path.join(root, "off", "dist");
    result = await build(writeContent("off", false), dist);
  });

  it("sends no request to the server and still builds the site", () => {
    assert.equal([...server.hits.values()].reduce((a, b) => a + b, 0), 0);
    assert.ok(result.pages > 0);
    assert.equal(result.images.fetched, 0);
  });

  it("drops every refused image from the pages and reports it", () => {
    const $ = cheerio.load(readFileSync(path.join(dist, ARTICLE), "utf8"));
    assert.equal($("img").length, 0);
    assert.ok(result.images.failed.length >= 10);
    for (const f of result.images.failed) {
      assert.equal(f.action, "dropped");
      assert.match(f.reason, /non-public address 127\.0\.0\.1/);
    }
  });
});

describe("images stage with private hosts allowed (the local test server)", () => {
  let first: BuildResult;
  let second: BuildResult;
  let dist: string;
  before(async () => {
    server.hits.clear();
    server.requests.length = 0;
    const contentDir = writeContent("on", true);
    dist = path.join(root, "on", "dist");
    first = await build(contentDir, dist);
    second = await build(contentDir, dist);
  });

  it("fetches each good image exactly once across two builds", () => {
    for (const name of Object.keys(GOOD)) assert.equal(server.hits.get(name), 1, name);
    assert.equal(server.hits.get("moved.jpg"), 1, "redirect target");
    assert.equal(server.hits.get("flaky.png"), 2, "a 503 is retried once, then cached");
    assert.equal(second.images.fetched, 0);
  });

  it("follows a redirect and sends a clear User-Agent and no Referer", () => {
    assert.ok(first.images.failed.every((f) => !f.src.endsWith("redirect.jpg")));
    for (const headers of server.requests) {
      assert.equal(headers.referer, undefined);
      assert.match(headers["user-agent"] ?? "", /^Gazette\/\d+\.\d+\.\d+ \(\+https:\/\/pictures\.example\.net\)$/);
    }
  });

  it("reports the bad images, keeping failed downloads remote and dropping unusable bytes", () => {
    const bySrc = new Map(first.images.failed.map((f) => [path.basename(f.src), f]));
    assert.deepEqual([...bySrc.keys()].sort(), [...BAD].sort());
    assert.match(bySrc.get("corrupt.jpg")!.reason, /image/);
    assert.match(bySrc.get("bomb.png")!.reason, /pixel/);
    assert.match(bySrc.get("slow.jpg")!.reason, /timed out/);
    assert.match(bySrc.get("missing.jpg")!.reason, /HTTP 404/);
    assert.equal(bySrc.get("slow.jpg")!.action, "kept remote");
    assert.equal(bySrc.get("missing.jpg")!.action, "kept remote");
    assert.equal(bySrc.get("corrupt.jpg")!.action, "dropped");
    assert.equal(bySrc.get("bomb.png")!.action, "dropped");
  });

  it("encodes derivatives once: the second build encodes nothing", () => {
    assert.ok(first.images.encoded > 0);
    assert.equal(second.images.encoded, 0);
    assert.equal(second.images.reused, first.images.encoded + first.images.reused);
  });

  it("writes derivatives at the planned widths and formats", async () => {
    const files = readdirSync(path.join(dist, "img"));
    const seen = new Map<string, Set<string>>();
    for (const file of files) {
      const [, hash, width, ext] = /^([0-9a-f]{64})-(\d+)\.(jpg|webp)$/.exec(file) ?? [];
      assert.ok(hash, `unexpected file ${file}`);
      const meta = await sharp(path.join(dist, "img", file)).metadata();
      assert.equal(meta.width, Number(width), file);
      assert.equal(meta.format, ext === "jpg" ? "jpeg" : "webp", file);
      if (!seen.has(hash)) seen.set(hash, new Set());
      seen.get(hash)!.add(`${width}.${ext}`);
    }
    const sets = [...seen.values()].map((s) => [...s].sort().join(" "));
    // 1000 px photo: every configured width; 300 px GIF: 160 plus its own width.
    assert.ok(sets.includes("160.jpg 160.webp 320.jpg 320.webp 640.jpg 640.webp"));
    assert.ok(sets.includes("160.jpg 160.webp 300.jpg 300.webp"));
    assert.equal(seen.size, Object.keys(GOOD).length, "redirect and flaky images share the bytes of photo.jpg and chart.png");
  });

  it("gives every <img> width and height, and the lead image priority", () => {
    for (const file of listHtmlFiles(dist)) {
      const $ = cheerio.load(readFileSync(file, "utf8"));
      $("img").each((_, img) => {
        assert.match($(img).attr("width") ?? "", /^\d+$/, `${path.relative(dist, file)}: ${$.html(img)}`);
        assert.match($(img).attr("height") ?? "", /^\d+$/, `${path.relative(dist, file)}: ${$.html(img)}`);
      });
    }
    const $ = cheerio.load(readFileSync(path.join(dist, ARTICLE), "utf8"));
    const lead = $(".lead img");
    assert.equal(lead.attr("loading"), "eager");
    assert.equal(lead.attr("fetchpriority"), "high");
    assert.equal($(".lead source").attr("type"), "image/webp");
    assert.equal($(".gallery img").first().attr("loading"), "lazy");
    assert.match($(".article-body img").attr("src") ?? "", /^\.\.\/\.\.\/\.\.\/\.\.\/img\/[0-9a-f]{64}-\d+\.jpg$/);
    assert.equal($(".article-body img").attr("alt"), "Body picture 1");
    // The slow image failed: kept at its remote URL without a referrer.
    const slow = $(`.gallery img[src="${server.base}slow.jpg"]`);
    assert.equal(slow.attr("referrerpolicy"), "no-referrer");
    assert.equal($(`.gallery img[src*="corrupt"]`).length, 0);
  });

  it("lists the galleries on /galleries/", () => {
    const $ = cheerio.load(readFileSync(path.join(dist, "galleries/index.html"), "utf8"));
    assert.equal($(".tile").length, 2);
    assert.match($(".tile-badge").first().text(), /(^|\D)9(\D|$)/);
  });
});
