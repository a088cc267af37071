import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { after, before, test, type TestContext } from "node:test";
import iconv from "iconv-lite";
import type { FeedSource } from "../../scripts/config/feeds.ts";
import { fetchFeeds, type FetchFeedsOptions } from "../../scripts/digest/fetch-feeds.ts";
import { loadFeedState } from "../../scripts/digest/feed-state.ts";
import { decodeBytes } from "../../scripts/ingest/charset.ts";
import { readText } from "../../scripts/ingest/readers/index.ts";
import { SEED, SHARED_FEEDS, requireShared, tempDir } from "../helpers/shared.ts";
import { startFeedServer, type FeedServer } from "./feed-server.ts";

const RSS_SAMPLE = path.join(SHARED_FEEDS, "node-feedparser", "rss2sample.xml");
const RSS_TYPE = "application/rss+xml; charset=utf-8";
let server: FeedServer;
let feed: Buffer;

before(async () => {
  server = await startFeedServer();
  feed = existsSync(RSS_SAMPLE) ? await readFile(RSS_SAMPLE) : Buffer.alloc(0);
});
after(() => server.close());

function source(id: string, route: string): FeedSource {
  return { id, name: id, url: `${server.base}${route}` };
}

async function setup(t: TestContext, opts: Partial<FetchFeedsOptions> = {}): Promise<FetchFeedsOptions | undefined> {
  if (!requireShared(t, RSS_SAMPLE)) return undefined;
  const dir = await tempDir("gazette-fetch-");
  return { stateFile: path.join(dir, "feed-state.json"), cacheDir: path.join(dir, "fetched"), retryDelayMs: 10, timeoutMs: 2000, ...opts };
}

test("a 200 with an ETag is saved; the next fetch sends If-None-Match and gets a 304 without a body", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  server.route("/etag", (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { "content-type": RSS_TYPE, etag: '"v1"' }).end(feed);
  });
  const [first] = await fetchFeeds([source("etag", "/etag")], opts);
  assert.equal(first.status, "fetched");
  assert.equal(first.httpStatus, 200);
  assert.equal(first.bytes, feed.length);
  assert.equal(first.contentType, RSS_TYPE);
  assert.deepEqual(await readFile(first.file!), feed);
  assert.equal((await loadFeedState(opts.stateFile)).state.feeds.etag.etag, '"v1"');

  const [second] = await fetchFeeds([source("etag", "/etag")], opts);
  assert.equal(second.status, "not-modified");
  assert.equal(second.httpStatus, 304);
  assert.equal(second.bytes, 0);
  assert.equal(second.file, first.file, "the cached body is reused");
  assert.equal(second.contentType, RSS_TYPE);
  assert.deepEqual(await readFile(second.file!), feed);
  assert.equal(server.hits.get("/etag"), 2);
  assert.equal(server.requests.get("/etag")![0]["if-none-match"], undefined);
  assert.equal(server.requests.get("/etag")![1]["if-none-match"], '"v1"');
});

test("Last-Modified is sent back as If-Modified-Since and a 304 records a success", async (t) => {
  const stamp = "Tue, 10 Jun 2003 04:00:00 GMT";
  let clock = Date.parse("2025-01-01T00:00:00Z");
  const opts = await setup(t, { now: () => new Date(clock) });
  if (!opts) return;
  server.route("/lastmod", (req, res) => {
    if (req.headers["if-modified-since"] === stamp) return res.writeHead(304).end();
    res.writeHead(200, { "content-type": RSS_TYPE, "last-modified": stamp }).end(feed);
  });
  assert.equal((await fetchFeeds([source("lastmod", "/lastmod")], opts))[0].status, "fetched");
  clock += 86_400_000;
  const [second] = await fetchFeeds([source("lastmod", "/lastmod")], opts);
  assert.equal(second.status, "not-modified");
  assert.equal(server.requests.get("/lastmod")![1]["if-modified-since"], stamp);
  const entry = (await loadFeedState(opts.stateFile)).state.feeds.lastmod;
  assert.equal(entry.lastModified, stamp);
  assert.equal(entry.lastSuccess, "2025-01-02T00:00:00.000Z");
  assert.equal(entry.consecutiveFailures, 0);
});

test("a 500 is retried and the feed fetched on the next attempt", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  server.route("/flaky", (_req, res, hit) => (hit === 1 ? res.writeHead(500).end() : res.writeHead(200, { "content-type": RSS_TYPE }).end(feed)));
  const [result] = await fetchFeeds([source("flaky", "/flaky")], opts);
  assert.equal(result.status, "fetched");
  assert.equal(result.attempts, 2);
  assert.equal(server.hits.get("/flaky"), 2);
});

test("a feed that keeps answering 500 fails after its retries, names the reason and keeps its cached body", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  let broken = false;
  server.route("/breaks", (_req, res) => (broken ? res.writeHead(500).end() : res.writeHead(200, { "content-type": RSS_TYPE, etag: '"b1"' }).end(feed)));
  const [good] = await fetchFeeds([source("breaks", "/breaks")], opts);
  broken = true;
  const [bad] = await fetchFeeds([source("breaks", "/breaks")], opts);
  assert.equal(bad.status, "failed");
  assert.equal(bad.httpStatus, 500);
  assert.match(bad.error!, /^HTTP 500 Internal Server Error \(after 3 attempts\)$/);
  assert.equal(server.hits.get("/breaks"), 1 + 3);
  assert.equal(bad.file, undefined, "a failed feed hands nothing to the ingest");
  assert.deepEqual(await readFile(good.file!), feed, "the previous body is kept");
  await fetchFeeds([source("breaks", "/breaks")], opts);
  const entry = (await loadFeedState(opts.stateFile)).state.feeds.breaks;
  assert.equal(entry.consecutiveFailures, 2);
  assert.equal(entry.etag, '"b1"', "validators of the kept body survive the failure");
  assert.match(entry.lastError!, /HTTP 500/);
  assert.ok(entry.lastSuccess && entry.lastErrorAt && entry.lastAttempt === entry.lastErrorAt);
});

test("a 404 is not retried", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  const [result] = await fetchFeeds([source("gone", "/gone")], opts);
  assert.equal(result.status, "failed");
  assert.equal(result.httpStatus, 404);
  assert.equal(server.hits.get("/gone"), 1);
});

test("a feed slower than timeoutMs fails as timed out, after its retry", async (t) => {
  const opts = await setup(t, { timeoutMs: 150, retries: 1 });
  if (!opts) return;
  server.route("/slow", (_req, res) => void setTimeout(() => res.writeHead(200).end(feed), 3000).unref());
  const started = Date.now();
  const [result] = await fetchFeeds([source("slow", "/slow")], opts);
  assert.equal(result.status, "failed");
  assert.match(result.error!, /^timed out after 150 ms \(after 2 attempts\)$/);
  assert.ok(Date.now() - started < 2000);
});

test("gzip, brotli and deflate bodies are saved decoded", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  const encoders = { gzip: gzipSync, br: brotliCompressSync, deflate: deflateSync };
  for (const [encoding, encode] of Object.entries(encoders)) {
    server.route(`/${encoding}`, (req, res) => {
      if (!String(req.headers["accept-encoding"]).includes(encoding)) return res.writeHead(406).end();
      res.writeHead(200, { "content-type": RSS_TYPE, "content-encoding": encoding }).end(encode(feed));
    });
  }
  const results = await fetchFeeds(Object.keys(encoders).map((e) => source(`enc-${e}`, `/${e}`)), opts);
  for (const result of results) {
    assert.equal(result.status, "fetched", `${result.id}: ${result.error}`);
    assert.deepEqual(await readFile(result.file!), feed, result.id);
  }
});

test("a redirect is followed and the final URL reported; a redirect loop fails without retries", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  server.route("/old-home", (_req, res) => res.writeHead(301, { location: "/new-home" }).end());
  server.route("/new-home", (_req, res) => res.writeHead(200, { "content-type": RSS_TYPE }).end(feed));
  server.route("/loop-a", (_req, res) => res.writeHead(302, { location: "/loop-b" }).end());
  server.route("/loop-b", (_req, res) => res.writeHead(302, { location: "/loop-a" }).end());
  const [moved, loop] = await fetchFeeds([source("moved", "/old-home"), source("loop", "/loop-a")], opts);
  assert.equal(moved.status, "fetched");
  assert.equal(moved.finalUrl, `${server.base}/new-home`);
  assert.deepEqual(await readFile(moved.file!), feed);
  assert.equal(loop.status, "failed");
  assert.match(loop.error!, /^redirect loop at /);
  assert.equal(server.hits.get("/loop-a"), 1);
});

test("a body over the size cap fails and nothing is saved", async (t) => {
  const opts = await setup(t, { maxBytes: 1024 });
  if (!opts) return;
  server.route("/big", (_req, res) => res.writeHead(200, { "content-type": RSS_TYPE }).end(feed));
  const [result] = await fetchFeeds([source("big", "/big")], opts);
  assert.ok(feed.length > 1024);
  assert.equal(result.status, "failed");
  assert.match(result.error!, /over the 1024-byte limit/);
  assert.equal(existsSync(path.join(opts.cacheDir, "big.xml")), false);
  assert.equal(server.hits.get("/big"), 1);
});

test("a GBK feed without an HTTP charset is saved byte for byte and reads back through the readers", async (t) => {
  const opts = await setup(t);
  if (!opts || !requireShared(t, SEED)) return;
  // Our own RSS wrapper around the seed item's title, taken from the shared sample at run time.
  const title = /^\[([^\]]+)\]/m.exec(await readFile(SEED, "utf8"))![1];
  const gbk = iconv.encode(`<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>GBK</title><item><title>${title}</title><link>https://example.org/a</link></item></channel></rss>`, "gbk");
  server.route("/gbk", (_req, res) => res.writeHead(200, { "content-type": "application/xml" }).end(gbk));
  const [result] = await fetchFeeds([source("gbk", "/gbk")], opts);
  assert.equal(result.contentType, "application/xml");
  const saved = await readFile(result.file!);
  assert.ok(saved.equals(gbk));
  const read = readText(decodeBytes(saved, result.contentType), result.file!, { baseUrl: result.finalUrl });
  assert.equal(read.kind === "items" && read.items[0].title, title);
});

test("no more than `concurrency` feeds are fetched at once, and results keep the sources' order", async (t) => {
  const opts = await setup(t, { concurrency: 2 });
  if (!opts) return;
  const ids = ["c0", "c1", "c2", "c3", "c4", "c5"];
  for (const id of ids) server.route(`/${id}`, (_req, res) => void setTimeout(() => res.writeHead(200, { "content-type": RSS_TYPE }).end(feed), 60));
  server.maxInFlight = 0;
  const results = await fetchFeeds(ids.map((id) => source(id, `/${id}`)), opts);
  assert.deepEqual(results.map((r) => r.id), ids);
  assert.ok(results.every((r) => r.status === "fetched"));
  assert.equal(server.maxInFlight, 2);
});

test("a corrupt state file is reported and replaced, and the run goes on", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  server.route("/ok", (_req, res) => res.writeHead(200, { "content-type": RSS_TYPE, etag: '"ok"' }).end(feed));
  await writeFile(opts.stateFile, '{"version": 1, "feeds": {"ok": {"etag": 12');
  const warnings: string[] = [];
  const [result] = await fetchFeeds([source("ok", "/ok")], { ...opts, onWarning: (w) => warnings.push(w) });
  assert.equal(result.status, "fetched");
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /not valid JSON/);
  const reloaded = await loadFeedState(opts.stateFile);
  assert.equal(reloaded.warning, undefined);
  assert.equal(reloaded.state.feeds.ok.etag, '"ok"');
});

test("a dry run fetches and reports but writes no body and no state", async (t) => {
  const opts = await setup(t, { dryRun: true });
  if (!opts) return;
  server.route("/dry", (_req, res) => res.writeHead(200, { "content-type": RSS_TYPE }).end(feed));
  const [result] = await fetchFeeds([source("dry", "/dry")], opts);
  assert.equal(result.status, "fetched");
  assert.equal(result.file, undefined);
  assert.deepEqual(Buffer.from(result.body!), feed);
  assert.equal(existsSync(opts.stateFile), false);
  assert.equal(existsSync(opts.cacheDir), false);
});

test("path sources are local, and a missing path fails", async (t) => {
  const opts = await setup(t);
  if (!opts) return;
  const [local, missing] = await fetchFeeds(
    [
      { id: "local", name: "local", path: RSS_SAMPLE },
      { id: "missing", name: "missing", path: path.join(opts.cacheDir, "nothing.xml") },
    ],
    opts,
  );
  assert.deepEqual([local.status, local.file], ["local", RSS_SAMPLE]);
  assert.equal(missing.status, "failed");
  assert.match(missing.error!, /ENOENT/);
});

