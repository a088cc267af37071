// UI strings by site language; dates are localized by luxon separately (dates.ts).
import type { SiteConfig } from "./site-config.ts";

const zhHans = {
  skipToContent: "跳到正文",
  home: "首页",
  topics: "话题",
  sources: "来源",
  archive: "存档",
  search: "搜索",
  latest: "最新摘要",
  earlierDays: "往日摘要",
  otherTopic: "其他",
  items: "条",
  by: "作者",
  source: "来源",
  published: "发布于",
  readOriginal: "阅读原文",
  gallery: "图集",
  previous: "上一篇",
  next: "下一篇",
  related: "相关报道",
  pagination: "分页",
  pageOf: "第 {n} 页，共 {total} 页",
  newer: "较新",
  older: "较早",
  notFoundTitle: "找不到该页面",
  notFoundText: "这个地址没有内容，也许它已被移动。",
  searchNoScript: "搜索需要 JavaScript；也可以按话题、来源或日期浏览。",
  itemsPerDay: "每日条数",
  daysInMonth: "本月各日",
  noItems: "还没有内容。",
  feed: "订阅",
  imageOf: "第 {n} 张",
  ogLocale: "zh_CN",
} as const;

export type UiKey = keyof typeof zhHans;
type Strings = Record<UiKey, string>;

const zhHant: Strings = {
  ...zhHans,
  skipToContent: "跳到正文",
  home: "首頁",
  topics: "話題",
  sources: "來源",
  archive: "存檔",
  search: "搜尋",
  latest: "最新摘要",
  earlierDays: "往日摘要",
  otherTopic: "其他",
  by: "作者",
  source: "來源",
  published: "發佈於",
  readOriginal: "閱讀原文",
  gallery: "圖集",
  previous: "上一篇",
  next: "下一篇",
  related: "相關報導",
  pagination: "分頁",
  pageOf: "第 {n} 頁，共 {total} 頁",
  newer: "較新",
  older: "較早",
  notFoundTitle: "找不到該頁面",
  notFoundText: "這個地址沒有內容，也許它已被移動。",
  searchNoScript: "搜尋需要 JavaScript；也可以按話題、來源或日期瀏覽。",
  itemsPerDay: "每日條數",
  daysInMonth: "本月各日",
  noItems: "還沒有內容。",
  feed: "訂閱",
  imageOf: "第 {n} 張",
  ogLocale: "zh_TW",
};

const en: Strings = {
  skipToContent: "Skip to content",
  home: "Home",
  topics: "Topics",
  sources: "Sources",
  archive: "Archive",
  search: "Search",
  latest: "Latest digest",
  earlierDays: "Earlier days",
  otherTopic: "Other",
  items: "items",
  by: "By",
  source: "Source",
  published: "Published",
  readOriginal: "Read the original",
  gallery: "Gallery",
  previous: "Previous",
  next: "Next",
  related: "Related",
  pagination: "Pagination",
  pageOf: "Page {n} of {total}",
  newer: "Newer",
  older: "Older",
  notFoundTitle: "Page not found",
  notFoundText: "Nothing lives at this address; it may have moved.",
  searchNoScript: "Search needs JavaScript; you can also browse by topic, source or date.",
  itemsPerDay: "Items per day",
  daysInMonth: "Days of this month",
  noItems: "Nothing here yet.",
  feed: "Feed",
  imageOf: "Image {n}",
  ogLocale: "en_US",
};

const TABLES: Record<SiteConfig["lang"], Strings> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/** `t("pageOf", "en", { n: 2, total: 5 })` → "Page 2 of 5". Unknown keys come back as the key. */
export function translate(key: string, lang: SiteConfig["lang"], vars: Record<string, string | number> = {}): string {
  const table = TABLES[lang] ?? zhHans;
  const text: string = (table as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
