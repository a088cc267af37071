import assert from "node:assert/strict";
import { test } from "node:test";
import { identify, normalizeLink } from "../../scripts/ingest/item/identity.ts";
import type { RawItem } from "../../scripts/ingest/raw-item.ts";

const raw = (over: Partial<RawItem>): RawItem => ({ input: "x", index: 0, format: "rss", categories: [], html: "<p>a</p>", media: [], ...over });

test("normalized links drop fragments, tracking parameters and the scheme difference", () => {
  assert.equal(
    normalizeLink("http://WWW.Example.com/a?id=3&utm_source=rss&fbclid=x#top"),
    "https://www.example.com/a?id=3",
  );
  assert.equal(normalizeLink("javascript:alert(1)"), undefined);
});

test("the same link from two sources is the same item", () => {
  const a = identify(raw({ link: "https://example.com/a?utm_medium=feed" }), "one");
  const b = identify(raw({ link: "http://example.com/a" }), "two");
  assert.equal(a.key, b.key);
});

test("plain guids are scoped to their source; URL guids are links", () => {
  assert.notEqual(identify(raw({ guid: "42" }), "one").key, identify(raw({ guid: "42" }), "two").key);
  assert.equal(identify(raw({ guid: "https://example.com/a" }), "one").key, identify(raw({ link: "https://example.com/a" }), "two").key);
});

test("without guid or link the id comes from the content and is stable", () => {
  const a = identify(raw({ title: "t", html: "<p>x</p>" }), "s");
  assert.equal(a.key, identify(raw({ title: "t", html: "<p>x</p>" }), "s").key);
  assert.notEqual(a.key, identify(raw({ title: "t", html: "<p>y</p>" }), "s").key);
  assert.match(a.id, /^s-[0-9a-f]{12}$/);
});
