// Each cleaning rule on the real samples it exists for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanItem } from "../../scripts/ingest/clean/index.ts";
import { ITEMS, requireShared, sample } from "./samples.ts";

const clean = (name: string) => cleanItem(sample(name));

test("unwraps weserv proxies, with and without the slash before ?, in src and srcset", (t) => {
  if (!requireShared(t, ITEMS)) return;
  assert.equal(clean("voa/1014000").image?.src, "https://gdb.voanews.com/01000000-0aff-0242-2b39-08dca7193ba2_r1_s_w900.jpg");
  // NYT's <picture> only had proxied srcsets; the unwrapped URL keeps the original's own query.
  assert.match(clean("nyt/1044000").image?.src ?? "", /^https:\/\/static01\.nyt\.com\/images\/2023\/04\/20\/.*\.jpg\?quality=75&auto=webp/);
  assert.match(clean("bbc/1042500").html, /src="https:\/\/ichef\.bbci\.co\.uk\/news\/640\//);
  assert.equal(clean("ft/1046300").image?.src, "https://thumbor.ftacademy.cn/unsafe/picture/9/000110069_piclink.jpg");
});

test("drops the feed footer and what follows it, keeps the copyright line", (t) => {
  if (!requireShared(t, ITEMS)) return;
  for (const name of ["rfi/1042000", "bbc/1045200", "dw/1025000"]) {
    const { html } = clean(name);
    assert.doesNotMatch(html, /获取更多RSS|feedx/, name);
    assert.doesNotMatch(html, /<hr/, name);
  }
  assert.match(clean("dw/1025000").html, /<p>© 2024年德国之声版权声明/);
});

test("drops share blocks (RFI with custom elements, CDT AddToAny) and ad sections (BBC, FT)", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const rfi = clean("rfi/1000050");
  assert.doesNotMatch(rfi.html, /分享|share|whatsapp|facebook/i);
  assert.match(rfi.html, /凭借务实、长远且漠视道德的视角/);
  for (const name of ["cdt/0", "cdt/340001", "cdt/366151"]) assert.doesNotMatch(clean(name).html, /addtoany|Facebook|Telegram/, name);
  for (const name of ["bbc/1041692", "ft/1046800"]) assert.ok(clean(name).notes.some((n) => n.startsWith("removed ad slot")), name);
  assert.doesNotMatch(clean("ft/1044801").html, /温馨提示/);
});

test("removes VOA's empty paragraphs and turns its <br><br> runs into paragraphs", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const voa = clean("voa/1014000").html;
  assert.doesNotMatch(voa, /<br \/>\s*<br/);
  assert.match(voa, /<p>中国商务部贸易救济调查局星期四（7月17日）宣布/);
  assert.doesNotMatch(clean("voa/1029000").html, /<p>\s*<\/p>/);
  assert.doesNotMatch(clean("rfa/1045000").html, /<p>\s*(<br \/>)?\s*<\/p>/);
});

test("resolves lazy images to one real image, and drops images with no source", (t) => {
  if (!requireShared(t, ITEMS)) return;
  // CDT: <noscript> fallback beside a lazy img: one image, from data-src, not two.
  assert.equal(clean("cdt/0").image?.src, "https://chinadigitaltimes.net/chinese/wp-content/blogs.dir/4/files/2021/05/51012467015_7432b7c023_c.jpeg");
  assert.doesNotMatch(clean("cdt/0").html, /<img/);
  // RFI: a data:gif placeholder src with the real image in srcset.
  const rfi = clean("rfi/1015000").html;
  assert.doesNotMatch(rfi, /data:image/);
  assert.equal((rfi.match(/<img src="https:\/\/s\.rfi\.fr\//g) ?? []).length, 3);
  // NYT: <img> with no src and the literal "Image" beside it.
  const nyt = clean("nyt/1044000").html;
  assert.doesNotMatch(nyt, /<img(?![^>]*src=)|>Image</);
});

test("lifts bylines: DW (empty author), VOA RFC 1123, RFI Paris time, NYT Beijing time, BBC list", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const dw = clean("dw/1025000");
  assert.equal(dw.author, undefined);
  assert.equal(dw.date, "2024-07-04T11:33:30.242Z");
  assert.equal(clean("voa/1014000").date, "2024-07-18T14:41:01.000Z");
  assert.doesNotMatch(clean("voa/1014000").html, /GMT/);
  // 25/09/2023 - 00:48 in Paris (CEST, UTC+2).
  const rfi = clean("rfi/1000050");
  assert.equal(rfi.date, "2023-09-24T22:48:00.000Z");
  assert.doesNotMatch(rfi.html, /25\/09\/2023/);
  // <address> + <time datetime="2025-02-14 05:24:00">, Beijing time.
  const nyt = clean("nyt/1041947");
  assert.equal(nyt.author, "David Wallace-Wells");
  assert.equal(nyt.date, "2025-02-13T21:24:00.000Z");
  assert.doesNotMatch(nyt.html, /DAVID WALLACE-WELLS|2025年2月14日/);
  const nyt2020 = clean("nyt/1047700");
  assert.equal(nyt2020.author, "Stephen Wertheim");
  assert.equal(nyt2020.date, "2020-10-16T02:47:24.000Z");
  // BBC: the byline list gives the author; "15 分钟前" is not a date, and both leave the body.
  const bbc = clean("bbc/1041692");
  assert.equal(bbc.author, "萨姆·卡布拉尔（Sam Cabral）");
  assert.equal(bbc.date, undefined);
  assert.doesNotMatch(bbc.html, /分钟前|BBC新闻，华盛顿|萨姆·卡布拉尔/);
  assert.equal(clean("reuters/1024951").date, "2022-04-11T08:12:20.000Z");
});

test("lifts the lead image and its caption, only when it leads the body", (t) => {
  if (!requireShared(t, ITEMS)) return;
  assert.deepEqual(clean("voa/1040500").image?.caption?.slice(0, 9), "资料照片：时任负责");
  // FT: the image follows a short standfirst.
  assert.equal(clean("ft/1044801").image?.src, "https://thumbor.ftacademy.cn/unsafe/picture/6/000133436_piclink.jpg");
  assert.match(clean("ft/1044801").html, /^<p>何越：/);
  // BBC: caption and credit from the nested image block.
  const bbc = clean("bbc/1045200").image;
  assert.equal(bbc?.caption, "美国默克药厂称，其实验效果十分好，并将在未来两周内为在美国申请紧急使用授权。");
  assert.equal(bbc?.credit, "图像来源，Merck");
  // NYT: the credit written into the caption is split off.
  assert.equal(clean("nyt/1044000").image?.caption, "上周，中国国家主席习近平与巴西总统卢拉在北京。");
  // Reuters: an image after the first paragraph is an inline figure, not a lead image.
  const reuters = clean("reuters/1045000");
  assert.equal(reuters.image, undefined);
  assert.match(reuters.html, /<figure><img src="https:\/\/static\.reuters\.com\/[^"]+" \/><figcaption>2020年9月14日，上海/);
});

test("lifts galleries: DW's titled gallery and BBC's run of figures", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const dw = clean("dw/1033500");
  assert.equal(dw.gallery?.title, "德国总理们与中国的“亲密接触”");
  assert.equal(dw.gallery?.images.length, 7);
  assert.ok(dw.gallery!.images.every((i) => i.title && i.caption && i.src.startsWith("https://static.dw.com/")));
  assert.doesNotMatch(dw.html, /相关图集/);
  const bbc = clean("bbc/1047300");
  assert.equal(bbc.gallery?.images.length, 14);
  assert.ok(bbc.gallery!.images.every((i) => i.src.startsWith("https://ichef.bbci.co.uk/") && i.caption));
  assert.doesNotMatch(bbc.html, /<figure/);
  // Two figures apart are no gallery.
  assert.equal(clean("bbc/1042500").gallery, undefined);
});

test("lifts DW topic markers and keeps their text in the sentence", (t) => {
  if (!requireShared(t, ITEMS)) return;
  const dw = clean("dw/1025000");
  assert.deepEqual(dw.topics, ["对华贸易"]);
  assert.match(dw.html, /对华贸易/);
  assert.doesNotMatch(dw.html, /data-type|<span/);
});

test("resolves URLs, strips tracking, reduces API links, replaces embeds with links", (t) => {
  if (!requireShared(t, ITEMS)) return;
  // BBC's relative links resolve against the article.
  assert.match(clean("bbc/1042500").html, /href="https:\/\/www\.bbc\.com\/zhongwen\/simp\/world-62222146"/);
  // NYT newsletter tracking (te, nl, _ga) goes.
  const nyt = clean("nyt/1044000").html;
  assert.doesNotMatch(nyt, /[?&](te|nl|_ga)=/);
  assert.match(nyt, /href="https:\/\/www\.nytimes\.com\/2023\/04\/20\/business\/economy\/yellen-us-china-relationship\.html"/);
  // DW's api.dw.com links are reduced to their text.
  const dw = clean("dw/1025000");
  assert.doesNotMatch(dw.html, /api\.dw\.com/);
  assert.match(dw.html, /《南德意志报》去年7月报道称，双方/);
  // Embeds: YouTube → its watch page; FT's script player → its video page; BBC → the article.
  assert.match(dw.html, /<p><a href="https:\/\/www\.youtube\.com\/watch\?v=8YAzguUl34E">观看视频 \/ Watch at the source<\/a><\/p>/);
  const ft = clean("ft/1046800").html;
  assert.match(ft, /<a href="https:\/\/cn\.ft\.com\/video\/3555">观看视频 \/ Watch at the source<\/a> · 英国驻华大使吴若兰/);
  assert.doesNotMatch(ft, /pay wall|bokecc/);
  assert.match(clean("bbc/1042500").html, /<a href="https:\/\/www\.bbc\.com\/zhongwen\/simp\/uk-66772594">观看视频/);
  assert.match(clean("dw/1028000").html, /^<p>尽管战争仍在持续.*<a href="https:\/\/www\.dw\.com\/zh\/[^"]+a-67298396">观看视频/);
  assert.match(clean("voa/1029000").html, /收听音频 \/ Listen at the source/);
});
