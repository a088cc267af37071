import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "node:test";
import iconv from "iconv-lite";
import { NotTextError, decodeBytes, sniffCharset } from "../../scripts/ingest/charset.ts";
import { readSources } from "../../scripts/ingest/load-sources.ts";
import { FEEDS, haveFeeds } from "./locations.ts";

// Our own sentences, in Simplified (for GBK) and Traditional (for Big5) characters.
const SIMPLIFIED = "编码测试：简体中文标题，含“引号”与《书名号》。";
const TRADITIONAL = "編碼測試：繁體中文標題，含「引號」與《書名號》。";

const rss = (title: string, decl?: string) =>
  `${decl ? `<?xml version="1.0" encoding="${decl}"?>\n` : ""}<rss version="2.0"><channel><title>${title}</title>` +
  `<link>https://enc.example.org/</link><item><title>${title}</title><link>https://enc.example.org/1</link></item></channel></rss>`;

test("decodes GBK, GB2312 and Big5 named by the XML declaration", () => {
  for (const [label, text, codec] of [["GBK", SIMPLIFIED, "gbk"], ["gb2312", SIMPLIFIED, "gbk"], ["Big5", TRADITIONAL, "big5"]]) {
    const bytes = iconv.encode(rss(text, label), codec);
    assert.notEqual(bytes.toString("utf8").includes(text), true, "the bytes are not UTF-8");
    assert.ok(decodeBytes(bytes).includes(`<title>${text}</title>`), label);
  }
});

test("without a declaration, the HTTP charset decides; without either, UTF-8", () => {
  const gbk = iconv.encode(rss(SIMPLIFIED), "gbk");
  assert.ok(decodeBytes(gbk, "application/rss+xml; charset=GBK").includes(SIMPLIFIED));
  const big5 = iconv.encode(rss(TRADITIONAL), "big5");
  assert.ok(decodeBytes(big5, 'text/xml;charset="big5"').includes(TRADITIONAL));
  assert.equal(sniffCharset(Buffer.from(rss(SIMPLIFIED))), "utf8");
  assert.ok(decodeBytes(Buffer.from(rss(SIMPLIFIED))).includes(SIMPLIFIED));
});

test("the HTTP charset wins over the XML declaration; a BOM wins over both", () => {
  const big5 = iconv.encode(rss(TRADITIONAL, "utf-8"), "big5");
  assert.ok(decodeBytes(big5, "text/xml; charset=big5").includes(TRADITIONAL));
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(SIMPLIFIED, "gbk"))]);
  const text = decodeBytes(withBom, "text/xml; charset=big5");
  assert.ok(text.startsWith("<?xml") && text.includes(SIMPLIFIED));
  const utf16 = iconv.encode(`\ufeff${rss(SIMPLIFIED)}`, "utf-16le");
  assert.ok(decodeBytes(utf16).startsWith("<rss"));
});

test("reads an HTML page's meta charset with the HTML parser", () => {
  const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${SIMPLIFIED}</title></head></html>`;
  assert.ok(decodeBytes(iconv.encode(page, "gbk")).includes(SIMPLIFIED));
  const page5 = `<html><head><meta charset="big5"></head><body>${TRADITIONAL}</body></html>`;
  assert.ok(decodeBytes(iconv.encode(page5, "big5")).includes(TRADITIONAL));
});

test("ISO-8859-1 decodes as windows-1252, as browsers do", () => {
  const bytes = Buffer.from([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, ...Buffer.from("</t>")]);
  assert.match(decodeBytes(bytes), /<t>“Café”<\/t>/);
});

test("gunzips, and refuses binary data and gzip bombs", () => {
  assert.ok(decodeBytes(gzipSync(Buffer.from(rss(SIMPLIFIED)))).includes(SIMPLIFIED));
  assert.throws(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), NotTextError);
  assert.throws(() => decodeBytes(Buffer.from("abc\u0000def")), /binary/);
  // NUL bytes count within the first 8 KB, wherever they fall there; later ones do not.
  const nulAt = (at: number) => Buffer.concat([Buffer.alloc(at, "a"), Buffer.from([0]), Buffer.from("tail")]);
  assert.throws(() => decodeBytes(nulAt(8191)), /binary/);
  assert.equal(decodeBytes(nulAt(8192)).length, 8197);
  assert.throws(() => decodeBytes(gzipSync(Buffer.alloc(2_000_000, 0x20)), undefined, { maxBytes: 1_000_000 }), /expands beyond/);
  assert.throws(() => decodeBytes(Buffer.from([0x1f, 0x8b, 0x08, 1, 2, 3])), /broken gzip/);
});

test("decodes the windows-1251 and gzip feeds of node-feedparser to the same text", (t) => {
  if (!haveFeeds) return t.skip(`no shared feeds at ${FEEDS}`);
  const plain = decodeBytes(readFileSync(path.join(FEEDS, "node-feedparser/iconv.xml")));
  const gzipped = decodeBytes(readFileSync(path.join(FEEDS, "node-feedparser/compressed.xml")));
  assert.equal(gzipped, plain);
  assert.match(plain, /Новости Оренбурга/);
});

test("a feed served over HTTP with only a charset header reads right end to end", async () => {
  const bodies: Record<string, [Buffer, string]> = {
    "/gbk": [iconv.encode(rss(SIMPLIFIED), "gbk"), "application/rss+xml; charset=gbk"],
    "/big5": [iconv.encode(rss(TRADITIONAL), "big5"), "text/xml; charset=Big5"],
    "/big5-declared": [iconv.encode(rss(TRADITIONAL, "big5"), "big5"), "text/xml"],
  };
  const server = http.createServer((req, res) => {
    const [body, type] = bodies[req.url ?? ""] ?? [Buffer.from("missing"), "text/plain"];
    res.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const titles: string[] = [];
    for await (const o of readSources(Object.keys(bodies).map((p) => base + p))) {
      if ("error" in o) assert.fail(`${o.input}: ${o.error}`);
      titles.push(o.items[0].title ?? "");
    }
    assert.deepEqual(titles, [SIMPLIFIED, TRADITIONAL, TRADITIONAL]);
  } finally {
    server.close();
  }
});
