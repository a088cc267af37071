// HTML to Markdown: every real sample renders back (markdown-it, raw HTML off) to the same
// text, links and images; CJK text gets no spurious spaces or escapes; the house style holds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "cheerio/slim";
import type { AnyNode } from "domhandler";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import { markdownRenderer } from "../../scripts/ingest/convert/markdown-renderer.ts";
import { htmlToMarkdown } from "../../scripts/ingest/convert/to-markdown.ts";
import { allSamples, ITEMS, requireShared } from "../clean/samples.ts";

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figure", "figcaption", "pre", "table", "tr", "td", "th", "hr", "br", "img"]);

/** The text of an HTML fragment as lines, one per block, whitespace collapsed. */
function blockTexts(html: string): string[] {
  const lines = [""];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") lines[lines.length - 1] += node.data;
      else if ("children" in node && "name" in node) {
        const block = BLOCKS.has(node.name);
        if (block) lines.push("");
        walk(node.children);
        if (block) lines.push("");
      }
    }
  };
  walk(load(html, { xml: { xmlMode: false, decodeEntities: true } }, false).root()[0].children);
  return lines.map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
}

function attrs(html: string, selector: string, attr: string): string[] {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  return $(selector).toArray().map((el) => $(el).attr(attr) ?? "");
}

test("every real sample's Markdown renders back to the same text, links and images", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const md = markdownRenderer();
  for (const [name, raw] of allSamples()) {
    const { html } = cleanItem(raw);
    const markdown = htmlToMarkdown(html);
    const rendered = md.render(markdown);
    assert.deepEqual(blockTexts(rendered), blockTexts(html), `${name}: text differs`);
    assert.deepEqual(attrs(rendered, "a", "href"), attrs(html, "a", "href"), `${name}: links differ`);
    assert.deepEqual(attrs(rendered, "img", "src"), attrs(html, "img", "src"), `${name}: images differ`);
    assert.doesNotMatch(markdown, /\n{3,}/, `${name}: 3+ blank lines`);
    // Escapes only where Markdown needs them: before ASCII punctuation or as a hard break.
    for (const m of markdown.matchAll(/\\(.)/gs)) assert.match(m[1], /[!-/:-@[-`{-~\n]/, `${name}: escape before "${m[1]}"`);
    // No space between two CJK characters that the HTML did not have.
    const cjkSpaces = (s: string) => (s.match(/[\p{Script=Han}，。：；“”][ ][\p{Script=Han}，。：；“”]/gu) ?? []).length;
    assert.ok(cjkSpaces(markdown) <= cjkSpaces(load(html, null, false).text().replace(/\s+/g, " ")), `${name}: spurious CJK spaces`);
  }
});

test("emphasis next to CJK punctuation is written so CommonMark reads it, or dropped, never left as stray **", () => {
  const md = markdownRenderer();
  const cases: Array<[string, RegExp]> = [
    ["<p>他写道：<b>“</b>如果你需要</p>", /^<p>他写道：“如果你需要<\/p>/],
    ["<p>称<b>“重要”</b>的</p>", /<strong>重要<\/strong>/],
    ["<p><strong>武器换粮食？</strong></p>", /^<p><strong>武器换粮食？<\/strong><\/p>/],
    ["<p>这是<em>强调</em>文字</p>", /这是<em>强调<\/em>文字/],
    ["<p><b>FT中文网：</b>作为新任的驻华大使</p>", /<strong>FT中文网：?<\/strong>：?作为/],
  ];
  for (const [html, expected] of cases) {
    const markdown = htmlToMarkdown(html);
    const rendered = md.render(markdown);
    assert.match(rendered, expected, `${html} → ${markdown} → ${rendered}`);
    assert.doesNotMatch(rendered, /\*/, `${html} left a literal asterisk`);
    assert.deepEqual(blockTexts(rendered), blockTexts(html));
  }
});

test("writes ATX headings, - bullets, fenced code, figures as image plus italic caption, tables", () => {
  const markdown = htmlToMarkdown(
    `<h2>小标题</h2><p>段落<br>第二行</p><ul><li>一</li><li>二</li></ul><ol start="3"><li>三</li></ol>` +
      `<pre><code>\`\`\`\ninner fence\n\`\`\`</code></pre>` +
      `<figure><img src="https://img.example/a(1).jpg" alt="图 [1]"><figcaption>图片说明 <small>图像来源，Getty</small></figcaption></figure>` +
      `<table><tr><th>名称</th><th>数值</th></tr><tr><td>甲|乙</td><td>1</td></tr></table><p></p><p></p><p>尾</p>`,
  );
  assert.match(markdown, /^## 小标题\n\n段落\\\n第二行\n\n- 一\n- 二\n\n3. 三\n\n/);
  // A fence longer than any fence inside the code.
  assert.match(markdown, /\n````\n```\ninner fence\n```\n````\n/);
  assert.match(markdown, /\n!\[图 \\\[1\\\]\]\(https:\/\/img\.example\/a\\\(1\\\)\.jpg\)\n\n\*图片说明 图像来源，Getty\*\n/);
  assert.match(markdown, /\n\| 名称 \| 数值 \|\n\| --- \| --- \|\n\| 甲\\\|乙 \| 1 \|\n\n尾$/);
  const rendered = markdownRenderer().render(markdown);
  assert.match(rendered, /<h2>小标题<\/h2>/);
  assert.match(rendered, /<img src="https:\/\/img\.example\/a\(1\)\.jpg" alt="图 \[1\]"/);
  assert.match(rendered, /<p><em>图片说明 图像来源，Getty<\/em><\/p>/);
  assert.match(rendered, /<td>甲\|乙<\/td>/);
  assert.match(rendered, /<ol start="3">/);
});

test("text that looks like Markdown or HTML stays text", () => {
  const html = `<p>1. 不是列表</p><p># 不是标题</p><p>- 不是列表</p><p>**收益率劲升**</p><p>a_b_c 与 _强调_</p><p>&lt;b&gt;粗&lt;/b&gt; &amp;amp; [链接](https://x.example) ~~删除~~</p>`;
  const rendered = markdownRenderer().render(htmlToMarkdown(html));
  assert.deepEqual(blockTexts(rendered), blockTexts(html));
  assert.doesNotMatch(rendered, /<(ol|ul|h1|strong|em|b|a|s)\b/);
});

test("markdownRenderer has raw HTML, linkify and typographer off", () => {
  const md = markdownRenderer();
  assert.equal(md.options.html, false);
  assert.equal(md.options.linkify, false);
  assert.equal(md.options.typographer, false);
  assert.match(md.render("<b>x</b> https://a.example \"q\""), /^<p>&lt;b&gt;x&lt;\/b&gt; https:\/\/a\.example &quot;q&quot;<\/p>/);
});

test("file:// images render as images (bundled samples); file:// links lose their target", () => {
  const html = markdownRenderer().render("![洪水](file:///srv/samples/images/flood.jpg)\n\n[本地](file:///etc/passwd)");
  assert.match(html, /<img src="file:\/\/\/srv\/samples\/images\/flood\.jpg" alt="洪水"/);
  assert.match(html, /<a rel="noopener noreferrer nofollow">本地<\/a>/);
  assert.doesNotMatch(html, /href="file:/);
});

test("a table's head and body rows stay one table when rendered back", () => {
  const markdown = htmlToMarkdown(
    "<table><thead><tr><th>城市</th><th>人口</th></tr></thead><tbody><tr><td>北京</td><td>2189</td></tr><tr><td>上海</td><td>2487</td></tr></tbody></table>",
  );
  const html = markdownRenderer().render(markdown);
  assert.equal((html.match(/<table>/g) ?? []).length, 1, html);
  assert.deepEqual(textsOf(html, "tbody td"), ["北京", "2189", "上海", "2487"]);
  assert.deepEqual(textsOf(html, "thead th"), ["城市", "人口"]);
});

function textsOf(html: string, selector: string): string[] {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  return $(selector).toArray().map((el) => $(el).text().trim());
}
