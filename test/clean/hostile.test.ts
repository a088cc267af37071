// Hostile and broken input: nothing executable survives the clean stage, the Markdown, or the
// HTML markdown-it renders from that Markdown; nothing crashes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import type { RawItem } from "../../scripts/ingest/raw-item.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { htmlToMarkdown } from "../../scripts/ingest/convert/to-markdown.ts";

function raw(html: string, extra: Partial<RawItem> = {}): RawItem {
  return { input: "test", index: 0, format: "rss", categories: [], media: [], html, link: "https://example.org/news/1.html", ...extra };
}

const PAYLOADS = [
  `<p>a<script>alert(1)</script>b</p>`,
  `<p><img src=x onerror=alert(1)>text</p>`,
  `<p onclick="alert(1)" onmouseover="alert(2)">click</p>`,
  `<a href="javascript:alert(1)">js</a>`,
  `<a href="JaVaScRiPt:alert(1)">mixed case</a>`,
  `<a href="jav&#x09;ascript:alert(1)">tab entity</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">decimal entities</a>`,
  `<a href=" javascript:alert(1)">leading space</a>`,
  `<a href="vbscript:msgbox(1)">vb</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
  `<img src="data:text/html,<script>alert(1)</script>">`,
  `<svg onload="alert(1)"><script>alert(2)</script><circle r="1"/></svg><p>after svg</p>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mtext></math>`,
  `<p style="background:url(javascript:alert(1))">styled</p><style>body{background:url(javascript:alert(1))}</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>meta</p>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe><p>iframe</p>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<base href="javascript:alert(1)//"><a href="/x">rel</a>`,
  `<form action="javascript:alert(1)"><input type="submit" formaction="javascript:alert(2)"><button>go</button></form>`,
  `<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">`,
  `<a href="https://ok.example/" onfocus="alert(1)" autofocus>ok link</a>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>`,
  `<p>[click](javascript:alert(1)) and <https://autolink.example> and ![x](javascript:alert(1))</p>`,
  `<template><script>alert(1)</script></template><xmp><script>alert(1)</script></xmp>`,
  `<img/src="x"/onerror=alert(1)><imgsrc="https://ok.example/a.jpg">`,
  `<a href="https://ok.example/?a=1&quot;onclick=&quot;alert(1)">quote break</a>`,
];

// Executable only as markup: tags, attributes inside a tag, dangerous URLs in an attribute.
// (The same words escaped as text, "&lt;script&gt;", are harmless and allowed.)
const EXECUTABLE = [
  /<\/?(script|iframe|object|embed|svg|math|form|input|button|meta|base|style|link|template|noscript)\b/i,
  /<[^>]*\s(on[a-z]+|style|srcdoc|formaction)\s*=/i,
  /<[^>]*\s(href|src|action|data|poster)\s*=\s*["']?\s*(javascript|vbscript|data):/i,
];

test("no XSS payload leaves anything executable in the html, the markdown or its rendering", () => {
  const md = markdownRenderer();
  for (const payload of PAYLOADS) {
    const cleaned = cleanItem(raw(payload));
    const markdown = htmlToMarkdown(cleaned.html);
    const rendered = md.render(markdown);
    for (const re of EXECUTABLE) {
      assert.doesNotMatch(cleaned.html, re, `html of ${payload}`);
      assert.doesNotMatch(rendered, re, `rendering of ${payload}`);
    }
    // In the Markdown, raw tags and dangerous link targets must not appear unescaped.
    assert.doesNotMatch(markdown, /(^|[^\\])<(script|img|iframe|svg|a)\b|(^|[^\\])\]\((javascript|vbscript|data):/i, `markdown of ${payload}`);
  }
});

test("the sanitizer notes what it removed", () => {
  const cleaned = cleanItem(raw(`<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:alert(1)">b</a>`));
  assert.ok(cleaned.notes.some((n) => /event-handler/.test(n)), cleaned.notes.join("; "));
  assert.ok(cleaned.notes.some((n) => /script/.test(n)), cleaned.notes.join("; "));
  assert.ok(cleaned.notes.some((n) => /link/.test(n)), cleaned.notes.join("; "));
  assert.equal(cleaned.html, "<p>a</p><p>b</p>");
});

test("keeps only the allow-listed markup: h1 becomes h2, attributes are filtered", () => {
  const cleaned = cleanItem(raw(`<h1 class="x" id="y">Title</h1><p>Text <span style="color:red">red</span> <sup>1</sup></p><table><tr><td colspan="2" data-x="1">cell</td></tr></table>`));
  assert.equal(
    cleaned.html,
    `<h2>Title</h2><p>Text red <sup>1</sup></p><table><tr><td colspan="2">cell</td></tr></table>`,
  );
});

test("broken and absurd input never throws", () => {
  const deep = "<div>".repeat(20000) + "deep" + "</div>".repeat(20000);
  const inputs = [
    "",
    "<<<>>>",
    "<p>unclosed <b>bold <i>italic",
    "</span></div></p>stray closers",
    deep,
    "<table><td><p><li><figure><figcaption>misnested</table>",
    "\u0000<p>\u0000nul</p>",
    "<img src='https://a.example/x.jpg' width='999999999999'>",
  ];
  for (const html of inputs) {
    const cleaned = cleanItem(raw(html));
    assert.equal(typeof cleaned.html, "string");
    assert.equal(typeof htmlToMarkdown(cleaned.html), "string");
  }
  assert.match(cleanItem(raw(deep)).html, /deep/);
  assert.ok(!cleanItem(raw("\u0000<p>\u0000nul</p>")).html.includes("\u0000"));
});

test("repairs entity accidents and strips tracking parameters in links", () => {
  const cleaned = cleanItem(raw(`<p><a href="https://news.example/a?id=1®ion=us&amp;utm_source=x&fbclid=y&from=rss&page=2">link</a> <a href="/b?spm=1.2&q=ok">rel</a></p>`));
  assert.match(cleaned.html, /href="https:\/\/news\.example\/a\?id=1&amp;region=us&amp;page=2"/);
  assert.match(cleaned.html, /href="https:\/\/example\.org\/b\?q=ok"/);
});

test("relative image paths resolve to file: URLs only for local items; never for web items", () => {
  const local = raw(`<p>text</p><p><img src="images/a.jpg"></p><p><img src="file:///etc/passwd"></p><p><a href="img/b.html">doc</a></p>`, {
    input: "/data/samples/item.md",
    assetBase: "file:///data/samples/item.md",
  });
  const cleaned = cleanItem(local);
  assert.match(cleaned.html, /<img src="file:\/\/\/data\/samples\/images\/a\.jpg" \/>/);
  assert.doesNotMatch(cleaned.html, /passwd/);
  assert.match(cleaned.html, /<a href="https:\/\/example\.org\/news\/img\/b\.html">doc<\/a>/);
  // The same markup read from the web: the image resolves against the page; file: never passes.
  const web = cleanItem({ ...local, input: "https://feeds.example/rss.xml" });
  assert.doesNotMatch(web.html, /file:/);
  assert.match(web.html, /<img src="https:\/\/example\.org\/news\/images\/a\.jpg" \/>/);
  // No base at all: a relative link is reduced to its text, a relative image dropped.
  const bare = cleanItem(raw(`<p><a href="x.html">t</a><img src="y.jpg"></p>`, { link: undefined }));
  assert.equal(bare.html, "<p>t</p>");
});
