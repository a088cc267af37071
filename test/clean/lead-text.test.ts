// The clean stage reads the lead text (which summaries are cut from) off its tree before
// sanitizing, instead of parsing the sanitized body again: the two must always agree.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "htmlparser2";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import { leadText } from "../../scripts/ingest/clean/lead-text.ts";
import type { RawItem } from "../../scripts/ingest/raw-item.ts";
import { allSamples, ITEMS, requireShared } from "./samples.ts";

/** [lead text of the sanitized body, lead text the clean stage handed on] */
function bothWays(raw: RawItem): [string, string] {
  const cleaned = cleanItem(raw);
  return [leadText(parseDocument(cleaned.html)), cleaned.leadText];
}

test("the lead text from the cleaned tree equals that of the sanitized body, for every real sample", (t) => {
  if (!requireShared(t, ITEMS)) return;
  for (const [name, raw] of allSamples()) {
    const [fromHtml, fromTree] = bothWays(raw);
    assert.equal(fromTree, fromHtml, name);
  }
});

test("the lead text skips what the sanitizer drops, and reads h1 as it reads h2", () => {
  const cases: Array<[string, string]> = [
    [`<p>前文<script>alert(1)</script>后文</p><p>第二段<noscript>无脚本</noscript>。</p>`, "前文后文 第二段。"],
    [`<h1>大标题</h1><p>正文<svg><text>矢量</text></svg>结束。</p>`, "大标题 正文结束。"],
    [`<p>选项<select><option>甲</option></select>完</p><template><p>模板</p></template>`, "选项完"],
    // CDATA is a comment in HTML, and a one-character block is no summary.
    [`<p><a>无链接</a>文字<!-- 注释 --></p><p><![CDATA[字符数据]]>段</p><p>末段</p>`, "无链接文字 末段"],
    // No block of two characters or more: the whole visible text.
    [`<p>a<p>b</p>c</p><style>p{}</style><textarea>输入</textarea><button>按钮</button>`, "abc"],
    // Videos and audio became links to the source before this point; a map goes with its content.
    [`<video><p>视频内</p></video><audio>音频</audio><map>地图</map><p>后面</p>`, "观看视频 / Watch at the source 收听音频 / Listen at the source 后面"],
    // A nested block counts again.
    [`<blockquote><p>引用的话</p></blockquote><p>正文</p>`, "引用的话 引用的话 正文"],
    [`only text, <b>no block</b>`, "only text, no block"],
  ];
  for (const [html, expected] of cases) {
    const raw: RawItem = { input: "crafted.md", index: 0, format: "archive", categories: [], html, media: [], link: "https://example.com/a" };
    const [fromHtml, fromTree] = bothWays(raw);
    assert.equal(fromTree, expected, html);
    assert.equal(fromHtml, expected, html);
  }
});
