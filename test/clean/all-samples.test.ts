// Every real sample cleans without an exception, leaks nothing and keeps its text. (Its speed is
// measured by `npm run bench`, never by a test.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "cheerio/slim";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import type { CleanedItem } from "../../scripts/ingest/clean/cleaned-item.ts";
import { allSamples, ITEMS, requireShared } from "./samples.ts";

const LEAKS: Array<[string, RegExp]> = [
  ["image proxy", /weserv|wsrv\.nl|\/unsafe\/\d+x\d+/i],
  ["feed footer", /获取更多RSS|feedx\./i],
  ["share block", /addtoany|a2a_|facebook\.com\/dialog\/share|twitter\.com\/intent|whatsapp:|分享 :/i],
  ["script", /<script|<\/script/i],
  ["event handler", /\son[a-z]+\s*=/i],
  ["iframe", /<iframe|<video|<audio|<embed|<object/i],
  ["style", /\sstyle\s*=|<style/i],
  ["custom element", /<[a-z]+-[a-z-]*[\s>]/i],
  ["comment", /<!--/],
  ["api link", /api\.dw\.com/i],
  ["topic marker", /AUTO_TOPIC/],
];

function allText(c: CleanedItem): string {
  const parts = [load(c.html, null, false).text(), c.image?.caption, c.image?.credit, c.gallery?.title];
  for (const image of c.gallery?.images ?? []) parts.push(image.title, image.caption, image.credit);
  return parts.filter(Boolean).join("\n").replace(/\s+/g, "");
}

test("every real sample cleans with no exception, no leak, and keeps every paragraph's text", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const samples = allSamples();
  assert.ok(samples.length >= 37);
  for (const [name, raw] of samples) {
    const cleaned = cleanItem(raw);
    for (const [what, re] of LEAKS) {
      assert.doesNotMatch(cleaned.html, re, `${name}: ${what} leaked`);
      assert.doesNotMatch(JSON.stringify({ ...cleaned, html: "", notes: [] }), re, `${name}: ${what} leaked into the data`);
    }
    assert.ok(!cleaned.notes.some((n) => /failed|skipped/.test(n)), `${name}: ${cleaned.notes.join("; ")}`);
    // The real text: every paragraph of the input with 20+ characters is still there somewhere.
    const kept = allText(cleaned);
    const $ = load(raw.html, null, false);
    for (const p of $("p").toArray()) {
      const text = $(p).text().replace(/\s+/g, "");
      if (text.length >= 20 && !/获取更多RSS/.test(text)) assert.ok(kept.includes(text), `${name}: lost "${text.slice(0, 40)}…"`);
    }
    if ($("p").text().replace(/\s+/g, "").length > 100) assert.ok(kept.length > 100, `${name}: kept too little text`);
  }
});
