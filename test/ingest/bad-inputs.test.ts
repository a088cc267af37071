// Bad input gets a clear error or a flag, loses nothing else, and never writes outside the
// content folder or leaves a half-written file.
import assert from "node:assert/strict";
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { contentPaths } from "../../scripts/config/paths.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { ingest } from "../../scripts/ingest/ingest.ts";
import { parseContentFile } from "../../scripts/ingest/store/content-file.ts";
import { loadIndex } from "../../scripts/ingest/store/item-index.ts";
import { tempDir } from "../helpers/shared.ts";

const archive = (title: string, link: string, body: string, stamp = "1700000000000") =>
  `<!--${stamp}-->\n[${title}](${link})\n------\n\n${body}\n`;

async function setup() {
  const work = await tempDir("gazette-bad-");
  const inputs = path.join(work, "inputs");
  const content = path.join(work, "content");
  await mkdir(inputs, { recursive: true });
  return { work, inputs, content };
}

test("bad inputs are reported by name and the good items are still written", async () => {
  const { work, inputs, content } = await setup();
  const good = archive("晨间新闻：港口恢复通航", "https://news.example.org/a/1", "<p>港口在周二恢复通航，船只陆续离港。</p>");
  await writeFile(path.join(inputs, "good.md"), good);
  await writeFile(path.join(inputs, "truncated.xml"), `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title><link>https://example.com/x`);
  await writeFile(path.join(inputs, "page.html"), "<!doctype html><html><head><title>Hello</title></head><body><p>Not a feed</p></body></html>");
  await writeFile(path.join(inputs, "empty.xml"), "");
  await writeFile(path.join(inputs, "binary.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10]));
  await writeFile(path.join(inputs, "huge.md"), archive("巨大", "https://news.example.org/huge", `<p>${"字".repeat(21 * 1024 * 1024 / 3)}</p>`));

  const report = await ingest({ paths: contentPaths(content), inputs: [{ location: inputs }], timezone: "Asia/Shanghai", workers: 0 });
  // Broken XML the parser partly recovers is a warning (items kept); anything else is a failure.
  const failed = new Map([...report.failures, ...report.warnings].map((f) => [path.basename(f.input), f.reason]));
  for (const name of ["truncated.xml", "page.html", "empty.xml", "binary.bin", "huge.md"]) {
    assert.ok(failed.has(name), `${name} is reported; got ${[...failed.keys()].join(", ")}`);
    assert.ok((failed.get(name) ?? "").length > 5);
  }
  assert.match(failed.get("truncated.xml") ?? "", /not well-formed/);
  assert.equal(report.counts.new + report.counts.failed, report.items);
  const index = await loadIndex(contentPaths(content));
  assert.ok(index.some((r) => r.title === "晨间新闻：港口恢复通航"));
  // Nothing outside the content folder, nothing half-written.
  const entries = await readdir(work, { recursive: true });
  assert.ok(entries.every((e) => e.startsWith("inputs") || e.startsWith("content")));
  assert.ok(!entries.some((e) => e.endsWith(".tmp")));
});

test("items without title, link or date are written and flagged; a path title stays inside", async () => {
  const { inputs, content } = await setup();
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>示例频道</title><link>https://news.example.org/</link>
<item><description>&lt;p&gt;一条没有标题的消息，正文还在。&lt;/p&gt;</description><link>https://news.example.org/n/1</link><pubDate>Tue, 14 Nov 2023 10:00:00 GMT</pubDate></item>
<item><title>没有链接的消息</title><description>&lt;p&gt;正文。&lt;/p&gt;</description><pubDate>Tue, 14 Nov 2023 11:00:00 GMT</pubDate></item>
<item><title>没有日期的消息</title><link>https://news.example.org/n/3</link><description>&lt;p&gt;正文。&lt;/p&gt;</description></item>
<item><title>../../x</title><link>https://news.example.org/n/4</link><description>&lt;p&gt;路径标题。&lt;/p&gt;</description><pubDate>Tue, 14 Nov 2023 12:00:00 GMT</pubDate></item>
<item><guid isPermaLink="false">dup-1</guid><title>第一次</title><link>https://news.example.org/n/5</link><description>&lt;p&gt;一。&lt;/p&gt;</description></item>
<item><guid isPermaLink="false">dup-1</guid><title>第二次</title><link>https://news.example.org/n/6</link><description>&lt;p&gt;二。&lt;/p&gt;</description></item>
</channel></rss>`;
  await writeFile(path.join(inputs, "feed.xml"), rss);
  const report = await ingest({ paths: contentPaths(content), inputs: [{ location: inputs }], timezone: "Asia/Shanghai", workers: 0, now: new Date("2024-01-01T00:00:00Z") });
  assert.deepEqual(report.failures, []);
  assert.equal(report.counts.new, 5);
  assert.equal(report.counts.duplicate, 1);
  const flags = report.flagged.map((f) => f.flags.join(",")).sort();
  assert.ok(flags.includes("missing-title"), flags.join(";"));
  assert.ok(flags.some((f) => f.includes("missing-link")), flags.join(";"));
  assert.ok(flags.some((f) => f.includes("missing-date")), flags.join(";"));
  for (const record of await loadIndex(contentPaths(content))) {
    assert.match(record.path, /^items\/\d{4}\/\d{2}\/[a-z0-9-]+\.md$/);
    assert.ok(path.resolve(content, record.path).startsWith(path.resolve(content) + path.sep));
  }
});

test("XSS payloads leave nothing executable in content files or rendered HTML", async () => {
  const { inputs, content } = await setup();
  const payloads = [
    `<script>alert(1)</script>`,
    `<img src="x" onerror="alert(1)">`,
    `<a href="javascript:alert(1)">a</a>`,
    `<a href="JaVaScRiPt:alert(1)">b</a>`,
    `<a href="jav&#x09;ascript:alert(1)">c</a>`,
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">d</a>`,
    `<svg onload="alert(1)"><circle r="1"/></svg>`,
    `<math><mtext><script>alert(1)</script></mtext></math>`,
    `<p style="background:url(javascript:alert(1))">styled</p>`,
    `<style>body{}</style>`,
    `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
    `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">e</a>`,
    `<base href="https://evil.example/">`,
    `<form action="https://evil.example/"><input name="q"></form>`,
    `<object data="x.swf"></object><embed src="x.swf">`,
    `<div onclick="alert(1)">click</div>`,
  ];
  const body = `<p>安全测试正文。</p>${payloads.join("\n")}<p>结尾。</p>`;
  await writeFile(path.join(inputs, "xss.md"), archive("安全测试 <script>alert(1)</script>", "https://news.example.org/xss", body));
  const report = await ingest({ paths: contentPaths(content), inputs: [{ location: inputs }], timezone: "Asia/Shanghai", workers: 0 });
  assert.deepEqual(report.failures, []);
  const [record] = await loadIndex(contentPaths(content));
  const text = await readFile(path.join(content, record.path), "utf8");
  const { body: markdown } = parseContentFile(text);
  const html = markdownRenderer().render(markdown);
  const EXECUTABLE = /<script|<svg|<math|<iframe|<object|<embed|<form|<meta|<base|<style|\son\w+=|javascript:|vbscript:|data:text\/html|style=/i;
  assert.ok(!EXECUTABLE.test(markdown.replace(/\\</g, "")), `markdown: ${markdown.match(EXECUTABLE)?.[0]}`);
  assert.ok(!EXECUTABLE.test(html), `rendered: ${html.match(EXECUTABLE)?.[0]}`);
  assert.match(html, /安全测试正文。/);
  assert.match(html, /结尾。/);
});
