// The bundled samples (samples/) and the default config data (content/_data/feeds.json, topics.json)
// are what a fresh checkout builds its digest from, offline: every file must parse, every bundled
// image must exist, and nothing may point at a real third-party host.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import { pinyin } from "pinyin-pro";
import sharp from "sharp";
import { PROJECT_ROOT, contentPaths } from "../../scripts/config/paths.ts";
import { readArchive } from "../../scripts/ingest/readers/archive.ts";

const SAMPLES = path.join(PROJECT_ROOT, "samples");
const IMAGES = path.join(SAMPLES, "images");
const FEEDS = path.join(SAMPLES, "feeds");
// The digest's three days, Asia/Shanghai: 2026-11-22 00:00 to 2026-11-25 00:00 (+08:00).
const FIRST_DAY = Date.parse("2026-11-22T00:00:00+08:00");
const AFTER_LAST_DAY = Date.parse("2026-11-25T00:00:00+08:00");
// XML namespace names are identifiers, never fetched.
const NAMESPACES = new Set([
  "http://www.w3.org/2005/Atom",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/2000/svg",
  "http://purl.org/rss/1.0/modules/content/",
  "http://purl.org/dc/elements/1.1/",
  "http://search.yahoo.com/mrss/",
]);
const PROXY_HOST = "images.weserv.nl";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const itemFiles = filesUnder(path.join(SAMPLES, "items")).filter((f) => f.endsWith(".md"));
const feedFiles = filesUnder(FEEDS);
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

/** Reserved example domains (RFC 2606 / 6761): example.com/.net/.org and the .example/.test TLDs. */
function isExampleHost(host: string): boolean {
  return /(^|\.)example\.(com|net|org)$/.test(host) || /\.(example|test|invalid)$/.test(host);
}

const URL_PATTERN = /https?:\/\/[^\s"'<>()]+/g;
const ENCODED_URL_PATTERN = /https?%3A%2F%2F[^\s"'<>()&]+/gi;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray % is not an encoded URL
  }
}

/**
 * http(s) URLs in a text, percent-decoded, with those encoded inside them or inside other schemes'
 * links (share links hide URLs in their query strings).
 */
function urlsIn(text: string): string[] {
  const plain = (text.match(URL_PATTERN) ?? []).flatMap((url) => {
    const decoded = safeDecode(url);
    if (decoded === url) return [url];
    return [decoded.match(URL_PATTERN)?.[0] ?? url, ...urlsIn(decoded.slice(1))];
  });
  const encoded = (text.match(ENCODED_URL_PATTERN) ?? []).map(safeDecode);
  return [...plain, ...encoded];
}

/** Image references in one HTML fragment: src, data-src and every srcset candidate. */
function imageRefs(html: string): string[] {
  const $ = cheerio.load(html);
  const refs: string[] = [];
  $("img, source").each((_i, el) => {
    const $el = $(el);
    for (const attr of ["src", "data-src"]) {
      const v = $el.attr(attr);
      if (v) refs.push(v);
    }
    for (const attr of ["srcset", "data-srcset"]) {
      for (const candidate of ($el.attr(attr) ?? "").split(",")) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push(url);
      }
    }
  });
  return refs;
}

/** HTML bodies and media URLs of a bundled feed, as a reader would see them. */
function feedParts(file: string): { html: string[]; media: string[] } {
  const $ = cheerio.load(readFileSync(file, "utf8"), { xml: true });
  const html: string[] = [];
  $("content\\:encoded").each((_i, el) => void html.push($(el).text()));
  $("entry > content").each((_i, el) => void html.push($(el).attr("type") === "xhtml" ? ($(el).html() ?? "") : $(el).text()));
  const media: string[] = [];
  $("media\\:content, media\\:thumbnail, enclosure").each((_i, el) => void media.push($(el).attr("url") ?? ""));
  return { html, media };
}

test("bundles at least 14 archived items over three days, mostly Simplified Chinese", () => {
  assert.ok(itemFiles.length >= 14, `found ${itemFiles.length} items`);
  const days = new Set<string>();
  for (const file of itemFiles) {
    const date = readArchive(readFileSync(file, "utf8"), file)[0].date;
    if (date) days.add(new Date(Date.parse(date) + 8 * 3_600_000).toISOString().slice(0, 10));
  }
  assert.deepEqual([...days].sort(), ["2026-11-22", "2026-11-23", "2026-11-24"]);
  const feeds = readJson(contentPaths().feedsConfig) as { path?: string; lang?: string }[];
  const count = (lang: string) =>
    feeds.filter((f) => f.lang === lang && f.path?.startsWith("samples/items/")).reduce((n, f) => n + filesUnder(path.join(PROJECT_ROOT, f.path!)).length, 0);
  assert.ok(count("zh-Hans") >= itemFiles.length * 0.6, `zh-Hans items: ${count("zh-Hans")}`);
  assert.ok(count("zh-Hant") >= 2 && count("en") >= 3);
});

test("every bundled item parses with a title, an absolute link and a date within the digest's days", () => {
  for (const file of itemFiles) {
    const items = readArchive(readFileSync(file, "utf8"), file);
    assert.equal(items.length, 1, file);
    const [item] = items;
    assert.ok(item.title && item.title.length > 4, `${file}: title`);
    const link = new URL(item.link ?? "");
    assert.match(link.protocol, /^https?:$/, file);
    assert.ok(isExampleHost(link.hostname), `${file}: link host ${link.hostname}`);
    const ms = Date.parse(item.date ?? "");
    assert.ok(ms >= FIRST_DAY && ms < AFTER_LAST_DAY, `${file}: date ${item.date}`);
    const paragraphs = cheerio.load(item.html)("p").length;
    assert.ok(paragraphs >= 5, `${file}: ${paragraphs} paragraphs`);
  }
});

test("several items share a feed timestamp, as real feeds batch them", () => {
  const stamps = itemFiles.map((f) => readFileSync(f, "utf8").split("\n", 1)[0]);
  assert.ok(stamps.length - new Set(stamps).size >= 3);
});

test("at least two items carry a gallery of 4-6 bundled images", () => {
  const sizes = itemFiles.map((file) => {
    const $ = cheerio.load(readArchive(readFileSync(file, "utf8"), file)[0].html);
    const heading = $("h3").filter((_i, el) => $(el).text().startsWith("相关图集：")).first();
    return heading.length ? heading.nextAll("div").filter((_i, el) => $(el).children("img").length > 0 && $(el).children("b").length > 0).length : 0;
  });
  assert.ok(sizes.filter((n) => n >= 4 && n <= 6).length >= 2, `gallery sizes: ${sizes}`);
});

test("every relative image path in items and feeds names an existing file under samples/images", () => {
  const refs: { file: string; ref: string }[] = [];
  for (const file of itemFiles) {
    for (const ref of imageRefs(readArchive(readFileSync(file, "utf8"), file)[0].html)) refs.push({ file, ref });
  }
  for (const file of feedFiles) {
    const { html, media } = feedParts(file);
    for (const ref of [...html.flatMap(imageRefs), ...media]) refs.push({ file, ref });
  }
  const relative = refs.filter(({ ref }) => !/^[a-z][a-z0-9+.-]*:/i.test(ref));
  assert.ok(relative.length >= 30, `only ${relative.length} relative image references`);
  for (const { file, ref } of relative) {
    const target = path.resolve(path.dirname(file), ref);
    assert.equal(path.dirname(target), IMAGES, `${file}: ${ref} is not in samples/images`);
    assert.ok(existsSync(target), `${file}: ${ref} does not exist`);
  }
});

test("no sample names a remote host outside the reserved example domains, but for one proxy URL", () => {
  let proxies = 0;
  for (const file of [...itemFiles, ...feedFiles]) {
    for (const url of urlsIn(readFileSync(file, "utf8"))) {
      if (NAMESPACES.has(url)) continue;
      const parsed = new URL(url.replace(/&amp;/g, "&"));
      if (parsed.hostname === PROXY_HOST) {
        proxies++;
        const inner = new URL(`https://${parsed.searchParams.get("url")}`);
        assert.ok(isExampleHost(inner.hostname), `${file}: proxy wraps ${inner.hostname}`);
        continue;
      }
      assert.ok(isExampleHost(parsed.hostname), `${file}: names ${parsed.hostname}`);
    }
  }
  assert.equal(proxies, 1);
});

test("the bundled feeds parse: 5 RSS items and 4 Atom entries inside the digest's days", () => {
  const wire = parseFeed(readFileSync(path.join(FEEDS, "wire.rss"), "utf8"));
  const bulletin = parseFeed(readFileSync(path.join(FEEDS, "bulletin.atom"), "utf8"));
  assert.equal(wire.items.length, 5);
  assert.equal(bulletin.items.length, 4);
  for (const item of [...wire.items, ...bulletin.items]) {
    assert.ok(item.title, "title");
    const ms = (item.published ?? item.updated)?.getTime() ?? NaN;
    assert.ok(ms >= FIRST_DAY && ms < AFTER_LAST_DAY, `${item.title}: ${ms}`);
  }
  assert.ok(wire.items.some((i) => i.media.length > 0 && i.categories.length > 1 && i.authors.length > 0));
  assert.ok(wire.items.some((i) => /[a-z]{4}/.test(i.title ?? "")) && wire.items.some((i) => /\p{Script=Han}/u.test(i.title ?? "")));
  // Atom links are relative to xml:base; a reader must resolve them.
  const atom = readFileSync(path.join(FEEDS, "bulletin.atom"), "utf8");
  assert.match(atom, /xml:base="https:\/\/bulletin\.example\.org\//);
  assert.ok(cheerio.load(atom, { xml: true })("entry > link").toArray().every((l) => !/^https?:/.test(l.attribs.href)));
});

test("bundled images are small, varied and within 400-1600 px wide", async () => {
  const files = readdirSync(IMAGES).filter((f) => /\.(jpe?g|png|webp)$/.test(f));
  assert.ok(files.length >= 20);
  let total = 0;
  let portraits = 0;
  for (const name of files) {
    const size = statSync(path.join(IMAGES, name)).size;
    total += size;
    assert.ok(size < 80 * 1024, `${name}: ${size} bytes`);
    const meta = await sharp(path.join(IMAGES, name)).metadata();
    assert.ok(meta.width >= 400 && meta.width <= 1600, `${name}: ${meta.width} px wide`);
    if (meta.height > meta.width) portraits++;
  }
  assert.ok(total < 2 * 1024 * 1024, `${total} bytes in all`);
  assert.ok(portraits >= 2);
  assert.deepEqual(new Set(files.map((f) => path.extname(f))), new Set([".jpg", ".png", ".webp"]));
});

interface FeedEntry { id: string; name: string; path?: string; url?: string; lang?: string; topics?: string[] }
interface TopicRule { name: string; slug?: string; keywords: string[] }

test("feeds.json names unique lowercase ids and paths that exist", () => {
  const feeds = readJson(contentPaths().feedsConfig) as FeedEntry[];
  const topics = new Set((readJson(contentPaths().topicsConfig) as TopicRule[]).map((t) => t.name));
  assert.ok(Array.isArray(feeds) && feeds.length >= 3);
  assert.equal(new Set(feeds.map((f) => f.id)).size, feeds.length, "ids are unique");
  for (const feed of feeds) {
    assert.match(feed.id, /^[a-z0-9][a-z0-9-]*$/);
    assert.ok(feed.name.trim());
    assert.ok((feed.path === undefined) !== (feed.url === undefined), `${feed.id}: exactly one of path and url`);
    if (feed.path) {
      assert.ok(!path.isAbsolute(feed.path), `${feed.id}: path is relative to the project root`);
      const target = path.join(PROJECT_ROOT, feed.path);
      assert.ok(existsSync(target), `${feed.id}: ${feed.path} does not exist`);
      if (statSync(target).isDirectory()) assert.ok(filesUnder(target).some((f) => f.endsWith(".md")), `${feed.id}: no items`);
    }
    for (const topic of feed.topics ?? []) assert.ok(topics.has(topic), `${feed.id}: unknown topic ${topic}`);
  }
});

test("topics.json holds 8-15 uniquely named rules that all match the bundled samples", () => {
  const topics = readJson(contentPaths().topicsConfig) as TopicRule[];
  assert.ok(topics.length >= 8 && topics.length <= 15, `${topics.length} topics`);
  assert.equal(new Set(topics.map((t) => t.name)).size, topics.length, "names are unique");
  assert.ok(topics.some((t) => t.name === "乌克兰作战"));
  for (const topic of topics) {
    assert.ok(topic.name.trim() && topic.keywords.length > 0 && topic.keywords.every((k) => k.trim()), topic.name);
    if (topic.slug !== undefined) assert.match(topic.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
  assert.ok(topics.some((t) => t.slug), "one topic has an explicit slug");
  // Two names with the same pinyin, so the site must make their slugs unique.
  const spelled = topics.map((t) => pinyin(t.name, { toneType: "none" }));
  assert.ok(new Set(spelled).size < spelled.length, "no two topic names share a pinyin spelling");
  const corpus = [...itemFiles, ...feedFiles].map((f) => readFileSync(f, "utf8")).join("\n").toLowerCase();
  for (const topic of topics) assert.ok(topic.keywords.some((k) => corpus.includes(k.toLowerCase())), `${topic.name} matches no sample`);
});
