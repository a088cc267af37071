// A short summary for listings and feeds: the opening paragraphs' text, cut at a sentence end.
// CJK text carries more per character, so its limit is about half the Latin one.
// cheerio/slim parses with htmlparser2: the sanitized body needs no full HTML5 tree, and it is faster.
import { load } from "cheerio/slim";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const SENTENCE_END = /[。！？!?…]|[.;](?=\s)/g;

export function summarize(html: string, fallback = ""): string {
  const $ = load(html, null, false);
  const blocks: string[] = [];
  let total = 0;
  $("p, li, blockquote, h2, h3").each((_, el) => {
    if (total > 400) return false;
    const text = $(el).text().replace(/\s+/g, " ").trim();
    if (text.length > 1) {
      blocks.push(text);
      total += text.length;
    }
    return undefined;
  });
  const text = blocks.length ? blocks.join(" ") : ($.root().text().replace(/\s+/g, " ").trim() || fallback);
  return truncate(text);
}

/** Cut to about 120 CJK or 240 Latin characters, preferring the last sentence end inside the limit. */
export function truncate(text: string): string {
  const cjk = (text.slice(0, 200).match(CJK)?.length ?? 0) > 40;
  const limit = cjk ? 120 : 240;
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) if (m.index! >= limit * 0.5) cut = m.index! + 1;
  if (cut > 0) return head.slice(0, cut).trim();
  const space = cjk ? -1 : head.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? head.slice(0, space) : head).trim()}…`;
}
