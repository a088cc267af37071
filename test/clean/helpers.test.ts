// The URL and date helpers the rules share, on the shapes seen in the archive.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBylineDate, zoneForLink } from "../../scripts/ingest/clean/dates.ts";
import { bestSrcsetCandidate, isApiEndpoint, repairEntityAccidents, stripTracking, unwrapProxy } from "../../scripts/ingest/clean/urls.ts";

test("unwrapProxy unwraps weserv (both spellings, ssl: prefix, encoded) and thumbor", () => {
  assert.equal(unwrapProxy("https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg"), "https://static.dw.com/image/1_303.jpg");
  assert.equal(unwrapProxy("https://images.weserv.nl?url=gdb.voanews.com/a.jpg&w=600"), "https://gdb.voanews.com/a.jpg");
  assert.equal(unwrapProxy("//images.weserv.nl/?url=ssl:a.example/b.png"), "https://a.example/b.png");
  assert.equal(unwrapProxy("https://images.weserv.nl/?url=https%3A%2F%2Fa.example%2Fb.jpg%3Fx%3D1"), "https://a.example/b.jpg?x=1");
  assert.equal(unwrapProxy("https://images.weserv.nl/?url=a.example/b.jpg?q=75&auto=webp&w=10"), "https://a.example/b.jpg?q=75&auto=webp");
  assert.equal(unwrapProxy("https://t.example/unsafe/1340x754/https://t.example/unsafe/picture/1.jpg"), "https://t.example/unsafe/picture/1.jpg");
  assert.equal(unwrapProxy("https://static.dw.com/image/1.jpg"), "https://static.dw.com/image/1.jpg");
});

test("repairEntityAccidents restores &reg / &copy / &times params, only in the query", () => {
  assert.equal(repairEntityAccidents("https://a.example/?x=1®ion=us©right=no×tamp=3"), "https://a.example/?x=1&region=us&copyright=no&timestamp=3");
  assert.equal(repairEntityAccidents("https://a.example/®/?q=©"), "https://a.example/®/?q=©");
  assert.equal(repairEntityAccidents("https://a.example/?a=1&amp;b=2"), "https://a.example/?a=1&b=2");
});

test("stripTracking keeps the other parameters byte for byte", () => {
  const url = new URL("https://a.example/p?utm_source=x&q=%E4%B8%AD+x&gclid=1&ocid=2&keep=1~");
  assert.equal(stripTracking(url), true);
  assert.equal(url.href, "https://a.example/p?q=%E4%B8%AD+x&keep=1~");
  const nyt = new URL("https://www.nytimes.com/2023/a.html?te=1&nl=morning&smid=tw&page=2");
  stripTracking(nyt);
  assert.equal(nyt.href, "https://www.nytimes.com/2023/a.html?page=2");
  const other = new URL("https://b.example/?te=1");
  assert.equal(stripTracking(other), false);
});

test("isApiEndpoint and bestSrcsetCandidate", () => {
  assert.equal(isApiEndpoint(new URL("https://api.dw.com/api/detail/article/66791845")), true);
  assert.equal(isApiEndpoint(new URL("https://www.dw.com/zh/a-1")), false);
  assert.equal(bestSrcsetCandidate("a.jpg 240w, b.jpg 1024w, c.jpg 640w"), "b.jpg");
  assert.equal(bestSrcsetCandidate("a.jpg 1x, b.jpg 2x"), "b.jpg");
  assert.equal(bestSrcsetCandidate("https://x.example/a,b.jpg 300w, https://x.example/c.jpg 100w"), "https://x.example/a,b.jpg");
  assert.equal(bestSrcsetCandidate(""), undefined);
});

test("parseBylineDate reads the archive's date shapes and refuses relative times", () => {
  assert.equal(parseBylineDate("2023-09-14T11:34:28.859Z"), "2023-09-14T11:34:28.859Z");
  assert.equal(parseBylineDate("Thu, 18 Jul 2024 14:41:01 GMT"), "2024-07-18T14:41:01.000Z");
  assert.equal(parseBylineDate("25/09/2023 - 00:48", "Europe/Paris"), "2023-09-24T22:48:00.000Z");
  assert.equal(parseBylineDate("25/01/2023 - 00:48", "Europe/Paris"), "2023-01-24T23:48:00.000Z");
  assert.equal(parseBylineDate("25/01/2023 - 00:48 UTC", "Europe/Paris"), "2023-01-25T00:48:00.000Z");
  assert.equal(parseBylineDate("2020-10-16 10:47:24", "Asia/Shanghai"), "2020-10-16T02:47:24.000Z");
  assert.equal(parseBylineDate("2020-10-16 10:47:24+01:00", "Asia/Shanghai"), "2020-10-16T09:47:24.000Z");
  for (const text of ["19 分钟前", "1 小时前", "2024-08-07", "Array", "null", "", "2023-13-45T99:00:00Z"]) {
    assert.equal(parseBylineDate(text, "Asia/Shanghai"), undefined, text);
  }
  assert.equal(zoneForLink("https://cn.nytimes.com/opinion/1/"), "Asia/Shanghai");
  assert.equal(zoneForLink("https://www.rfi.fr/cn/x"), "Europe/Paris");
  assert.equal(zoneForLink("not a url"), "UTC");
});
