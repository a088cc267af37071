import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import { resolveDate } from "../../scripts/ingest/item/dates.ts";
import { detectLanguage, normalizeLanguageTag } from "../../scripts/ingest/item/language.ts";
import { summarize, truncate } from "../../scripts/ingest/item/summary.ts";

test("Simplified and Traditional Chinese are told apart", () => {
  assert.equal(detectLanguage("这个国家的经济发展对世界来说很重要，专家们这样说。"), "zh-Hans");
  assert.equal(detectLanguage("這個國家的經濟發展對世界來說很重要，專家們這樣說。"), "zh-Hant");
  assert.equal(detectLanguage("The council met on Tuesday to discuss the budget."), "en");
});

test("language: Japanese and Korean, characters outside the BMP counted once, too little Han text", () => {
  assert.equal(detectLanguage("東京の天気は晴れです。"), "ja");
  assert.equal(detectLanguage("서울 날씨는 맑습니다."), "ko");
  // Four Han characters, each two UTF-16 units, in a text of twelve: more than 15%, and Simplified
  // by default when no paired character tells.
  assert.equal(detectLanguage("𠮷𠮷𠮷𠮷 abcdefgh"), "zh-Hans");
  // Three Han characters are too few to call a text Chinese.
  assert.equal(detectLanguage("𠮷𠮷𠮷 ab"), "en");
  assert.equal(detectLanguage("A long English sentence that mentions 北京 once.", "fr"), "fr");
  assert.equal(detectLanguage("這個國家 this country 这"), "zh-Hant");
});

test("feed language codes are normalized", () => {
  assert.equal(normalizeLanguageTag("zh-CN"), "zh-Hans");
  assert.equal(normalizeLanguageTag("zh_TW"), "zh-Hant");
  assert.equal(normalizeLanguageTag("en-US"), "en");
  assert.equal(normalizeLanguageTag(""), undefined);
});

test("the byline date wins over the feed date", () => {
  const now = new Date("2024-01-01T00:00:00Z");
  assert.equal(resolveDate("2023-09-14T11:34:28.859Z", "2023-09-14T11:47:04Z", now).date, "2023-09-14T11:34:28.859Z");
  assert.equal(resolveDate(undefined, "Thu, 14 Sep 2023 11:47:04 GMT", now).date, "2023-09-14T11:47:04.000Z");
});

test("dates in ECMAScript's own format read as luxon reads them, every other form goes to luxon", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  const viaLuxon = (value: string) => DateTime.fromISO(value, { setZone: true }).toUTC().toISO({ suppressMilliseconds: false });
  for (const value of [
    "2023-09-14T11:34:28.859Z",
    "2023-09-14T11:34:28Z",
    "2023-09-14T11:34Z",
    "2023-09-14T19:34:28.859+08:00",
    "2023-12-31T23:30:00-05:00",
    "2024-02-29T12:00:00+14:00",
  ]) {
    assert.equal(resolveDate(value, undefined, now).date, viaLuxon(value), value);
    assert.equal(resolveDate(undefined, value, now).date, viaLuxon(value), value);
  }
  // Not that format: luxon decides (a zone-less date, an offset without a colon; an impossible date falls to the feed's).
  for (const value of ["2023-09-14T11:34:28", "2023-09-14T11:34:28.859123Z"]) assert.equal(resolveDate(value, undefined, now).date, viaLuxon(value), value);
  assert.equal(resolveDate("2023-13-14T11:34:28Z", "2023-09-14T11:34:28+0800", now).date, "2023-09-14T03:34:28.000Z");
});

test("missing and future dates are flagged", () => {
  const now = new Date("2024-01-01T00:00:00Z");
  const missing = resolveDate(undefined, "not a date", now);
  assert.deepEqual(missing.flags, ["missing-date"]);
  assert.equal(missing.date, "2024-01-01T00:00:00.000Z");
  assert.deepEqual(resolveDate("2024-01-02T00:00:00Z", undefined, now).flags, ["future-date"]);
  assert.deepEqual(resolveDate("2024-01-01T03:00:00Z", undefined, now).flags, []);
});

test("summaries cut CJK text at a sentence end", () => {
  const html = `<p>${"这是第一句话，内容比较长一些。".repeat(12)}</p><p>第二段。</p>`;
  const s = summarize(html);
  assert.ok(s.length <= 120, `length ${s.length}`);
  assert.ok(s.endsWith("。"));
});

test("summaries of Latin text cut at a word with an ellipsis when no sentence ends", () => {
  const s = truncate("word ".repeat(100).trim());
  assert.ok(s.endsWith("…"));
  assert.ok(s.length <= 241);
  assert.ok(!s.includes("wor…"));
});

test("summaries: a text is CJK by its first 200 characters, those outside the BMP counted once", () => {
  // 41 CJK characters among the first 200: the CJK limit (about 120).
  assert.equal(truncate(`${"中".repeat(41)}${"x".repeat(300)}`).length, 121);
  // 40 are not enough: the Latin limit (about 240).
  assert.equal(truncate(`${"中".repeat(40)}${"x".repeat(300)}`).length, 241);
  // 30 characters outside the BMP are 60 UTF-16 units, yet only 30 characters: Latin.
  assert.ok(truncate(`${"𠮷".repeat(30)}${"x".repeat(300)}`).length > 200);
});
