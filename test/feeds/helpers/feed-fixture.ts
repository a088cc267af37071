// The fictional site fixture plus crafted items that stress the feeds (CJK, emoji, &, <, ]]> in
// content, a control character in a title, relative links and images, a summary-only source, a
// missing content file) and a feeds.json, built with the real site code into a temp dir.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite, type BuildResult } from "../../../scripts/site/build-site.ts";
import { renderContentFile } from "../../../scripts/ingest/store/content-file.ts";
import type { ItemFrontMatter } from "../../../scripts/ingest/item/schema.ts";
import { writeFixtureContent } from "../../fixtures/site/write-fixture-content.ts";
import { tempDirSync } from "../../helpers/shared.ts";

const FIXTURE_IMAGES = path.resolve(import.meta.dirname, "../../fixtures/site/images");

export const CONTROL_TITLE = "纸鸢\u0007工坊 🪁 Kites & <Strings> ]]> 入门";
export const SUMMARY_ONLY_MARK = "SUMMARY-ONLY-BODY 全文不应出现在订阅源里";

export const craftedItems: { frontMatter: ItemFrontMatter; body: string | null }[] = [
  {
    frontMatter: {
      id: "workshop-0001",
      title: CONTROL_TITLE,
      slug: "zhi-yuan-gong-fang",
      date: "2023-09-15T02:00:00.250Z",
      source: { id: "workshop", name: "工坊 & <Co>" },
      link: "https://workshop.example.org/posts/1?a=1&b=2",
      author: "王<工> & 李",
      lang: "zh-Hans",
      topics: ["手工 & 艺术", "俄罗斯"],
      image: { src: pathToFileURL(path.join(FIXTURE_IMAGES, "fixture-3.png")).href, caption: "工坊里的 🪁 & 纸" },
      summary: "做风筝 & 放风筝：<入门> 指南 ]]> 结束。",
    },
    body: [
      "第一步：准备竹条 & 宣纸 🎋，注意 x < y 且 ]]> 不是结束。",
      "",
      "`<![CDATA[ ]]>` 在代码里也要安全。",
      "",
      "[说明](notes/guide.html) · [根目录](/about/) · [坏链接](javascript:alert(1)) · [邮件](mailto:kite@example.org)",
      "",
      "![相对图片](pics/step-1.jpg)",
      "",
      "![远程图片](https://images.example.org/pics/step-2.jpg)",
    ].join("\n"),
  },
  {
    frontMatter: {
      id: "quiet-0001",
      title: "静默来源只给摘要",
      slug: "jing-mo-lai-yuan",
      date: "2023-09-15T01:00:00Z",
      source: { id: "quiet", name: "静默通讯" },
      link: "https://quiet.example.org/a/1",
      lang: "zh-Hans",
      topics: ["手工 & 艺术"],
      summary: "这一条只应导出摘要。",
    },
    body: SUMMARY_ONLY_MARK,
  },
  {
    // Listed in the index, but its content file is gone: the feeds fall back to the summary.
    frontMatter: {
      id: "workshop-0002",
      title: "Emoji 🎏 and English in one title",
      slug: "emoji-and-english",
      date: "2023-09-14T20:00:00Z",
      source: { id: "workshop", name: "工坊 & <Co>" },
      link: "https://workshop.example.org/posts/2",
      lang: "en",
      topics: [],
      summary: "A summary with \"quotes\" & <angle brackets>.",
    },
    body: null,
  },
];

export const feedSources = [
  { id: "workshop", name: "工坊 & <Co>", url: "https://workshop.example.org/feed.xml", lang: "zh-Hans" },
  { id: "quiet", name: "静默通讯", url: "https://quiet.example.org/rss", fullText: false },
  { id: "hidden", name: "Hidden Wire", url: "https://hidden.example.org/rss", public: false },
  { id: "lantern", name: "灯塔日报", path: "samples/lantern" },
];

/** The site fixture, the crafted items and feeds.json, written as a content dir. */
export function writeFeedFixture(contentDir: string, siteOverrides: Record<string, unknown> = {}): void {
  writeFixtureContent(contentDir, siteOverrides);
  const indexFile = path.join(contentDir, "_data", "itemIndex.json");
  const index = JSON.parse(readFileSync(indexFile, "utf8")) as Record<string, unknown>[];
  for (const { frontMatter, body } of craftedItems) {
    const rel = `items/${frontMatter.date.slice(0, 4)}/${frontMatter.date.slice(5, 7)}/${frontMatter.slug}.md`;
    const text = renderContentFile(frontMatter, body ?? "");
    if (body !== null) {
      mkdirSync(path.dirname(path.join(contentDir, rel)), { recursive: true });
      writeFileSync(path.join(contentDir, rel), text);
    }
    const { id, title, slug, date, source, link, author, lang, topics, summary, image } = frontMatter;
    index.push({ id, key: `guid:${id}`, title, slug, date, source, link, author, lang, topics, summary, image, gallerySize: 0, path: rel, hash: sha256(text), rawHash: sha256(id) });
  }
  writeFileSync(indexFile, JSON.stringify(index, null, 2));
  writeFileSync(path.join(contentDir, "_data", "feeds.json"), JSON.stringify(feedSources, null, 2));
}

/** The fixture's remote image hosts do not exist: fail them once, without backoff. */
export const FAST_IMAGES = { retries: 0, retryBaseMs: 1 };

export interface BuiltFeedSite {
  root: string;
  contentDir: string;
  dist: string;
  result: BuildResult;
}

export async function buildFeedFixture(siteOverrides: Record<string, unknown> = {}): Promise<BuiltFeedSite> {
  const root = tempDirSync("gazette-feeds-");
  const contentDir = path.join(root, "content");
  writeFeedFixture(contentDir, siteOverrides);
  const dist = path.join(root, "dist");
  const result = await buildSite({ contentDir, outputDir: dist, quiet: true, imageFetch: FAST_IMAGES });
  return { root, contentDir, dist, result };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
