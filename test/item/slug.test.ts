import assert from "node:assert/strict";
import { test } from "node:test";
import { slugify, slugOrFallback, uniqueSlug } from "../../scripts/ingest/item/slug.ts";

test("CJK topics become pinyin slugs", () => {
  assert.equal(slugify("乌克兰作战"), "wu-ke-lan-zuo-zhan");
  assert.equal(slugify("烏克蘭作戰"), "wu-ke-lan-zuo-zhan");
});

test("mixed CJK and Latin text keeps the Latin words", () => {
  assert.equal(slugify("新冠 COVID-19 疫情"), "xin-guan-covid-19-yi-qing");
});

test("Latin titles are folded to ASCII and punctuation becomes separators", () => {
  assert.equal(slugify("Café déjà vu: the Über-plan!"), "cafe-deja-vu-the-uber-plan");
});

test("a title that is a path cannot produce a path", () => {
  const slug = slugify("../../etc/passwd");
  assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.ok(!slug.includes("/") && !slug.includes("."));
});

test("long titles are cut at a word boundary", () => {
  const slug = slugify("普京会见金正恩 双方交换的是什么？这是一个非常非常长的标题需要被截断");
  assert.ok(slug.split("-").length <= 12);
  assert.ok(!slug.endsWith("-"));
});

test("slugs are never empty", () => {
  assert.equal(slugify("🎉 ！？"), "");
  assert.match(slugOrFallback("🎉 ！？", "key-1"), /^item-[0-9a-f]{8}$/);
  assert.notEqual(slugOrFallback("🎉", "key-1"), slugOrFallback("🎉", "key-2"));
});

test("unique slugs append a counter", () => {
  const taken = new Set(["a", "a-2"]);
  assert.equal(uniqueSlug("a", taken), "a-3");
  assert.equal(uniqueSlug("b", taken), "b");
});
