import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readText } from "../../scripts/ingest/readers/index.ts";
import { readJsonFeed } from "../../scripts/ingest/readers/json-feed.ts";
import { FIXTURES } from "./locations.ts";

const fixture = (name: string) => path.join(FIXTURES, "jsonfeed", name);
const read = (name: string) => readJsonFeed(readFileSync(fixture(name), "utf8"), fixture(name));

test("reads JSON Feed 1.0: content_text escaped into paragraphs, image, banner, tags, author", () => {
  const [first, second] = read("v1.json");
  assert.equal(first.format, "jsonfeed");
  assert.equal(first.guid, "v1-first");
  assert.equal(first.link, "https://json.example.org/posts/first", "relative url resolved against feed_url");
  assert.equal(first.html, "<p>纯文本正文 &lt;不是标签&gt; &amp; 符号。</p>\n<p>第二段。</p>");
  assert.equal(first.date, "2024-03-01T02:00:00.000Z");
  assert.deepEqual(first.categories, ["科技", "测试"]);
  assert.equal(first.author, "编辑部", "the 1.0 feed author");
  assert.deepEqual(first.media.map((m) => m.url), ["https://json.example.org/images/first.jpg", "https://cdn.example.org/banner.jpg"]);
  assert.deepEqual(first.feed, { title: "示例 JSON Feed 1.0", link: "https://json.example.org/", id: "https://json.example.org/feed.json", lang: undefined });

  assert.equal(second.guid, "42", "numeric ids become strings");
  assert.equal(second.html, "<p>HTML 正文</p>");
  assert.equal(second.summary, "摘要");
  assert.equal(second.date, "2024-03-02T00:00:00.000Z", "date_modified when there is no date_published");
  assert.deepEqual(second.media, [{ url: "https://cdn.example.org/a.mp3", role: "content", type: "audio/mpeg", title: "音频" }]);
});

test("reads JSON Feed 1.1: authors, item and feed language", () => {
  const [first, second] = read("v1.1.json");
  assert.equal(first.author, "甲, 乙");
  assert.equal(first.lang, "zh-Hant-TW");
  assert.equal(first.feed?.lang, "zh-Hant");
  assert.equal(first.title, "繁體標題");
  assert.equal(first.baseUrl, "https://json11.example.org/", "home page as base for relative URLs in content_html");
  assert.equal(second.lang, "zh-Hant", "the feed language when the item has none");
  assert.equal(second.author, "Feed Author");
  assert.equal(second.title, undefined);
  assert.equal(second.html, "<p>no title here</p>");
});

test("detects JSON Feeds by content and refuses other JSON with a reason", () => {
  const result = readText(readFileSync(fixture("v1.1.json"), "utf8"), "feed.txt");
  assert.equal(result.kind === "items" && result.format, "jsonfeed");
  assert.throws(() => readText('{"name": "package"}', "package.json"), /package\.json: not a feed: JSON without a jsonfeed\.org version/);
  assert.throws(() => readText("{ broken", "broken.json"), /broken\.json: not a feed: invalid JSON/);
});
