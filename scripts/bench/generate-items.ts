// Synthetic items for benchmarks: realistic-looking Chinese news items in the archive format (and an
// RSS 2.0 feed of the same items), made from built-in character tables and sentence templates.
// Deterministic: item i depends only on (seed, i), so any slice can be regenerated on its own.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Dates run backwards from here, so the same seed always yields the same files. */
export const DEFAULT_END = new Date("2026-11-25T00:00:00+08:00");
const DAY_MS = 86_400_000;
const SHARD_SIZE = 1000;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌浩宇晨阳思远嘉怡欣然子轩雨涵梓博睿泽宁安晓岚川澜舟楠";
const PLACE_HEAD = "青白云石金银东西南北长安永宁平河湖山海江清明新远华泰和兴嘉丰凤龙鹭苇沙桐柳桂榕";
const PLACE_TAIL = ["市", "县", "港", "镇", "省", "湾", "州"];
const ORGS = ["发展委员会", "交通运输局", "卫生健康委员会", "商务厅", "统计局", "研究院", "行业协会", "大学", "议会", "港务局", "气象台", "法院"];
const ROLES = ["发言人", "负责人", "研究员", "教授", "官员", "分析人士", "居民", "议员", "工程师", "店主"];
const NOUNS = ["计划", "报告", "政策", "项目", "数据", "协议", "预算", "改革", "调查", "市场", "工程", "设施", "制度", "方案", "资金", "合同", "规定", "服务", "价格", "需求", "供应", "岗位", "基础设施", "公共服务"];
const VERBS = ["宣布", "批准", "推迟", "启动", "暂停", "调整", "公布", "讨论", "审议", "评估", "支持", "反对", "扩大", "削减", "完成", "恢复"];
const TIMES = ["周一", "周二", "周三", "周四", "周五", "周末", "上周", "本月初", "今年以来", "过去三年", "去年同期", "本季度"];
const ADJS = ["明显", "大幅", "小幅", "持续", "意外", "罕见", "逐步", "迅速"];
const TRENDS = ["上升", "下降", "增长", "回落", "波动", "放缓"];
/** Keywords of the default topics (content/_data/topics.json), so topic rules have work to do. */
const TOPIC_KEYWORDS = ["乌克兰作战", "港口", "芯片", "新片", "气候变化", "选举", "公共卫生", "卫星", "关税", "铁路", "文化遗产", "柑橘", "疫苗", "洪水", "半导体"];

// Slots: {P} person, {L} place, {O} organization, {R} role, {N} noun, {V} verb, {T} time,
// {A} adverb, {D} trend, {K} topic keyword, {#} number.
const TEMPLATES = [
  "{L}{O}{T}{V}了一项关于{N}的{N}，预计将影响约{#}万人。",
  "{R}{P}表示，{K}问题已经成为当地最受关注的议题之一，{N}的{D}速度超出预期。",
  "据{L}{O}公布的数据，{T}相关{N}{A}{D}了百分之{#}。",
  "{P}在接受采访时说：“我们需要更多的{N}，而不只是更多的{N}。”",
  "批评者认为，{L}在{K}方面的{N}缺乏透明度，{O}应当尽快{V}相关{N}。",
  "{T}，{L}有{#}家企业{V}了与{K}有关的{N}，其中不少是中小企业。",
  "{L}{O}发言人{P}指出，{N}{A}{D}的原因既有外部环境，也有{N}本身的问题。",
  "当地居民{P}说，过去{#}年里，她亲眼看到{L}的{N}发生了很大变化。",
  "分析人士普遍认为，{K}的走向将在很大程度上取决于{L}{O}下一步的{N}。",
  "按照{L}的{N}，相关{N}须在{#}天内提交{O}{V}。",
  "{P}补充说，{N}和{N}之间并不矛盾，关键在于如何{V}。",
  "这是{L}{T}第{#}次{V}类似的{N}。",
];

/** mulberry32: tiny, fast, good enough for test data (the sample images draw from it too). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: ArrayLike<T>): T => list[Math.floor(rand() * list.length)];
const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

function person(rand: Rand): string {
  return pick(rand, SURNAMES) + pick(rand, GIVEN) + (rand() < 0.6 ? pick(rand, GIVEN) : "");
}

function place(rand: Rand): string {
  return pick(rand, PLACE_HEAD) + pick(rand, PLACE_HEAD) + pick(rand, PLACE_TAIL);
}

// Split once: even entries are literal text, odd entries are slot letters.
const TEMPLATE_PARTS = TEMPLATES.map((t) => t.split(/\{(.)\}/));

function fillSlot(rand: Rand, slot: string, keywords: string[]): string {
  switch (slot) {
    case "P": return person(rand);
    case "L": return place(rand);
    case "O": return pick(rand, ORGS);
    case "R": return pick(rand, ROLES);
    case "N": return pick(rand, NOUNS);
    case "V": return pick(rand, VERBS);
    case "T": return pick(rand, TIMES);
    case "A": return pick(rand, ADJS);
    case "D": return pick(rand, TRENDS);
    case "K": return pick(rand, keywords);
    default: return String(int(rand, 2, 95));
  }
}

const KEYWORD_TEMPLATE_PARTS = TEMPLATE_PARTS.filter((parts) => parts.includes("K"));

function sentence(rand: Rand, keywords: string[], templates = TEMPLATE_PARTS): string {
  const parts = pick(rand, templates);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += fillSlot(rand, parts[i], keywords) + parts[i + 1];
  return text;
}

function paragraph(rand: Rand, keywords: string[]): string {
  const n = int(rand, 4, 12);
  let text = "";
  for (let i = 0; i < n; i++) text += sentence(rand, keywords);
  return text;
}

/** One synthetic item: everything a reader would find in an archive file. */
export interface SyntheticItem {
  id: number;
  title: string;
  link: string;
  author: string;
  /** Feed timestamp (epoch ms); the byline date is a few minutes earlier. */
  timestamp: number;
  keywords: string[];
  html: string;
}

function itemSeed(index: number, seed: number): number {
  return Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
}

/** Whole seconds within the `spanDays` days before `end`, from a stream of its own. */
function timestampFor(index: number, seed: number, end: Date, spanDays: number): number {
  const offset = prng(itemSeed(index, seed) ^ 0x5bd1e995)() * spanDays * DAY_MS;
  return Math.floor((end.getTime() - offset) / 1000) * 1000;
}

/** Item `index`, dated within the `spanDays` days (default a year) before `end`. */
export function generateItem(index: number, seed = 1, end: Date = DEFAULT_END, spanDays = 365): SyntheticItem {
  const rand = prng(itemSeed(index, seed));
  const keywords: string[] = [];
  const wanted = int(rand, 1, 3);
  while (keywords.length < wanted) {
    const k = pick(rand, TOPIC_KEYWORDS);
    if (!keywords.includes(k)) keywords.push(k);
  }
  // Every 7th item shares its predecessor's feed timestamp, as real feeds batch items.
  const timestamp = timestampFor(index % 7 === 6 ? index - 1 : index, seed, end, spanDays);
  const id = 80_000_000 + index;
  const author = rand() < 0.1 ? "" : person(rand);
  const title = `${place(rand)}${pick(rand, ORGS)}${pick(rand, VERBS)}${keywords[0]}${pick(rand, NOUNS)}`;
  const bylineDate = new Date(timestamp - int(rand, 1, 180) * 60_000).toISOString();
  const img = (name: string) => `https://img.example.org/${new Date(timestamp).toISOString().slice(0, 7).replace("-", "/")}/${id}-${name}.jpg`;

  const parts: string[] = [
    `<div><i>${author}<br>${bylineDate}</i></div>`,
    `<img src="${img("lead")}" width="100%"><div><small style="color: #999;">${sentence(rand, keywords)}</small></div>`,
  ];
  const paragraphs = int(rand, 5, 15);
  const topicAt = int(rand, 0, paragraphs - 1);
  const galleryAt = rand() < 0.3 ? int(rand, 1, paragraphs - 1) : -1;
  for (let p = 0; p < paragraphs; p++) {
    let text = paragraph(rand, keywords);
    // The lead paragraph names every keyword, so each item surely matches its topics.
    if (p === 0) text = `（示例通讯社）${keywords.map((k) => sentence(rand, [k], KEYWORD_TEMPLATE_PARTS)).join("")}${text}`;
    if (p === topicAt) text += `<span data-id="${70_000_000 + p}" data-type="AUTO_TOPIC" title="Automatische Themenseite">${keywords[0]}</span>相关的讨论仍在继续。`;
    parts.push(`<p>${text}</p>`);
    if (p === galleryAt) parts.push(gallery(rand, keywords, img));
  }
  parts.push("<p><em>© 示例数据：本文由基准测试生成器合成，内容纯属虚构。</em></p>");
  return { id, title, link: `https://news.example.org/zh/a-${id}`, author, timestamp, keywords, html: parts.join("") };
}

function gallery(rand: Rand, keywords: string[], img: (name: string) => string): string {
  const count = int(rand, 3, 8);
  let html = `<h3>相关图集：${place(rand)}的${pick(rand, NOUNS)}</h3>`;
  for (let g = 1; g <= count; g++) {
    html += `<div><img src="${img(`g${g}`)}" width="100%"><b>${pick(rand, NOUNS)}${pick(rand, VERBS)}</b>：${sentence(rand, keywords)}${sentence(rand, keywords)}</div>`;
  }
  return html;
}

/** The archive file text of one item (line 1 timestamp, line 2 title link, line 3 dashes). */
export function archiveText(item: SyntheticItem): string {
  return `<!--${item.timestamp}-->\n[${item.title}](${item.link})\n------\n\n${item.html}\n`;
}

/** Relative path of item i: `<shard>/<nnnnnn>.md`, 1,000 files per shard folder. */
export function archivePath(index: number): string {
  return path.join(String(Math.floor(index / SHARD_SIZE)).padStart(3, "0"), `${String(index).padStart(6, "0")}.md`);
}

/** Writes n archive files under dir (sharded in folders of 1,000). */
export async function generateArchiveItems(dir: string, n: number, seed = 1, end: Date = DEFAULT_END): Promise<void> {
  for (let start = 0; start < n; start += SHARD_SIZE) {
    const stop = Math.min(n, start + SHARD_SIZE);
    await mkdir(path.join(dir, path.dirname(archivePath(start))), { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = start; i < stop; i++) writes.push(writeFile(path.join(dir, archivePath(i)), archiveText(generateItem(i, seed, end))));
    await Promise.all(writes);
  }
}

/** Items [from, from + count) dated within the day after `end`: the night after the archive. */
export async function generateNightlyItems(dir: string, from: number, count: number, seed = 1, end: Date = DEFAULT_END): Promise<string[]> {
  const nextDay = new Date(end.getTime() + DAY_MS);
  const files: string[] = [];
  for (let i = from; i < from + count; i++) {
    const file = path.join(dir, archivePath(i));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, archiveText(generateItem(i, seed, nextDay, 1)));
    files.push(file);
  }
  return files;
}

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// Generated HTML never holds "]]>", but split it anyway so the CDATA section cannot break.
const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/** An RSS 2.0 feed (content:encoded, dc:creator, categories, media:content) of n generated items. */
export function generateRssFeed(n: number, seed = 1, end: Date = DEFAULT_END): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = generateItem(i, seed, end);
    items.push(
      [
        "<item>",
        `<title>${escapeXml(item.title)}</title>`,
        `<link>${item.link}</link>`,
        `<guid isPermaLink="false">bench-${seed}-${item.id}</guid>`,
        `<pubDate>${new Date(item.timestamp).toUTCString()}</pubDate>`,
        item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : "",
        ...item.keywords.map((k) => `<category>${escapeXml(k)}</category>`),
        `<content:encoded>${cdata(item.html)}</content:encoded>`,
        `<media:content url="https://img.example.org/bench/${item.id}-lead.jpg" type="image/jpeg" medium="image"/>`,
        "</item>",
      ].join(""),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    `<channel><title>基准测试合成新闻 (seed ${seed})</title><link>https://news.example.org/zh/</link><description>Synthetic items for benchmarks</description><language>zh-cn</language>`,
    ...items,
    "</channel></rss>",
    "",
  ].join("\n");
}
