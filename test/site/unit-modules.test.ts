// Small site modules on their own: relative URLs, topic slugs, pagination edges, config errors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { paginate } from "../../scripts/site/paginate.ts";
import { absoluteUrl, relativeUrl } from "../../scripts/site/relative-url.ts";
import { parseSiteConfig, SiteConfigError } from "../../scripts/site/site-config.ts";
import { assignTopicSlugs } from "../../scripts/site/topic-slugs.ts";
import { dayKey, topicPath } from "../../scripts/site/urls.ts";

describe("relativeUrl", () => {
  it("climbs from a nested page to the root and back down", () => {
    assert.equal(relativeUrl("/topics/x/", "/2023/09/14/slug/"), "../../../../topics/x/");
    assert.equal(relativeUrl("/", "/2023/09/14/slug/"), "../../../../");
  });
  it("links a page to itself, to siblings and to files", () => {
    assert.equal(relativeUrl("/", "/"), "./");
    assert.equal(relativeUrl("/a/", "/a/"), "./");
    assert.equal(relativeUrl("/2023/09/14/b/", "/2023/09/14/a/"), "../b/");
    assert.equal(relativeUrl("/feed.xml", "/topics/x/page/2/"), "../../../../feed.xml");
    assert.equal(relativeUrl("/media/a.png", "/404.html"), "media/a.png");
  });
  it("keeps query and fragment", () => {
    assert.equal(relativeUrl("/search/#q", "/a/"), "../search/#q");
  });
  it("puts the pathPrefix only into absolute URLs", () => {
    assert.equal(absoluteUrl("/a/b/", { url: "https://x.example", pathPrefix: "/digest/" }), "https://x.example/digest/a/b/");
  });
});

describe("topic slugs", () => {
  it("turns CJK topic names into ASCII pinyin", () => {
    const slugs = assignTopicSlugs([{ name: "乌克兰作战", firstSeen: "2023-01-01" }]);
    assert.equal(slugs.get("乌克兰作战"), "wu-ke-lan-zuo-zhan");
  });
  it("gives colliding pinyin distinct slugs, the earlier topic keeping the plain one", () => {
    const topics = [
      { name: "潮鲜", firstSeen: "2023-09-01T00:00:00Z" },
      { name: "朝鲜", firstSeen: "2023-01-01T00:00:00Z" },
    ];
    const slugs = assignTopicSlugs(topics);
    assert.equal(slugs.get("朝鲜"), "chao-xian");
    assert.match(slugs.get("潮鲜") ?? "", /^chao-xian-[0-9a-f]{6}$/);
    // Same input in another order: same answer (stable across runs).
    assert.deepEqual(assignTopicSlugs([...topics].reverse()), slugs);
  });
  it("uses a configured slug and never yields an empty one", () => {
    const slugs = assignTopicSlugs(
      [
        { name: "俄罗斯", firstSeen: "2023-01-01" },
        { name: "!!!", firstSeen: "2023-01-02" },
        { name: "russia", firstSeen: "2023-01-03" },
      ],
      [{ name: "俄罗斯", slug: "russia" }],
    );
    assert.equal(slugs.get("俄罗斯"), "russia");
    assert.match(slugs.get("!!!") ?? "", /^topic-[0-9a-f]{8}$/);
    assert.notEqual(slugs.get("russia"), "russia");
    for (const slug of slugs.values()) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("pagination edges", () => {
  const pathFor = (n: number) => topicPath("t", n);
  it("one exactly full page has no page 2", () => {
    const pages = paginate([1, 2, 3], 3, pathFor, null);
    assert.equal(pages.length, 1);
    assert.equal(pages[0].nextPath, undefined);
  });
  it("one more item opens page 2 at /page/2/ holding just that item", () => {
    const pages = paginate([1, 2, 3, 4], 3, pathFor, null);
    assert.deepEqual(pages.map((p) => p.path), ["/topics/t/", "/topics/t/page/2/"]);
    assert.deepEqual(pages[1].items, [4]);
    assert.equal(pages[0].nextPath, "/topics/t/page/2/");
    assert.equal(pages[1].prevPath, "/topics/t/");
  });
});

describe("site config and days", () => {
  it("counts days in the site's time zone", () => {
    assert.equal(dayKey("2023-09-13T17:30:00Z", "Asia/Shanghai"), "2023-09-14");
    assert.equal(dayKey("2023-09-13T17:30:00Z", "UTC"), "2023-09-13");
  });
  it("fills defaults and rejects a bad config with the field named", () => {
    const site = parseSiteConfig({ title: "T", url: "https://x.example/" });
    assert.equal(site.lang, "zh-Hans");
    assert.equal(site.timezone, "Asia/Shanghai");
    assert.equal(site.pathPrefix, "/");
    assert.equal(site.url, "https://x.example");
    assert.throws(() => parseSiteConfig({ title: "T", url: "https://x.example", timezone: "Mars/Base" }, "site.json"), (e: Error) => {
      return e instanceof SiteConfigError && e.message.includes("timezone") && e.message.includes("site.json");
    });
    assert.throws(() => parseSiteConfig({ title: "T", url: "not a url" }), SiteConfigError);
  });
});
