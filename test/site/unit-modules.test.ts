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
    assert.equal(relativeUrl("/a/b/c/", "/a/b/"), "c/");
    assert.equal(relativeUrl("/a/", "/a/b/c/"), "../../");
    assert.equal(relativeUrl("/a", "/a/b/c/"), "../..");
  });
  it("leaves paths with dot segments or doubled slashes to path.posix.relative", () => {
    assert.equal(relativeUrl("/a/./b/", "/c/"), "../a/b/");
    assert.equal(relativeUrl("/a//b/", "/a/"), "b/");
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

describe("pagination (archive pages counted from the oldest)", () => {
  const pathFor = (n: number) => topicPath("t", n);
  const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);
  it("fewer than two pages' worth is one head page", () => {
    for (const n of [0, 1, 3, 5]) {
      const pages = paginate(newestFirst(n), 3, pathFor, null);
      assert.equal(pages.length, 1);
      assert.deepEqual(pages[0].items, newestFirst(n));
      assert.equal(pages[0].head, true);
      assert.equal(pages[0].nextPath, undefined);
    }
  });
  it("two pages' worth opens archive page 1 with the three oldest", () => {
    const pages = paginate(newestFirst(6), 3, pathFor, null);
    assert.deepEqual(pages.map((p) => p.path), ["/topics/t/", "/topics/t/page/1/"]);
    assert.deepEqual(pages[0].items, [6, 5, 4]);
    assert.deepEqual(pages[1].items, [3, 2, 1]);
    assert.equal(pages[0].nextPath, "/topics/t/page/1/");
    assert.equal(pages[1].prevPath, "/topics/t/");
    assert.equal(pages[1].nextPath, undefined);
  });
  it("every item is on exactly one page, newest first, and the links chain the pages", () => {
    for (const n of [6, 7, 8, 9, 17, 100]) {
      const pages = paginate(newestFirst(n), 3, pathFor, null);
      assert.deepEqual(pages.flatMap((p) => p.items), newestFirst(n));
      assert.ok(pages[0].items.length >= 3 && pages[0].items.length <= 5);
      for (const [i, page] of pages.entries()) {
        if (i > 0) assert.equal(page.items.length, 3);
        assert.equal(page.nextPath, pages[i + 1]?.path);
        assert.equal(page.prevPath, pages[i - 1]?.path);
        assert.equal(page.totalPages, pages.length);
      }
    }
  });
  it("new items never move an archive page's items or links, except the newest archive page's link to the head", () => {
    const before = paginate(newestFirst(20), 3, pathFor, null);
    for (const grown of [21, 22, 23, 30]) {
      const after = new Map(paginate(newestFirst(grown), 3, pathFor, null).map((p) => [p.path, p]));
      for (const page of before.slice(1)) {
        const same = after.get(page.path);
        assert.ok(same, `${page.path} is still there at ${grown} items`);
        assert.deepEqual(same.items, page.items);
        assert.equal(same.nextPath, page.nextPath);
        if (page.prevPath !== "/topics/t/") assert.equal(same.prevPath, page.prevPath);
      }
    }
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
