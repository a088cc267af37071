// The nightly digest end to end, against a feed server on 127.0.0.1: every kind of feed outcome,
// a second run with nothing new, a run killed midway, two runs at once, and rollback.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { cachePaths, PROJECT_ROOT } from "../../scripts/config/paths.ts";
import { rollback, publishDirs } from "../../scripts/digest/publish.ts";
import { runDigest } from "../../scripts/digest/run-digest.ts";
import { acquireLock, LockedError } from "../../scripts/digest/run-lock.ts";
import { tempDir } from "../helpers/shared.ts";
import { startFeedServer, type FeedServer } from "./feed-server.ts";

const rss = (title: string, items: { title: string; link: string; body: string; date: string }[], encoding = "UTF-8") =>
  `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>${title}</title><link>https://news.example.org/</link><description>test</description>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${i.date}</pubDate><description><![CDATA[${i.body}]]></description></item>`).join("\n")}
</channel></rss>`;

const feedA = rss("晨报", [
  { title: "港口恢复夜间通航", link: "https://news.example.org/a/1", body: "<p>港口管理处周二宣布恢复夜间通航。</p>", date: "Tue, 24 Nov 2026 02:00:00 GMT" },
  { title: "新图书馆开放", link: "https://news.example.org/a/2", body: "<p>市立新图书馆周末开放，首日接待读者三千人。</p>", date: "Tue, 24 Nov 2026 03:00:00 GMT" },
]);
const feedGzip = rss("压缩频道", [{ title: "山区公路完成加固", link: "https://news.example.org/g/1", body: "<p>加固工程提前完工。</p>", date: "Tue, 24 Nov 2026 04:00:00 GMT" }]);
const feedRedirected = rss("转址频道", [{ title: "渡轮新航线开通", link: "https://news.example.org/r/1", body: "<p>新航线每日四班。</p>", date: "Tue, 24 Nov 2026 05:00:00 GMT" }]);
const feedGbk = iconv.encode(rss("国标频道", [{ title: "春季花展筹备就绪", link: "https://news.example.org/k/1", body: "<p>花展将于三月开幕。</p>", date: "Tue, 24 Nov 2026 06:00:00 GMT" }], "GBK"), "gbk");

let server: FeedServer;
let project: string;
let hangFirst = true;

function etagged(body: string | Buffer, tag: string, headers: Record<string, string> = {}) {
  return (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    if (req.headers["if-none-match"] === tag) return void res.writeHead(304, { ETag: tag }).end();
    res.writeHead(200, { "Content-Type": "application/rss+xml", ETag: tag, ...headers }).end(body);
  };
}

before(async () => {
  server = await startFeedServer();
  server.route("/a.xml", etagged(feedA, '"a1"', { "Content-Type": "application/rss+xml; charset=utf-8" }));
  server.route("/gzip.xml", etagged(gzipSync(feedGzip), '"g1"', { "Content-Encoding": "gzip" }));
  server.route("/moved.xml", (_req, res) => void res.writeHead(301, { Location: "/target.xml" }).end());
  server.route("/target.xml", etagged(feedRedirected, '"t1"'));
  server.route("/gbk.xml", etagged(feedGbk, '"k1"', { "Content-Type": "text/xml" }));
  server.route("/error.xml", (_req, res) => void res.writeHead(500).end("boom"));
  server.route("/slow.xml", (_req, res) => void setTimeout(() => res.writeHead(200).end(feedA), 3000));
  server.route("/loop1.xml", (_req, res) => void res.writeHead(302, { Location: "/loop2.xml" }).end());
  server.route("/loop2.xml", (_req, res) => void res.writeHead(302, { Location: "/loop1.xml" }).end());
  server.route("/malformed.xml", etagged("<html><body><p>This is a web page, not a feed.</p></body></html>", '"m1"', { "Content-Type": "text/html" }));
  server.route("/huge.xml", (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end("<rss>" + "x".repeat(300_000)));
  // Hangs on its first request only: the run killed during fetch is waiting on it.
  server.route("/hang.xml", (_req, res) => {
    if (hangFirst) return;
    etagged(feedA, '"a1"')(_req, res);
  });

  project = await tempDir("gazette-digest-");
  const data = path.join(project, "content", "_data");
  await mkdir(data, { recursive: true });
  const site = JSON.parse(await readFile(path.join(PROJECT_ROOT, "content/_data/site.json"), "utf8"));
  await writeFile(path.join(data, "site.json"), JSON.stringify(site));
  const feeds = [
    ["ok", "/a.xml"], ["gzip", "/gzip.xml"], ["moved", "/moved.xml"], ["gbk", "/gbk.xml"], ["error", "/error.xml"],
    ["slow", "/slow.xml"], ["loop", "/loop1.xml"], ["malformed", "/malformed.xml"], ["huge", "/huge.xml"],
  ].map(([id, p]) => ({ id, name: `Feed ${id}`, url: `${server.base}${p}` }));
  await writeFile(path.join(data, "feeds.json"), JSON.stringify(feeds));
});

after(() => server.close());

const options = () => ({
  contentDir: path.join(project, "content"),
  outputDir: path.join(project, "dist"),
  cacheDir: path.join(project, ".cache"),
  fetch: { timeoutMs: 1000, retries: 1, retryDelayMs: 50, maxBytes: 100_000 },
});

test("a run reports each feed's outcome, publishes the good ones and exits 3", async () => {
  const report = await runDigest(options());
  const feed = (id: string) => report.feeds.find((f) => f.id === id)!;
  assert.equal(report.exitCode, 3);
  assert.equal(report.published, true);
  for (const id of ["ok", "gzip", "moved", "gbk"]) {
    assert.equal(feed(id).error, undefined, `${id}: ${feed(id).error}`);
    assert.ok(feed(id).counts.new >= 1, `${id} has new items`);
  }
  assert.match(feed("error").error ?? "", /500/);
  assert.match(feed("slow").error ?? "", /time/i);
  assert.match(feed("loop").error ?? "", /redirect/i);
  assert.match(feed("malformed").error ?? "", /not a feed|HTML/i);
  assert.match(feed("huge").error ?? "", /limit|large|bytes/i);
  assert.equal(report.totals.feedsFailed, 5);

  const dist = options().outputDir;
  assert.ok(existsSync(path.join(dist, "index.html")));
  const status = JSON.parse(await readFile(path.join(dist, "status.json"), "utf8"));
  assert.equal(status.exitCode, 3);
  const statusPage = await readFile(path.join(dist, "status", "index.html"), "utf8");
  assert.match(statusPage, /Feed error/);
  assert.match(statusPage, /500/);
  // The GBK feed, served without an HTTP charset, decoded by its XML declaration.
  const index = await readFile(path.join(project, "content/_data/itemIndex.json"), "utf8");
  assert.match(index, /春季花展筹备就绪/);
  assert.match(index, /渡轮新航线开通/);
  assert.ok(existsSync(path.join(project, ".cache", "digest-report.json")));
});

test("a second run with nothing new changes no content file", async () => {
  const before = await snapshot(path.join(project, "content"));
  const report = await runDigest(options());
  for (const f of report.feeds) {
    if (f.error) continue;
    assert.equal(f.fetch, "not-modified", `${f.id} is not modified`);
  }
  assert.equal(report.totals.new + report.totals.updated, 0);
  assert.deepEqual(await snapshot(path.join(project, "content")), before);
  assert.ok(existsSync(publishDirs(options().outputDir).previous));
});

test("a second run at the same time refuses", async () => {
  const lock = await acquireLock(cachePaths(options().cacheDir).digestLock);
  try {
    await assert.rejects(runDigest(options()), LockedError);
  } finally {
    await lock.release();
  }
});

test("--rollback restores the previous build", async () => {
  const dirs = publishDirs(options().outputDir);
  const live = JSON.parse(await readFile(path.join(dirs.live, "status.json"), "utf8")).startedAt;
  const previous = JSON.parse(await readFile(path.join(dirs.previous, "status.json"), "utf8")).startedAt;
  await rollback(dirs);
  assert.equal(JSON.parse(await readFile(path.join(dirs.live, "status.json"), "utf8")).startedAt, previous);
  await rollback(dirs);
  assert.equal(JSON.parse(await readFile(path.join(dirs.live, "status.json"), "utf8")).startedAt, live);
});

test("a run killed during fetch or build leaves dist/ as it was, and the next run completes", async () => {
  const feedsFile = path.join(project, "content/_data/feeds.json");
  const feeds = JSON.parse(await readFile(feedsFile, "utf8"));
  await writeFile(feedsFile, JSON.stringify([...feeds.filter((f: { id: string }) => ["ok", "gbk"].includes(f.id)), { id: "hang", name: "Feed hang", url: `${server.base}/hang.xml` }]));
  const dist = options().outputDir;
  const published = await snapshot(dist);

  // Killed while the hanging feed is being fetched.
  await killWhen(() => (server.hits.get("/hang.xml") ?? 0) > 0);
  assert.deepEqual(await snapshot(dist), published);

  // Killed while the build is being written beside dist/.
  hangFirst = false;
  await killWhen(() => siblings(dist).then((names) => names.some((n) => n.startsWith(`${path.basename(dist)}.next`))));
  assert.deepEqual(await snapshot(dist), published);

  const report = await runDigest(options());
  assert.equal(report.published, true, report.problems.join("; "));
  assert.equal(report.exitCode, 0);
  assert.ok((await siblings(dist)).every((n) => !n.includes(".next") && !n.includes(".staging")));
});

async function killWhen(condition: () => boolean | Promise<boolean>): Promise<void> {
  const o = options();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/cli/digest.ts"), "--quiet", "--content-dir", o.contentDir, "--output", o.outputDir, "--cache-dir", o.cacheDir], {
    cwd: PROJECT_ROOT,
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition to kill the run never came");
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await exited;
}

async function siblings(dir: string): Promise<string[]> {
  return readdir(path.dirname(dir));
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(dir, file)] = `${(await stat(file)).mtimeMs}:${createHash("sha1").update(await readFile(file)).digest("hex")}`;
  }
  return out;
}
