// The once-per-model index must answer exactly as site-model.ts's scans do.
import assert from "node:assert/strict";
import { test } from "node:test";
import { RelatedIndex } from "../../scripts/site/build/related-index.ts";
import { siteConfigSchema } from "../../scripts/site/site-config.ts";
import { buildSiteModel, dayNeighbours, relatedItems } from "../../scripts/site/site-model.ts";

const TOPICS = ["港口与航运", "芯片", "选举", "公共卫生", "农业", "气候变化"];

/** Index records with 0-3 topics (some repeated), several per day, some sharing a timestamp. */
function records(n: number): Record<string, unknown>[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => {
    const topics = Array.from({ length: Math.floor(rand() * 4) }, () => TOPICS[Math.floor(rand() * TOPICS.length)]);
    const date = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 40) * 86_400_000 + (i % 5 === 0 ? 0 : Math.floor(rand() * 86_400_000))).toISOString();
    return {
      id: `t-${i}`, key: `k-${i}`, title: `标题 ${i}`, slug: `item-${i}`, date, source: { id: "s", name: "来源" }, lang: "zh-Hans",
      topics, summary: "", gallerySize: 0, path: `items/2026/01/item-${i}.md`, hash: "h", rawHash: "r",
    };
  });
}

test("related items and day neighbours from the index equal the plain scans", () => {
  const site = siteConfigSchema.parse({ title: "t", url: "https://example.org" });
  const model = buildSiteModel(records(400), site);
  const index = new RelatedIndex(model);
  let nonEmpty = 0;
  for (const item of model.items) {
    for (const limit of [0, 1, 5, 12]) assert.deepEqual(index.related(item, limit), relatedItems(model, item, limit), `${item.id} limit ${limit}`);
    assert.deepEqual(index.neighbours(item), dayNeighbours(model, item), item.id);
    if (index.related(item, 5).length) nonEmpty++;
  }
  assert.ok(nonEmpty > 200, "most items have related items");
});
