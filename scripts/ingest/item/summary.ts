// A short summary for listings and feeds: the opening paragraphs' text, cut at a sentence end.
// CJK text carries more per character, so its limit is about half the Latin one.
// htmlparser2 straight, without cheerio's wrappers: the sanitized body needs no full HTML5 tree,
// and a summary is made for every item the ingest prepares.
import type { AnyNode, Element } from "domhandler";
import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";

const NOT_CJK = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;
const SENTENCE_END = /[。！？!?…]|[.;](?=\s)/g;
const BLOCKS = new Set(["p", "li", "blockquote", "h2", "h3"]);

export function summarize(html: string, fallback = ""): string {
  const doc = parseDocument(html);
  const blocks: string[] = [];
  let total = 0;
  // The text of every block in document order (a nested block counts again), until about 400 characters.
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length && total <= 400) {
    const node = stack.pop()!;
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") continue;
    const el = node as Element;
    if (BLOCKS.has(el.name)) {
      const text = textContent(el).replace(/\s+/g, " ").trim();
      if (text.length > 1) {
        blocks.push(text);
        total += text.length;
      }
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  const text = blocks.length ? blocks.join(" ") : textContent(doc).replace(/\s+/g, " ").trim() || fallback;
  return truncate(text);
}

/** Cut to about 120 CJK or 240 Latin characters, preferring the last sentence end inside the limit. */
export function truncate(text: string): string {
  // CJK characters among the first 200, counted by deleting the rest (a match per character
  // costs several times more); those outside the BMP are two UTF-16 units but one character.
  const cjkOnly = text.slice(0, 200).replace(NOT_CJK, "");
  const cjk = cjkOnly.length - (cjkOnly.match(HIGH_SURROGATE)?.length ?? 0) > 40;
  const limit = cjk ? 120 : 240;
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) if (m.index! >= limit * 0.5) cut = m.index! + 1;
  if (cut > 0) return head.slice(0, cut).trim();
  const space = cjk ? -1 : head.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? head.slice(0, space) : head).trim()}…`;
}
