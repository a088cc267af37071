import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { fetchUrl } from "../../scripts/ingest/fetch-url.ts";

let server: http.Server;
let base = "";

before(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/feed") return res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end("<rss>ok</rss>");
    if (url === "/moved") return res.writeHead(301, { location: "/hop" }).end();
    if (url === "/hop") return res.writeHead(302, { location: `${base}/feed` }).end();
    if (url === "/loop-a") return res.writeHead(302, { location: "/loop-b" }).end();
    if (url === "/loop-b") return res.writeHead(302, { location: "/loop-a" }).end();
    if (url.startsWith("/chain/")) return res.writeHead(302, { location: `/chain/${Number(url.slice(7)) + 1}` }).end();
    if (url === "/to-file") return res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (url === "/slow") return void setTimeout(() => res.writeHead(200).end("late"), 2000).unref();
    if (url === "/huge") {
      // No Content-Length: the cap must hold while the body streams.
      res.writeHead(200, { "content-type": "text/xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once("drain", pump);
        else res.end();
      };
      res.on("error", () => {});
      return pump();
    }
    if (url === "/declared-huge") return res.writeHead(200, { "content-length": "999999999" }).end();
    res.writeHead(404).end("no");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test("fetches a 200 with its bytes, content type and final URL", async () => {
  const res = await fetchUrl(`${base}/feed`);
  assert.equal(res.status, 200);
  assert.equal(Buffer.from(res.bytes).toString(), "<rss>ok</rss>");
  assert.equal(res.contentType, "application/rss+xml; charset=utf-8");
  assert.equal(res.finalUrl, `${base}/feed`);
});

test("follows relative and absolute redirects and reports where it ended", async () => {
  const res = await fetchUrl(`${base}/moved`);
  assert.equal(res.finalUrl, `${base}/feed`);
  assert.equal(Buffer.from(res.bytes).toString(), "<rss>ok</rss>");
});

test("stops a redirect loop and a chain longer than five redirects", async () => {
  await assert.rejects(fetchUrl(`${base}/loop-a`), (err: Error) => err.message.startsWith(`${base}/loop-a: redirect loop`));
  await assert.rejects(fetchUrl(`${base}/chain/0`), /more than 5 redirects/);
  await assert.rejects(fetchUrl(`${base}/chain/0`, { maxRedirects: 2 }), /more than 2 redirects/);
});

test("gives up after the timeout", async () => {
  const started = Date.now();
  await assert.rejects(fetchUrl(`${base}/slow`, { timeoutMs: 150 }), new RegExp(`^Error: ${base}/slow: timed out after 150 ms`));
  assert.ok(Date.now() - started < 1500);
});

test("refuses a body over the size cap, declared or streamed", async () => {
  await assert.rejects(fetchUrl(`${base}/huge`, { maxBytes: 256 * 1024 }), /body is over the 262144-byte limit/);
  await assert.rejects(fetchUrl(`${base}/declared-huge`), /body of 999999999 bytes is over/);
});

test("refuses non-http schemes, also as a redirect target, and reports HTTP errors", async () => {
  await assert.rejects(fetchUrl("file:///etc/passwd"), /^Error: file:\/\/\/etc\/passwd: only http and https are fetched, not file:/);
  await assert.rejects(fetchUrl("ftp://127.0.0.1/feed"), /only http and https/);
  await assert.rejects(fetchUrl(`${base}/to-file`), /only http and https are fetched, not file:/);
  await assert.rejects(fetchUrl(`${base}/nothing`), /: HTTP 404/);
  await assert.rejects(fetchUrl("not a url"), /not a valid URL/);
});
