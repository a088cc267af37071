// Language of an item: the source config says it, else the feed, else the text decides.
// Chinese is told apart as Simplified or Traditional by characters that exist in only one script.

// Frequent characters whose forms differ between the scripts (pairs: Simplified, Traditional).
const PAIRS =
  "这這个個们們说說国國时時会會来來为為对對后後于於与與发發经經过過还還学學开開关關长長问問见見现現进進种種动動选選战戰军軍报報湾灣华華区區体體当當点點实實将將从從让讓总總统統党黨无無车車门門马馬鸟鳥书書东東买買卖賣页頁气氣电電话話语語认認议議记記论論应應观觀产產业業务務质質历歷团團围圍图圖场場边邊达達运運连連远遠际際陆陸队隊阳陽阴陰";
// Per UTF-16 unit (every paired character is in the BMP): 1 Simplified-only, 2 Traditional-only.
// A table lookup per unit is several times cheaper than a Set of one-character strings.
const SCRIPT_OF = new Uint8Array(0x10000);
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  SCRIPT_OF[PAIRS.charCodeAt(i)] = 1;
  SCRIPT_OF[PAIRS.charCodeAt(i + 1)] = 2;
}

const NOT_HAN = /[^\p{Script=Han}]+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

/** Characters in a string, not UTF-16 units: one outside the BMP (many rare Han) takes two. */
export function codePointCount(text: string): number {
  return text.length - (text.match(HIGH_SURROGATE)?.length ?? 0);
}
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/** Best guess at a BCP 47 tag for a text: zh-Hans, zh-Hant, ja, ko, or `fallback` (default en). */
export function detectLanguage(text: string, fallback = "en"): string {
  const sample = text.slice(0, 4000);
  const hanOnly = sample.replace(NOT_HAN, "");
  const han = codePointCount(hanOnly);
  if (KANA.test(sample)) return "ja";
  if (HANGUL.test(sample) && han < 10) return "ko";
  if (han < Math.max(4, sample.replace(/\s+/g, "").length * 0.15)) return fallback;
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < hanOnly.length; i++) {
    const script = SCRIPT_OF[hanOnly.charCodeAt(i)];
    if (script === 1) simplified++;
    else if (script === 2) traditional++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

/** Normalizes feed-declared codes: zh-CN/zh-cn/zh_Hans → zh-Hans; zh-TW/zh-HK → zh-Hant; en-US → en. */
export function normalizeLanguageTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace(/_/g, "-").toLowerCase();
  if (!t) return undefined;
  if (/^zh-(hant|tw|hk|mo)/.test(t)) return "zh-Hant";
  if (/^zh/.test(t)) return "zh-Hans";
  return t.split("-")[0];
}
