// The seed item, the one the project was designed from, cleans to every field the design names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import { htmlToMarkdown } from "../../scripts/ingest/convert/to-markdown.ts";
import { requireShared, sample, SEED } from "./samples.ts";

test("the seed item yields its byline, lead image, gallery and topic, and keeps its paragraphs", (t) => {
  if (!requireShared(t, SEED)) return;
  const cleaned = cleanItem(sample("seed"));
  assert.equal(cleaned.author, "Julian Ryall");
  assert.equal(cleaned.date, "2023-09-14T11:34:28.859Z");
  assert.deepEqual(cleaned.image, { src: "https://static.dw.com/image/63677526_303.jpg", caption: "朝鲜储备有大量的老式武器弹药。" });
  assert.equal(cleaned.gallery?.title, "普京与金正恩会晤，为何约东方航天发射场？");
  assert.equal(cleaned.gallery?.images.length, 7);
  assert.equal(cleaned.gallery?.images[0].title, "普金会在哪里？");
  assert.equal(cleaned.gallery?.images[0].src, "https://static.dw.com/image/66798104_303.jpg");
  for (const image of cleaned.gallery!.images) {
    assert.match(image.src, /^https:\/\/static\.dw\.com\/image\/\d+_303\.jpg$/);
    assert.ok(image.title && image.caption && !image.caption.startsWith("："), `${image.src} has title and caption`);
  }
  assert.deepEqual(cleaned.topics, ["乌克兰作战"]);

  const markdown = htmlToMarkdown(cleaned.html);
  for (const out of [cleaned.html, markdown]) {
    assert.doesNotMatch(out, /feedx|获取更多RSS|weserv|AUTO_TOPIC|Julian Ryall|2023-09-14T11|63677526|66798104/);
    // First and last paragraphs, the topic's sentence with the topic text kept, the copyright line.
    assert.match(out, /（德国之声中文网）周三（13日），普京与到访的朝鲜最高领导人金正恩/);
    assert.match(out, /无法为在乌克兰作战的部队提供足够弹药/);
    assert.match(out, /三方结成真正的联盟既不可信也不可持续/);
    assert.match(out, /© 2023年德国之声版权声明/);
  }
  // The API link is reduced to its text; the bold subheading stays.
  assert.match(cleaned.html, /<p>朝鲜和俄罗斯之间的任何武器交易/);
  assert.match(markdown, /\*\*武器换粮食？\*\*/);
  assert.equal((cleaned.html.match(/<p>/g) ?? []).length, 23);
});
